import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { createDailyRegimen, listOnServer, localToday } from './pages/records-api.ts';
import { waitForServiceWorker, waitForServiceWorkerReady } from './pages/service-worker.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { TodayPage } from './pages/today-page.ts';

const ZONE = 'Europe/London';

describe.skipIf(warnIfSkipped())('offline use in a real browser', () => {
  const suite = useBrowserSuite();

  test('the service worker is served as JavaScript, revalidated, and controls the whole site', async () => {
    const response = await fetch(`${suite.url()}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const source = await response.text();
    // The app shell is precached, and navigations fall back to it, except the API and health check.
    expect(source).toContain('index.html');
    expect(source).toMatch(/NavigationRoute/);
    expect(source).toContain('api');

    const page = await suite.openPage();
    await page.goto('/sign-in');
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${suite.url()}/`);
  });

  test('with the service worker in control, opening an address the server answers itself reaches the server, not the app', async () => {
    const page = await suite.openPage();
    await page.goto('/sign-in');
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // An app page still comes from the cached shell.
    await page.goto('/history');
    expect(await page.locator('#root').count()).toBe(1);
    // Each of these is answered by the server itself, not the cached shell.
    for (const path of [
      '/healthz',
      '/metrics',
      '/calendar/not-a-feed.ics',
      '/shl/not-a-link',
      '/api/v1/me',
    ]) {
      const response = await page.goto(path);
      expect(response?.fromServiceWorker(), path).toBe(false);
      // The server answers these with JSON (a health report or an error), never the app's page.
      if (path !== '/shl/not-a-link') expect(response?.headers()['content-type'] ?? '', path).toMatch(/json/);
    }
  });

  test('a dose and a symptom check logged offline survive a reload and reach the server exactly once', async () => {
    const page = await suite.openPage();
    await page.goto('/sign-in');
    await waitForServiceWorkerReady(page);
    await registerThroughApi(page, { profile: { timeZone: ZONE } });
    await createDailyRegimen(page, localToday(ZONE));
    const today = new TodayPage(page);
    await today.goto();
    await today.takenButton().waitFor();
    await waitForServiceWorker(page);

    await page.context().setOffline(true);
    await today.page.getByText('You are offline.', { exact: false }).waitFor();
    await today.takenButton().click();
    await today.doses.getByText(/^Taken at \d{2}:\d{2} ✓/).waitFor();
    await today.doses.getByText('Waiting to sync', { exact: true }).waitFor();
    await today.rate('Fatigue', 6);
    await today.rate('Sleep last night', 3);
    await today.symptoms.getByRole('button', { name: 'Save how I feel' }).click();
    await today.symptoms.getByText('Saved how you feel today.').waitFor();
    await today.syncStatus.getByText(/^2 entries waiting to sync\./).waitFor();

    // The app shell comes from the service worker; the day comes from this device.
    await page.reload();
    await today.heading.waitFor();
    await today.doses.getByText(/^Taken at \d{2}:\d{2} ✓/).waitFor();
    await today.syncStatus.getByText(/^2 entries waiting to sync\./).waitFor();
    expect(await today.scale('Fatigue').getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(
      true,
    );
    expect(
      await today.scale('Sleep last night').getByRole('radio', { name: '3', exact: true }).isChecked(),
    ).toBe(true);
    expect(await listOnServer(page, 'intakes')).toEqual([]);

    await page.context().setOffline(false);
    await expect.poll(() => today.syncStatus.textContent(), { timeout: 15_000 }).toBe('');
    await today.doses.getByText('Saved', { exact: true }).waitFor();

    const intakes = await listOnServer(page, 'intakes');
    expect(intakes).toHaveLength(1);
    expect(intakes[0]).toMatchObject({ status: 'taken', localDate: localToday(ZONE) });
    const checks = await listOnServer(page, 'symptom-checks');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.scores).toEqual({ fatigue: 6, sleep: 3 });

    // Later sync rounds (a reload, the interval) send nothing twice.
    await page.reload();
    await today.heading.waitFor();
    await today.doses.getByText(/^Taken at/).waitFor();
    expect(await listOnServer(page, 'intakes')).toHaveLength(1);
    expect(await listOnServer(page, 'symptom-checks')).toHaveLength(1);
  });

  test('entries queued while the session ended wait for sign-in, then sync', async () => {
    const page = await suite.openPage();
    await page.goto('/sign-in');
    const person = await registerThroughApi(page, { profile: { timeZone: ZONE } });
    await createDailyRegimen(page, localToday(ZONE));
    const today = new TodayPage(page);
    await today.goto();
    await today.takenButton().waitFor();

    await page.context().setOffline(true);
    await today.takenButton().click();
    await today.doses.getByText('Waiting to sync', { exact: true }).waitFor();
    // The session ends on the server (say, from another device) while this one is offline.
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    const ended = await fetch(`${suite.url()}/api/v1/auth/sign-out`, { method: 'POST', headers: { cookie } });
    expect(ended.status).toBe(204);

    // Back online, the send is refused (401): the person is asked to sign in, and the dose waits.
    await page.context().setOffline(false);
    const signIn = new SignInPage(page);
    await signIn.heading.waitFor();
    const waiting = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('sunlog');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(waiting).toBe(1);

    await signIn.signIn(person.email, person.password);
    await today.heading.waitFor();
    await expect.poll(async () => (await listOnServer(page, 'intakes')).length, { timeout: 15_000 }).toBe(1);
    await today.doses.getByText('Saved', { exact: true }).waitFor();
  });
});
