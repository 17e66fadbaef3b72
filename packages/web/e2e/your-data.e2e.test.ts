import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { HistoryPage, localDateIn, RecordsApi } from './pages/history.ts';
import { listOnServer } from './pages/records-api.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { YourDataPage } from './pages/your-data.ts';

const TIME_ZONE = 'Europe/London';
const PASSWORD = 'sunny meadow at noon';

/** A consented person signed in in this page's context, with a dose, a blood result and a daily check today. */
async function personWithRecords(page: Page): Promise<{ email: string; today: string; intakeId: string }> {
  const api = new RecordsApi(page);
  const { email } = await api.register(TIME_ZONE);
  const today = localDateIn(TIME_ZONE);
  const intake = await api.create('intakes', {
    takenAt: `${today}T08:00:00Z`,
    localDate: today,
    amount: { value: 2500, unit: 'IU' },
    status: 'taken',
  });
  await api.create('lab-results', {
    analyte: '25-hydroxyvitamin-d-total',
    sampleDate: today,
    level: { value: 32, unit: 'ng/mL' },
  });
  await api.create('symptom-checks', { localDate: today, scores: { fatigue: 4, energy: 6 }, custom: [] });
  return { email, today, intakeId: intake.id };
}

describe.skipIf(warnIfSkipped())('Settings → your data, in a real browser', () => {
  const suite = useBrowserSuite();

  test('"Download everything" saves a JSON export holding exactly the parts ticked, and CSV links download', async () => {
    const page = await suite.openPage();
    const { email, today, intakeId } = await personWithRecords(page);
    // An edit, so the edit history has an earlier version to include.
    const edited = await page.request.put(`/api/v1/intakes/${intakeId}`, {
      data: {
        id: intakeId,
        takenAt: `${today}T08:00:00Z`,
        localDate: today,
        amount: { value: 3000, unit: 'IU' },
        status: 'taken',
      },
    });
    expect(edited.status()).toBe(200);
    const data = new YourDataPage(page);
    await data.goto();
    const link = data.download.getByRole('link', { name: 'Download everything (JSON)' });

    const plain = await data.downloadFrom(link);
    expect(plain.name).toMatch(/^sunlog-export-\d{4}-\d{2}-\d{2}\.json$/);
    const plainDocument = JSON.parse(plain.text) as Record<string, unknown>;
    expect(plainDocument).toMatchObject({ format: 'sunlog-export', version: 2, account: { email } });
    expect(plainDocument).not.toHaveProperty('history');
    expect(plainDocument).not.toHaveProperty('activity');
    await data.download.getByRole('status').getByText('Your download has started').waitFor();

    await data.download.getByText('Also include edit history').click();
    const withHistory = JSON.parse((await data.downloadFrom(link)).text) as {
      history?: { revisions: { record: { amount: { value: number } } }[] };
      intakes: { amount: { value: number } }[];
    };
    expect(withHistory).not.toHaveProperty('activity');
    expect(withHistory.intakes.map((intake) => intake.amount.value)).toEqual([3000]);
    expect(JSON.stringify(withHistory.history?.revisions)).toContain('2500');

    await data.download.getByText('Also include account activity').click();
    const everything = JSON.parse((await data.downloadFrom(link)).text) as Record<string, unknown>;
    expect(everything).toHaveProperty('history');
    expect(Array.isArray(everything.activity)).toBe(true);
    expect((everything.activity as unknown[]).length).toBeGreaterThan(0);

    const csv = await data.downloadFrom(data.download.getByRole('link', { name: 'Vitamin D doses (CSV)' }));
    expect(csv.name).toMatch(/^sunlog-intakes-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('id,date,taken_at,status,amount,unit,regimen_id,note');
    expect(row).toContain(`${intakeId},${today},`);
    expect(row).toContain(',3000,IU,');
  });

  test('a JSON export imports into a fresh account (after choosing for the differing settings) and shows in History', async () => {
    const first = await suite.openPage();
    await personWithRecords(first);
    const firstData = new YourDataPage(first);
    await firstData.goto();
    const exported = await firstData.downloadFrom(
      firstData.download.getByRole('link', { name: 'Download everything (JSON)' }),
    );

    const page = await suite.openPage();
    await new RecordsApi(page).register(TIME_ZONE);
    // A name of its own, so the file's settings differ from this account's: a conflict to choose for.
    const named = await page.request.patch('/api/v1/me/profile', { data: { displayName: 'Someone else' } });
    expect(named.status()).toBe(200);
    const data = new YourDataPage(page);
    await data.goto();
    await data.chooseFile(exported.name, exported.text, 'application/json');
    await data.importSection
      .getByRole('radio', { name: /^A Sunlog download/ })
      .and(page.locator(':checked'))
      .waitFor();
    await data.preview.waitFor();
    const previewText = await data.preview.textContent();
    expect(previewText).toContain('vitamin D doses: 1 to add');
    expect(previewText).toContain('blood results: 1 to add');
    expect(previewText).toContain('daily checks: 1 to add');
    expect(previewText).toMatch(/Dated \d{4}-\d{2}-\d{2}\./);

    // Nothing goes until the person chooses.
    await data.preview.getByText('1 difference between the file and your account').waitFor();
    expect(await data.preview.textContent()).toContain('Your settings (name, time zone, units or reminders)');
    expect(await data.importButton().count()).toBe(0);
    await data.preview
      .getByRole('radiogroup', { name: 'For every difference' })
      .locator('label')
      .filter({ hasText: 'Keep mine' })
      .click();
    await data.importButton().click();
    await data.importSection
      .getByRole('status')
      .getByText('Imported 3 entries. You can see them in History.', { exact: true })
      .waitFor();
    // "Keep mine" kept this account's own name.
    expect(await page.getByLabel('Your name', { exact: true }).inputValue()).toBe('Someone else');
    expect(await listOnServer(page, 'intakes')).toHaveLength(1);

    const history = new HistoryPage(page);
    await history.goto();
    await history.timeline.getByText('Taken: 2,500 IU').waitFor();
    expect(await history.timeline.getByRole('button', { name: /^Edit / }).count()).toBe(3);

    // The same file again adds nothing.
    await data.goto();
    await data.chooseFile(exported.name, exported.text, 'application/json');
    await data.preview.waitFor();
    expect(await data.preview.textContent()).toContain('vitamin D doses: 0 to add, 1 already there');
  });

  test('a CSV with a date that does not exist names its line, offers no import and writes nothing; fixing the mapping works', async () => {
    const page = await suite.openPage();
    await new RecordsApi(page).register(TIME_ZONE);
    const data = new YourDataPage(page);
    await data.goto();
    await data.chooseFile(
      'doses.csv',
      'Date,Dose\n2026-03-01,2000 IU\n2026-02-30,2000 IU\n2026-03-03,50 mcg\n',
      'text/csv',
    );
    const errors = data.importSection.getByRole('alert').filter({ hasText: 'problem to fix first' });
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/Line 3, column "Date": /);
    expect(await data.importButton().count()).toBe(0);
    expect(await listOnServer(page, 'intakes')).toHaveLength(0);

    // A header Sunlog does not know: the person picks the date column themselves.
    await data.chooseFile('doses.csv', 'Tag,Menge\n01.03.2026,2000 IE\n02.03.2026,1000 IE\n', 'text/csv');
    await data.importSection.getByText(/No column holds the date/).waitFor();
    await data.importSection.getByLabel('Date', { exact: true }).selectOption('Tag');
    await data.importButton().and(page.getByText('Import 2 entries')).waitFor();
    expect(await data.preview.textContent()).toContain('Dated 2026-03-01 to 2026-03-02.');
    await data.importButton().click();
    await data.importSection
      .getByRole('status')
      .getByText(/^Imported 2 entries\./)
      .waitFor();
    const amounts = (await listOnServer(page, 'intakes')).map((intake) => intake.amount);
    expect(amounts).toEqual(
      expect.arrayContaining([
        { value: 2000, unit: 'IU' },
        { value: 1000, unit: 'IU' },
      ]),
    );
  });

  test('a FHIR bundle from a patient portal imports its 25(OH)D result and counts the other test it skipped', async () => {
    const page = await suite.openPage();
    await new RecordsApi(page).register(TIME_ZONE);
    const today = localDateIn(TIME_ZONE);
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          resource: {
            resourceType: 'Observation',
            id: 'vitd-1',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '1989-3' }], text: 'Vitamin D 25-OH' },
            effectiveDateTime: `${today}T08:15:00Z`,
            valueQuantity: {
              value: 74.9,
              unit: 'nmol/L',
              system: 'http://unitsofmeasure.org',
              code: 'nmol/L',
            },
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            id: 'ca-1',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '17861-6' }], text: 'Calcium' },
            effectiveDateTime: `${today}T08:15:00Z`,
            valueQuantity: { value: 9.4, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
          },
        },
      ],
    };
    const data = new YourDataPage(page);
    await data.goto();
    await data.chooseFile('portal-results.json', JSON.stringify(bundle), 'application/json');
    await data.preview.waitFor();
    const text = await data.preview.textContent();
    expect(text).toContain('1 vitamin D blood result (25(OH)D) in the file.');
    expect(text).toContain('Other tests than vitamin D: 1');
    await data.importButton().and(page.getByText('Import 1 entry')).click();
    await data.importSection
      .getByRole('status')
      .getByText(/^Imported 1 entry\./)
      .waitFor();
    // The Import button has gone with the preview; focus is on what happened, not lost.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Imported 1 entry\./);
    const [result] = await listOnServer(page, 'lab-results');
    expect(result).toMatchObject({ level: { value: 74.9, unit: 'nmol/L' }, loincCode: '1989-3' });
    const history = new HistoryPage(page);
    await history.goto();
    await history.timeline
      .getByRole('button', { name: /^Edit / })
      .first()
      .waitFor();
    expect(await history.timeline.getByRole('button', { name: /^Edit / }).count()).toBe(1);
  });

  test('bad files are explained (broken JSON by line and column, a later version, over 10 MB) and nothing is written', async () => {
    const page = await suite.openPage();
    await new RecordsApi(page).register(TIME_ZONE);
    const data = new YourDataPage(page);
    await data.goto();
    const alert = data.importSection.getByRole('alert').filter({ hasText: /\S/ });

    await data.chooseFile(
      'sunlog-export.json',
      '{"format": "sunlog-export",\n "version": 2,,}',
      'application/json',
    );
    await alert.getByText(/not valid JSON: line 2, column \d+/).waitFor();
    expect(await data.importButton().count()).toBe(0);

    await data.chooseFile(
      'sunlog-export.json',
      JSON.stringify({ format: 'sunlog-export', version: 99, exportedAt: '2030-01-01T00:00:00Z' }),
      'application/json',
    );
    await alert.getByText(/version/i).waitFor();
    expect(await data.importButton().count()).toBe(0);

    let sent = false;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/import')) sent = true;
    });
    await data.chooseFile('huge.csv', Buffer.alloc(11 * 1024 * 1024, 'a'), 'text/csv');
    await alert
      .getByText('This file is 11.0 MB. Sunlog imports files up to 10 MB', { exact: false })
      .waitFor();
    expect(sent).toBe(false);
    for (const kind of ['intakes', 'lab-results', 'symptom-checks']) {
      expect(await listOnServer(page, kind)).toHaveLength(0);
    }
  });

  test('deleting the account asks for the password and the email, lands on sign-in, and the old credentials no longer work', async () => {
    const page = await suite.openPage();
    const { email } = await personWithRecords(page);
    const data = new YourDataPage(page);
    await data.goto();
    const section = data.deleteSection;
    const submit = section.getByRole('button', { name: 'Delete my account and everything in it' });

    await section.getByLabel('Your password', { exact: true }).fill(PASSWORD);
    await section
      .getByLabel('Type your email address to confirm')
      .fill(`someone-else-${randomUUID()}@example.org`);
    await submit.click();
    await section.getByText('This is not the email address of this account.').waitFor();

    await section.getByLabel('Your password', { exact: true }).fill('not my password at all');
    await section.getByLabel('Type your email address to confirm').fill(email.toUpperCase());
    await submit.click();
    await section.getByText('The password is incorrect.').waitFor();
    expect(await listOnServer(page, 'intakes')).toHaveLength(1);

    await section.getByLabel('Your password', { exact: true }).fill(PASSWORD);
    const [answer] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/api/v1/me') && response.request().method() === 'DELETE',
      ),
      submit.click(),
    ]);
    expect(answer.status()).toBe(204);
    const signIn = new SignInPage(page);
    await signIn.heading.waitFor();
    expect(await signIn.notice.textContent()).toBe('Your account and everything in it are deleted.');

    const [signInAnswer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/sign-in')),
      signIn.signIn(email, PASSWORD),
    ]);
    expect(signInAnswer.status()).toBe(401);
    await signIn.alert.getByText('Email or password is incorrect.').waitFor();
  });

  test.each(['light', 'dark'] as const)(
    'Settings with an import preview has no axe violations in the %s theme, large targets and no sideways scrolling',
    async (scheme) => {
      const page = await suite.openPage({ colorScheme: scheme });
      await new RecordsApi(page).register(TIME_ZONE);
      const data = new YourDataPage(page);
      await data.goto();
      const found = await axeViolations(page, `settings-data-${scheme}`);
      await data.chooseFile('doses.csv', 'Date,Dose\n2026-03-01,2000 IU\n2026-02-30,2000 IU\n', 'text/csv');
      await data.importSection.getByText(/problem to fix first/).waitFor();
      found.push(...(await axeViolations(page, `settings-data-preview-${scheme}`)));
      expect(found).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await sidewaysOverflow(page)).toEqual([]);
      await keepScreenshot(page, `settings-data-preview-320-${scheme}`);
    },
  );
});
