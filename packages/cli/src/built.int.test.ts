import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RegisterInputSchema } from '@sunlog/core/records/account';
import { loadConfig } from '@sunlog/server/config';
import { openSunlog } from '@sunlog/server/context';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildExportText } from '../../server/test/factories.ts';
import { exportWithRecords } from '../test/exports.ts';

/**
 * The bundle that `npm install` (prepare) and `npm start` build, and `npx sunlog` runs, against the
 * TypeScript sources through tsx: the same arguments must give the same output. The bundle is
 * built here as prepare builds it (a no-op when it is current).
 */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = join(ROOT, 'packages/cli/dist/main.js');
const BIN = join(ROOT, 'packages/cli/bin/sunlog.js');

// Building and each command is a new Node process; a busy machine needs time.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let dir = '';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function node(file: string, args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [file, ...args], {
      env: { ...process.env, DATA_DIR: dir, SUNLOG_FROM_SOURCE: '1', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const built = (...args: string[]) => node(BUNDLE, args);
const fromSource = (...args: string[]) => node(BIN, args);

beforeAll(async () => {
  await run(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT });
  dir = await mkdtemp(join(tmpdir(), 'sunlog-cli-built-'));
  await writeFile(join(dir, 'export.json'), exportWithRecords());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the built sunlog', () => {
  test('--help, insights (text and --json) and a usage error give what the sources give', async () => {
    const file = join(dir, 'export.json');
    const cases = [
      ['--help'],
      ['insights', file, '--today', '2026-04-30'],
      ['insights', file, '--json'],
      ['insights', file, '--today', 'yesterday'],
    ];
    for (const args of cases) {
      const [fromBundle, fromTs] = [await built(...args), await fromSource(...args)];
      expect({ args, ...fromBundle }).toEqual({ args, ...fromTs });
    }
    const insights = JSON.parse((await built('insights', file, '--json')).stdout) as { today: string };
    expect(insights.today).toBe('2026-05-01');
  });

  test('commands that open the database load the server from the bundle: import, then a PDF report', async () => {
    // The report's fonts are found beside the server's sources, as `import.meta.url` said before bundling.
    const opened = await openSunlog(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    try {
      const input = RegisterInputSchema.parse({
        email: 'ada@example.org',
        password: 'a long test passphrase',
      });
      await opened.accounts.register(input, { requestId: 'test', address: '127.0.0.1', userAgent: null });
    } finally {
      await opened.close();
    }
    const file = join(dir, 'one-dose.json');
    await writeFile(file, buildExportText({ amount: { value: 1250, unit: 'ug' } }));
    const answers = ['--yes', '--conflicts', 'take-file'];
    const imported = await built('import', file, '--email', 'ada@example.org', ...answers);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported: 1 added');

    const out = join(dir, 'report.pdf');
    const report = ['report', '--email', 'ada@example.org', '--from', '2026-01-01', '--to', '2026-03-31'];
    const made = await built(...report, '--out', out);
    expect(made.code, made.stderr).toBe(0);
    expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const refused = await built(...report, '--paper', 'a5', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sunlog report: --paper must be a4 or letter/);
  });
});
