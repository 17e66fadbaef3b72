import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type ColorScheme, useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';

/**
 * Passkeys with Chromium's virtual authenticator (CDP WebAuthn domain). WebAuthn refuses an IP address
 * as the relying party, so these pages use http://localhost:PORT (a secure context, like 127.0.0.1);
 * the server runs without PUBLIC_URL and takes the relying party from the origin the request came to.
 */

const PASSKEY_FAILED = 'This passkey did not work.';

/** The test server's address with the host name WebAuthn accepts. */
function localhostOf(url: string): string {
  return url.replace('127.0.0.1', 'localhost');
}

/** Gives the page a platform authenticator that holds discoverable credentials and verifies the user. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
}

/** Registers a person on `origin` through the API in the page's context (which keeps the cookie). */
async function register(page: Page, origin: string) {
  const person = {
    email: `passkey-${Math.random().toString(36).slice(2, 10)}@example.org`,
    password: 'sunny meadow at noon',
  };
  const registered = await page.request.post(`${origin}/api/v1/auth/register`, { data: person });
  expect(registered.status()).toBe(201);
  const consented = await page.request.patch(`${origin}/api/v1/me/profile`, {
    data: { consentedAt: new Date().toISOString() },
  });
  expect(consented.status()).toBe(200);
  return person;
}

function passkeySection(page: Page) {
  const section = page.getByRole('region', { name: 'Passkeys' });
  return {
    section,
    name: section.getByLabel('Name for the new passkey (optional)'),
    add: section.getByRole('button', { name: 'Add a passkey' }),
    status: section.getByRole('status'),
  };
}

async function signOut(page: Page, origin: string): Promise<void> {
  const response = await page.request.post(`${origin}/api/v1/auth/sign-out`);
  expect(response.status()).toBe(204);
}

describe.skipIf(warnIfSkipped())('passkeys in a real browser', () => {
  const suite = useBrowserSuite();

  test('at 390 × 844: add a passkey in Settings, sign out, sign in with it (no password typed), remove it; then it is refused clearly', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    const origin = localhostOf(suite.url());
    await addVirtualAuthenticator(page);
    await register(page, origin);

    await page.goto(`${origin}/settings`);
    const form = passkeySection(page);
    await form.section.getByText('You have no passkeys yet.').waitFor();
    await form.name.fill('My phone');
    await form.add.click();
    await expect.poll(() => form.status.textContent()).toContain('Passkey "My phone" added');
    await form.section.getByText('My phone', { exact: true }).waitFor();
    await form.section.getByText('not used yet', { exact: false }).waitFor();
    await form.section.scrollIntoViewIfNeeded();
    await keepViewport(page, 'passkeys-settings-added-390x844');
    expect(await axeViolations(page, 'passkeys-settings-390')).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);

    await signOut(page, origin);
    await page.goto(`${origin}/sign-in`);
    const passkeyButton = page.getByRole('button', { name: 'Sign in with a passkey' });
    // The sign-in screen loads on first visit: wait for it before looking at it.
    await passkeyButton.waitFor();
    await keepScreenshot(page, 'passkeys-sign-in-390x844');
    expect(await axeViolations(page, 'passkeys-sign-in-390')).toEqual([]);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    const [answer] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/passkey')),
      passkeyButton.click(),
    ]);
    expect(answer.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /today/i }).waitFor();

    // Signed in by passkey just now: removing it needs no password.
    await page.goto(`${origin}/settings`);
    await form.section.getByText(/last used/).waitFor();
    await form.section.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => form.status.textContent()).toContain('Passkey "My phone" removed');
    await form.section.getByText('You have no passkeys yet.').waitFor();

    // The authenticator still holds the credential, but the account no longer knows it.
    await signOut(page, origin);
    await page.goto(`${origin}/sign-in`);
    const [refused] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/passkey')),
      passkeyButton.click(),
    ]);
    expect(refused.status()).toBe(401);
    await page.getByRole('alert').filter({ hasText: PASSKEY_FAILED }).waitFor();
    await keepScreenshot(page, 'passkeys-sign-in-refused-390x844');
    expect(await axeViolations(page, 'passkeys-sign-in-refused-390')).toEqual([]);
  });

  test('adding a passkey after five minutes asks for the password first, then goes ahead', async () => {
    const page = await suite.openPage({ width: 1280, height: 800 });
    const origin = localhostOf(suite.url());
    await addVirtualAuthenticator(page);
    const person = await register(page, origin);
    // As if the sign-in was long ago: the session's last proof of identity moves six minutes back.
    const db = new Database(join(suite.dataDir(), 'sunlog.db'));
    try {
      db.prepare('update sessions set authenticated_at = ?').run(
        new Date(Date.now() - 6 * 60_000).toISOString(),
      );
    } finally {
      db.close();
    }
    // The server trusts a session it checked within the last second without reading it again
    // (accounts/session-cache.ts); wait that out so it sees the older proof.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await page.goto(`${origin}/settings`);
    const form = passkeySection(page);
    await form.add.click();
    const password = form.section.getByLabel('Your password');
    await password.waitFor();
    await form.section.scrollIntoViewIfNeeded();
    await keepViewport(page, 'passkeys-settings-password-1280x800');
    expect(await axeViolations(page, 'passkeys-settings-password-1280')).toEqual([]);
    await password.fill(person.password);
    await form.section.getByRole('button', { name: 'Confirm and continue' }).click();
    await expect
      .poll(() => form.status.textContent())
      .toMatch(/Passkey "Passkey added \d{4}-\d{2}-\d{2}" added/);
  });

  for (const scheme of ['light', 'dark'] as ColorScheme[]) {
    test(`Settings with a passkey and the sign-in screen have no axe violations in ${scheme} at 390 and 1280`, async () => {
      for (const [width, height] of [
        [390, 844],
        [1280, 800],
      ] as const) {
        const page = await suite.openPage({ width, height, colorScheme: scheme });
        const origin = localhostOf(suite.url());
        await addVirtualAuthenticator(page);
        await register(page, origin);
        await page.goto(`${origin}/settings`);
        const form = passkeySection(page);
        await form.name.fill('Laptop');
        await form.add.click();
        await expect.poll(() => form.status.textContent()).toContain('added');
        await form.section.scrollIntoViewIfNeeded();
        await keepViewport(page, `passkeys-settings-${scheme}-${width}x${height}`);
        expect(await axeViolations(page, `passkeys-settings-${scheme}-${width}`)).toEqual([]);
        await signOut(page, origin);
        await page.goto(`${origin}/sign-in`);
        await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
        expect(await axeViolations(page, `passkeys-sign-in-${scheme}-${width}x${height}`)).toEqual([]);
      }
    });
  }
});

/** Saves what the screen shows now (not the whole page) when SUNLOG_SCREENSHOTS_DIR is set. */
async function keepViewport(page: Page, name: string): Promise<void> {
  const folder = process.env.SUNLOG_SCREENSHOTS_DIR;
  if (folder === undefined) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png` });
}
