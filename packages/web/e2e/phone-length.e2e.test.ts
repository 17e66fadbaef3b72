import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { HistoryPage } from './pages/history.ts';
import { InsightsPage } from './pages/insights.ts';
import { registerThroughApi, SEED_TIME_ZONE, seedFourMonths } from './seed-records.ts';

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe.skipIf(warnIfSkipped())('page length on a phone (390×844) with four months of records', () => {
  const suite = useBrowserSuite();

  async function seeded(): Promise<Page> {
    const page = await suite.openPage({ width: 390, height: 844, timezoneId: SEED_TIME_ZONE });
    const person = await registerThroughApi(page, suite.url());
    await seedFourMonths(page, suite.url(), person.today);
    return page;
  }

  test('Insights and History year view heights', async () => {
    const page = await seeded();
    const insights = new InsightsPage(page);
    await insights.goto();
    await page.locator('figure svg').first().waitFor();
    const insightsHeight = await pageHeight(page);
    const history = new HistoryPage(page);
    await history.goto();
    await history.timeline.waitFor();
    await history.choosePeriod('Year');
    await page.locator('figure svg').first().waitFor();
    const yearHeight = await pageHeight(page);
    console.log(`MEASURE insights=${insightsHeight}px history-year=${yearHeight}px`);
    expect(insightsHeight).toBeGreaterThan(0);
  }, 120_000);
});
