import type { RegimenCreate } from '@sunlog/core/records/regimen';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildCheckIn, buildIntake, buildRegimen } from '../../test/factories.ts';
import { registerPerson, startTestServer, type TestServer } from '../../test/test-server.ts';
import { LATE_LIMIT_MS, MAX_ATTEMPTS, RETRY_DELAY_MS } from './delivery.ts';
import { startDeliverySchedule } from './delivery-schedule.ts';
import { PUSH_TTL_SECONDS } from './push-sender.ts';
import { startTestPushReceiver, type TestPushReceiver, type TestSubscription } from './test-push-receiver.ts';

const MINUTE = 60_000;
/** 07:00 UTC is 08:00 in London (BST) on this day. */
const DOSE_DUE = new Date('2026-06-10T07:00:00.000Z');

type Person = Awaited<ReturnType<typeof registerPerson>>;

describe.each(engines())('Web Push delivery on $name', (engine) => {
  let receiver: TestPushReceiver;
  let server: TestServer | undefined;
  let now = DOSE_DUE;
  const s = () => {
    if (server === undefined) throw new Error('no server');
    return server;
  };

  beforeAll(async () => {
    receiver = await startTestPushReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(async () => {
    now = DOSE_DUE;
    receiver.received.length = 0;
    receiver.rejected.length = 0;
    server = await startTestServer(engine, {
      open: { clock: () => now, pushAgent: receiver.agent, pushTimeoutMs: 1_500 },
    });
  });
  afterEach(async () => {
    // Nothing the receiver refused (a bad JWT, a body it could not decrypt) in any test.
    expect(receiver.rejected).toEqual([]);
    await server?.close();
    server = undefined;
  });

  const send = (person: Person, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    s().app.inject({ method, url, cookies: person.cookies, ...(payload === undefined ? {} : { payload }) });

  const subscribe = async (person: Person, subscription: TestSubscription) => {
    const response = await send(person, 'POST', '/api/v1/push/subscriptions', {
      endpoint: subscription.endpoint,
      keys: subscription.keys,
      expirationTime: null,
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response;
  };

  /** A person in London, reminded of a daily dose at `times`, with one subscription that `behaviour`s. */
  const personWithDoseReminder = async (
    options: {
      times?: string[];
      intakeUnit?: 'IU' | 'ug';
      regimen?: Partial<RegimenCreate>;
      behaviour?: Parameters<TestPushReceiver['subscribe']>[0];
    } = {},
  ) => {
    const person = await registerPerson(s());
    const patched = await send(person, 'PATCH', '/api/v1/me/profile', {
      timeZone: 'Europe/London',
      intakeUnit: options.intakeUnit ?? 'IU',
      reminders: { dailyDose: true, dailyDoseTimes: [], monthlyCheckIn: false, labTestEveryWeeks: null },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const regimen = buildRegimen({
      startDate: '2026-01-01',
      reminderTimes: options.times ?? ['08:00'],
      ...options.regimen,
    });
    expect((await send(person, 'POST', '/api/v1/regimens', regimen)).statusCode).toBe(201);
    const subscription = receiver.subscribe(options.behaviour ?? 'accept');
    await subscribe(person, subscription);
    return { person, regimen, subscription };
  };

  const deliveries = (userId: string) =>
    s()
      .sunlog.db.selectFrom('push_deliveries')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('due_at')
      .execute();

  test('subscriptions: saved once per endpoint, listed without keys, moved to whoever subscribes it, removed idempotently', async () => {
    const ada = await registerPerson(s());
    const bob = await registerPerson(s());
    const subscription = receiver.subscribe();
    const first = await subscribe(ada, subscription);
    expect(first.statusCode).toBe(201);
    const again = await subscribe(ada, subscription);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const listed = await send(ada, 'GET', '/api/v1/push/subscriptions');
    expect(listed.json()).toEqual({
      subscriptions: [{ id: first.json().id, createdAt: expect.any(String), userAgent: 'lightMyRequest' }],
    });
    expect(listed.body).not.toContain(subscription.keys.auth);

    const moved = await subscribe(bob, subscription);
    expect(moved.statusCode).toBe(201);
    expect((await send(ada, 'GET', '/api/v1/push/subscriptions')).json().subscriptions).toEqual([]);
    expect((await send(bob, 'GET', '/api/v1/push/subscriptions')).json().subscriptions).toHaveLength(1);

    // Ada cannot remove Bob's; removing is idempotent.
    const endpoint = { endpoint: subscription.endpoint };
    expect((await send(ada, 'DELETE', '/api/v1/push/subscriptions', endpoint)).statusCode).toBe(204);
    expect((await send(bob, 'GET', '/api/v1/push/subscriptions')).json().subscriptions).toHaveLength(1);
    expect((await send(bob, 'DELETE', '/api/v1/push/subscriptions', endpoint)).statusCode).toBe(204);
    expect((await send(bob, 'DELETE', '/api/v1/push/subscriptions', endpoint)).statusCode).toBe(204);
    expect((await send(bob, 'GET', '/api/v1/push/subscriptions')).json().subscriptions).toEqual([]);

    const activity = (await send(bob, 'GET', '/api/v1/me/activity')).json();
    expect(activity.items.map((item: { action: string }) => item.action)).toEqual(
      expect.arrayContaining(['push.subscribe', 'push.unsubscribe']),
    );
  });

  test('subscriptions: a plain http endpoint, keys of the wrong length and no session are refused', async () => {
    const ada = await registerPerson(s());
    const good = receiver.subscribe();
    const post = (body: object) => send(ada, 'POST', '/api/v1/push/subscriptions', body);
    expect((await post({ ...good, endpoint: good.endpoint.replace('https:', 'http:') })).statusCode).toBe(
      400,
    );
    expect((await post({ ...good, endpoint: `https://x.example/${'a'.repeat(2048)}` })).statusCode).toBe(400);
    expect((await post({ ...good, keys: { ...good.keys, auth: 'AAAA' } })).statusCode).toBe(400);
    expect((await post({ ...good, keys: { ...good.keys, p256dh: good.keys.auth } })).statusCode).toBe(400);
    const anonymous = await s().app.inject({
      method: 'POST',
      url: '/api/v1/push/subscriptions',
      payload: good,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  test("a due dose reminder arrives exactly once, signed and encrypted, with the amount in the person's unit", async () => {
    const { person, regimen, subscription } = await personWithDoseReminder({
      intakeUnit: 'ug',
      regimen: { amountPerDose: { value: 2000, unit: 'IU' } },
    });
    const report = await s().sunlog.delivery.tick();
    expect(report).toMatchObject({ scheduled: 1, sent: 1, missed: 0 });
    const rows = await deliveries(person.id);
    expect(rows).toMatchObject([
      {
        kind: 'dose',
        regimen_id: regimen.id,
        local_date: '2026-06-10',
        local_time: '08:00',
        due_at: DOSE_DUE.toISOString(),
        status: 'sent',
        attempts: 1,
        claimed_by: null,
      },
    ]);
    expect(receiver.received).toHaveLength(1);
    const [push] = receiver.received;
    expect(push?.subscriptionId).toBe(subscription.id);
    expect(push?.payload).toEqual({
      kind: 'dose',
      deliveryId: rows[0]?.id,
      title: 'Vitamin D reminder',
      body: 'Time for your vitamin D: 50 µg',
      url: '/',
      dose: { regimenId: regimen.id, localDate: '2026-06-10', amount: 50, unit: 'ug' },
    });
    expect(push?.vapidKey).toBe(s().sunlog.vapid.publicKey);
    expect(push?.claims.aud).toBe(receiver.origin);
    expect(push?.ttl).toBe(PUSH_TTL_SECONDS);

    // Ticking again, now or later, sends nothing more.
    await s().sunlog.delivery.tick();
    now = new Date(DOSE_DUE.getTime() + 20 * MINUTE);
    await s().sunlog.delivery.tick();
    expect(receiver.received).toHaveLength(1);
    expect(await deliveries(person.id)).toHaveLength(1);
  });

  test('a dose logged between scheduling and sending is recorded suppressed and not sent', async () => {
    const { person, regimen } = await personWithDoseReminder();
    expect(await s().sunlog.delivery.schedule()).toEqual({ pending: 1, missed: 0 });
    const intake = buildIntake({
      regimenId: regimen.id,
      localDate: '2026-06-10',
      takenAt: '2026-06-10T07:55:00+01:00',
    });
    expect((await send(person, 'POST', '/api/v1/intakes', intake)).statusCode).toBe(201);
    await s().sunlog.delivery.deliverDue();
    expect(receiver.received).toEqual([]);
    expect((await deliveries(person.id)).map((row) => row.status)).toEqual(['suppressed']);
    // And once logged, the next day's schedule still runs but this day's is never made again.
    await s().sunlog.delivery.tick();
    expect(receiver.received).toEqual([]);
  });

  test('a row whose runner stopped mid-send (its lease ran out unfinished) is recorded failed, not sent again', async () => {
    const { person } = await personWithDoseReminder();
    await s().sunlog.delivery.schedule();
    await s()
      .sunlog.db.updateTable('push_deliveries')
      .set({ claimed_by: 'a runner that stopped', claimed_until: new Date(now.getTime() - 1).toISOString() })
      .execute();
    expect(await s().sunlog.delivery.deliverDue()).toMatchObject({ failed: 1, sent: 0 });
    expect(await deliveries(person.id)).toMatchObject([{ status: 'failed', claimed_by: null }]);
    expect(receiver.received).toEqual([]);
  });

  test('after downtime: 50 minutes late is still sent, 2 hours late is recorded missed and not sent', async () => {
    // 07:50 and 09:00 London time are 06:50 and 08:00 UTC; subscribed at 06:00, the server was down
    // from then and comes back at 08:50 UTC.
    now = new Date('2026-06-10T06:00:00.000Z');
    const { person } = await personWithDoseReminder({ times: ['07:50', '09:00'] });
    now = new Date('2026-06-10T08:50:00.000Z');
    const report = await s().sunlog.delivery.tick();
    expect(report).toMatchObject({ sent: 1, missed: 1 });
    expect((await deliveries(person.id)).map((row) => [row.local_time, row.status, row.sent_at])).toEqual([
      ['07:50', 'missed', null],
      ['09:00', 'sent', now.toISOString()],
    ]);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.payload).toMatchObject({ kind: 'dose' });
    // A row claimed in time but reached only after the hour (a slow batch) is missed too, never sent.
    await s().sunlog.delivery.tick();
    expect(receiver.received).toHaveLength(1);
  });

  test('snooze: one more notification an hour later, then 409; another person gets 404', async () => {
    const { person } = await personWithDoseReminder();
    await s().sunlog.delivery.tick();
    const [original] = await deliveries(person.id);
    if (original === undefined) throw new Error('no delivery');
    now = new Date(DOSE_DUE.getTime() + 5 * MINUTE);

    const snooze = (who: Person, id: string) => send(who, 'POST', `/api/v1/push/deliveries/${id}/snooze`);
    const snoozed = await snooze(person, original.id);
    expect(snoozed.statusCode, snoozed.body).toBe(202);
    const repeatId = snoozed.json().id;
    expect(snoozed.json().dueAt).toBe(new Date(now.getTime() + 60 * MINUTE).toISOString());

    expect((await snooze(person, original.id)).statusCode).toBe(409);
    expect((await snooze(person, repeatId)).statusCode).toBe(409);
    expect((await snooze(person, repeatId)).json().error.code).toBe('already-snoozed');
    const stranger = await registerPerson(s());
    expect((await snooze(stranger, original.id)).statusCode).toBe(404);
    expect((await snooze(person, crypto.randomUUID())).statusCode).toBe(404);
    expect((await snooze(person, 'not-an-id')).statusCode).toBe(404);

    // Not before the hour is up…
    now = new Date(DOSE_DUE.getTime() + 50 * MINUTE);
    await s().sunlog.delivery.tick();
    expect(receiver.received).toHaveLength(1);
    // …then exactly once.
    now = new Date(DOSE_DUE.getTime() + 66 * MINUTE);
    await s().sunlog.delivery.tick();
    await s().sunlog.delivery.tick();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.payload).toMatchObject({ kind: 'dose', deliveryId: repeatId });
    expect((await deliveries(person.id)).map((row) => [row.status, row.snoozed_from])).toEqual([
      ['sent', null],
      ['sent', original.id],
    ]);
  });

  test('a snoozed dose logged in the meantime is suppressed', async () => {
    const { person, regimen } = await personWithDoseReminder();
    await s().sunlog.delivery.tick();
    const [original] = await deliveries(person.id);
    expect((await send(person, 'POST', `/api/v1/push/deliveries/${original?.id}/snooze`)).statusCode).toBe(
      202,
    );
    const intake = buildIntake({
      regimenId: regimen.id,
      localDate: '2026-06-10',
      takenAt: '2026-06-10T08:30:00+01:00',
    });
    expect((await send(person, 'POST', '/api/v1/intakes', intake)).statusCode).toBe(201);
    now = new Date(DOSE_DUE.getTime() + 61 * MINUTE);
    await s().sunlog.delivery.tick();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveries(person.id)).map((row) => row.status)).toEqual(['sent', 'suppressed']);
  });

  test.each([410, 404] as const)('a push service answering %i removes the subscription', async (status) => {
    const { person } = await personWithDoseReminder({ behaviour: status });
    await s().sunlog.delivery.tick();
    expect((await send(person, 'GET', '/api/v1/push/subscriptions')).json().subscriptions).toEqual([]);
    expect((await deliveries(person.id)).map((row) => row.status)).toEqual(['failed']);
    expect(receiver.received).toEqual([]);
  });

  test('other failures are tried again a few minutes later, a limited number of times within the hour', async () => {
    const { person, subscription } = await personWithDoseReminder({ behaviour: 500 });
    await s().sunlog.delivery.tick();
    expect(await deliveries(person.id)).toMatchObject([{ status: 'pending', attempts: 1 }]);
    // Not again before the retry delay.
    now = new Date(DOSE_DUE.getTime() + RETRY_DELAY_MS - 1);
    expect(await s().sunlog.delivery.deliverDue()).toMatchObject({ retried: 0, sent: 0 });
    now = new Date(DOSE_DUE.getTime() + RETRY_DELAY_MS);
    await s().sunlog.delivery.tick();
    expect(await deliveries(person.id)).toMatchObject([{ status: 'pending', attempts: 2 }]);
    now = new Date(DOSE_DUE.getTime() + 2 * RETRY_DELAY_MS);
    await s().sunlog.delivery.tick();
    expect(await deliveries(person.id)).toMatchObject([{ status: 'failed', attempts: MAX_ATTEMPTS }]);
    // The subscription stays (the service may recover) and nothing more is tried for this reminder.
    receiver.setBehaviour(subscription.id, 'accept');
    now = new Date(DOSE_DUE.getTime() + LATE_LIMIT_MS - MINUTE);
    await s().sunlog.delivery.tick();
    expect(receiver.received).toEqual([]);
    expect((await send(person, 'GET', '/api/v1/push/subscriptions')).json().subscriptions).toHaveLength(1);
  });

  test("a hanging push service for one person does not hold up another person's reminder or the API", async () => {
    const stuck = await personWithDoseReminder({ behaviour: 'hang' });
    const fine = await personWithDoseReminder();
    const tick = s().sunlog.delivery.tick();
    let settled = false;
    void tick.finally(() => {
      settled = true;
    });
    await expect.poll(() => receiver.payloadsFor(fine.subscription.id).length, { timeout: 10_000 }).toBe(1);
    expect(receiver.hanging()).toBe(1);
    expect(settled).toBe(false);
    // The API answers while the push is hanging.
    expect((await send(fine.person, 'GET', '/api/v1/push/subscriptions')).statusCode).toBe(200);
    await tick;
    expect((await deliveries(fine.person.id)).map((row) => row.status)).toEqual(['sent']);
    // The timed-out one counts as a failure, tried again later.
    expect(await deliveries(stuck.person.id)).toMatchObject([{ status: 'pending', attempts: 1 }]);
  });

  test('the check-in reminder opens the check-in, and a check-in done for the month suppresses it', async () => {
    const person = await registerPerson(s());
    await send(person, 'PATCH', '/api/v1/me/profile', {
      timeZone: 'Europe/London',
      reminders: {
        dailyDose: false,
        dailyDoseTimes: [],
        monthlyCheckIn: true,
        checkInDayOfMonth: 10,
        checkInTime: '08:00',
        labTestEveryWeeks: null,
      },
    });
    const subscription = receiver.subscribe();
    await subscribe(person, subscription);
    await s().sunlog.delivery.tick();
    expect(receiver.payloadsFor(subscription.id)).toEqual([
      expect.objectContaining({ kind: 'check-in', url: '/check-in', deliveryId: expect.any(String) }),
    ]);
    expect(receiver.received[0]?.payload).not.toHaveProperty('dose');

    // June's check-in, done before July's reminder, covers it (it asks about the month just ended).
    expect(
      (await send(person, 'POST', '/api/v1/check-ins', buildCheckIn({ month: '2026-06' }))).statusCode,
    ).toBe(201);
    now = new Date('2026-07-10T07:00:00.000Z');
    await s().sunlog.delivery.tick();
    expect(receiver.payloadsFor(subscription.id)).toHaveLength(1);
    expect((await deliveries(person.id)).map((row) => [row.local_date, row.status])).toEqual([
      ['2026-06-10', 'sent'],
    ]);
  });

  test('POST /api/v1/push/test sends a test notification to each subscription', async () => {
    const person = await registerPerson(s());
    const phone = receiver.subscribe();
    const laptop = receiver.subscribe();
    await subscribe(person, phone);
    await subscribe(person, laptop);
    const response = await send(person, 'POST', '/api/v1/push/test');
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ sent: 2 });
    for (const id of [phone.id, laptop.id]) {
      expect(receiver.payloadsFor(id)).toEqual([
        {
          kind: 'test',
          deliveryId: null,
          title: expect.any(String),
          body: expect.any(String),
          url: '/settings',
        },
      ]);
    }
    const nobody = await registerPerson(s());
    expect((await send(nobody, 'POST', '/api/v1/push/test')).json()).toEqual({ sent: 0 });
  });

  test('rotating the calendar address appears in the account activity', async () => {
    const person = await registerPerson(s());
    expect((await send(person, 'POST', '/api/v1/me/calendar/rotate')).statusCode).toBe(200);
    const activity = (await send(person, 'GET', '/api/v1/me/activity')).json();
    expect(activity.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'calendar.rotate', outcome: 'success' })]),
    );
  });

  test('the delivery schedule runs at start and on its interval, and stops cleanly', async () => {
    await personWithDoseReminder();
    let runs = 0;
    const schedule = startDeliverySchedule({
      tick: () => {
        runs += 1;
        return s().sunlog.delivery.tick();
      },
      log: pino({ level: 'silent' }),
      intervalMs: 20,
    });
    await schedule.firstRun;
    expect(receiver.received).toHaveLength(1);
    await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThan(2);
    await schedule.stop();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toBe(after);
    expect(receiver.received).toHaveLength(1);
  });
});
