import { randomUUID } from 'node:crypto';
import { addDays, localMonthOf, toOffsetDateTime } from '@sunlog/core/calendar';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type ColorScheme, useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { CheckInPage } from './pages/check-in.ts';
import { HistoryPage } from './pages/history.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { createDailyRegimen, listOnServer, localToday } from './pages/records-api.ts';
import { TodayPage } from './pages/today-page.ts';

/** A phone, as the issue tried it. */
const PHONE = { width: 390, height: 844 } as const;
const DESKTOP = { width: 1280, height: 800 } as const;
const ZONE = 'Europe/Berlin';

async function post(
  page: Page,
  path: string,
  data: unknown,
  method = 'POST',
): Promise<Record<string, unknown>> {
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    data,
    headers: { Origin: new URL(page.url()).origin },
  });
  if (!response.ok())
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function profileOf(page: Page): Promise<Record<string, unknown>> {
  const response = await page.request.get('/api/v1/me');
  return ((await response.json()) as { profile: Record<string, unknown> }).profile;
}

/** A signed-in person who has been through onboarding, with the profile given. */
async function signedIn(page: Page, profile: Record<string, unknown> = {}): Promise<void> {
  await page.goto('/sign-in');
  await registerThroughApi(page, { profile: { timeZone: ZONE, ...profile } });
}

async function logIntake(
  page: Page,
  regimenId: string,
  localDate: string,
  takenAt: string,
  status = 'taken',
) {
  await post(page, '/intakes', {
    id: randomUUID(),
    regimenId,
    takenAt,
    localDate,
    amount: { value: 1000, unit: 'IU' },
    status,
  });
}

/** What a person sees at 390×844 and at 1280×800 with `focus` scrolled into view, kept in /tmp to look at. */
async function screenshots(page: Page, name: string, focus: Locator): Promise<void> {
  for (const [label, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await focus.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `/tmp/profile-${name}-${label}.png` });
  }
  await page.setViewportSize(PHONE);
}

