import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations } from './pages/a11y-checks.ts';
import { AppShell } from './pages/app-shell.ts';
import { RecordsApi } from './pages/history.ts';

/** History's code, as the build names it (`HistoryScreen-<hash>.js`). */
const HISTORY_CODE = /\/assets\/HistoryScreen-[^/]+\.js$/;

describe.skipIf(warnIfSkipped())('A screen whose code does not arrive', () => {
  const { openPage } = useBrowserSuite();

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    test(`at ${viewport.width}×${viewport.height} says so, offers to try again, and opens when the code arrives`, async () => {
      // No service worker, so every request for the screen's code reaches the network (and this test).
      const page = await openPage({ ...viewport, serviceWorkers: 'block' });
      await new RecordsApi(page).register();
      await page.goto('/');
      const shell = new AppShell(page);
      await shell.heading.filter({ hasText: 'Today' }).waitFor();

      // The network drops History's code, as when offline before the service worker stored it.
      let refused = 0;
      await page.route(HISTORY_CODE, (route) => {
        refused += 1;
        return route.abort('internetdisconnected');
      });
      await page.getByRole('link', { name: 'History', exact: true }).first().click();
      const failure = page.getByRole('heading', { level: 1, name: 'This screen did not open' });
      await failure.waitFor();
      expect(refused).toBeGreaterThan(0);
      expect(await page.getByRole('alert').filter({ hasText: 'could not load this screen' }).count()).toBe(1);
      // The rest of the app still works around it: the navigation is there.
      expect(await page.getByRole('link', { name: 'Today', exact: true }).count()).toBeGreaterThan(0);
      await keepViewport(page, `screen-load-failed-${viewport.width}x${viewport.height}`);
      expect(await axeViolations(page, `screen-load-failed-${viewport.width}`)).toEqual([]);

      // Still offline: trying again fails again, and says so again.
      const refusedBefore = refused;
      await page.getByRole('button', { name: 'Try again' }).click();
      await failure.waitFor();
      expect(refused).toBeGreaterThan(refusedBefore);

      // Back online: trying again opens History.
      await page.unroute(HISTORY_CODE);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { level: 1, name: 'History', exact: true }).waitFor();
      expect(await failure.count()).toBe(0);
    });
  }

  test('going to another screen clears the failure', async () => {
    const page = await openPage({ width: 390, height: 844, serviceWorkers: 'block' });
    await new RecordsApi(page).register();
    await page.goto('/');
    await new AppShell(page).heading.filter({ hasText: 'Today' }).waitFor();
    await page.route(HISTORY_CODE, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'History', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'This screen did not open' }).waitFor();

    await page.getByRole('link', { name: 'Today', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'This screen did not open' }).count()).toBe(0);
  });
});

/** Saves what the screen shows now when SUNLOG_SCREENSHOTS_DIR is set. */
async function keepViewport(page: Page, name: string): Promise<void> {
  const folder = process.env.SUNLOG_SCREENSHOTS_DIR;
  if (folder === undefined) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png` });
}
