import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type PageOptions, useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { HistoryPage, localDateIn, RecordsApi } from './pages/history.ts';
import { listOnServer } from './pages/records-api.ts';

const TIME_ZONE = 'Europe/London';

function addDays(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

interface Seeded {
  today: string;
  intakeId: string;
  symptomCheckId: string;
}

/** One of each kind of record around today, so every chart and the timeline have something to show. */
async function seed(api: RecordsApi): Promise<Seeded> {
  const today = localDateIn(TIME_ZONE);
  // From this week's Monday, so the plan itself is on this week's timeline too.
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const regimen = await api.create('regimens', {
    productName: 'Sunny D3 drops',
    form: 'D3',
    amountPerDose: { value: 1000, unit: 'IU' },
    schedule: { kind: 'daily' },
    startDate: monday,
    reminderTimes: ['08:00'],
  });
  const intake = await api.create('intakes', {
    regimenId: regimen.id,
    takenAt: `${today}T12:00:00Z`,
    localDate: today,
    amount: { value: 1000, unit: 'IU' },
    status: 'taken',
  });
  const check = await api.create('symptom-checks', {
    localDate: today,
    scores: { fatigue: 4, energy: 6 },
    custom: [],
  });
  await api.create('lab-results', {
    analyte: '25-hydroxyvitamin-d-total',
    sampleDate: today,
    level: { value: 32, unit: 'ng/mL' },
  });
  await api.create('flares', {
    startDate: addDays(today, -1),
    symptoms: ['numb left hand'],
    severity: 'moderate',
    steroidTreatment: false,
    suspectedTrigger: 'heat',
  });
  return { today, intakeId: intake.id, symptomCheckId: check.id };
}

describe.skipIf(warnIfSkipped())('History in a real browser', () => {
  const suite = useBrowserSuite();
  const openPage = (options: PageOptions = {}) => suite.openPage({ ...options, timezoneId: TIME_ZONE });

  /** A signed-in person with one record of each kind, on the History page. */
  async function historyWithRecords(
    options: Parameters<typeof openPage>[0] = {},
  ): Promise<{ page: Page; history: HistoryPage; api: RecordsApi; seeded: Seeded }> {
    const page = await openPage(options);
    const api = new RecordsApi(page);
    await api.register(TIME_ZONE);
    const seeded = await seed(api);
    const history = new HistoryPage(page);
    await history.goto();
    await history.timeline.waitFor();
    return { page, history, api, seeded };
  }

  test.each(['Week', 'Month', 'Year'] as const)(
    'the %s view draws four charts, each with a caption, a summary sentence and a table of its numbers',
    async (periodName) => {
      const { history } = await historyWithRecords();
      await history.choosePeriod(periodName);
      expect(await history.period(periodName).getAttribute('aria-checked')).toBe('true');
      await expect.poll(() => history.figures.count()).toBe(4);

      const captions = [
        /^Vitamin D taken each day \(IU\)/,
        /^Blood vitamin D level/,
        /^Fatigue, rated 0 to 10/,
        /^Flare-ups: suspected relapses you reported/,
      ];
      for (const caption of captions) {
        const figure = history.figure(caption);
        await figure.locator('svg').first().waitFor();
        // The drawing is hidden from screen readers; the sentence and the table carry the same facts.
        expect(await figure.locator('svg').first().getAttribute('aria-hidden')).toBe('true');
        expect((await figure.locator('.chart__summary').textContent())?.length).toBeGreaterThan(20);
        // A year of ratings is summarised by week, so its table is of weeks.
        await figure.getByText(/^Show the (weekly )?numbers$/).click();
        const table = figure.getByRole('table');
        await table.waitFor();
        expect(await table.getByRole('row').count()).toBeGreaterThan(1);
      }
      const blood = history.figure(/^Blood vitamin D level/);
      expect(await blood.getByRole('table').textContent()).toContain('32');
      expect(await blood.textContent()).toContain('IOM 2011');
      expect(await blood.textContent()).toContain('not a target');
      const intake = history.figure(/^Vitamin D taken each day/);
      expect(await intake.textContent()).toContain('Scheduled (IU)');
    },
  );

  test('an empty week says so in plain words', async () => {
    const page = await openPage();
    await new RecordsApi(page).register(TIME_ZONE);
    const history = new HistoryPage(page);
    await history.goto();
    await history.timeline.getByText('No entries this week yet.').waitFor();
    await history
      .figure(/^Vitamin D taken each day/)
      .getByText('No doses logged or scheduled this week.')
      .waitFor();
  });

  test('previous and next move by one period and the label says which', async () => {
    const { page, history } = await historyWithRecords();
    await history.choosePeriod('Month');
    const label = page.locator('.period__label');
    const thisMonth = await label.textContent();
    await page.getByRole('button', { name: 'Previous month' }).click();
    await expect.poll(() => label.textContent()).not.toBe(thisMonth);
    await page.getByRole('button', { name: 'This month' }).click();
    await expect.poll(() => label.textContent()).toBe(thisMonth);
  });

  test('the period switcher works with the keyboard alone', async () => {
    const { page, history } = await historyWithRecords();
    await history.period('Week').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => history.period('Month').getAttribute('aria-checked')).toBe('true');
  });

  test('editing a dose’s amount shows the new amount and saves it on the server', async () => {
    const { history, api, seeded } = await historyWithRecords();
    await history.entryButton('Edit', /vitamin d dose/).click();
    await history.dialog.waitFor();
    const amount = history.dialog.getByLabel('Amount', { exact: true });
    expect(await amount.inputValue()).toBe('1000');
    await amount.fill('2500');
    await history.dialog.getByRole('button', { name: 'Save changes' }).click();
    await history.dialog.waitFor({ state: 'detached' });
    await history.timeline.getByText('Taken: 2,500 IU').waitFor();
    await history.recentChanges.getByText('Vitamin D dose saved.').waitFor();

    const stored = await api.get('intakes', seeded.intakeId);
    expect(stored?.amount).toEqual({ value: 2500, unit: 'IU' });
    expect(stored?.localDate).toBe(seeded.today);
  });

  test('“32,5” typed in the blood result dialog is stored as 32.5, not 325', async () => {
    const { page, history } = await historyWithRecords({ width: 390 });
    await history.entryButton('Edit', /blood result/).click();
    await history.dialog.waitFor();
    const result = history.dialog.getByLabel('Result', { exact: true });
    expect(await result.inputValue()).toBe('32');
    await result.fill('32,5');
    await history.dialog.getByRole('button', { name: 'Save changes' }).click();
    await history.dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await listOnServer(page, 'lab-results')).map((item) => item.level))
      .toEqual([{ value: 32.5, unit: 'ng/mL' }]);
  });

  test('an ambiguous “1,234” is asked about, never guessed; the message goes once the amount is fixed', async () => {
    const { page, history, api, seeded } = await historyWithRecords();
    let sent = false;
    page.on('request', (request) => {
      if (request.method() === 'PUT') sent = true;
    });
    await history.entryButton('Edit', /vitamin d dose/).click();
    const amount = history.dialog.getByLabel('Amount', { exact: true });
    await amount.fill('1,234');
    await history.dialog.getByRole('button', { name: 'Save changes' }).click();
    const message = history.dialog.getByText('"1,234" could mean 1234 or 1.234. Please write it plainly');
    await message.waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toBe(false);
    // Item 5: the stale message clears as soon as the field changes.
    await amount.fill('1234');
    expect(await message.count()).toBe(0);
    expect(await amount.getAttribute('aria-invalid')).toBeNull();
    await history.dialog.getByRole('button', { name: 'Save changes' }).click();
    await history.dialog.waitFor({ state: 'detached' });
    expect((await api.get('intakes', seeded.intakeId))?.amount).toEqual({ value: 1234, unit: 'IU' });
  });

  test('a dose edited to 50000 IU asks “Is this right?” with IU and µg before it is saved', async () => {
    const { history, api, seeded } = await historyWithRecords();
    await history.entryButton('Edit', /vitamin d dose/).click();
    const amount = history.dialog.getByLabel('Amount', { exact: true });
    await amount.fill('50000');
    await history.dialog.getByRole('button', { name: 'Save changes' }).click();
    const question = history.dialog.getByRole('region', { name: 'Is this right?' });
    await question.getByText('You entered 50,000 IU (1,250 µg).').waitFor();
    expect((await api.get('intakes', seeded.intakeId))?.amount).toEqual({ value: 1000, unit: 'IU' });
    await question.getByRole('button', { name: 'Yes, save it' }).click();
    await history.dialog.waitFor({ state: 'detached' });
    expect((await api.get('intakes', seeded.intakeId))?.amount).toEqual({ value: 50000, unit: 'IU' });
  });

  test('an edit that is not a number is explained beside the field and nothing is sent', async () => {
    const { page, history, api, seeded } = await historyWithRecords();
    let sent = false;
    page.on('request', (request) => {
      if (request.method() === 'PUT') sent = true;
    });
    await history.entryButton('Edit', /vitamin d dose/).click();
    const amount = history.dialog.getByLabel('Amount', { exact: true });
    await amount.fill('lots');
    await history.dialog.getByRole('button', { name: 'Save changes' }).click();
    await history.dialog.getByText('Enter the amount as a number above 0').waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await amount.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(sent).toBe(false);
    expect((await api.get('intakes', seeded.intakeId))?.amount).toEqual({ value: 1000, unit: 'IU' });
  });

  test('a deleted daily check disappears, and Undo brings it back on the page and on the server', async () => {
    const { page, history, api, seeded } = await historyWithRecords();
    const deleteButton = history.entryButton('Delete', /daily check/);
    await deleteButton.click();
    await history.alertDialog.waitFor();
    expect(await history.alertDialog.getByRole('heading').textContent()).toBe('Delete this daily check?');
    await history.alertDialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await history.alertDialog.waitFor({ state: 'detached' });
    await deleteButton.waitFor({ state: 'detached' });
    expect(await api.get('symptom-checks', seeded.symptomCheckId)).toBeNull();

    const status = history.recentChanges.getByRole('status');
    expect(await status.textContent()).toBe('Daily check deleted.');
    const undo = history.recentChanges.getByRole('button', { name: 'Undo' });
    // Focus is on Undo, so a keyboard user can take it back at once.
    expect(await undo.evaluate((element) => element === document.activeElement)).toBe(true);
    // Still offered after ten seconds.
    await page.waitForTimeout(10_500);
    expect(await undo.isVisible()).toBe(true);
    await page.keyboard.press('Enter');

    await deleteButton.waitFor();
    await status.getByText('Daily check restored.').waitFor();
    const restored = await api.get('symptom-checks', seeded.symptomCheckId);
    expect(restored?.scores).toEqual({ fatigue: 4, energy: 6 });
  });

  test('a delete that is not undone is gone from the server and stays gone after a reload', async () => {
    const { page, history, api, seeded } = await historyWithRecords();
    await history.entryButton('Delete', /daily check/).click();
    await history.alertDialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await history.recentChanges.getByText('Daily check deleted.').waitFor();

    await page.reload();
    await history.timeline.waitFor();
    await history.entryButton('Edit', /vitamin d dose/).waitFor();
    expect(await history.entryButton('Delete', /daily check/).count()).toBe(0);
    expect(await api.get('symptom-checks', seeded.symptomCheckId)).toBeNull();
  });

  test('cancelling the confirmation keeps the entry', async () => {
    const { history, api, seeded } = await historyWithRecords();
    await history.entryButton('Delete', /daily check/).click();
    const cancel = history.alertDialog.getByRole('button', { name: 'Cancel' });
    expect(await cancel.evaluate((element) => element === document.activeElement)).toBe(true);
    await cancel.click();
    await history.alertDialog.waitFor({ state: 'detached' });
    expect(await history.entryButton('Delete', /daily check/).count()).toBe(1);
    expect(await api.get('symptom-checks', seeded.symptomCheckId)).not.toBeNull();
  });

  test.each(['light', 'dark'] as const)(
    'History has no axe violations in the %s theme',
    async (scheme) => {
      const { page, history } = await historyWithRecords({ colorScheme: scheme });
      for (const details of await history.charts.getByText('Show the numbers').all()) await details.click();
      const found: string[] = [];
      const check = async (name: string) => {
        found.push(...(await axeViolations(page, `${name}-${scheme}`)));
      };
      await check('history');
      await history.choosePeriod('Year');
      await check('history-year');
      await history.entryButton('Edit', /vitamin d dose/).click();
      await history.dialog.waitFor();
      await check('history-edit');
      await history.dialog.getByRole('button', { name: 'Cancel' }).click();
      await history.entryButton('Delete', /daily check/).click();
      await history.alertDialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await history.recentChanges.getByRole('button', { name: 'Undo' }).waitFor();
      await check('history-undo');
      expect(found).toEqual([]);
    },
    120_000,
  );

  test('every control on History, in its dialogs and in the undo banner is at least 44 by 44 CSS pixels', async () => {
    const { page, history } = await historyWithRecords();
    for (const details of await history.charts.getByText('Show the numbers').all()) await details.click();
    const tooSmall: string[] = [];
    const measure = async (name: string) => {
      tooSmall.push(...(await smallTargets(page)).map((entry) => `${name}: ${entry}`));
    };
    await measure('history');
    for (const kind of [/vitamin d dose/, /daily check/, /blood result/, /flare-up/, /supplement plan/]) {
      await history.entryButton('Edit', kind).click();
      await history.dialog.waitFor();
      await measure(`edit ${kind.source}`);
      await history.dialog.getByRole('button', { name: 'Cancel' }).click();
      await history.dialog.waitFor({ state: 'detached' });
    }
    await history.entryButton('Delete', /daily check/).click();
    await history.alertDialog.waitFor();
    await measure('confirm');
    await history.alertDialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await history.recentChanges.getByRole('button', { name: 'Undo' }).waitFor();
    await measure('undo');
    expect(tooSmall).toEqual([]);
  });

  test('at 200% zoom History and its edit dialog fit the width without sideways scrolling', async () => {
    const { page, history } = await historyWithRecords({ width: 640, deviceScaleFactor: 2 });
    for (const details of await history.charts.getByText('Show the numbers').all()) await details.click();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await history.choosePeriod('Year');
    expect(await sidewaysOverflow(page)).toEqual([]);
    await history.entryButton('Edit', /supplement plan/).click();
    await history.dialog.waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await keepScreenshot(page, 'history-edit-zoom200');
  });
});
