import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations } from './pages/a11y-checks.ts';
import { createDailyRegimen, listOnServer, localToday } from './pages/records-api.ts';
import { TodayPage } from './pages/today-page.ts';

const ZONE = 'Europe/London';

/** Issue 13 items 2 and 3: unusual numbers are asked about before saving; the plan's unit is a choice. */
describe.skipIf(warnIfSkipped())('unusual entries in a real browser', () => {
  const suite = useBrowserSuite();

  async function openToday(options: Parameters<typeof suite.openPage>[0] = {}) {
    const page = await suite.openPage({ width: 390, ...options });
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE } });
    await createDailyRegimen(page, localToday(ZONE));
    const today = new TodayPage(page);
    await today.goto();
    await today.takenButton().waitFor();
    return { page, today };
  }

  test('a blood result of 9999 ng/mL asks “Is this right?” in both units; “No, change it” saves nothing', async () => {
    const { page, today } = await openToday();
    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    const result = today.blood.getByLabel('Result', { exact: true });
    await result.fill('9999');
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    const question = today.blood.getByRole('region', { name: 'Is this right?' });
    await question.getByText('You entered 9,999 ng/mL (24,958 nmol/L).').waitFor();
    // Focus moved to the question, so a screen reader reads it next.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Is this right?');
    expect(await axeViolations(page, 'blood-question')).toEqual([]);

    await question.getByRole('button', { name: 'No, change it' }).click();
    expect(await question.count()).toBe(0);
    expect(await result.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await listOnServer(page, 'lab-results')).toEqual([]);

    // A plausible number is saved without a question.
    await result.fill('99');
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    await today.blood.getByText('Your blood result is saved.').waitFor();
    await expect
      .poll(async () => (await listOnServer(page, 'lab-results')).map((item) => item.level))
      .toEqual([{ value: 99, unit: 'ng/mL' }]);
  });

  test('“Yes, save it” saves the unusual result; changing the number drops the question', async () => {
    const { page, today } = await openToday();
    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    const result = today.blood.getByLabel('Result', { exact: true });
    await result.fill('400');
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    const question = today.blood.getByRole('region', { name: 'Is this right?' });
    await question.getByText('You entered 400 ng/mL (998 nmol/L).').waitFor();
    await result.fill('410');
    expect(await question.count()).toBe(0);
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    await question.getByText('You entered 410 ng/mL (1,023 nmol/L).').waitFor();
    await question.getByRole('button', { name: 'Yes, save it' }).click();
    await today.blood.getByText(/Your blood result is saved\./).waitFor();
    await expect
      .poll(async () => (await listOnServer(page, 'lab-results')).map((item) => item.level))
      .toEqual([{ value: 410, unit: 'ng/mL' }]);
  });

  test('a blood result dated in the future is refused in the form', async () => {
    const { page, today } = await openToday();
    await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
    await today.blood.getByLabel('Result', { exact: true }).fill('32');
    const nextYear = String(Number(localToday(ZONE).slice(0, 4)) + 1);
    await today.blood.getByLabel('Date the blood was taken').fill(`${nextYear}-01-15`);
    await today.blood.getByRole('button', { name: 'Save result' }).click();
    await today.blood.getByText('The date the blood was taken cannot be later than today.').waitFor();
    expect(await listOnServer(page, 'lab-results')).toEqual([]);
  });

  test('the plan’s unit is a required choice with the amount shown live in the other unit; 2000 µg asks first', async () => {
    const { page, today } = await openToday();
    await (await today.planAction('Add another supplement')).click();
    const plan = page.getByRole('form', { name: 'Supplement plan' });
    const units = plan.getByRole('radiogroup', { name: 'Unit on the pack' });
    expect(await units.getByRole('radio', { checked: true }).count()).toBe(0);
    await plan.getByLabel('Product name').fill('Pack D3');
    await plan.getByLabel('Amount in one dose').fill('2000');
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await plan.getByText('Choose the unit printed on the pack: IU or µg.').waitFor();
    expect((await listOnServer(page, 'regimens')).length).toBe(1);

    await units.locator('label').filter({ hasText: 'micrograms' }).click();
    // The error clears once a unit is chosen, and the amount shows in IU beside the field.
    expect(await plan.getByText('Choose the unit printed on the pack: IU or µg.').count()).toBe(0);
    await plan.getByText('= 80,000 IU', { exact: true }).waitFor();
    await units.locator('label').filter({ hasText: 'international units' }).click();
    await plan.getByText('= 50 µg', { exact: true }).waitFor();
    await units.locator('label').filter({ hasText: 'micrograms' }).click();

    await plan.getByRole('button', { name: 'Save plan' }).click();
    const question = plan.getByRole('region', { name: 'Is this right?' });
    await question.getByText('You entered 2,000 µg (80,000 IU).').waitFor();
    expect((await listOnServer(page, 'regimens')).length).toBe(1);
    await question.getByRole('button', { name: 'Yes, save it' }).click();
    await today.doses.getByText('Your plan is saved.').waitFor();
    const saved = (await listOnServer(page, 'regimens')).map((item) => item.amountPerDose);
    expect(saved).toContainEqual({ value: 2000, unit: 'ug' });
  });

  test('a flare-up’s “choose a symptom” message goes as soon as a symptom is ticked', async () => {
    const { today } = await openToday();
    await today.flares.getByRole('button', { name: 'Start a flare-up' }).click();
    await today.flares.getByRole('button', { name: /^Save/ }).click();
    const message = today.flares.getByText('Choose or type at least one symptom.');
    await message.waitFor();
    await today.flares
      .locator('label')
      .filter({ has: today.page.getByRole('checkbox') })
      .first()
      .click();
    expect(await message.count()).toBe(0);
  });

  test.each(['light', 'dark'] as const)(
    'the question and the live conversion have no axe violations in the %s theme',
    async (scheme) => {
      const { page, today } = await openToday({ colorScheme: scheme });
      await today.blood.getByRole('button', { name: 'Add a blood result' }).click();
      await today.blood.getByLabel('Result', { exact: true }).fill('9999');
      await today.blood.getByRole('button', { name: 'Save result' }).click();
      await today.blood.getByRole('region', { name: 'Is this right?' }).waitFor();
      await (await today.planAction('Add another supplement')).click();
      const plan = page.getByRole('form', { name: 'Supplement plan' });
      await plan.getByLabel('Amount in one dose').fill('2000');
      await plan
        .getByRole('radiogroup', { name: 'Unit on the pack' })
        .locator('label')
        .filter({ hasText: 'micrograms' })
        .click();
      await plan.getByText('= 80,000 IU', { exact: true }).waitFor();
      expect(await axeViolations(page, `unusual-${scheme}`)).toEqual([]);
    },
  );
});
