/**
 * Charts on a phone and on a desktop: tick labels never overlap, a long span shows weekly means with
 * their range rather than a dot a day, and the blood-level bands have distinct tints whose rendered
 * colours pass WCAG contrast (axe leaves chart colours "incomplete", so this test computes them).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type ColorScheme, useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { keepScreenshot } from './pages/a11y-checks.ts';
import { HistoryPage, RecordsApi } from './pages/history.ts';
import { InsightsPage } from './pages/insights.ts';
import { registerThroughApi, SEED_TIME_ZONE, seedFourMonths } from './seed-records.ts';

const PHONE = { width: 390, height: 844 };

/** A picture of one part of the page (a chart or a section), kept when SUNLOG_SCREENSHOTS_DIR is set. */
async function keepRegionShot(region: Locator, name: string): Promise<void> {
  const folder = process.env.SUNLOG_SCREENSHOTS_DIR;
  if (folder === undefined) return;
  const box = await region.boundingBox();
  if (box === null) return;
  const scrollY = await region.page().evaluate(() => window.scrollY);
  await region
    .page()
    .screenshot({ path: `${folder}/${name}.png`, fullPage: true, clip: { ...box, y: box.y + scrollY } });
}
const DESKTOP = { width: 1280, height: 800 };

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Pairs of tick labels, within one chart, whose boxes overlap; with how many labels each chart has. */
function overlappingTickLabels(page: Page): Promise<{ overlaps: string[]; counts: number[] }> {
  return page.evaluate(() => {
    const overlaps: string[] = [];
    const counts: number[] = [];
    for (const [chartIndex, svg] of [...document.querySelectorAll('figure svg')].entries()) {
      const boxes: Box[] = [...svg.querySelectorAll('g[aria-label$="tick label"] text')].map((text) => {
        const rect = text.getBoundingClientRect();
        return {
          text: text.textContent ?? '',
          left: rect.left,
          right: rect.right,
          top: rect.top,
          bottom: rect.bottom,
        };
      });
      counts.push(boxes.length);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          if (!apart) overlaps.push(`chart ${chartIndex}: "${a.text}" overlaps "${b.text}"`);
        }
      }
    }
    return { overlaps, counts };
  });
}

/** Every figure's drawing, once it is there. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.locator('figure svg').first().waitFor();
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll('figure')].every(
          (figure) => figure.querySelector('svg') !== null || figure.querySelector('.chart__canvas') === null,
        ),
      ),
    )
    .toBe(true);
}

/** The red, green and blue of a CSS colour as getComputedStyle writes it ("rgb(1, 2, 3)"). */
function channels(css: string): [number, number, number] {
  const match = /rgba?\(([^)]+)\)/.exec(css);
  if (match === null) throw new Error(`not a colour: ${css}`);
  const [r = 0, g = 0, b = 0] = (match[1] ?? '')
    .split(/[ ,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r, g, b];
}

