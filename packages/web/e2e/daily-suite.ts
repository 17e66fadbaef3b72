/**
 * Shared set-up for the Today, onboarding and offline browser tests: one server and one Chromium per
 * file, a fresh context per page, and the checks every screen must pass (axe, target size, reflow).
 */
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, PageWatcher, type RunningSunlog, startSunlog } from './harness.ts';

export type ColorScheme = 'light' | 'dark';

export interface PageOptions {
  colorScheme?: ColorScheme;
  timezoneId?: string;
  width?: number;
  deviceScaleFactor?: number;
}

export interface BrowserSuite {
  url(): string;
  openPage(options?: PageOptions): Promise<Page>;
}

/** Registers the hooks; every test fails on a CSP violation or an uncaught page error. */
export function useBrowserSuite(): BrowserSuite {
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

  return {
    url: () => {
      if (sunlog === undefined) throw new Error('beforeAll did not finish');
      return sunlog.url;
    },
    openPage: async (options = {}) => {
      if (browser === undefined || sunlog === undefined) throw new Error('beforeAll did not finish');
      const context = await browser.newContext({
        baseURL: sunlog.url,
        viewport: { width: options.width ?? 1280, height: 900 },
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        colorScheme: options.colorScheme ?? 'light',
        timezoneId: options.timezoneId ?? 'Europe/London',
        locale: 'en-GB',
      });
      const page = await context.newPage();
      const watcher = new PageWatcher();
      await watcher.watch(page);
      opened.push({ context, watcher });
      return page;
    },
  };
}

const SCREENSHOTS_DIR = process.env.SUNLOG_SCREENSHOTS_DIR;

/** axe violations on the page as it is now, one line each (empty when there are none). */
export async function axeViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  if (SCREENSHOTS_DIR !== undefined) {
    await mkdir(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
  }
  return results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
    return `${name}: ${violation.id} — ${violation.help} — ${targets}`;
  });
}

/** Visible controls smaller than 44×44 CSS px (a radio or checkbox is measured by its label card). */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
      const style = getComputedStyle(element);
      if (element.getClientRects().length === 0 || style.visibility === 'hidden') return [];
      const target = element.closest('label') ?? element;
      const { width, height } = target.getBoundingClientRect();
      if (width >= 44 && height >= 44) return [];
      const label = element.getAttribute('aria-label') ?? element.textContent ?? element.tagName;
      return [
        `${element.tagName.toLowerCase()} "${label.trim()}" is ${Math.round(width)}×${Math.round(height)}`,
      ];
    });
  });
}

/** How far the page scrolls sideways (0 when everything reflows). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
