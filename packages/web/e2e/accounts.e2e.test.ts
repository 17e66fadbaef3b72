import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { AppShell } from './pages/app-shell.ts';
import { RegisterPage } from './pages/register-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { TodayPage } from './pages/today-page.ts';

interface Person {
  email: string;
  password: string;
}

/** A fresh person per test, so tests never depend on each other's accounts. */
function newPerson(): Person {
  return { email: `person-${randomUUID().slice(0, 8)}@example.org`, password: 'sunny meadow at noon' };
}

describe.skipIf(warnIfSkipped())('accounts in a real browser', () => {
  const suite = useBrowserSuite();
  const openPage = suite.openPage;

  async function registerNewPerson(page: Page): Promise<Person> {
    const person = newPerson();
    const register = new RegisterPage(page);
    await register.goto();
    await register.register(person.email, person.password);
    // First sign-in opens onboarding (onboarding.e2e.test.ts covers it); consent here to reach Today.
    await page.getByRole('heading', { level: 1, name: 'Welcome to Sunlog' }).waitFor();
    const consented = await page.request.patch('/api/v1/me/profile', {
      data: { consentedAt: new Date().toISOString() },
    });
    expect(consented.status()).toBe(200);
    await page.goto('/');
    await new TodayPage(page).heading.waitFor();
    return person;
  }

  /** Submits sign-in and waits for the server's answer, so the next check sees its outcome. */
  async function submitSignIn(signIn: SignInPage, email: string, password: string): Promise<number> {
    const [response] = await Promise.all([
      signIn.page.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/sign-in')),
      signIn.signIn(email, password),
    ]);
    return response.status();
  }

  test('a new person registers, signs out, and signs in again to their Today page', async () => {
    const page = await openPage();
    const person = await registerNewPerson(page);
    const today = new TodayPage(page);
    expect(await today.greeting.textContent()).toBe(`Hello, ${person.email.split('@')[0]}.`);
    expect(await today.disclaimer.textContent()).toContain('does not give medical advice');

    const shell = new AppShell(page);
    await shell.signOut();
    const signIn = new SignInPage(page);
    expect(await signIn.notice.textContent()).toContain('You have signed out');

    // The session ended on the server, not just in the page: a fresh load still needs sign-in.
    await page.goto('/');
    await signIn.heading.waitFor();

    await signIn.signIn(person.email, person.password);
    await today.heading.waitFor();
    expect(page.url()).toBe(`${suite.url()}/`);
  });

  test('Settings lists the account’s own activity, failed sign-ins included, newest first', async () => {
    const page = await openPage();
    const person = await registerNewPerson(page);
    await new AppShell(page).signOut();
    const signIn = new SignInPage(page);
    expect(await submitSignIn(signIn, person.email, 'not my password at all')).toBe(401);
    expect(await submitSignIn(signIn, person.email, person.password)).toBe(200);
    await new TodayPage(page).heading.waitFor();

    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.activity.first().waitFor();
    expect(await settings.activityLines()).toEqual([
      'Signed in',
      'Failed sign-in attempt (wrong password)',
      'Signed out',
      'Settings changed: consent',
      'Account created',
    ]);
    expect(await settings.activity.first().locator('time').getAttribute('datetime')).toMatch(/Z$/);

    await settings.chooseBloodUnit('nmol/L');
    await settings.save();
    await expect
      .poll(async () => (await settings.activityLines())[0])
      .toBe('Settings changed: blood test unit');
  });

  test('registration keeps the time zone the browser reports', async () => {
    const page = await openPage({ timezoneId: 'America/Chicago' });
    await registerNewPerson(page);
    const settings = new SettingsPage(page);
    await new AppShell(page).openSettings();
    expect(await settings.timeZone.inputValue()).toBe('America/Chicago');
  });

  test('changed units (IU to µg, ng/mL to nmol/L) are kept after a reload', async () => {
    const page = await openPage();
    await registerNewPerson(page);
    const settings = new SettingsPage(page);
    await settings.goto();
    expect(await settings.intakeUnit('IU').isChecked()).toBe(true);
    expect(await settings.bloodUnit('ng/mL').isChecked()).toBe(true);

    await settings.chooseIntakeUnit('µg');
    await settings.chooseBloodUnit('nmol/L');
    await settings.save();

    await page.reload();
    await settings.heading.waitFor();
    expect(await settings.intakeUnit('µg').isChecked()).toBe(true);
    expect(await settings.intakeUnit('IU').isChecked()).toBe(false);
    expect(await settings.bloodUnit('nmol/L').isChecked()).toBe(true);
    expect(await settings.bloodUnit('ng/mL').isChecked()).toBe(false);
  });

  test('a wrong password and an unknown email show the same single generic message', async () => {
    const page = await openPage();
    const person = await registerNewPerson(page);
    await new AppShell(page).signOut();
    const signIn = new SignInPage(page);

    // The alert is cleared on submit and filled when the answer has rendered: wait for that render.
    const generic = 'Email or password is incorrect.';
    expect(await submitSignIn(signIn, person.email, 'not my password at all')).toBe(401);
    await signIn.alert.getByText(generic, { exact: true }).waitFor();
    expect(await signIn.alert.textContent()).toBe(generic);

    expect(await submitSignIn(signIn, `nobody-${randomUUID()}@example.org`, person.password)).toBe(401);
    await signIn.alert.getByText(generic, { exact: true }).waitFor();
    expect(await signIn.alert.textContent()).toBe(generic);
    expect(await signIn.heading.isVisible()).toBe(true);
  });

  test('too many wrong passwords show the server’s try-again-later message', async () => {
    const page = await openPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    const email = `guess-${randomUUID()}@example.org`;
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 429; attempt += 1) {
      status = await submitSignIn(signIn, email, `wrong guess number ${attempt}`);
    }
    expect(status).toBe(429);
    const tooMany = /^Too many sign-in attempts\. Try again in \d+ minutes?\.$/;
    await signIn.alert.getByText(tooMany).waitFor();
    expect(await signIn.alert.textContent()).toMatch(tooMany);
  });

  test('a too-short password is explained beside the password field before anything is sent', async () => {
    const page = await openPage();
    const register = new RegisterPage(page);
    await register.goto();
    let sent = false;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/register')) sent = true;
    });
    await register.email.fill(newPerson().email);
    await register.password.fill('short');
    await register.submitButton.click();

    const error = page.getByText('Use at least 10 characters');
    await error.waitFor();
    expect(await register.password.getAttribute('aria-invalid')).toBe('true');
    const errorId = await error.getAttribute('id');
    expect(errorId).toBeTruthy();
    expect((await register.password.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    expect(await register.password.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(sent).toBe(false);
  });

  test('a common password is refused, with the server’s reason beside the password field', async () => {
    const page = await openPage();
    const register = new RegisterPage(page);
    await register.goto();
    await register.email.fill(newPerson().email);
    await register.password.fill('qwertyuiop');
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/register')),
      register.submitButton.click(),
    ]);
    expect(response.status()).toBe(400);
    const body: unknown = await response.json();
    const serverMessage = (
      body as { error: { fields: { path: string; message: string }[] } }
    ).error.fields.find((field) => field.path === 'password')?.message;
    expect(serverMessage).toBeTruthy();

    const describedBy = await register.password.getAttribute('aria-describedby');
    const described = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy?.split(' ') ?? [],
    );
    expect(described).toContain(serverMessage);
    expect(await register.password.getAttribute('aria-invalid')).toBe('true');
    expect(await register.heading.isVisible()).toBe(true);
  });

  test('the show-password button reveals what was typed and hides it again', async () => {
    const page = await openPage();
    const register = new RegisterPage(page);
    await register.goto();
    await register.password.fill('my quiet sunny morning');
    expect(await register.password.getAttribute('type')).toBe('password');
    await register.showPasswordButton.click();
    expect(await register.password.getAttribute('type')).toBe('text');
    expect(await register.showPasswordButton.textContent()).toBe('Hide password');
    await register.showPasswordButton.click();
    expect(await register.password.getAttribute('type')).toBe('password');
  });

  test('a session on another device can be ended from Settings', async () => {
    const phone = await openPage();
    const person = await registerNewPerson(phone);
    const laptop = await openPage();
    const laptopSignIn = new SignInPage(laptop);
    await laptopSignIn.goto();
    await laptopSignIn.signIn(person.email, person.password);
    await new TodayPage(laptop).heading.waitFor();

    const settings = new SettingsPage(phone);
    await settings.goto();
    await settings.sessionButton('End session').waitFor();
    expect(await settings.sessions.count()).toBe(2);
    expect(await settings.sessionButton('Sign out of this device').count()).toBe(1);

    await settings.sessionButton('End session').click();
    await phone.getByText(/^Session ended\./).waitFor();
    await expect.poll(() => settings.sessions.count()).toBe(1);

    // The laptop finds out at its next request, without a reload, and is told why.
    await new AppShell(laptop).nav.getByRole('link', { name: 'Settings' }).click();
    await laptopSignIn.heading.waitFor();
    expect(await laptopSignIn.notice.textContent()).toBe('Your session has ended. Please sign in again.');
    await laptop.reload();
    await laptopSignIn.heading.waitFor();
  });

  test('the skip link is the first stop for the keyboard and moves focus to the main content', async () => {
    const page = await openPage();
    await new SignInPage(page).goto();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  test('pages are served with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${suite.url()}/sign-in`, { headers: { Accept: 'text/html' } });
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/style-src 'self'(;|$)/);
    expect(policy).not.toContain('unsafe-inline');
  });

  /** Visits each screen (signed out, then as a newly registered person) and runs `check` on it. */
  async function visitEveryScreen(page: Page, check: (name: string) => Promise<void>): Promise<void> {
    await new SignInPage(page).goto();
    await check('sign-in');
    await new RegisterPage(page).goto();
    await check('register');
    await registerNewPerson(page);
    await check('today');
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.sessionButton('Sign out of this device').waitFor();
    await settings.activity.first().waitFor();
    await check('settings');
  }

  test.each(['light', 'dark'] as const)(
    'every screen has no axe violations in the %s theme',
    async (scheme) => {
      const page = await openPage({ colorScheme: scheme });
      const found: string[] = [];
      await visitEveryScreen(page, async (name) => {
        found.push(...(await axeViolations(page, `${name}-${scheme}`)));
      });
      expect(found).toEqual([]);
    },
  );

  test('every visible button, link and field offers a target of at least 44 by 44 CSS pixels', async () => {
    const page = await openPage();
    const tooSmall: string[] = [];
    await visitEveryScreen(page, async (name) => {
      const small = await smallTargets(page);
      tooSmall.push(...small.map((entry) => `${name}: ${entry}`));
    });
    expect(tooSmall).toEqual([]);
  });

  test('every screen reflows at 320 CSS pixels wide (400% zoom) without sideways scrolling', async () => {
    const page = await openPage({ width: 320 });
    const overflowing: string[] = [];
    await visitEveryScreen(page, async (name) => {
      overflowing.push(...(await sidewaysOverflow(page)).map((entry) => `${name}: ${entry}`));
    });
    expect(overflowing).toEqual([]);
  });
});
