import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { childEnvFor } from '../../test/child-server.ts';
import { engines } from '../../test/engines.ts';
import { buildRegimen } from '../../test/factories.ts';
import { registerPerson, startTestServer, type TestServer } from '../../test/test-server.ts';
import type { TickReport } from './delivery.ts';
import { startTestPushReceiver, type TestPushReceiver } from './test-push-receiver.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const RUNNER = fileURLToPath(new URL('../../test/delivery-runner-child.ts', import.meta.url));

/** When the runners run: 09:00 in London. Every reminder below fell due in the hour before. */
const RUN_AT = '2026-06-10T08:00:00.000Z';
const PEOPLE = 25;
const REGIMENS_EACH = 8;
const TIMES_EACH = 5;
const DUE = PEOPLE * REGIMENS_EACH * TIMES_EACH; // 1,000

interface Runner {
  child: ChildProcess;
  ready: Promise<void>;
  totals: Promise<TickReport>;
}

/** A runner process (see test/delivery-runner-child.ts) on the test server's database. */
function startRunner(env: Record<string, string>): Runner {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER], {
    cwd: REPO_ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`runner exited ${code} before ready: ${stderr}`)));
  });
  const totals = new Promise<TickReport>((resolve, reject) => {
    child.once('exit', (code) => {
      const match = /^totals (.+)$/m.exec(stdout);
      if (code === 0 && match?.[1] !== undefined) resolve(JSON.parse(match[1]));
      else reject(new Error(`runner exited ${code}: ${stderr}`));
    });
  });
  // Whichever is not awaited must not become an unhandled rejection.
  ready.catch(() => {});
  totals.catch(() => {});
  return { child, ready, totals };
}

const postgres = engines().find((engine) => engine.name === 'postgres');

describe.skipIf(postgres === undefined)('several delivery processes on one PostgreSQL', () => {
  let receiver: TestPushReceiver;
  let server: TestServer;
  let now = new Date('2026-06-10T06:00:00.000Z');
  const runners: Runner[] = [];

  beforeEach(async () => {
    if (postgres === undefined) return;
    receiver = await startTestPushReceiver();
    server = await startTestServer(postgres, { open: { clock: () => now } });
  });
  afterEach(async () => {
    for (const runner of runners) if (runner.child.exitCode === null) runner.child.kill('SIGKILL');
    await server?.close();
    await receiver?.close();
  });

  test(`two processes deliver ${DUE} due reminders: each exactly once, none missed`, async () => {
    for (let p = 0; p < PEOPLE; p += 1) {
      const person = await registerPerson(server);
      const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
        server.app.inject({ method, url, cookies: person.cookies, payload });
      await send('PATCH', '/api/v1/me/profile', {
        timeZone: 'Europe/London',
        reminders: { dailyDose: true, dailyDoseTimes: [], monthlyCheckIn: false, labTestEveryWeeks: null },
      });
      for (let r = 0; r < REGIMENS_EACH; r += 1) {
        // 08:01 … 08:40 London time: 07:01 … 07:40 UTC, under an hour before RUN_AT.
        const times = Array.from(
          { length: TIMES_EACH },
          (_, t) => `08:${String(1 + r * TIMES_EACH + t).padStart(2, '0')}`,
        );
        const created = await send(
          'POST',
          '/api/v1/regimens',
          buildRegimen({ startDate: '2026-01-01', reminderTimes: times }),
        );
        expect(created.statusCode).toBe(201);
      }
      const subscription = receiver.subscribe();
      const subscribed = await send('POST', '/api/v1/push/subscriptions', {
        endpoint: subscription.endpoint,
        keys: subscription.keys,
      });
      expect(subscribed.statusCode).toBe(201);
    }
    now = new Date(RUN_AT);

    const caFile = join(server.sunlog.config.dataDir, 'push-receiver-ca.pem');
    writeFileSync(caFile, receiver.cert);
    const env = {
      ...childEnvFor(server.sunlog.config),
      SUNLOG_TEST_CLOCK: RUN_AT,
      SUNLOG_TEST_PUSH_CA: caFile,
    };
    runners.push(startRunner(env), startRunner(env));
    await Promise.all(runners.map((runner) => runner.ready));
    for (const runner of runners) runner.child.stdin?.write('go\n');
    const totals = await Promise.all(runners.map((runner) => runner.totals));

    expect(receiver.rejected).toEqual([]);
    expect(receiver.received).toHaveLength(DUE);
    const deliveryIds = receiver.received.map((push) => (push.payload as { deliveryId: string }).deliveryId);
    expect(new Set(deliveryIds).size).toBe(DUE);
    const rows = await server.sunlog.db.selectFrom('push_deliveries').select(['id', 'status']).execute();
    expect(rows).toHaveLength(DUE);
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(DUE);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(deliveryIds));
    // Both processes took part, and between them sent each once.
    expect(totals.map((report) => report.sent).reduce((a, b) => a + b, 0)).toBe(DUE);
    expect(totals.map((report) => report.missed + report.failed)).toEqual([0, 0]);
    for (const report of totals) expect(report.sent).toBeGreaterThan(0);
  }, 600_000);
});
