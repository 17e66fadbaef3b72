import { randomUUID } from 'node:crypto';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import {
  countPermissionAsks,
  newStandInSubscription,
  permissionAsks,
  subscriptionsOnServer,
  usePushServiceStandIn,
} from './pages/push-stand-in.ts';
import { createDailyRegimen, listOnServer, localToday } from './pages/records-api.ts';
import { waitForServiceWorker } from './pages/service-worker.ts';

/**
 * Reminder notifications in real Chromium: the opt-in in Settings → Reminders, and the service worker's
 * push and notification handlers, run in the real registered worker. A push cannot travel through a real
 * push service here (no internet), so: pushes are delivered to the worker through the DevTools protocol
 * (a real `push` event), the notification handlers are called in the worker (automation cannot tap a
 * notification), and `PushManager.subscribe` is stood in for (see pages/push-stand-in.ts).
 */

const ZONE = 'Europe/London';
const REMINDERS_OFF = {
  dailyDose: false,
  dailyDoseTimes: [],
  monthlyCheckIn: false,
  labTestEveryWeeks: null,
};

const ON = 'Notifications are on for this device.';
const OFF = 'Notifications are off on this device.';
const BLOCKED = 'Notifications are blocked for Sunlog in this browser';

interface Handlers {
  show: (data: unknown) => Promise<void>;
  click: (action: string, data: unknown) => Promise<void>;
  taken: (data: unknown) => Promise<string>;
  snooze: (deliveryId: string) => Promise<number>;
}

