import { RETENTION_DAYS } from '@sunlog/core/records/retention';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildLabResult } from '../../test/factories.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';
import { startRetentionSchedule } from './retention-schedule.ts';

const DAY_MS = 24 * 60 * 60_000;

describe.each(engines())('the retention schedule on $name', (engine) => {
  const server = useTestServer(engine);

  test('runs at start and again on its interval, erasing what expires in between, until stopped', async () => {
    const s = server();
    const person = await registerPerson(s);
    const send = (method: 'POST' | 'DELETE', url: string, payload?: object) =>
      s.app.inject({ method, url, cookies: person.cookies, ...(payload ? { payload } : {}) });
    const result = buildLabResult();
    expect((await send('POST', '/api/v1/lab-results', result)).statusCode).toBe(201);
    expect((await send('DELETE', `/api/v1/lab-results/${result.id}`)).statusCode).toBe(204);
    const stored = () =>
      s.sunlog.db.selectFrom('lab_results').select('id').where('id', '=', result.id).execute();

    // The clock this schedule reads: today for the first run, past the retention window after it.
    let now = new Date();
    const runs: Date[] = [];
    const schedule = startRetentionSchedule({
      run: (at) => {
        runs.push(at);
        return s.sunlog.records.runRetention(at);
      },
      clock: () => now,
      log: pino({ level: 'silent' }),
      intervalMs: 25,
    });
    await schedule.firstRun;
    expect(runs).toHaveLength(1);
    expect(await stored()).toHaveLength(1); // still within the window: undo works

    now = new Date(Date.now() + (RETENTION_DAYS + 1) * DAY_MS);
    await expect.poll(stored, { timeout: 5_000, interval: 25 }).toHaveLength(0);
    await schedule.stop();
    const after = runs.length;
    expect(after).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toHaveLength(after);
  });
});