/** WCAG 2 contrast ratio between two opaque colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = channels(css).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

interface BandColours {
  background: string;
  tints: {
    name: string;
    fill: string;
    fillOpacity: string;
    label: string | null;
    labelFill: string | null;
  }[];
  boundary: string | null;
  dot: string | null;
  ratios: {
    boundaryOnBackground: number | null;
    boundaryOnTint: number[];
    labelOnTint: number[];
    dotOnTint: number[];
  };
}

/** The blood chart's band colours as rendered, and the contrast ratios between them. */
async function bandColours(page: Page): Promise<BandColours> {
  const rendered = await page.evaluate(() => {
    const figure = [...document.querySelectorAll('figure')].find((candidate) =>
      candidate.querySelector('figcaption')?.textContent?.startsWith('Blood vitamin D level'),
    );
    if (figure === undefined) throw new Error('no blood chart');
    let background = 'rgba(0, 0, 0, 0)';
    for (let node: Element | null = figure; node !== null; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') {
        background = colour;
        break;
      }
    }
    const tints = [...figure.querySelectorAll('svg g.chart-band')].map((group) => {
      const rect = group.querySelector('rect');
      const name = [...group.classList].find((c) => c.startsWith('chart-band--'))?.slice(12) ?? '';
      const label = figure.querySelector(`svg g.chart-band-label--${name} text`);
      return {
        name,
        fill: rect === null ? '' : getComputedStyle(rect).fill,
        fillOpacity: rect === null ? '' : getComputedStyle(rect).fillOpacity,
        label: label?.textContent ?? null,
        labelFill: label === null ? null : getComputedStyle(label).fill,
      };
    });
    const edge = figure.querySelector('svg g.chart-band-edge line');
    const boundary = edge === null ? null : getComputedStyle(edge).stroke;
    const dotElement = figure.querySelector('svg g.chart-dot circle');
    const dot = dotElement === null ? null : getComputedStyle(dotElement).fill;
    return { background, tints, boundary, dot };
  });
  const { background, tints, boundary, dot } = rendered;
  return {
    ...rendered,
    ratios: {
      boundaryOnBackground: boundary === null ? null : contrast(boundary, background),
      boundaryOnTint: boundary === null ? [] : tints.map((tint) => contrast(boundary, tint.fill)),
      labelOnTint: tints.flatMap((tint) =>
        tint.labelFill === null ? [] : [contrast(tint.labelFill, tint.fill)],
      ),
      dotOnTint: dot === null ? [] : tints.map((tint) => contrast(dot, tint.fill)),
    },
  };
}

