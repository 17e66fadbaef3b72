import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type PageOptions, useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { INSIGHT_SECTIONS, InsightsPage } from './pages/insights.ts';
import { registerThroughApi, SEED_TIME_ZONE, seedFourMonths, seedThreeDays } from './seed-records.ts';

describe.skipIf(warnIfSkipped())('the Insights screen in a real browser', () => {
  const suite = useBrowserSuite();

  async function openSeededPage(
    seed: 'four-months' | 'three-days',
    options: Pick<PageOptions, 'colorScheme' | 'width'> = {},
  ): Promise<Page> {
    const page = await suite.openPage({ ...options, timezoneId: SEED_TIME_ZONE });
    const person = await registerThroughApi(page, suite.url());
    if (seed === 'four-months') await seedFourMonths(page, suite.url(), person.today);
    else await seedThreeDays(page, suite.url(), person.today);
    return page;
  }

  test('four months of records show every section, each finding with its estimate, uncertainty and basis', async () => {
    const page = await openSeededPage('four-months');
    const insights = new InsightsPage(page);
    await insights.goto();
    for (const name of INSIGHT_SECTIONS) expect(await insights.section(name).count(), name).toBe(1);
    await insights.openEveryCard();

    const adherence = insights.section(INSIGHT_SECTIONS[0]);
    expect(
      await adherence.getByText(/you marked \d+ of \d+ scheduled doses as taken/).count(),
    ).toBeGreaterThan(2);
    expect(await adherence.getByText(/^Likely between \d+% and \d+%$/).count()).toBeGreaterThan(2);
    // The exact figure is one tap away under each finding.
    const exact = adherence.getByText('Exact figures').first();
    await exact.click();
    await adherence
      .getByText(/^95% confidence interval: \d+% to \d+% \(Wilson/)
      .first()
      .waitFor();
    expect(await adherence.getByText(/^Based on \d+ days$/).count()).toBeGreaterThan(2);

    const level = insights.section(INSIGHT_SECTIONS[1]);
    expect(
      await level
        .locator('figcaption')
        .getByText(/range expected at steady state from your dose, after Ekwaru 2014/)
        .count(),
    ).toBe(1);
    expect(
      await level.getByText(/^A range of [\d.]+ ng\/mL to [\d.]+ ng\/mL, from Ekwaru 2014/).count(),
    ).toBe(1);

    const patterns = insights.section(INSIGHT_SECTIONS[4]);
    expect(await patterns.getByText(DISCLAIMERS.patterns).count()).toBe(1);

    const flares = insights.section(INSIGHT_SECTIONS[5]);
    expect(await flares.getByText(/^1 flare-up recorded in \d+ months of tracking/).count()).toBe(1);
  });

  test('every chart is a figure with a caption, a summary sentence and a table of its numbers', async () => {
    const page = await openSeededPage('four-months');
    const insights = new InsightsPage(page);
    await insights.goto();
    await insights.openEveryCard();
    await page.locator('figure svg').first().waitFor();
    const figures = await insights.figures.all();
    expect(figures.length).toBeGreaterThanOrEqual(3);
    for (const figure of figures) {
      expect((await figure.locator('figcaption').textContent())?.length).toBeGreaterThan(10);
      expect(await figure.locator('.chart__canvas').getAttribute('aria-hidden')).toBe(null);
      expect(await figure.locator('svg').getAttribute('aria-hidden')).toBe('true');
      expect((await figure.locator('p').first().textContent())?.length).toBeGreaterThan(10);
      await figure.getByText('Show the numbers').click();
      expect(await figure.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    }
    // Plot's own <style> never reaches the page (the CSP would refuse it).
    expect(await page.locator('figure style').count()).toBe(0);
  });

  test('a person with only a few days of records is told what is missing', async () => {
    const page = await openSeededPage('three-days');
    const insights = new InsightsPage(page);
    await insights.goto();
    expect(await insights.notEnoughData.count()).toBeGreaterThan(3);
    expect(await page.getByText(/^Still needed: /).count()).toBeGreaterThan(3);
    expect(await page.getByText('No pattern stood out.').count()).toBe(1);
    const yearlyRate = /A yearly rate is shown after 12 months of tracking/;
    expect(await insights.section(INSIGHT_SECTIONS[5]).getByText(yearlyRate).count()).toBe(1);
    // The summary leads with what is missing too.
    expect(await insights.summary.getByText(yearlyRate).count()).toBe(1);
    expect(await insights.summary.getByText(/no finding|Not enough data yet/).count()).toBeGreaterThan(0);
  });

  test.each(['light', 'dark'] as const)(
    'Insights has no axe violations in the %s theme',
    async (scheme) => {
      const found: string[] = [];
      for (const seed of ['four-months', 'three-days'] as const) {
        const page = await openSeededPage(seed, { colorScheme: scheme });
        const insights = new InsightsPage(page);
        await insights.goto();
        // Folded, as the screen opens, then with every card and exact figure open.
        found.push(...(await axeViolations(page, `insights-${seed}-${scheme}`)));
        await insights.openEveryCard();
        for (const exact of await page.getByText('Exact figures').all()) await exact.click();
        if (seed === 'four-months') await page.locator('figure svg').first().waitFor();
        found.push(...(await axeViolations(page, `insights-${seed}-${scheme}-open`)));
      }
      expect(found).toEqual([]);
    },
    180_000,
  );

  test('every control is at least 44 by 44 and nothing scrolls sideways at 200% zoom', async () => {
    const page = await openSeededPage('four-months', { width: 640 });
    const insights = new InsightsPage(page);
    await insights.goto();
    expect(await smallTargets(page)).toEqual([]);
    await insights.openEveryCard();
    await page.locator('figure svg').first().waitFor();
    for (const toggle of await page.getByText('Show the numbers').all()) await toggle.click();
    for (const exact of await page.getByText('Exact figures').all()) await exact.click();
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
  });
});
