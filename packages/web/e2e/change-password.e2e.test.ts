import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { TodayPage } from './pages/today-page.ts';

const NEW_PASSWORD = 'lantern orchard pebble quietly';

/** The "Change password" section of Settings, found the way a person finds it: by its heading and labels. */
function passwordSection(page: Page) {
  const section = page.getByRole('region', { name: 'Change password' });
  return {
    section,
    current: section.getByLabel('Current password', { exact: true }),
    next: section.getByLabel('New password', { exact: true }),
    button: section.getByRole('button', { name: 'Change password', exact: true }),
    status: section.getByRole('status'),
  };
}

/** Presses "Change password" and answers the server's status for it. */
async function submit(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/me/password')),
    passwordSection(page).button.click(),
  ]);
  return response.status();
}

describe.skipIf(warnIfSkipped())('changing the password in a real browser', () => {
  const suite = useBrowserSuite();

  test('refusals say why; a change signs the other device out, and only the new password signs in afterwards', async () => {
    const phone = await suite.openPage({ width: 390 });
    const person = await registerThroughApi(phone);
    // A second device, signed in with the same account.
    const laptop = await suite.openPage();
    const laptopSignIn = new SignInPage(laptop);
    await laptopSignIn.goto();
    await laptopSignIn.signIn(person.email, person.password);
    await new TodayPage(laptop).heading.waitFor();

    const settings = new SettingsPage(phone);
    await settings.goto();
    const form = passwordSection(phone);

    // A wrong current password: the field says so and nothing changes.
    await form.current.fill('not my password at all');
    await form.next.fill(NEW_PASSWORD);
    expect(await submit(phone)).toBe(401);
    await phone.getByText('The current password is incorrect.').waitFor();
    expect(await form.current.getAttribute('aria-invalid')).toBe('true');

    // A weak new one: the estimator's reason is shown beside the field.
    await form.current.fill(person.password);
    await form.next.fill('aaaaaaaaaa');
    expect(await submit(phone)).toBe(400);
    expect(await form.next.getAttribute('aria-invalid')).toBe('true');
    const reason = await form.section.locator('.field__error').textContent();
    expect(reason ?? '').toMatch(/repeat|guess/i);
    expect(await axeViolations(phone, 'change-password-refused-390')).toEqual([]);
    expect(await smallTargets(phone)).toEqual([]);
    expect(await sidewaysOverflow(phone)).toEqual([]);

    await form.next.fill(NEW_PASSWORD);
    expect(await submit(phone)).toBe(204);
    await expect.poll(() => form.status.textContent()).toContain('Every other device was signed out');
    expect(await form.current.inputValue()).toBe('');
    await form.status.scrollIntoViewIfNeeded();
    await keepViewport(phone, 'change-password-done-390');

    // This device stays signed in; the laptop is signed out at its next request.
    await phone.reload();
    await settings.heading.waitFor();
    await laptop.reload();
    await laptopSignIn.heading.waitFor();

    // Sign this device out too, then sign in afresh in a new browser: the old password fails, the new works.
    const signedOut = await phone.request.post('/api/v1/auth/sign-out');
    expect(signedOut.status()).toBe(204);
    const fresh = await suite.openPage();
    const signIn = new SignInPage(fresh);
    await signIn.goto();
    const [old] = await Promise.all([
      fresh.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/sign-in')),
      signIn.signIn(person.email, person.password),
    ]);
    expect(old.status()).toBe(401);
    await signIn.signIn(person.email, NEW_PASSWORD);
    await new TodayPage(fresh).heading.waitFor();
  });

  test('the section, also showing a refusal, has no axe violations at 1280 × 800 and 390 × 844', async () => {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      const page = await suite.openPage({ width });
      await page.setViewportSize({ width, height });
      const person = await registerThroughApi(page);
      await new SettingsPage(page).goto();
      const form = passwordSection(page);
      expect(await axeViolations(page, `change-password-${width}`)).toEqual([]);
      await form.current.fill(person.password);
      await form.next.fill('aaaaaaaaaa');
      expect(await submit(page)).toBe(400);
      await form.section.scrollIntoViewIfNeeded();
      await keepViewport(page, `change-password-refused-${width}x${height}`);
      expect(await axeViolations(page, `change-password-refused-${width}`)).toEqual([]);
    }
  });
});

/** Saves what the screen shows now (not the whole page) when SUNLOG_SCREENSHOTS_DIR is set. */
async function keepViewport(page: Page, name: string): Promise<void> {
  const folder = process.env.SUNLOG_SCREENSHOTS_DIR;
  if (folder === undefined) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png` });
}