describe.skipIf(warnIfSkipped())('charts on a phone and a desktop', () => {
  const suite = useBrowserSuite();

  /** A person with four months of records; `withTarget` adds a personal blood target. */
  async function seeded(
    size: { width: number; height: number },
    options: { withTarget?: boolean; colorScheme?: ColorScheme } = {},
  ): Promise<Page> {
    const page = await suite.openPage({
      ...size,
      timezoneId: SEED_TIME_ZONE,
      colorScheme: options.colorScheme ?? 'light',
    });
    if (options.withTarget ?? true) {
      const person = await registerThroughApi(page, suite.url());
      await seedFourMonths(page, suite.url(), person.today);
    } else {
      await new RecordsApi(page).register(SEED_TIME_ZONE);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: SEED_TIME_ZONE }).format(new Date());
      await seedFourMonths(page, suite.url(), today);
    }
    return page;
  }

  test.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)(
    'no two tick labels overlap on History (week, month, year) or Insights: %s',
    async (name, size) => {
      const page = await seeded(size);
      const history = new HistoryPage(page);
      await history.goto();
      const problems: string[] = [];
      for (const period of ['Week', 'Month', 'Year'] as const) {
        await history.choosePeriod(period);
        await expect.poll(() => history.figures.count()).toBe(4);
        await chartsDrawn(page);
        const { overlaps, counts } = await overlappingTickLabels(page);
        problems.push(...overlaps.map((overlap) => `History ${period}: ${overlap}`));
        // Every chart drawn has labels on its axes (a week without a blood result or flare-up draws two).
        expect(counts.length, period).toBeGreaterThanOrEqual(period === 'Week' ? 2 : 3);
        for (const count of counts) expect(count, `${period} ${counts}`).toBeGreaterThan(1);
        await keepRegionShot(history.charts, `charts-history-${period.toLowerCase()}-${name}`);
      }
      const insights = new InsightsPage(page);
      await insights.goto();
      await insights.openEveryCard();
      await chartsDrawn(page);
      const { overlaps, counts } = await overlappingTickLabels(page);
      problems.push(...overlaps.map((overlap) => `Insights: ${overlap}`));
      expect(counts.length).toBeGreaterThanOrEqual(3);
      await keepScreenshot(page, `charts-insights-${name}`);
      expect(problems).toEqual([]);
    },
    120_000,
  );

  test('the year view of a rating draws weekly means with their range, with a weekly table', async () => {
    const page = await seeded(PHONE);
    const history = new HistoryPage(page);
    await history.goto();
    await history.choosePeriod('Year');
    const fatigue = history.figure(/^Fatigue, rated 0 to 10/);
    await fatigue.locator('svg').waitFor();
    // About 120 daily ratings: drawn as at most 53 weekly marks, not a dot a day.
    const dots = await fatigue.locator('svg g.chart-dot circle').count();
    expect(dots).toBeGreaterThan(10);
    expect(dots).toBeLessThanOrEqual(53);
    expect(await fatigue.locator('svg g.chart-range line').count()).toBe(dots);
    expect(
      await fatigue
        .getByText(/a week’s average; its line runs from the week’s lowest to its highest/)
        .count(),
    ).toBe(1);
    await fatigue.getByText('Show the weekly numbers').click();
    const table = fatigue.getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Week starting',
      'Average',
      'Lowest',
      'Highest',
      'Days rated',
    ]);
    expect(await table.getByRole('row').count()).toBe(dots + 1);

    // A month still shows one dot per rated day.
    await history.choosePeriod('Month');
    await expect.poll(() => fatigue.locator('svg g.chart-dot circle').count()).toBeGreaterThan(20);
  });

  test.each(['light', 'dark'] as const)(
    'the blood chart’s guideline bands have distinct, labelled tints that pass contrast (%s)',
    async (scheme) => {
      const page = await seeded(PHONE, { withTarget: false, colorScheme: scheme });
      const history = new HistoryPage(page);
      await history.goto();
      await history.choosePeriod('Year');
      const blood = history.figure(/^Blood vitamin D level/);
      await blood.locator('svg g.chart-band').first().waitFor();
      const colours = await bandColours(page);
      await keepRegionShot(blood, `charts-bands-${scheme}`);

      // Five IOM 2011 categories, each its own opaque tint.
      expect(colours.tints.map((tint) => tint.name)).toEqual(['red', 'amber', 'green', 'blue', 'purple']);
      expect(new Set(colours.tints.map((tint) => tint.fill)).size).toBe(5);
      for (const tint of colours.tints) expect(tint.fillOpacity).toBe('1');
      // Labelled inside the chart (bands tall enough for a label) and in the key.
      expect(colours.tints.filter((tint) => tint.label !== null).length).toBeGreaterThanOrEqual(4);
      for (const name of [
        'Deficiency risk',
        'Possibly low',
        'Enough for most',
        'No added benefit',
        'Possible concern',
      ]) {
        expect(await blood.locator('.chart__key').getByText(name).count(), name).toBe(1);
      }
      // WCAG 1.4.11: band boundaries at 3:1 against the card and every tint; labels 4.5:1 on their tint;
      // the data marks 3:1 on every tint.
      expect(colours.ratios.boundaryOnBackground).toBeGreaterThanOrEqual(3);
      for (const ratio of colours.ratios.boundaryOnTint) expect(ratio).toBeGreaterThanOrEqual(3);
      expect(colours.ratios.labelOnTint.length).toBeGreaterThanOrEqual(4);
      for (const ratio of colours.ratios.labelOnTint) expect(ratio).toBeGreaterThanOrEqual(4.5);
      for (const ratio of colours.ratios.dotOnTint) expect(ratio).toBeGreaterThanOrEqual(3);
      console.log(`band contrast ${scheme}: ${JSON.stringify(colours.ratios)}`);
    },
  );

  test('a personal target is one labelled tinted band that passes the same contrast', async () => {
    const page = await seeded(PHONE, { withTarget: true });
    const history = new HistoryPage(page);
    await history.goto();
    await history.choosePeriod('Year');
    const blood = history.figure(/^Blood vitamin D level/);
    await blood.locator('svg g.chart-band').first().waitFor();
    const colours = await bandColours(page);
    expect(colours.tints.map((tint) => [tint.name, tint.label])).toEqual([['green', 'Your target']]);
    for (const ratio of [...colours.ratios.boundaryOnTint, ...colours.ratios.labelOnTint]) {
      expect(ratio).toBeGreaterThanOrEqual(3);
    }
    expect(colours.ratios.labelOnTint[0]).toBeGreaterThanOrEqual(4.5);
  });
});
