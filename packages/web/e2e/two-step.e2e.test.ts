import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
// The RFC 6238 implementation the server tests check against RFC 6238 Appendix B first.
import { base32ToBytes, totp } from '../../server/test/rfc6238.ts';
import { type ColorScheme, useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { TodayPage } from './pages/today-page.ts';

/** Settings → "Two-step sign-in", found by its heading and labels. */
function twoStep(page: Page) {
  const section = page.getByRole('region', { name: 'Two-step sign-in' });
  return {
    section,
    turnOn: section.getByRole('button', { name: 'Turn on two-step sign-in' }),
    qr: section.getByRole('img', { name: 'QR code that adds Sunlog to an authenticator app' }),
    secret: section.getByTestId('totp-secret'),
    code: section.getByLabel('Code from your authenticator app'),
    confirm: section.getByRole('button', { name: 'Turn on', exact: true }),
    codes: section.getByRole('list', { name: 'Save your recovery codes' }).getByRole('listitem'),
    saved: section.getByRole('button', { name: 'I have saved my codes' }),
    download: section.getByRole('link', { name: 'Download codes' }),
    status: section.getByRole('status').last(),
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Turns two-step sign-in on through Settings; answers the secret and the time step the code used. */
async function turnOnInSettings(page: Page): Promise<{ key: Buffer; step: number; codes: string[] }> {
  const ui = twoStep(page);
  await ui.turnOn.click();
  await ui.qr.waitFor();
  const key = base32ToBytes(((await ui.secret.textContent()) ?? '').replace(/\s/g, ''));
  const seconds = nowSeconds();
  await ui.code.fill(totp(key, seconds));
  await ui.confirm.click();
  await ui.codes.first().waitFor();
  const codes = (await ui.codes.allTextContents()).map((text) => text.trim());
  return { key, step: Math.floor(seconds / 30), codes };
}

/** A code of a later time step than `step` (the server refuses a code of a step already used). */
async function freshCode(key: Buffer, step: number): Promise<string> {
  await expect
    .poll(() => Math.floor(nowSeconds() / 30), { timeout: 35_000, interval: 500 })
    .toBeGreaterThan(step);
  return totp(key, nowSeconds());
}

describe.skipIf(warnIfSkipped())('two-step sign-in in a real browser', () => {
  const suite = useBrowserSuite();

  test('turned on in Settings at 390 × 844 with a computed code; signing in then needs the password and a code', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    const person = await registerThroughApi(page);
    const settings = new SettingsPage(page);
    await settings.goto();
    const ui = twoStep(page);
    await ui.section.scrollIntoViewIfNeeded();
    expect(await smallTargets(page)).toEqual([]);

    const { key, step, codes } = await turnOnInSettings(page);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await ui.download.getAttribute('download')).toBe('sunlog-recovery-codes.txt');
    expect(await axeViolations(page, 'two-step-codes-390')).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await ui.saved.click();
    await expect.poll(() => ui.section.textContent()).toContain('10 recovery codes left.');
    await expect.poll(() => ui.section.textContent()).toContain('Two-step sign-in is on.');

    // Sign out, then sign in: the password first, then the code from the app.
    const signedOut = await page.request.post('/api/v1/auth/sign-out');
    expect(signedOut.status()).toBe(204);
    const signIn = new SignInPage(page);
    await signIn.goto();
    const [asked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sign-in')),
      signIn.signIn(person.email, person.password),
    ]);
    expect(asked.status()).toBe(401);
    await page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' }).waitFor();
    const codeField = page.getByLabel('Code from your authenticator app');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await axeViolations(page, 'sign-in-code-390')).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // The code that turned it on was used once already: refused.
    await codeField.fill(totp(key, step * 30));
    const [replayed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sign-in')),
      signIn.submitButton.click(),
    ]);
    expect(replayed.status()).toBe(401);
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await keep(page, 'sign-in-code-refused-390x844');

    await codeField.fill(await freshCode(key, step));
    await signIn.submitButton.click();
    await new TodayPage(page).heading.waitFor();

    // A recovery code works once, in a fresh browser.
    const other = await suite.openPage({ width: 390, height: 844 });
    const otherSignIn = new SignInPage(other);
    await otherSignIn.goto();
    await otherSignIn.signIn(person.email, person.password);
    await other.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await other.getByLabel('Recovery code').fill(codes[0] ?? '');
    await otherSignIn.submitButton.click();
    await new TodayPage(other).heading.waitFor();

    // The new device shows in the account activity in plain words.
    await settings.goto();
    await expect
      .poll(() => settings.activity.allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Signed in from a new device or browser')]));
  }, 120_000);

  test('a download asks for the password when the last proof is over 5 minutes old, then downloads', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    const person = await registerThroughApi(page);
    // The server's own refusal after 5 minutes is tested in export-reauthentication.int.test.ts (it moves
    // the server's clock); here the app is told the session is old, to show what the person then sees.
    await page.route('**/api/v1/auth/reauthentication', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ recent: false }),
      }),
    );
    await new SettingsPage(page).goto();
    const section = page.getByRole('region', { name: 'Download your data' });
    const link = section.getByRole('link', { name: 'Download everything (JSON)' });
    await link.click();
    const password = section.getByLabel('Your password', { exact: true });
    await password.waitFor();
    expect(await password.evaluate((element) => element === document.activeElement)).toBe(true);
    await section.scrollIntoViewIfNeeded();
    expect(await axeViolations(page, 'download-password-390')).toEqual([]);
    await keep(page, 'download-password-390x844');

    await password.fill('not my password at all');
    await section.getByRole('button', { name: 'Continue to download' }).click();
    await section.getByText('The password is incorrect.').first().waitFor();

    await password.fill(person.password);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Continue to download' }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      account: { email: string };
    };
    expect(exported.account.email).toBe(person.email);
    expect(await password.count()).toBe(0);
  });

  test.each([
    ['light', 390, 844],
    ['dark', 390, 844],
    ['light', 1280, 800],
    ['dark', 1280, 800],
  ] as [ColorScheme, number, number][])(
    'Settings and sign-in have no axe violations in the %s theme at %i px',
    async (colorScheme, width, height) => {
      const page = await suite.openPage({ width, height, colorScheme });
      const person = await registerThroughApi(page);
      await new SettingsPage(page).goto();
      const ui = twoStep(page);
      await ui.section.scrollIntoViewIfNeeded();
      expect(await axeViolations(page, `two-step-off-${colorScheme}-${width}`)).toEqual([]);
      await keep(page, `two-step-off-${colorScheme}-${width}x${height}`);

      await ui.turnOn.click();
      await ui.qr.waitFor();
      await ui.section.scrollIntoViewIfNeeded();
      expect(await axeViolations(page, `two-step-scan-${colorScheme}-${width}`)).toEqual([]);
      await keep(page, `two-step-scan-${colorScheme}-${width}x${height}`);
      const key = base32ToBytes(((await ui.secret.textContent()) ?? '').replace(/\s/g, ''));
      await ui.code.fill(totp(key, nowSeconds()));
      await ui.confirm.click();
      await ui.codes.first().waitFor();
      await ui.codes.first().scrollIntoViewIfNeeded();
      expect(await axeViolations(page, `two-step-codes-${colorScheme}-${width}`)).toEqual([]);
      await keep(page, `two-step-codes-${colorScheme}-${width}x${height}`);
      await ui.saved.click();
      await ui.section.getByRole('button', { name: 'Turn off', exact: true }).waitFor();
      expect(await axeViolations(page, `two-step-on-${colorScheme}-${width}`)).toEqual([]);
      await keep(page, `two-step-on-${colorScheme}-${width}x${height}`);

      await page.request.post('/api/v1/auth/sign-out');
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn(person.email, person.password);
      await page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' }).waitFor();
      expect(await axeViolations(page, `sign-in-code-${colorScheme}-${width}`)).toEqual([]);
      await keep(page, `sign-in-code-${colorScheme}-${width}x${height}`);
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').waitFor();
      expect(await axeViolations(page, `sign-in-recovery-${colorScheme}-${width}`)).toEqual([]);
      await keep(page, `sign-in-recovery-${colorScheme}-${width}x${height}`);
    },
    120_000,
  );
});

/** Saves what the screen shows now when SUNLOG_SCREENSHOTS_DIR is set. */
async function keep(page: Page, name: string): Promise<void> {
  const folder = process.env.SUNLOG_SCREENSHOTS_DIR;
  if (folder === undefined) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png` });
}
