import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { localDateIn, RecordsApi } from './pages/history.ts';

/** The bytes of the file a click on `name` downloads, and the file name the server gave it. */
async function download(page: Page, name: string): Promise<{ bytes: Buffer; fileName: string }> {
  const [started] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  const path = await started.path();
  return { bytes: await readFile(path), fileName: started.suggestedFilename() };
}

describe.skipIf(warnIfSkipped())('Share in a real browser', () => {
  const { openPage } = useBrowserSuite();

  test('from the navigation: both downloads arrive; the PDF starts with %PDF, the Bundle holds the blood result', async () => {
    const page = await openPage();
    const api = new RecordsApi(page);
    await api.register();
    const today = localDateIn('Europe/London');
    const lab = await api.create('lab-results', {
      analyte: '25-hydroxyvitamin-d-total',
      level: { value: 33.3, unit: 'ng/mL' },
      sampleDate: today,
    });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Share' }).click();
    await page.getByRole('heading', { level: 1, name: 'Share with your clinic' }).waitFor();
    expect(await page.getByLabel('Last day').inputValue()).toBe(today);

    await page.getByRole('radio', { name: /US Letter/ }).check({ force: true });
    const report = await download(page, 'Download PDF report');
    expect(report.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(report.fileName).toMatch(/^sunlog-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    // US Letter: 612 × 792 points.
    expect(report.bytes.toString('latin1')).toContain('/MediaBox [0 0 612 792]');

    const bundle = await download(page, 'Download FHIR Bundle');
    const parsed = JSON.parse(bundle.bytes.toString('utf8'));
    expect(parsed.resourceType).toBe('Bundle');
    expect(parsed.entry.map((entry: { resource: { id: string } }) => entry.resource.id)).toContain(lab.id);
  });

  test('a first day after the last day is explained and offers no download', async () => {
    const page = await openPage();
    await new RecordsApi(page).register();
    await page.goto('/share');
    await page.getByLabel('First day').fill('2030-01-01');
    await page.getByText('The first day must be on or before the last day.').waitFor();
    expect(await page.getByRole('link', { name: 'Download PDF report' }).count()).toBe(0);
  });

  test.each([
    ['light', 390],
    ['dark', 1280],
  ] as const)(
    'Share has no axe violations (%s theme, %i px), 44 px targets and no sideways scrolling',
    async (scheme, width) => {
      const page = await openPage({ colorScheme: scheme, width });
      await new RecordsApi(page).register();
      await page.goto('/share');
      await page.getByRole('heading', { level: 1, name: 'Share with your clinic' }).waitFor();
      expect(await axeViolations(page, `share-${scheme}-${width}`)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toEqual([]);
      await keepScreenshot(page, `share-${width}`);
    },
  );
});
