/**
 * How long History and Insights are on a phone (390×844) with four months of records, and that the
 * shorter pages still give everything one tap (or one key press) away. Before the list was paged and
 * Insights folded, the same seed measured History's year view at 48,951 px and Insights at 18,340 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { keepScreenshot } from './pages/a11y-checks.ts';
import { HistoryPage } from './pages/history.ts';
import { INSIGHT_SECTIONS, InsightsPage } from './pages/insights.ts';
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
    await keepScreenshot(page, 'phone-history-year');
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

  test('Insights leads with a short summary, folds each card’s detail, and is far shorter', async () => {
    const page = await seeded();
    const insights = new InsightsPage(page);
    await insights.goto();
    await insights.summary.waitFor();
    // The summary is the first thing after the page's title and lead.
    const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toBe('In short');
    expect(await insights.summary.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    expect(
      await insights.summary.getByText(/^In [A-Z][a-z]+ \d{4} you marked \d+ of \d+ scheduled doses/).count(),
    ).toBe(1);
    expect(await insights.summary.getByText('Not enough data yet').count()).toBe(1);
    expect(
      await insights.summary.getByText(/A yearly rate is shown after 12 months of tracking/).count(),
    ).toBe(1);

    const height = await pageHeight(page);
    console.log(`MEASURE insights=${height}px (was 18340px before the summary and folding)`);
    await keepScreenshot(page, 'phone-insights-folded');
    expect(height).toBeLessThan(5_000);

    // Plain words by default: no statistical jargon, no ISO months, no "1 months" or "1 points".
    const visible = await page.getByRole('main').innerText();
    expect(visible).not.toContain('95% confidence interval');
    expect(visible).not.toContain('95% CI');
    expect(visible).not.toMatch(/\b\d{4}-\d{2}\b/);
    expect(visible).not.toMatch(/\b1 (months|points|days)\b/);

    // A tap opens a card; its findings say "likely between", and the exact figure is one more tap.
    const adherence = insights.section(INSIGHT_SECTIONS[0]);
    const toggle = adherence.getByText(/Show details/);
    expect(
      await adherence
        .getByText(/^Likely between/)
        .first()
        .isVisible(),
    ).toBe(false);
    await toggle.click();
    await adherence
      .getByText(/^Likely between \d+% and \d+%$/)
      .first()
      .waitFor({ state: 'visible' });
    expect(
      await adherence
        .getByRole('group')
        .first()
        .evaluate((element) => element.hasAttribute('open')),
    ).toBe(true);
    await adherence.getByText('Exact figures').first().click();
    await adherence
      .getByText(/^95% confidence interval: /)
      .first()
      .waitFor({ state: 'visible' });

    // And with the keyboard: Enter on a focused toggle opens the next card.
    const level = insights.section(INSIGHT_SECTIONS[1]);
    await level.getByText(/Show details/).focus();
    await page.keyboard.press('Enter');
    await level.getByRole('figure').waitFor({ state: 'visible' });
    const opened = await page.getByRole('main').innerText();
    expect(opened).not.toMatch(/\b\d{4}-\d{2}\b/);
  }, 120_000);
});
