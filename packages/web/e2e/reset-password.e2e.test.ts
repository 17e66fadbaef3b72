import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { TodayPage } from './pages/today-page.ts';

const run = promisify(execFile);
const SUNLOG_BIN = resolve(import.meta.dirname, '../../cli/bin/sunlog.js');
const NEW_PASSWORD = 'willow lantern harbour slowly';

describe.skipIf(warnIfSkipped())('setting a new password with a one-time link in a real browser', () => {
  const suite = useBrowserSuite();

  /** What an operator does: `sunlog reset-password` on the server's own database; answers the token. */
  async function resetToken(email: string): Promise<string> {
    const { stdout } = await run(process.execPath, [SUNLOG_BIN, 'reset-password', '--email', email], {
      env: { ...process.env, DATA_DIR: suite.dataDir(), LOG_LEVEL: 'silent' },
    });
    const token = /\/reset-password#token=([A-Za-z0-9_-]{43})/.exec(stdout)?.[1];
    if (token === undefined) throw new Error(`no link in: ${stdout}`);
    return token;
  }

  test('sign-in links to the explanation; the link sets a new password once at 390 × 844, in light and dark', async () => {
    const phone = await suite.openPage({ width: 390 });
    await phone.setViewportSize({ width: 390, height: 844 });
    const person = await registerThroughApi(phone);
    await phone.request.post('/api/v1/auth/sign-out');

    // Without a link: the sign-in screen's "Forgot your password?" says how to get one.
    const signIn = new SignInPage(phone);
    await signIn.goto();
    await phone.getByRole('link', { name: 'Forgot your password?' }).click();
    await phone.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await phone.getByText('sunlog reset-password --email').waitFor();
    expect(await axeViolations(phone, 'reset-password-no-link-390')).toEqual([]);

    const token = await resetToken(person.email);
    await phone.goto(`/reset-password#token=${token}`);
    await phone.getByRole('heading', { name: 'Set a new password' }).waitFor();
    expect(await axeViolations(phone, 'reset-password-form-390')).toEqual([]);
    expect(await smallTargets(phone)).toEqual([]);
    expect(await sidewaysOverflow(phone)).toEqual([]);

    // Two different passwords: said beside the second field, nothing sent.
    await phone.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await phone.getByLabel('Type the new password again', { exact: true }).fill('something else entirely');
    await phone.getByRole('button', { name: 'Save the new password' }).click();
    await phone.getByText('The two passwords are not the same.').waitFor();

    await phone.getByLabel('Type the new password again', { exact: true }).fill(NEW_PASSWORD);
    const [answer] = await Promise.all([
      phone.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/password-reset')),
      phone.getByRole('button', { name: 'Save the new password' }).click(),
    ]);
    expect(answer.status()).toBe(204);
    await phone.getByText('Your new password is saved').waitFor();
    expect(new URL(phone.url()).hash).toBe('');

    // The old password fails, the new one works; the used link shows why it no longer does.
    const [old] = await Promise.all([
      phone.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/sign-in')),
      signIn.signIn(person.email, person.password),
    ]);
    expect(old.status()).toBe(401);
    await signIn.signIn(person.email, NEW_PASSWORD);
    await new TodayPage(phone).heading.waitFor();

    const dark = await suite.openPage({ width: 390, colorScheme: 'dark' });
    await dark.goto(`/reset-password#token=${token}`);
    await dark.getByLabel('New password', { exact: true }).fill('another calm passphrase 55');
    await dark.getByLabel('Type the new password again', { exact: true }).fill('another calm passphrase 55');
    await dark.getByRole('button', { name: 'Save the new password' }).click();
    await dark.getByText('This reset link does not work').waitFor();
    expect(await axeViolations(dark, 'reset-password-used-dark-390')).toEqual([]);
  });

  test('the form has no axe violations at 1280 × 800', async () => {
    const page = await suite.openPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const person = await registerThroughApi(page);
    const token = await resetToken(person.email);
    await page.goto(`/reset-password#token=${token}`);
    await page.getByRole('heading', { name: 'Set a new password' }).waitFor();
    expect(await axeViolations(page, 'reset-password-form-1280')).toEqual([]);
  });
});
