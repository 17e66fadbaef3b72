import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { createDailyRegimen, listOnServer, localToday } from './pages/records-api.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { TodayPage } from './pages/today-page.ts';

const ZONE = 'Europe/London';

describe.skipIf(warnIfSkipped())('Today in a real browser', () => {
  const suite = useBrowserSuite();

  async function personWithPlan(options: Parameters<typeof suite.openPage>[0] = {}) {
    const page = await suite.openPage(options);
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE } });
    const regimenId = await createDailyRegimen(page, localToday(ZONE));
    const today = new TodayPage(page);
    await today.goto();
    await today.takenButton().waitFor();
    return { page, today, regimenId };
  }

  test('today’s dose is logged with one tap on Taken, and Undo removes it', async () => {
    const { page, today, regimenId } = await personWithPlan();
    expect(await today.doses.getByText('1,000 IU').count()).toBe(1);

    await today.takenButton().click();
    await today.doses.getByText(/^Taken at \d{2}:\d{2} ✓/).waitFor();
    await expect.poll(async () => (await listOnServer(page, 'intakes')).length).toBe(1);
    const [intake] = await listOnServer(page, 'intakes');
    expect(intake).toMatchObject({
      regimenId,
      status: 'taken',
      localDate: localToday(ZONE),
      amount: { value: 1000, unit: 'IU' },
    });
    expect(String(intake?.takenAt)).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/,
    );
    await today.doses.getByText('Saved', { exact: true }).waitFor();

    // Focus went to Undo, so the keyboard can take it back at once.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await today.takenButton().waitFor();
    await expect.poll(async () => (await listOnServer(page, 'intakes')).length).toBe(0);
  });

  test('“Skipped” records a skipped dose instead', async () => {
    const { page, today } = await personWithPlan();
    await today.doses.getByRole('button', { name: 'Skipped', exact: true }).click();
    await today.doses.getByText(/^Skipped at \d{2}:\d{2}/).waitFor();
    await expect
      .poll(async () => (await listOnServer(page, 'intakes')).map((item) => item.status))
      .toEqual(['skipped']);
  });

  test('the symptom check can be filled in and saved with the keyboard alone', async () => {
    const { page, today } = await personWithPlan();
    const focusedGroup = () =>
      page.evaluate(() => {
        const group = document.activeElement?.closest('[role="radiogroup"]');
        const labelId = group?.getAttribute('aria-labelledby')?.split(' ')[0];
        return labelId === undefined ? null : (document.getElementById(labelId)?.textContent ?? null);
      });
    // Tab from the top of the page until the fatigue scale has focus.
    for (let presses = 0; presses < 40 && (await focusedGroup()) !== 'Fatigue'; presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedGroup()).toBe('Fatigue');
    await page.keyboard.press('Space');
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    // Walking comes second among the default tracked ratings.
    expect(await focusedGroup()).toBe('Walking and getting about');
    for (let step = 0; step < 7; step += 1) await page.keyboard.press('ArrowRight');
    // Leave "Overall" unanswered and "More ratings" closed: Tab past them to the save button.
    for (let presses = 0; presses < 10; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Save how I feel') break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save how I feel');
    await page.keyboard.press('Enter');
    await today.symptoms.getByText('Saved how you feel today.').waitFor();

    await expect.poll(async () => (await listOnServer(page, 'symptom-checks')).length).toBe(1);
    const [check] = await listOnServer(page, 'symptom-checks');
    expect(check?.scores).toEqual({ fatigue: 3, mobility: 7 });
    expect(check?.localDate).toBe(localToday(ZONE));

    // Today's check can be changed: same record, new answer, here one under "More ratings".
    await today.rate('Mood', 6);
    await today.symptoms.getByRole('button', { name: 'Update how I feel' }).click();
    await today.symptoms.getByText('Updated how you feel today.').waitFor();
    await expect
      .poll(async () => (await listOnServer(page, 'symptom-checks')).map((item) => item.scores))
      .toEqual([{ fatigue: 3, mobility: 7, mood: 6 }]);
  });

  test('a blood result entered in nmol/L is shown in ng/mL after switching units in Settings', async () => {
    const page = await suite.openPage();
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE, bloodUnit: 'nmol/L' } });
    const today = new TodayPage(page);
    await today.goto();

    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    expect(await today.blood.getByRole('radio', { name: /^nmol\/L/ }).isChecked()).toBe(true);
    await today.blood.getByLabel('Result', { exact: true }).fill('75');
    await today.blood.getByLabel('Lab name (optional)').fill('City Lab');
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    await today.blood.getByText('Your blood result is saved.').waitFor();
    await today.blood.getByText('75 nmol/L', { exact: true }).waitFor();
    // Classified at once under each guideline, each labelled with its source.
    for (const source of ['Per IOM 2011', 'Per Endocrine Society 2011', 'Per Mayo Clinic Laboratories']) {
      await today.blood.getByText(source, { exact: true }).waitFor();
    }
    await today.blood.getByText('Enough for almost everyone', { exact: true }).waitFor();

    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.chooseBloodUnit('ng/mL');
    await settings.save();
    await today.goto();
    await today.blood.getByText('30 ng/mL', { exact: true }).waitFor();
    await today.blood.getByText('(entered as 75 nmol/L)').waitFor();
    await today.blood.getByText('Enough for almost everyone', { exact: true }).waitFor();

    const [result] = await listOnServer(page, 'lab-results');
    expect(result?.level).toEqual({ value: 75, unit: 'nmol/L' });
    expect(result?.labName).toBe('City Lab');
  });

  test('a flare-up can be started (with the pseudo-relapse prompt for heat) and ended', async () => {
    const { page, today } = await personWithPlan();
    await today.flares.getByRole('button', { name: 'Start a flare-up' }).click();
    await today.flares.getByText('Numbness or tingling').click();
    await today.flares.getByLabel('Other symptoms (optional)').fill('blurred left eye');
    await today.flares.getByRole('radiogroup', { name: 'How bad is it?' }).getByText('Moderate').click();
    await today.flares
      .getByRole('radiogroup', { name: 'Might something have set it off?' })
      .getByText('Heat')
      .click();
    await today.flares.getByText(/This might be a pseudo-relapse/).waitFor();
    await today.flares.getByText(DISCLAIMERS.flares).waitFor();
    await today.flares.getByRole('button', { name: 'Save flare-up' }).click();
    await today.flares.getByText(/^Flare-up since /).waitFor();

    await expect.poll(async () => (await listOnServer(page, 'flares')).length).toBe(1);
    const [flare] = await listOnServer(page, 'flares');
    expect(flare).toMatchObject({
      symptoms: ['Numbness or tingling', 'blurred left eye'],
      severity: 'moderate',
      steroidTreatment: false,
      suspectedTrigger: 'heat',
      startDate: localToday(ZONE),
    });
    expect(flare?.endDate).toBeUndefined();

    await today.flares.getByRole('button', { name: 'End flare-up' }).click();
    await today.flares.getByText('The flare-up is marked as ended.').waitFor();
    await expect.poll(async () => (await listOnServer(page, 'flares'))[0]?.endDate).toBe(localToday(ZONE));
  });

  test('a second blood result the same day is the latest, and its urgent caution shows at once and after a reload', async () => {
    const { page, today } = await personWithPlan({ width: 390 });
    // The first result is stored with the highest possible id: the server lists a day's results by id,
    // so before the fix Today showed this one as "latest" whatever was entered after it.
    const response = await page.request.post('/api/v1/lab-results', {
      data: {
        id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
        analyte: '25-hydroxyvitamin-d-total',
        level: { value: 32, unit: 'ng/mL' },
        sampleDate: localToday(ZONE),
      },
    });
    expect(response.ok()).toBe(true);
    await today.goto();
    await today.blood.getByText('32 ng/mL', { exact: true }).waitFor();
    const urgent = today.blood.getByText(/Contact your doctor promptly/);
    expect(await urgent.count()).toBe(0);

    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    await today.blood.getByLabel('Result', { exact: true }).fill('500');
    await today.blood.locator('label').filter({ hasText: 'nanomoles per litre' }).click();
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    await today.blood.getByRole('button', { name: 'Yes, save it' }).click();
    await today.blood.getByText(/Your blood result is saved\./).waitFor();
    await urgent.waitFor();
    await today.blood.getByText('(entered as 500 nmol/L)').waitFor();
    expect(await today.blood.getByText('32 ng/mL', { exact: true }).count()).toBe(0);

    await page.reload();
    await today.heading.waitFor();
    await urgent.waitFor();
    expect(await today.blood.getByText('32 ng/mL', { exact: true }).count()).toBe(0);
  });

  test('an older result with a caution, typed in after a newer one, shows its caution at once', async () => {
    const { today } = await personWithPlan();
    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    await today.blood.getByLabel('Result', { exact: true }).fill('32');
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    await today.blood.getByText('Your blood result is saved.').waitFor();

    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    await today.blood.getByLabel('Result', { exact: true }).fill('160');
    await today.blood.getByLabel('Date the blood was taken').fill('2025-01-15');
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    await today.blood.getByRole('button', { name: 'Yes, save it' }).click();
    await today.blood.getByRole('heading', { name: /^The result you just saved/ }).waitFor();
    await today.blood.getByText(/Contact your doctor promptly/).waitFor();
    // The latest is still the newer 32 ng/mL.
    await today.blood.getByText('32 ng/mL', { exact: true }).waitFor();
  });

  test.each(['light', 'dark'] as const)('Today has no axe violations in the %s theme', async (scheme) => {
    const { page, today } = await personWithPlan({ colorScheme: scheme });
    const found = await axeViolations(page, `today-${scheme}`);
    await today.takenButton().click();
    await today.doses.getByText(/^Taken at/).waitFor();
    await today.rate('Fatigue', 4);
    await today.flares.getByRole('button', { name: 'Start a flare-up' }).click();
    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    found.push(...(await axeViolations(page, `today-forms-${scheme}`)));
    expect(found).toEqual([]);
  });

  test('every control on Today is at least 44 by 44 CSS pixels, and nothing scrolls sideways at 200% zoom', async () => {
    const { page, today } = await personWithPlan({ width: 640, deviceScaleFactor: 2 });
    await today.flares.getByRole('button', { name: 'Start a flare-up' }).click();
    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    await (await today.planAction('Add another supplement')).click();
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await sidewaysOverflow(page)).toEqual([]);
  });
});
