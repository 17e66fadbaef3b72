/**
 * The set-up every browser test file shares: one server and one Chromium per file, a fresh browser
 * context per page, and a check after each test that no page broke the Content-Security-Policy or
 * threw an uncaught error.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, PageWatcher, type RunningSunlog, startSunlog } from './harness.ts';

export type ColorScheme = 'light' | 'dark';

export interface PageOptions {
  colorScheme?: ColorScheme;
  /** IANA zone the browser reports; Europe/London unless a test needs another. */
  timezoneId?: string;
  width?: number;
  height?: number;
  deviceScaleFactor?: number;
  /** The language the browser reports (navigator.language); en-GB unless a test needs another. */
  locale?: string;
  /** 'block' keeps the service worker out, so `page.route` sees every request (Playwright's own option). */
  serviceWorkers?: 'allow' | 'block';
}

export interface BrowserSuite {
  /** The running server's address (after beforeAll). */
  url(): string;
  /** The running server's DATA_DIR, for `sunlog` commands against its database. */
  dataDir(): string;
  openPage(options?: PageOptions): Promise<Page>;
}

/**
 * Registers the hooks for the calling `describe`; every test fails on a CSP violation or page error.
 * `env` adds settings for the server, read when it starts (after the describe's own beforeAll hooks).
 */
export function useBrowserSuite(options: { env?: () => Record<string, string> } = {}): BrowserSuite {
  let sunlog: RunningSunlog | undefined;
  let browser: Browser | undefined;
  let opened: { context: BrowserContext; watcher: PageWatcher }[] = [];

  beforeAll(async () => {
    [sunlog, browser] = await Promise.all([startSunlog(options.env?.() ?? {}), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await sunlog?.stop();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await describePagesOnFailure(context.task.name, opened);
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
    dataDir: () => {
      if (sunlog === undefined) throw new Error('beforeAll did not finish');
      return sunlog.dataDir;
    },
    openPage: async (options = {}) => {
      if (browser === undefined || sunlog === undefined) throw new Error('beforeAll did not finish');
      const context = await browser.newContext({
        baseURL: sunlog.url,
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        colorScheme: options.colorScheme ?? 'light',
        timezoneId: options.timezoneId ?? 'Europe/London',
        locale: options.locale ?? 'en-GB',
        serviceWorkers: options.serviceWorkers ?? 'allow',
      });
      const page = await context.newPage();
      const watcher = new PageWatcher();
      await watcher.watch(page);
      opened.push({ context, watcher });
      return page;
    },
  };
}

/** Where a failed test leaves a screenshot of each of its pages, for looking at afterwards. */
const FAILURES_DIR = '.tmp/e2e-failures';

/**
 * What each page of a failed test showed when it failed: its address and the start of its visible
 * text on stderr (so a CI log says what the person would have seen), and a screenshot in FAILURES_DIR.
 */
async function describePagesOnFailure(
  testName: string,
  opened: readonly { context: BrowserContext }[],
): Promise<void> {
  const pages = opened.flatMap(({ context }) => context.pages());
  const slug = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  await mkdir(FAILURES_DIR, { recursive: true });
  for (const [index, page] of pages.entries()) {
    const text = await page
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person saw.
      .evaluate(() => document.body?.innerText ?? '')
      .catch((error: unknown) => `(could not read the page: ${String(error)})`);
    const compact = text.replace(/\s+/g, ' ').trim().slice(0, 800);
    console.error(
      `[browser test failed] ${testName}\n  page ${index + 1} at ${page.url()}\n  shows: ${compact}`,
    );
    await page
      .screenshot({ path: `${FAILURES_DIR}/${slug}-${index + 1}.png`, fullPage: true })
      .catch(() => {});
  }
}
