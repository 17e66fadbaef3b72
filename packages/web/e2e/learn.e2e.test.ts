import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, PageWatcher, type RunningSunlog, startSunlog, warnIfSkipped } from './harness.ts';
import { RecordsApi, sidewaysOverflow, smallTargets } from './pages/history.ts';
import { LearnPage } from './pages/learn.ts';

const SCREENSHOTS_DIR = process.env.SUNLOG_SCREENSHOTS_DIR;

describe.skipIf(warnIfSkipped())('Learn in a real browser', () => {
  let sunlog: RunningSunlog | undefined;
  let browser: Browser | undefined;
  let opened: { context: BrowserContext; watcher: PageWatcher }[] = [];

  beforeAll(async () => {
    [sunlog, browser] = await Promise.all([startSunlog(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await sunlog?.stop();
  });

  afterEach(async () => {
    const problems = opened.flatMap(({ watcher }) => watcher.problems());
    await Promise.all(opened.map(({ context }) => context.close()));
    opened = [];
    expect(problems).toEqual([]);
  });

  async function openPage(
    options: { colorScheme?: 'light' | 'dark'; width?: number; deviceScaleFactor?: number } = {},
  ): Promise<Page> {
    if (browser === undefined || sunlog === undefined) throw new Error('beforeAll did not finish');
    const context = await browser.newContext({
      baseURL: sunlog.url,
      viewport: { width: options.width ?? 1280, height: 900 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      colorScheme: options.colorScheme ?? 'light',
      timezoneId: 'Europe/London',
      locale: 'en-GB',
    });
    const page = await context.newPage();
    const watcher = new PageWatcher();
    await watcher.watch(page);
    opened.push({ context, watcher });
    return page;
  }

  test('Learn is readable signed out, with every section, its sources and the disclaimer', async () => {
    const page = await openPage();
    const learn = new LearnPage(page);
    await learn.goto();
    expect(new URL(page.url()).pathname).toBe('/learn');
    for (const name of [
      'What vitamin D is thought to do in MS',
      'What the trials found',
      'What to expect, and when',
      'Staying safe',
      'Who should talk to a clinician first',
    ]) {
      const section = learn.section(name);
      await section.waitFor();
      expect(await section.getByRole('heading', { name: 'Sources' }).count()).toBe(1);
    }
    expect(
      await page.getByText('Research on vitamin D in MS is mixed; confidence is moderate at best.').count(),
    ).toBe(1);
    expect(await learn.section('Staying safe').textContent()).toContain('4,000 IU (100 µg) a day');
    expect(await learn.section('What the trials found').textContent()).toContain('D-Lay MS');
    expect(await learn.disclaimer.textContent()).toContain(DISCLAIMERS.general);
  });

  test('the contents links move to their section', async () => {
    const page = await openPage();
    const learn = new LearnPage(page);
    await learn.goto();
    await learn.contents.getByRole('link', { name: 'Staying safe' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#safety');
    await learn.heading.isVisible();
  });

  test('Learn is also reachable from the navigation when signed in', async () => {
    const page = await openPage();
    await new RecordsApi(page).register();
    await page.goto('/history');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
    await new LearnPage(page).heading.waitFor();
  });

  test.each(['light', 'dark'] as const)('Learn has no axe violations in the %s theme', async (scheme) => {
    const page = await openPage({ colorScheme: scheme });
    await new LearnPage(page).goto();
    const results = await new AxeBuilder({ page }).analyze();
    const found = results.violations.map(
      (violation) =>
        `${violation.id} — ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
    if (SCREENSHOTS_DIR !== undefined) {
      await mkdir(SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS_DIR}/learn-${scheme}.png`, fullPage: true });
    }
    expect(found).toEqual([]);
  });

  test('every control on Learn is at least 44 by 44 CSS pixels', async () => {
    const page = await openPage();
    await new LearnPage(page).goto();
    expect(await smallTargets(page)).toEqual([]);
  });

  test('at 200% zoom Learn fits the width, its tables turned into labelled blocks', async () => {
    const page = await openPage({ width: 640, deviceScaleFactor: 2 });
    await new LearnPage(page).goto();
    expect(await sidewaysOverflow(page)).toEqual([]);
    if (SCREENSHOTS_DIR !== undefined) {
      await page.screenshot({ path: `${SCREENSHOTS_DIR}/learn-zoom200.png`, fullPage: true });
    }
  });
});