describe.skipIf(warnIfSkipped())('name, language, blood target, dose change and check-in month', () => {
  const suite = useBrowserSuite();

  test('onboarding asks for a name and Today greets the person by it (phone)', async () => {
    const page = await suite.openPage({ ...PHONE, timezoneId: ZONE });
    await page.goto('/sign-in');
    await registerThroughApi(page, { consent: true });
    await page.goto('/welcome');
    const welcome = new OnboardingPage(page);
    await welcome.waitForStep(3);
    await welcome.name.fill('Marta');
    await welcome.continueButton.click();
    await welcome.waitForStep(4);
    await page.getByRole('button', { name: 'Skip for now' }).click();
    const today = new TodayPage(page);
    await today.heading.waitFor();
    expect(await today.greeting.textContent()).toBe('Hello, Marta.');
    await page.reload();
    await today.heading.waitFor();
    expect(await today.greeting.textContent()).toBe('Hello, Marta.');
  });

  test('the same dose shows the same time on Today and History: 24-hour in en-GB, 12-hour in en-US', async () => {
    const today = localToday(ZONE);
    // A minute ago, so the dose is today's and its time is in the past whatever the hour.
    const takenAt = toOffsetDateTime(Date.now() - 60_000, ZONE);
    const shown: Record<string, { time: string; date: string }> = {};
    for (const locale of ['en-GB', 'en-US']) {
      const page = await suite.openPage({ ...PHONE, timezoneId: ZONE, locale });
      await signedIn(page);
      const regimenId = await createDailyRegimen(page, addDays(today, -3));
      await logIntake(page, regimenId, takenAt.slice(0, 10), takenAt);

      const todayPage = new TodayPage(page);
      await todayPage.goto();
      const taken = await todayPage.doses.getByText(/^Taken at /).textContent();
      const time = /^Taken at (.+) ✓/.exec(taken ?? '')?.[1] ?? '';
      // The day bar reads "Today" and then the full date.
      const date = (
        (await todayPage.dayBar.locator('.day-bar__date span').last().textContent()) ?? ''
      ).trim();

      const history = new HistoryPage(page);
      await history.goto();
      // The entry line and the day heading of History say the same as Today.
      await history.timeline.getByText(`Taken: 1,000 IU at ${time}`).first().waitFor();
      await history.timeline.getByRole('heading', { name: date, exact: true }).waitFor();
      shown[locale] = { time, date };
    }
    expect(shown['en-GB']?.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    expect(shown['en-US']?.time).toMatch(/^(1[0-2]|[1-9]):[0-5]\d\s[AP]M$/);
    // en-GB writes the day before the month ("Sunday 29 November 2026"), en-US the month first.
    expect(shown['en-GB']?.date).toMatch(/^\w+,? \d{1,2} \w+ \d{4}$/);
    expect(shown['en-US']?.date).toMatch(/^\w+, \w+ \d{1,2}, \d{4}$/);
  });

  test('the blood target is set, checked, kept after a reload, shown on Today, and removed (phone)', async () => {
    const page = await suite.openPage({ ...PHONE, timezoneId: ZONE });
    await signedIn(page);
    await post(page, '/lab-results', {
      id: randomUUID(),
      analyte: '25-hydroxyvitamin-d-total',
      level: { value: 20, unit: 'ng/mL' },
      sampleDate: addDays(localToday(ZONE), -2),
    });
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Your blood level target' });
    await section.getByText('You have not set a target.').waitFor();

    // A high end below the low end is named beside the high field, and clears as soon as it changes.
    await section.getByLabel('Lowest level (optional)').fill('50');
    await section.getByLabel('Highest level (optional)').fill('30');
    await section.getByRole('button', { name: 'Save target' }).click();
    await section.getByText('The highest level cannot be below the lowest.').waitFor();
    await section.getByLabel('Highest level (optional)').fill('125');
    expect(await section.getByText('The highest level cannot be below the lowest.').count()).toBe(0);

    await section.getByLabel('Lowest level (optional)').fill('75');
    await section.locator('label').filter({ hasText: 'nmol/L' }).first().click();
    await section.getByText('That is 75 to 125 nmol/L (30 to 50.1 ng/mL).').waitFor();
    await section.getByRole('button', { name: 'Save target' }).click();
    await section.getByText('Your target is saved.').waitFor();
    expect((await profileOf(page)).bloodTarget).toEqual({ low: 75, high: 125, unit: 'nmol/L' });

    await page.reload();
    await section.getByText('Your target: 75 to 125 nmol/L (30 to 50.1 ng/mL).').waitFor();
    expect(await section.getByLabel('Lowest level (optional)').inputValue()).toBe('75');

    const today = new TodayPage(page);
    await today.goto();
    await today.blood.getByText('Below the target range you set with your clinician.').waitFor();

    await page.goto('/settings');
    await section.getByRole('button', { name: 'Remove target' }).click();
    await section.getByText('Your target is removed.').waitFor();
    expect((await profileOf(page)).bloodTarget ?? null).toBeNull();
    await page.reload();
    await section.getByText('You have not set a target.').waitFor();
    await today.goto();
    await today.blood.getByText(/Blood taken on/).waitFor();
    expect(await today.blood.getByText(/target range you set/).count()).toBe(0);
  });

  for (const size of [PHONE, DESKTOP]) {
    test(`“Change my dose” ends the old plan the day before and starts the new one, no double plan (${size.width} px)`, async () => {
      const page = await suite.openPage({ ...size, timezoneId: ZONE });
      await signedIn(page);
      const today = localToday(ZONE);
      const oldId = await createDailyRegimen(page, addDays(today, -10));
      const todayPage = new TodayPage(page);
      await todayPage.goto();
      await todayPage.doses.getByText('1,000 IU', { exact: true }).waitFor();

      await (await todayPage.planAction('Change my dose')).click();
      const form = todayPage.doses.getByRole('form', { name: 'Change my dose' });
      // The form loads on demand (it is not in Today's first load); once it is there, focus has moved
      // from the button, now gone, to the form's heading.
      await form.waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Change my dose');
      // The unit of the current plan is chosen to start with; the amount is the new one to type.
      expect(await form.getByRole('radio', { name: /^IU/ }).isChecked()).toBe(true);
      await form.getByLabel('New amount in one dose').fill('1000');
      await form.getByRole('button', { name: 'Save new dose' }).click();
      await form.getByText('This is the amount you take now. Enter the new amount.').waitFor();
      await form.getByLabel('New amount in one dose').fill('2000');
      await form.getByText('= 50 µg', { exact: true }).waitFor();
      expect(await form.getByLabel('First day of the new dose').inputValue()).toBe(today);
      await form.getByRole('button', { name: 'Save new dose' }).click();
      await todayPage.doses.getByText(/^Your new dose of 2,000 IU is saved, from /).waitFor();

      // Today offers exactly one dose: the new amount.
      await todayPage.doses.getByText('2,000 IU', { exact: true }).waitFor();
      expect(await todayPage.doses.getByRole('button', { name: 'Taken', exact: true }).count()).toBe(1);
      expect(await todayPage.doses.getByText('1,000 IU', { exact: true }).count()).toBe(0);

      const plans = await listOnServer(page, 'regimens');
      expect(plans).toHaveLength(2);
      const old = plans.find((plan) => plan.id === oldId);
      const started = plans.find((plan) => plan.id !== oldId);
      expect(old).toMatchObject({ startDate: addDays(today, -10), endDate: addDays(today, -1) });
      expect(started).toMatchObject({
        productName: 'Sunvit D3',
        amountPerDose: { value: 2000, unit: 'IU' },
        schedule: { kind: 'daily' },
        startDate: today,
      });
      expect(started?.endDate).toBeUndefined();

      // After a reload Today still shows one plan, and "add another" stays the quieter second choice.
      await page.reload();
      await todayPage.doses.getByText('2,000 IU', { exact: true }).waitFor();
      expect(await todayPage.doses.getByRole('button', { name: 'Taken', exact: true }).count()).toBe(1);
      await (await todayPage.planAction('Add another supplement')).waitFor();
    });
  }

  test('a dose change from a later day keeps today’s plan until the day before (API check)', async () => {
    const page = await suite.openPage({ ...PHONE, timezoneId: ZONE });
    await signedIn(page);
    const today = localToday(ZONE);
    const oldId = await createDailyRegimen(page, addDays(today, -10), { value: 25, unit: 'ug' });
    const todayPage = new TodayPage(page);
    await todayPage.goto();
    await (await todayPage.planAction('Change my dose')).click();
    const form = todayPage.doses.getByRole('form', { name: 'Change my dose' });
    expect(await form.getByRole('radio', { name: /^µg/ }).isChecked()).toBe(true);
    await form.getByLabel('New amount in one dose').fill('50');
    await form.getByText('= 2,000 IU', { exact: true }).waitFor();
    await form.getByLabel('First day of the new dose').fill(addDays(today, 7));
    await form.getByRole('button', { name: 'Save new dose' }).click();
    await todayPage.doses.getByText(/^Your new dose of 50 µg is saved/).waitFor();
    const plans = await listOnServer(page, 'regimens');
    expect(plans.find((plan) => plan.id === oldId)).toMatchObject({ endDate: addDays(today, 6) });
    expect(plans.find((plan) => plan.id !== oldId)).toMatchObject({
      startDate: addDays(today, 7),
      amountPerDose: { value: 50, unit: 'ug' },
    });
    // Today still offers the current plan's dose (25 µg, shown in the person's unit).
    await todayPage.doses.getByText('1,000 IU', { exact: true }).waitFor();
    expect(await todayPage.doses.getByRole('button', { name: 'Taken', exact: true }).count()).toBe(1);
  });

  test('a new person’s check-in opens on the current month and its review shows the figures worked out', async () => {
    const page = await suite.openPage({ ...PHONE, timezoneId: ZONE });
    await signedIn(page);
    const today = localToday(ZONE);
    const regimenId = await createDailyRegimen(page, today);
    await logIntake(page, regimenId, today, toOffsetDateTime(Date.now() - 60_000, ZONE));
    const checkIn = new CheckInPage(page);
    await checkIn.goto();
    await checkIn.stepTitle(1).waitFor();
    const monthName = new Intl.DateTimeFormat('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${localMonthOf(today)}-01T12:00:00Z`));
    expect(await checkIn.month.locator('option:checked').textContent()).toBe(monthName);
    for (let step = 1; step < 6; step += 1) await checkIn.nextButton.click();
    const computed = page.getByRole('region', { name: `What your records show for ${monthName}` });
    await computed.getByText('Sunvit D3: taken on 1 of 1 scheduled day (100%).').waitFor();
  });

  test('the check-in review counts the month’s doses as logged: taken on 5 of 7 days', async () => {
    const page = await suite.openPage({ ...PHONE, timezoneId: ZONE });
    await signedIn(page);
    const today = localToday(ZONE);
    // The first seven days of last month: five taken, one skipped, one with nothing logged.
    const lastMonth = localMonthOf(addDays(`${localMonthOf(today)}-01`, -1));
    const first = `${lastMonth}-01`;
    const regimenId = randomUUID();
    await post(page, '/regimens', {
      id: regimenId,
      productName: 'Week D3',
      form: 'D3',
      amountPerDose: { value: 1000, unit: 'IU' },
      schedule: { kind: 'daily' },
      startDate: first,
      endDate: addDays(first, 6),
      reminderTimes: [],
    });
    for (const offset of [0, 1, 2, 4, 6]) {
      const date = addDays(first, offset);
      await logIntake(page, regimenId, date, `${date}T08:00:00+00:00`);
    }
    const skippedOn = addDays(first, 3);
    await logIntake(page, regimenId, skippedOn, `${skippedOn}T08:00:00+00:00`, 'skipped');
    await post(page, '/lab-results', {
      id: randomUUID(),
      analyte: '25-hydroxyvitamin-d-total',
      level: { value: 32, unit: 'ng/mL' },
      sampleDate: addDays(first, 2),
    });

    const checkIn = new CheckInPage(page);
    await checkIn.goto();
    await checkIn.stepTitle(1).waitFor();
    const monthName = new Intl.DateTimeFormat('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${first}T12:00:00Z`));
    // Last month has data and no check-in yet, so the check-in opens on it.
    expect(await checkIn.month.locator('option:checked').textContent()).toBe(monthName);
    for (let step = 1; step < 6; step += 1) await checkIn.nextButton.click();
    const computed = page.getByRole('region', { name: `What your records show for ${monthName}` });
    await computed.getByText('Week D3: taken on 5 of 7 scheduled days (71%).').waitFor();
    await computed.getByText(/^Blood result: 32 ng\/mL, taken on 3 /).waitFor();
    await computed.getByText('No flare-ups recorded.').waitFor();
  });

  test('the dose change, the blood target and the name field have 44 px targets and reflow at 200% zoom', async () => {
    const page = await suite.openPage({ width: 640, deviceScaleFactor: 2, timezoneId: ZONE });
    await signedIn(page);
    await createDailyRegimen(page, addDays(localToday(ZONE), -10));
    const problems: string[] = [];
    const check = async (where: string) => {
      problems.push(...(await smallTargets(page)).map((line) => `${where}: ${line}`));
      problems.push(...(await sidewaysOverflow(page)).map((line) => `${where}: ${line}`));
    };
    const todayPage = new TodayPage(page);
    await todayPage.goto();
    await check('today');
    await (await todayPage.planAction('Change my dose')).click();
    await todayPage.doses.getByLabel('New amount in one dose').fill('2000');
    await check('change dose');
    await page.goto('/settings');
    await page.getByRole('region', { name: 'Your blood level target' }).waitFor();
    await check('settings');
    await page.goto('/welcome');
    const welcome = new OnboardingPage(page);
    await welcome.waitForStep(3);
    await check('welcome');
    expect(problems).toEqual([]);
  });

  test.each(['light', 'dark'] as const)(
    'the touched screens have no axe violations in the %s theme (phone), with screenshots',
    async (scheme: ColorScheme) => {
      const page = await suite.openPage({ ...PHONE, timezoneId: ZONE, colorScheme: scheme });
      const found: string[] = [];
      await page.goto('/sign-in');
      await registerThroughApi(page, { consent: true });
      await page.goto('/welcome');
      const welcome = new OnboardingPage(page);
      await welcome.waitForStep(3);
      found.push(...(await axeViolations(page, `profile-welcome-name-${scheme}`)));
      await screenshots(page, `welcome-name-${scheme}`, page.getByRole('heading', { level: 2 }));
      await welcome.name.fill('Marta');
      await welcome.continueButton.click();
      await welcome.waitForStep(4);
      await page.getByRole('button', { name: 'Skip for now' }).click();

      const today = localToday(ZONE);
      const regimenId = await createDailyRegimen(page, addDays(today, -10));
      await logIntake(page, regimenId, today, toOffsetDateTime(Date.now() - 60_000, ZONE));
      const todayPage = new TodayPage(page);
      await todayPage.goto();
      await (await todayPage.planAction('Change my dose')).click();
      await todayPage.doses.getByLabel('New amount in one dose').fill('2000');
      found.push(...(await axeViolations(page, `profile-today-change-dose-${scheme}`)));
      await screenshots(page, `today-change-dose-${scheme}`, todayPage.doses);

      await page.goto('/settings');
      const section = page.getByRole('region', { name: 'Your blood level target' });
      await section.getByLabel('Lowest level (optional)').fill('50');
      await section.getByLabel('Highest level (optional)').fill('30');
      await section.getByRole('button', { name: 'Save target' }).click();
      await section.getByText('The highest level cannot be below the lowest.').waitFor();
      found.push(...(await axeViolations(page, `profile-settings-target-error-${scheme}`)));
      await section.getByLabel('Highest level (optional)').fill('60');
      await section.getByRole('button', { name: 'Save target' }).click();
      await section.getByText('Your target is saved.').waitFor();
      found.push(...(await axeViolations(page, `profile-settings-target-${scheme}`)));
      await screenshots(page, `settings-target-${scheme}`, section);

      await page.goto('/history');
      const history = new HistoryPage(page);
      await history.timeline
        .getByText(/^Taken: /)
        .first()
        .waitFor();
      found.push(...(await axeViolations(page, `profile-history-${scheme}`)));
      await screenshots(page, `history-${scheme}`, history.timeline);

      const checkIn = new CheckInPage(page);
      await checkIn.goto();
      await checkIn.stepTitle(1).waitFor();
      for (let step = 1; step < 6; step += 1) await checkIn.nextButton.click();
      await page.getByRole('region', { name: /^What your records show for / }).waitFor();
      found.push(...(await axeViolations(page, `profile-check-in-review-${scheme}`)));
      await screenshots(
        page,
        `check-in-review-${scheme}`,
        page.getByRole('region', { name: /^What your records show for / }),
      );
      expect(found).toEqual([]);
    },
    180_000,
  );
});
