import type { Page } from 'playwright-core';

/**
 * Waits until the service worker is active, on a page opened before the one under test (say /sign-in):
 * a page that navigates while the worker is still installing can miss its clients.claim() and stay
 * uncontrolled, and then an offline reload finds no app shell.
 */
export async function waitForServiceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/** Waits until the service worker controls the page, so a reload can be answered without network. */
export async function waitForServiceWorker(page: Page, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
  } catch (error) {
    const state = await page
      .evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        if (registration === undefined) return 'no registration';
        const { installing, waiting, active } = registration;
        return `installing: ${installing?.state}, waiting: ${waiting?.state}, active: ${active?.state}`;
      })
      .catch((cause: unknown) => String(cause));
    throw new Error(`The service worker never controlled ${page.url()} (${state})`, { cause: error });
  }
}
