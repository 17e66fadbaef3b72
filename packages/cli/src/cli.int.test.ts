import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import { RegisterInputSchema } from '@sunlog/core/records/account';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildRegimen, testId } from '../../core/test/factories.ts';
import { exportWithRecords } from '../test/exports.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/sunlog.js', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function sunlog(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      // The sources through tsx, whether or not a built bundle is current (built.int.test.ts runs that).
      env: { ...process.env, DATA_DIR: dir, SUNLOG_FROM_SOURCE: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sunlog-cli-'));
  await writeFile(join(dir, 'export.json'), exportWithRecords());
  await writeFile(
    join(dir, 'broken.json'),
    '{"format":"sunlog-export","version":1,"exportedAt":"2026-05-01T12:00:00Z","profile":{}}',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sunlog', () => {
  test('--help lists every command and exits 0', async () => {
    const outcome = await sunlog('--help');
    expect(outcome.code).toBe(0);
    for (const name of ['serve', 'migrate', 'insights']) expect(outcome.stdout).toContain(name);
  });

  test('an unknown command fails with a one-line reason', async () => {
    const outcome = await sunlog('frobnicate');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('insights --json computes the insights offline from an export file', async () => {
    const outcome = await sunlog('insights', join(dir, 'export.json'), '--json', '--today', '2026-04-30');
    expect(outcome.code).toBe(0);
    const insights = JSON.parse(outcome.stdout) as {
      today: string;
      adherenceByMonth: { subject: string; estimate: number | null }[];
      levelTrend: { basis: { points?: number } };
    };
    expect(insights.today).toBe('2026-04-30');
    const january = insights.adherenceByMonth.find((month) => month.subject.includes('2026-01'));
    // 31 January days, every sixth day skipped: 26 of 31 taken.
    expect(january?.estimate).toBeCloseTo(26 / 31, 5);
    expect(insights.levelTrend.basis.points ?? 0).toBeLessThanOrEqual(2);
  });

  test('insights without --today reads the export as of the day it was made, not today', async () => {
    // The file was exported on 2026-05-01 (UTC noon; the profile's zone is still on that day).
    const outcome = await sunlog('insights', join(dir, 'export.json'), '--json');
    expect(outcome.code).toBe(0);
    const insights = JSON.parse(outcome.stdout) as { today: string; adherenceByMonth: { subject: string }[] };
    expect(insights.today).toBe('2026-05-01');
    // Months after the export are not counted as months of missed doses.
    const after = insights.adherenceByMonth.filter((month) => /2026-(0[6-9]|1[0-2])/.test(month.subject));
    expect(after).toEqual([]);
  });

  test('every usage error exits 2: an unknown option, a missing value, a bad date, no command at all', async () => {
    const cases = [
      ['insights', join(dir, 'export.json'), '--frobnicate'],
      ['insights', join(dir, 'export.json'), '--today'],
      ['insights', join(dir, 'export.json'), '--today', 'yesterday'],
      ['insights'],
      ['frobnicate'],
      [],
    ];
    for (const args of cases) {
      const outcome = await sunlog(...args);
      expect({ args, code: outcome.code }).toEqual({ args, code: 2 });
      expect(outcome.stderr.trim()).not.toBe('');
    }
  });

  test('insights prints plain sentences without --json', async () => {
    const outcome = await sunlog('insights', join(dir, 'export.json'), '--today', '2026-04-30');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Intake consistency by month');
    expect(outcome.stdout).toContain(DISCLAIMERS.patterns);
  });

  test('insights on a malformed export fails with the path of the first problem', async () => {
    const outcome = await sunlog('insights', join(dir, 'broken.json'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/profile\.\w+/);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('export writes a person’s records from the database, and insights reads that file', async () => {
    const { loadConfig } = await import('@sunlog/server/config');
    const { openSunlog } = await import('@sunlog/server/context');
    const { RECORD_KINDS } = await import('@sunlog/server/records/kinds');
    const opened = await openSunlog(loadConfig({ DATA_DIR: dir }));
    const meta = { requestId: 'test', address: '127.0.0.1', userAgent: null };
    try {
      const { user } = await opened.accounts.register(
        RegisterInputSchema.parse({ email: 'Ada@Example.org', password: 'a long test passphrase' }),
        meta,
      );
      const regimen = buildRegimen({ id: testId(1), startDate: '2026-01-01' });
      const { createdAt: _c, updatedAt: _u, ...regimenBody } = regimen;
      await opened.records.create(RECORD_KINDS.regimens, user.id, regimenBody);
    } finally {
      await opened.close();
    }
    const out = join(dir, 'from-db.json');
    const exported = await sunlog('export', '--email', 'ada@example.org', '--out', out);
    expect(exported.code).toBe(0);
    const insights = await sunlog('insights', out, '--json', '--today', '2026-02-01');
    expect(insights.code).toBe(0);
    expect(JSON.parse(insights.stdout).adherenceByMonth.length).toBeGreaterThan(0);
  });

  test('export names a missing account in one line', async () => {
    const outcome = await sunlog('export', '--email', 'nobody@example.org');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('nobody@example.org');
  });

  test('migrate brings an empty SQLite database up to date', async () => {
    const outcome = await sunlog('migrate');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('up to date');
  });
});