/** The worker controlling `page`, once it does. */
async function registeredWorker(page: Page): Promise<Worker> {
  await waitForServiceWorker(page);
  const context = page.context();
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

function dosePayload(regimenId: string, localDate: string) {
  return {
    kind: 'dose',
    deliveryId: randomUUID(),
    title: 'Vitamin D reminder',
    body: 'Time for your vitamin D: 1,000 IU',
    url: '/',
    dose: { regimenId, localDate, amount: 1000, unit: 'IU' },
  };
}

/** The outbox entries stored on this device, read straight from IndexedDB. */
function outboxOnDevice(
  page: Page,
): Promise<{ kind: string; recordId: string; body?: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sunlog');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('outbox').objectStore('outbox').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function openSettings(page: Page) {
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Reminders' });
  await section.waitFor();
  const device = page.getByRole('region', { name: 'Notifications on this device' });
  await device.waitFor();
  return { section, device };
}

describe.skipIf(warnIfSkipped())('Reminder notifications in a real browser', () => {
  const suite = useBrowserSuite();

  test('opening Sunlog asks nothing: no permission prompt and no subscription on Today or in Settings', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    await countPermissionAsks(page);
    await page.goto('/sign-in');
    await registerThroughApi(page, {
      profile: { timeZone: ZONE, reminders: { ...REMINDERS_OFF, dailyDose: true } },
    });
    await createDailyRegimen(page, localToday(ZONE));
    await page.goto('/');
    await page
      .getByRole('region', { name: 'Vitamin D today' })
      .getByRole('button', { name: 'Taken', exact: true })
      .waitFor();
    await registeredWorker(page);
    const { device } = await openSettings(page);
    await device.getByText(OFF).waitFor();
    expect(await permissionAsks(page)).toEqual({ permission: 0, subscribe: 0 });
    expect(await page.evaluate(() => Notification.permission)).toBe('default');
    expect(await subscriptionsOnServer(page)).toEqual([]);
  });

  test.each([
    [390, 844],
    [1280, 800],
  ])(
    'at %ipx: turning a reminder on subscribes this device and the server stores it; turning all off removes it',
    async (width, height) => {
      const page = await suite.openPage({ width, height });
      await page.context().grantPermissions(['notifications']);
      await usePushServiceStandIn(page, newStandInSubscription());
      await countPermissionAsks(page);
      await page.goto('/sign-in');
      await registerThroughApi(page, { profile: { timeZone: ZONE, reminders: REMINDERS_OFF } });
      await createDailyRegimen(page, localToday(ZONE));
      await registeredWorker(page);
      const { section, device } = await openSettings(page);
      await device.getByText(OFF).waitFor();
      expect(await permissionAsks(page)).toEqual({ permission: 0, subscribe: 0 });

      await section.getByText('Remind me to take my vitamin D').click();
      await device.getByText(ON).waitFor();
      expect((await permissionAsks(page)).subscribe).toBe(1);
      await expect.poll(async () => (await subscriptionsOnServer(page)).length, { timeout: 15_000 }).toBe(1);
      await section
        .getByRole('group', { name: 'Reminder times for Sunvit D3' })
        .getByRole('button', { name: 'Add a time' })
        .click();
      await section.getByRole('button', { name: 'Save reminders' }).click();
      await section.getByRole('status').filter({ hasText: 'Your reminders are saved.' }).waitFor();
      expect(await subscriptionsOnServer(page)).toHaveLength(1);

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(page, `push-settings-on-${width}-${scheme}`)).toEqual([]);
      }
      await keepScreenshot(page, `push-settings-on-${width}`);
      expect(await smallTargets(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toEqual([]);

      await section.getByText('Remind me to take my vitamin D').click();
      await section.getByRole('button', { name: 'Save reminders' }).click();
      await device.getByText(OFF).waitFor();
      expect(await subscriptionsOnServer(page)).toEqual([]);
      expect(
        await page.evaluate(async () => (await navigator.serviceWorker.ready).pushManager.getSubscription()),
      ).toBeNull();
    },
  );

  test('not allowed by the browser: the state says blocked and how to fix it, nothing is subscribed, the test says why', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    await countPermissionAsks(page);
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE, reminders: REMINDERS_OFF } });
    await registeredWorker(page);
    const { section, device } = await openSettings(page);
    await section.getByText('Remind me of the monthly check-in').click();
    // Asked once, from the press. Headless Chromium answers "denied" at once where a person would see
    // a prompt; a browser that leaves the question open keeps the state "off".
    await device.getByText(new RegExp(`${BLOCKED}|${OFF}`)).waitFor();
    expect(await permissionAsks(page)).toEqual({ permission: 1, subscribe: 0 });
    const permission = await page.evaluate(() => Notification.permission);
    if (permission === 'denied') {
      await device.getByText(BLOCKED).waitFor();
      await device.getByText(/set Notifications to Allow/).waitFor();
      await device.getByRole('button', { name: 'Send a test notification' }).click();
      await device
        .getByRole('alert')
        .filter({ hasText: 'The test cannot arrive here while notifications are blocked' })
        .waitFor();
    } else {
      await device.getByText(OFF).waitFor();
    }
    expect(await subscriptionsOnServer(page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, `push-settings-blocked-390-${scheme}`)).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await keepScreenshot(page, 'push-settings-blocked-1280');
  });

  test('a browser without Web Push: the state says so and points to the calendar feed; turning a reminder on asks nothing', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    // Stands in for a browser that has no Push API (older Safari, some in-app browsers).
    await page.context().addInitScript(() => {
      Reflect.deleteProperty(window, 'PushManager');
    });
    await countPermissionAsks(page);
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE, reminders: REMINDERS_OFF } });
    const { section, device } = await openSettings(page);
    await device
      .getByText('This browser cannot show notifications from Sunlog. The calendar feed below')
      .waitFor();
    await section.getByText('Remind me of the monthly check-in').click();
    await section.getByRole('button', { name: 'Save reminders' }).click();
    await section.getByRole('status').filter({ hasText: 'Your reminders are saved.' }).waitFor();
    expect(await device.getByRole('button', { name: 'Send a test notification' }).count()).toBe(0);
    expect((await permissionAsks(page)).permission).toBe(0);
    expect(await subscriptionsOnServer(page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, `push-settings-unsupported-390-${scheme}`)).toEqual([]);
    }
  });

  test('"Send a test notification" turns notifications on if needed, asks the server to send, and says what happened', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    await page.context().grantPermissions(['notifications']);
    await usePushServiceStandIn(page, newStandInSubscription());
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE, reminders: REMINDERS_OFF } });
    await registeredWorker(page);
    const { device } = await openSettings(page);
    const sent = page.waitForResponse((response) => response.url().endsWith('/api/v1/push/test'));
    await device.getByRole('button', { name: 'Send a test notification' }).click();
    expect((await sent).status()).toBe(202);
    await device.getByText(ON).waitFor();
    expect(await subscriptionsOnServer(page)).toHaveLength(1);
    // The stand-in's endpoint (push.example.test) can never be reached, so the server reports 0 sent.
    await device
      .getByRole('alert')
      .filter({ hasText: 'Sunlog could not deliver the test notification just now.' })
      .waitFor();
    await keepScreenshot(page, 'push-settings-test-390');
  });

  test('signing out removes this device’s subscription and closes the reminders still shown', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    await page.context().grantPermissions(['notifications']);
    await usePushServiceStandIn(page, newStandInSubscription());
    await page.goto('/sign-in');
    const person = await registerThroughApi(page, { profile: { timeZone: ZONE, reminders: REMINDERS_OFF } });
    await registeredWorker(page);
    const { section, device } = await openSettings(page);
    await section.getByText('Remind me of the monthly check-in').click();
    await device.getByText(ON).waitFor();
    expect(await subscriptionsOnServer(page)).toHaveLength(1);
    const worker = await registeredWorker(page);
    const shownCount = () =>
      worker.evaluate(
        async () =>
          (await (globalThis as unknown as ServiceWorkerGlobalScopeLike).registration.getNotifications())
            .length,
      );
    await worker.evaluate(
      (data) => (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.show(data),
      dosePayload(randomUUID(), localToday(ZONE)),
    );
    expect(await shownCount()).toBe(1);
    await page.getByRole('region', { name: 'Sign out' }).getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expect((await page.request.post('/api/v1/auth/sign-in', { data: person })).ok()).toBe(true);
    expect(await subscriptionsOnServer(page)).toEqual([]);
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.ready).pushManager.getSubscription()),
    ).toBeNull();
    // A reminder still on screen is closed, so its Taken cannot be recorded for whoever signs in next.
    expect(await shownCount()).toBe(0);
  });

  test('a push shows its notification: a dose with Taken and Snooze 1 hour, tagged by delivery so a repeat replaces it', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    await page.context().grantPermissions(['notifications']);
    await page.goto('/sign-in');
    await registeredWorker(page);
    const worker = await registeredWorker(page);
    const cdp = await page.context().newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect
      .poll(() => registrations.find((r) => r.scopeURL === `${suite.url()}/`), { timeout: 15_000 })
      .toBeDefined();
    const registrationId = registrations.find((r) => r.scopeURL === `${suite.url()}/`)?.registrationId ?? '';
    const dose = dosePayload(randomUUID(), '2026-11-29');
    const push = (data: unknown) =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: suite.url(),
        registrationId,
        data: JSON.stringify(data),
      });
    const shown = () =>
      worker.evaluate(async () =>
        (await (globalThis as unknown as ServiceWorkerGlobalScopeLike).registration.getNotifications()).map(
          (n) => ({
            title: n.title,
            body: n.body,
            tag: n.tag,
            actions: (n as unknown as { actions: { action: string; title: string }[] }).actions.map(
              (a) => a.title,
            ),
            data: n.data as unknown,
          }),
        ),
      );

    await push(dose);
    await expect.poll(async () => (await shown()).length, { timeout: 15_000 }).toBe(1);
    expect(await shown()).toEqual([
      {
        title: dose.title,
        body: dose.body,
        tag: dose.deliveryId,
        actions: ['Taken', 'Snooze 1 hour'],
        data: dose,
      },
    ]);
    await push({ ...dose, body: 'Time for your vitamin D: 1,000 IU (again)' });
    await expect
      .poll(async () => (await shown())[0]?.body, { timeout: 15_000 })
      .toBe('Time for your vitamin D: 1,000 IU (again)');
    expect(await shown()).toHaveLength(1);

    const checkIn = {
      kind: 'check-in',
      deliveryId: randomUUID(),
      title: 'Monthly check-in',
      body: 'A few minutes.',
      url: '/check-in',
    };
    await push(checkIn);
    await expect.poll(async () => (await shown()).length, { timeout: 15_000 }).toBe(2);
    expect((await shown()).find((n) => n.tag === checkIn.deliveryId)?.actions).toEqual([]);
  });

  test('Taken, tapped twice while offline, records the dose once through the outbox; Today shows it taken; it reaches the server once', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    await page.goto('/sign-in');
    await registerThroughApi(page, {
      profile: { timeZone: ZONE, reminders: { ...REMINDERS_OFF, dailyDose: true } },
    });
    const today = localToday(ZONE);
    const regimenId = await createDailyRegimen(page, today);
    await page.goto('/');
    const doses = page.getByRole('region', { name: 'Vitamin D today' });
    await doses.getByRole('button', { name: 'Taken', exact: true }).waitFor();
    const worker = await registeredWorker(page);
    const payload = dosePayload(regimenId, today);

    await page.context().setOffline(true);
    const outcomes = await worker.evaluate(
      (data) =>
        Promise.all([
          (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.taken(data),
          (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.taken(data),
        ]),
      payload,
    );
    expect([...outcomes].sort()).toEqual(['already-logged', 'recorded']);
    expect(
      await worker.evaluate(
        (data) =>
          (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.taken(data),
        payload,
      ),
    ).toBe('already-logged');
    const entries = (await outboxOnDevice(page)).filter((entry) => entry.kind === 'intakes');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.body).toMatchObject({
      regimenId,
      localDate: today,
      status: 'taken',
      amount: { value: 1000, unit: 'IU' },
    });

    // Today, open meanwhile, shows it taken (waiting to sync), and again after an offline reload.
    await doses.getByText(/^Taken at/).waitFor();
    await page.reload();
    await doses.getByText(/^Taken at/).waitFor();

    await page.context().setOffline(false);
    await expect.poll(async () => (await outboxOnDevice(page)).length, { timeout: 15_000 }).toBe(0);
    const onServer = await listOnServer(page, 'intakes');
    expect(onServer).toHaveLength(1);
    expect(onServer[0]).toMatchObject({
      id: entries[0]?.recordId,
      regimenId,
      localDate: today,
      status: 'taken',
    });

    // Tapped again once it has synced: still one.
    expect(
      await worker.evaluate(
        (data) =>
          (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.taken(data),
        payload,
      ),
    ).toBe('already-logged');
    expect(await listOnServer(page, 'intakes')).toHaveLength(1);
  });

  test('Snooze 1 hour posts to the delivery’s snooze endpoint with the session; tapping the body opens its screen in the open window', async () => {
    const page = await suite.openPage({ width: 390, height: 844 });
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE, reminders: REMINDERS_OFF } });
    await page.goto('/');
    const worker = await registeredWorker(page);
    const requests: string[] = [];
    page.context().on('request', (request) => {
      if (request.url().includes('/snooze'))
        requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    const deliveryId = randomUUID();
    // Not a delivery of this person's: the server answers 404 (not 401 or 403), so the worker's request
    // carried the session and passed the CSRF check.
    expect(
      await worker.evaluate(
        (id) => (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.snooze(id),
        deliveryId,
      ),
    ).toBe(404);
    await expect
      .poll(() => requests, { timeout: 15_000 })
      .toEqual([`POST /api/v1/push/deliveries/${deliveryId}/snooze`]);

    await worker.evaluate(
      (data) =>
        (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.click('', data),
      {
        kind: 'check-in',
        deliveryId: randomUUID(),
        title: 'Monthly check-in',
        body: 'A few minutes.',
        url: '/check-in',
      },
    );
    await page.waitForURL('**/check-in');
    await worker.evaluate(
      (data) =>
        (globalThis as unknown as { sunlogNotifications: Handlers }).sunlogNotifications.click('', data),
      dosePayload(randomUUID(), localToday(ZONE)),
    );
    await page.waitForURL((url) => url.pathname === '/');
  });
});

interface ServiceWorkerGlobalScopeLike {
  registration: ServiceWorkerRegistration;
}
