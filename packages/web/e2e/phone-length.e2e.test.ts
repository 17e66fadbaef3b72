/**
 * How long History and Insights are on a phone (390×844) with four months of records, and that the
 * shorter pages still give everything one tap (or one key press) away. Before the list was paged and
 * Insights folded, the same seed measured History's year view at 48,951 px and Insights at 18,340 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { HistoryPage } from './pages/history.ts';
import { registerThroughApi, SEED_TIME_ZONE, seedFourMonths } from './seed-records.ts';

/** One Edit button per entry listed. */
const editButtons = (history: HistoryPage) => history.timeline.getByRole('button', { name: /^Edit / });

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe.skipIf(warnIfSkipped())('page length on a phone (390×844) with four months of records', () => {
  const suite = useBrowserSuite();

  async function seeded(): Promise<Page> {
    const page = await suite.openPage({ width: 390, height: 844, timezoneId: SEED_TIME_ZONE });
    const person = await registerThroughApi(page, suite.url());
    await seedFourMonths(page, suite.url(), person.today);
    return page;
  }

  test('History’s year view lists 30 entries, and “Show more” adds 30 with the keyboard, focus on the first new one', async () => {
    const page = await seeded();
    const history = new HistoryPage(page);
    await history.goto();
    await history.timeline.waitFor();
    await history.choosePeriod('Year');
    await page.locator('figure svg').first().waitFor();
    await expect.poll(() => editButtons(history).count()).toBe(30);
    const status = history.timeline.getByRole('status');
    const total = Number(/of (\d+) entries/.exec((await status.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(200);
    const height = await pageHeight(page);
    console.log(`MEASURE history-year=${height}px (was 48951px before paging)`);
    expect(height).toBeLessThan(15_000);

    const more = history.timeline.getByRole('button', { name: 'Show 30 more entries' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => editButtons(history).count()).toBe(60);
    expect(await status.textContent()).toBe(`Showing 60 of ${total} entries.`);
    // Focus lands on the first entry added, so reading carries on from there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entry-index'))).toBe('30');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Edit');

    // Another period starts again at 30.
    await history.choosePeriod('Month');
    await expect.poll(() => editButtons(history).count()).toBe(30);
  }, 120_000);
});
