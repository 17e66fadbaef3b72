import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@sunlog/server/app';
import { loadConfig } from '@sunlog/server/config';
import { openSunlog } from '@sunlog/server/context';
import { startTestPushReceiver } from '@sunlog/server/reminders/test-push-receiver';
import type { BenchSection } from './report.ts';

/** 100 people × 20 plans × 5 times: 10,000 dose reminders due in the hour before RUN_AT. */
const PEOPLE = 100;
const PLANS_EACH = 20;
const TIMES_EACH = 5;
const DUE = PEOPLE * PLANS_EACH * TIMES_EACH;
/** 09:00 in London; the reminders are at 08:10–08:14 London time (07:10–07:14 UTC). */
const RUN_AT = new Date('2026-06-10T08:00:00.000Z');

/**
 * Schedules and delivers 10,000 due reminders to the local push receiver: one delivery job pass
 * (`DeliveryJob.tick`: the schedule, the rows, the claims, web-push signing and encrypting each
 * notification, https to the receiver, which verifies and decrypts each) on a fresh SQLite database.
 */
export async function benchPush(): Promise<BenchSection> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sunlog-bench-push-'));
  const receiver = await startTestPushReceiver();
  let now = new Date(RUN_AT.getTime() - 2 * 3_600_000);
  const sunlog = await openSunlog(
    loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // The 100 bench people all register from this one address.
      REGISTRATIONS_PER_ADDRESS: '1000',
    }),
    {
      clock: () => now,
      pushAgent: receiver.agent,
    },
  );
  const app = await buildApp(sunlog);
  try {
    const stamp = now.toISOString();
    for (let p = 0; p < PEOPLE; p++) {
      const registered = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: `bench-${p}@example.org`, password: 'sunlight over the harbour 42' },
      });
      const cookie = registered.cookies.find((c) => c.name.endsWith('sunlog_session'));
      if (registered.statusCode !== 201 || cookie === undefined) throw new Error(registered.body);
      const cookies = { [cookie.name]: cookie.value };
      const userId: string = registered.json().user.id;
      await app.inject({
        method: 'PATCH',
        url: '/api/v1/me/profile',
        cookies,
        payload: {
          timeZone: 'Europe/London',
          reminders: { dailyDose: true, dailyDoseTimes: [], monthlyCheckIn: false, labTestEveryWeeks: null },
        },
      });
      // Plans written straight to the table (setup, not measured): the API would take minutes here.
      const plans = Array.from({ length: PLANS_EACH }, () => {
        const id = randomUUID();
        const body = {
          id,
          productName: 'Vitamin D3 drops',
          form: 'D3',
          amountPerDose: { value: 2000, unit: 'IU' },
          schedule: { kind: 'daily' },
          startDate: '2026-01-01',
          reminderTimes: Array.from({ length: TIMES_EACH }, (_, t) => `08:1${t}`),
          createdAt: stamp,
          updatedAt: stamp,
        };
        return {
          user_id: userId,
          id,
          filed_on: '2026-01-01',
          body: JSON.stringify(body),
          body_hash: id,
          created_at: stamp,
          updated_at: stamp,
          deleted_at: null,
        };
      });
      await sunlog.db.insertInto('regimens').values(plans).execute();
      const subscription = receiver.subscribe();
      await app.inject({
        method: 'POST',
        url: '/api/v1/push/subscriptions',
        cookies,
        payload: { endpoint: subscription.endpoint, keys: subscription.keys },
      });
    }

    now = RUN_AT;
    const started = performance.now();
    const report = await sunlog.delivery.tick();
    const elapsed = performance.now() - started;
    if (report.sent !== DUE || receiver.received.length !== DUE || receiver.rejected.length > 0) {
      throw new Error(
        `expected ${DUE} sent: ${JSON.stringify(report)}, received ${receiver.received.length}, rejected ${receiver.rejected.slice(0, 3)}`,
      );
    }
    return {
      title: 'Reminder delivery (Web Push)',
      method:
        `${DUE.toLocaleString('en')} dose reminders (${PEOPLE} people × ${PLANS_EACH} plans × ${TIMES_EACH} times), all due in the last hour, ` +
        'scheduled and delivered by one pass of the delivery job (`DeliveryJob.tick`) on a fresh SQLite database: ' +
        'rows written, claimed, each notification signed (VAPID) and encrypted (aes128gcm) by web-push and sent over https ' +
        'to the local push receiver of the test suite, which runs in the same process and verifies and decrypts every one. ' +
        'Measured once, on a machine shared with other work at the time. Source: `bench/push.ts`.',
      header: ['workload', 'time', 'per reminder', 'rate'],
      rows: [
        [
          `schedule and deliver ${DUE.toLocaleString('en')} due reminders`,
          `${(elapsed / 1000).toFixed(1)} s`,
          `${(elapsed / DUE).toFixed(2)} ms`,
          `${Math.round(DUE / (elapsed / 1000)).toLocaleString('en')} /s`,
        ],
      ],
    };
  } finally {
    await app.close();
    await sunlog.close();
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
