import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { listOnServer, localToday } from './pages/records-api.ts';

const REMINDERS_OFF = {
  dailyDose: false,
  dailyDoseTimes: [],
  monthlyCheckIn: false,
  labTestEveryWeeks: null,
};

/** A zone where it is now between 03:00 and 21:00, so "two hours ago" and "ten minutes ago" are today. */
function daytimeZone(): string {
  const zones = ['Europe/London', 'Asia/Tokyo', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
  const hour = (zone: string) =>
    Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(),
      ),
    );
  return zones.find((zone) => hour(zone) >= 3 && hour(zone) < 21) ?? 'Europe/London';
}

/** The local "HH:MM" in a zone `minutesAgo` minutes ago. */
function localTimeAgo(zone: string, minutesAgo: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() - minutesAgo * 60_000));
}

async function createPlan(page: Page, startDate: string, reminderTimes: string[], productName = 'Sunvit D3') {
  const id = randomUUID();
  const response = await page.request.post('/api/v1/regimens', {
    data: {
      id,
      productName,
      form: 'D3',
      amountPerDose: { value: 1000, unit: 'IU' },
      schedule: { kind: 'daily' },
      startDate,
      reminderTimes,
    },
  });
  if (!response.ok()) throw new Error(`POST regimen answered ${response.status()}: ${await response.text()}`);
  return id;
}

describe.skipIf(warnIfSkipped())('Reminders in a real browser', () => {
  const suite = useBrowserSuite();

  test.each([390, 1280])(
    'Settings → Reminders at %ipx: times per plan, check-in and blood test are saved; the calendar address is shown, copied and replaced',
    async (width) => {
      const zone = 'Europe/London';
      const page = await suite.openPage({ width });
      await page.goto('/sign-in');
      await registerThroughApi(page, { profile: { timeZone: zone, reminders: REMINDERS_OFF } });
      const regimenId = await createPlan(page, localToday(zone), []);
      await page.goto('/settings');
      const section = page.getByRole('region', { name: 'Reminders' });
      await section.waitFor();

      await section.getByText('Remind me to take my vitamin D').click();
      const plan = section.getByRole('group', { name: 'Reminder times for Sunvit D3' });
      await plan.getByRole('button', { name: 'Add a time' }).click();
      await plan.getByLabel('Time 1').fill('07:30');
      await plan.getByRole('button', { name: 'Add a time' }).click();
      await plan.getByLabel('Time 2').fill('21:00');
      await section.getByText('Remind me of the monthly check-in').click();
      await section.getByLabel('Day of the month').selectOption('15');
      await section.getByLabel('Check-in time').fill('18:00');
      await section.getByText('Remind me of my next blood test').click();
      await section.getByLabel('Every how many weeks').fill('2');
      await section.getByRole('button', { name: 'Save reminders' }).click();
      // Too few weeks: a clear message, focus on the field, nothing saved.
      await section.getByText('Enter a whole number of weeks from 4 to 104.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
        'labTestEveryWeeks',
      );
      await section.getByLabel('Every how many weeks').fill('12');
      await section.getByRole('button', { name: 'Save reminders' }).click();
      await section.getByRole('status').filter({ hasText: 'Your reminders are saved.' }).waitFor();

      const me = await (await page.request.get('/api/v1/me')).json();
      expect(me.profile.reminders).toMatchObject({
        dailyDose: true,
        monthlyCheckIn: true,
        checkInDayOfMonth: 15,
        checkInTime: '18:00',
        labTestEveryWeeks: 12,
      });
      await expect
        .poll(
          async () => (await listOnServer(page, 'regimens')).find((r) => r.id === regimenId)?.reminderTimes,
        )
        .toEqual(['07:30', '21:00']);

      await section.getByRole('button', { name: 'Show my calendar address' }).click();
      const address = section.getByLabel('Your private calendar address');
      await address.waitFor();
      const first = await address.inputValue();
      expect(first).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      await section.getByRole('button', { name: 'Copy address' }).click();
      // Copied, or (where the browser refuses the clipboard) selected with a message saying so.
      await section
        .getByRole('status')
        .filter({ hasText: /^(The address is copied\.|Copying did not work\..*)$/ })
        .waitFor();
      const feed = await page.request.get(first);
      expect(feed.status()).toBe(200);
      expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
      expect(await feed.text()).toContain('RRULE:FREQ=DAILY');

      const found = await axeViolations(page, `settings-reminders-${width}`);
      await keepScreenshot(page, `settings-reminders-${width}`);
      expect(found).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toEqual([]);

      await section.getByRole('button', { name: 'Make a new address' }).click();
      await section.getByRole('status').filter({ hasText: 'You have a new address.' }).waitFor();
      const second = await address.inputValue();
      expect(second).not.toBe(first);
      expect((await page.request.get(first)).status()).toBe(404);
      expect((await page.request.get(second)).status()).toBe(200);
    },
  );

  test('Today shows a dose reminder due now and one missed earlier, and one tap on Taken clears it', async () => {
    const zone = daytimeZone();
    const page = await suite.openPage({ width: 390, timezoneId: zone });
    await page.goto('/sign-in');
    await registerThroughApi(page, {
      profile: { timeZone: zone, reminders: { ...REMINDERS_OFF, dailyDose: true } },
    });
    const today = localToday(zone);
    const dueNow = localTimeAgo(zone, 10);
    const missed = localTimeAgo(zone, 120);
    await createPlan(page, today, [dueNow], 'Morning drops');
    await createPlan(page, today, [missed], 'Evening tablet');
    await page.goto('/');
    const doses = page.getByRole('region', { name: 'Vitamin D today' });
    await doses.getByText(`Reminder: due now (${dueNow})`).waitFor();
    await doses.getByText(`Missed reminder at ${missed}`).waitFor();
    expect(await axeViolations(page, 'today-reminders-390')).toEqual([]);
    await keepScreenshot(page, 'today-reminders-390');

    const dueItem = page.getByRole('listitem').filter({ hasText: 'Morning drops' });
    await dueItem.getByRole('button', { name: 'Taken', exact: true }).click();
    await dueItem.getByText(/^Taken at/).waitFor();
    expect(await doses.getByText(/Reminder: due now/).count()).toBe(0);
    expect(await doses.getByText(`Missed reminder at ${missed}`).count()).toBe(1);
    await expect.poll(async () => (await listOnServer(page, 'intakes')).length).toBe(1);
  });
});
