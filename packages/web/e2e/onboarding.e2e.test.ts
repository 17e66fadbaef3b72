import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { listOnServer } from './pages/records-api.ts';
import { RegisterPage } from './pages/register-page.ts';
import { TodayPage } from './pages/today-page.ts';

async function me(page: Page): Promise<{ profile: Record<string, unknown> }> {
  const response = await page.request.get('/api/v1/me');
  return (await response.json()) as { profile: Record<string, unknown> };
}

describe.skipIf(warnIfSkipped())('onboarding in a real browser', () => {
  const suite = useBrowserSuite();

  test('a new person goes from registration through consent, units and a first plan to Today', async () => {
    const page = await suite.openPage({ timezoneId: 'America/Chicago' });
    const register = new RegisterPage(page);
    await register.goto();
    await register.register(`new-${Date.now()}@example.org`, 'sunny meadow at noon');

    const welcome = new OnboardingPage(page);
    await welcome.heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/welcome');
    expect(await welcome.progress.textContent()).toBe('Step 1 of 4');
    await page.getByText(/never suggests a dose/).waitFor();
    await page.getByText(/speak to your doctor or MS team before you start/).waitFor();
    await welcome.continueButton.click();

    await welcome.waitForStep(2);
    await welcome.continueButton.click();
    expect(await welcome.alert.textContent()).toContain('Please tick the box');
    expect((await me(page)).profile.consentedAt).toBeNull();
    await welcome.agree();
    expect(await welcome.consent.isChecked()).toBe(true);
    await welcome.continueButton.click();

    await welcome.waitForStep(3);
    expect(await welcome.field('Time zone').inputValue()).toBe('America/Chicago');
    expect((await me(page)).profile.consentedAt).toEqual(expect.any(String));
    // The name is asked, not taken from the email address; it cannot be left empty.
    expect(await welcome.name.inputValue()).toBe('');
    await welcome.choose('Show vitamin D doses in', 'µg');
    await welcome.continueButton.click();
    await page.getByText('Enter a name of up to 80 characters.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('displayName');
    await welcome.name.fill('Anna');
    await welcome.continueButton.click();

    await welcome.waitForStep(4);
    expect(
      await page
        .getByRole('radiogroup', { name: 'Unit on the pack' })
        .getByRole('radio', { name: /^µg/ })
        .isChecked(),
    ).toBe(false);
    await welcome.field('Product name').fill('Sunvit D3');
    await welcome.field('Amount in one dose').fill('25');
    await welcome.choose('Unit on the pack', 'µg');
    await page.getByText('= 1,000 IU', { exact: true }).waitFor();
    await welcome.choose('How often you take it', 'On certain weekdays');
    await page.getByText('Monday', { exact: true }).click();
    await page.getByText('Thursday', { exact: true }).click();
    expect(await page.getByRole('checkbox', { name: 'Monday' }).isChecked()).toBe(true);
    await welcome.field('Remind me at (optional)').fill('08:30');
    await page.getByRole('button', { name: 'Save and go to Today' }).click();

    const today = new TodayPage(page);
    await today.heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await today.greeting.textContent()).toBe('Hello, Anna.');

    const profile = (await me(page)).profile;
    // The browser's language (en-GB in these tests) is stored for the calendar feed.
    expect(profile).toMatchObject({
      displayName: 'Anna',
      intakeUnit: 'ug',
      timeZone: 'America/Chicago',
      locale: 'en-GB',
    });
    expect(profile.reminders).toMatchObject({ dailyDose: true, dailyDoseTimes: ['08:30'] });
    await expect.poll(async () => (await listOnServer(page, 'regimens')).length).toBe(1);
    const [regimen] = await listOnServer(page, 'regimens');
    expect(regimen).toMatchObject({
      productName: 'Sunvit D3',
      form: 'D3',
      amountPerDose: { value: 25, unit: 'ug' },
      schedule: { kind: 'weekly', weekdays: [1, 4] },
      reminderTimes: ['08:30'],
    });
  });

  test('a plan above the upper limit shows a caution as information; “Skip for now” saves no plan and opens Today', async () => {
    const page = await suite.openPage();
    await page.goto('/sign-in');
    await registerThroughApi(page, { consent: true });
    await page.goto('/welcome');
    const welcome = new OnboardingPage(page);
    await welcome.waitForStep(3);
    await welcome.name.fill('Sam');
    await welcome.continueButton.click();
    await welcome.waitForStep(4);
    await welcome.field('Amount in one dose').fill('5000');
    await welcome.choose('Unit on the pack', 'IU');
    await page.getByText(/above 4,000 IU, the upper limit/).waitFor();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await new TodayPage(page).heading.waitFor();
    expect(await listOnServer(page, 'regimens')).toEqual([]);
  });

  test('someone signed in who has not consented is sent to onboarding from any signed-in screen', async () => {
    const page = await suite.openPage();
    await page.goto('/sign-in');
    await registerThroughApi(page, { consent: false });
    const welcome = new OnboardingPage(page);
    for (const path of ['/', '/settings', '/history']) {
      await page.goto(path);
      await welcome.heading.waitFor();
      expect(new URL(page.url()).pathname).toBe('/welcome');
    }
    // Learn is for everyone, consent or not.
    await page.goto('/learn');
    expect(new URL(page.url()).pathname).toBe('/learn');
  });

  test.each(['light', 'dark'] as const)(
    'every onboarding step has no axe violations in the %s theme',
    async (scheme) => {
      const page = await suite.openPage({ colorScheme: scheme });
      await page.goto('/sign-in');
      await registerThroughApi(page, { consent: false });
      await page.goto('/welcome');
      const welcome = new OnboardingPage(page);
      const found: string[] = [];
      await welcome.waitForStep(1);
      found.push(...(await axeViolations(page, `welcome-1-${scheme}`)));
      await welcome.continueButton.click();
      await welcome.waitForStep(2);
      await welcome.continueButton.click();
      await welcome.alert.getByText(/Please tick/).waitFor();
      found.push(...(await axeViolations(page, `welcome-2-${scheme}`)));
      await welcome.agree();
      await welcome.continueButton.click();
      await welcome.waitForStep(3);
      await welcome.continueButton.click();
      await page.getByText('Enter a name of up to 80 characters.').waitFor();
      found.push(...(await axeViolations(page, `welcome-3-${scheme}`)));
      await welcome.name.fill('Sam');
      await welcome.continueButton.click();
      await welcome.waitForStep(4);
      await welcome.field('Amount in one dose').fill('12000');
      await welcome.choose('Unit on the pack', 'IU');
      await welcome.choose('How often you take it', 'On certain weekdays');
      found.push(...(await axeViolations(page, `welcome-4-${scheme}`)));
      expect(found).toEqual([]);
    },
  );

  test('onboarding controls are at least 44 by 44 CSS pixels and reflow at 200% zoom', async () => {
    const page = await suite.openPage({ width: 640, deviceScaleFactor: 2 });
    await page.goto('/sign-in');
    await registerThroughApi(page, { consent: false });
    await page.goto('/welcome');
    const welcome = new OnboardingPage(page);
    const problems: string[] = [];
    const check = async (step: number) => {
      problems.push(...(await smallTargets(page)).map((line) => `step ${step}: ${line}`));
      problems.push(...(await sidewaysOverflow(page)).map((line) => `step ${step}: ${line}`));
    };
    await welcome.waitForStep(1);
    await check(1);
    await welcome.continueButton.click();
    await welcome.waitForStep(2);
    await check(2);
    await welcome.agree();
    await welcome.continueButton.click();
    await welcome.waitForStep(3);
    await check(3);
    await welcome.name.fill('Sam');
    await welcome.continueButton.click();
    await welcome.waitForStep(4);
    await welcome.choose('How often you take it', 'Every few days');
    await check(4);
    expect(problems).toEqual([]);
  });
});
