import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SmtpReceiver } from '../../server/test/smtp-receiver.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { SignInPage } from './pages/sign-in-page.ts';

/** The token of a link to `path` in a mail's text. */
function tokenIn(text: string, path: string): string {
  const token = new RegExp(`${path}#token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];
  if (token === undefined) throw new Error(`no ${path} link in: ${text}`);
  return token;
}

describe.skipIf(warnIfSkipped())('accounts with mail set up, in a real browser', () => {
  let receiver: SmtpReceiver;
  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });
  const suite = useBrowserSuite({ env: () => ({ SMTP_URL: receiver.url }) });

  /** Waits for the mail to `email` with `subject` (sending does not hold up the answer). */
  async function mailTo(email: string, subject: string) {
    await expect.poll(() => receiver.to(email).filter((m) => m.subject === subject).length).toBe(1);
    return receiver.to(email).find((m) => m.subject === subject)?.text ?? '';
  }

  test('creating an account at 390 × 844: check your email, then the link confirms it and onboarding opens', async () => {
    const page = await suite.openPage({ width: 390 });
    await page.setViewportSize({ width: 390, height: 844 });
    const email = `person-${Math.random().toString(36).slice(2, 10)}@example.org`;
    await page.goto('/register');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Choose a password', { exact: true }).fill('quiet harbour lanterns at dusk');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await axeViolations(page, 'register-check-mail-390')).toEqual([]);

    const token = tokenIn(await mailTo(email, 'Confirm your Sunlog account'), '/confirm-email');
    await page.goto(`/confirm-email#token=${token}`);
    await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
    expect(await axeViolations(page, 'confirm-email-390')).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm and create my account' }).click();
    await page.waitForURL((url) => url.pathname === '/welcome');

    // The same link a second time, in a fresh browser, is refused with a reason.
    const again = await suite.openPage({ width: 390, colorScheme: 'dark' });
    await again.goto(`/confirm-email#token=${token}`);
    await again.getByRole('button', { name: 'Confirm and create my account' }).click();
    await again.getByText('This confirmation link does not work').waitFor();
    expect(await axeViolations(again, 'confirm-email-used-dark-390')).toEqual([]);
  });

  test('forgot password at 1280 × 800: a link by mail sets a new one', async () => {
    const page = await suite.openPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const person = { email: `person-${Math.random().toString(36).slice(2, 10)}@example.org` };
    // An account made through the mail confirmation first.
    const registered = await page.request.post('/api/v1/auth/register', {
      data: { email: person.email, password: 'quiet harbour lanterns at dusk' },
    });
    expect(registered.status()).toBe(202);
    const confirmToken = tokenIn(await mailTo(person.email, 'Confirm your Sunlog account'), '/confirm-email');
    expect(
      (await page.request.post('/api/v1/auth/confirm-email', { data: { token: confirmToken } })).status(),
    ).toBe(201);
    await page.request.post('/api/v1/auth/sign-out');

    const signIn = new SignInPage(page);
    await signIn.goto();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('button', { name: 'Email me a link' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('If an account uses that address').waitFor();
    expect(await axeViolations(page, 'forgot-by-mail-1280')).toEqual([]);

    const token = tokenIn(await mailTo(person.email, 'Set a new Sunlog password'), '/reset-password');
    await page.goto(`/reset-password#token=${token}`);
    await page.getByLabel('New password', { exact: true }).fill('morning tide over the dunes');
    await page.getByLabel('Type the new password again', { exact: true }).fill('morning tide over the dunes');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your new password is saved').waitFor();
    await signIn.signIn(person.email, 'morning tide over the dunes');
    await page.waitForURL((url) => url.pathname === '/' || url.pathname === '/welcome');
  });
});
