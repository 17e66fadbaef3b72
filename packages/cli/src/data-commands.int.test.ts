import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegisterInputSchema } from '@sunlog/core/records/account';
import { loadConfig } from '@sunlog/server/config';
import { openSunlog } from '@sunlog/server/context';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { buildExportText } from '../../server/test/factories.ts';

const BIN = fileURLToPath(new URL('../bin/sunlog.js', import.meta.url));
const META = { requestId: 'test', address: '127.0.0.1', userAgent: null };

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir = '';

// Each test runs the command several times, each a new Node process; a busy machine needs time.
vi.setConfig({ testTimeout: 180_000 });

/** Runs `sunlog` on the test's data folder, typing `input` on its standard input. */
function sunlog(args: string[], input = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // The sources through tsx, whether or not a built bundle is current (built.int.test.ts runs that).
    const env = { ...process.env, DATA_DIR: dir, SUNLOG_FROM_SOURCE: '1' };
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Opens the test's database directly, for arranging and checking what the commands did. */
async function withSunlog<T>(
  use: (sunlog: Awaited<ReturnType<typeof openSunlog>>) => Promise<T>,
): Promise<T> {
  const opened = await openSunlog(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  try {
    return await use(opened);
  } finally {
    await opened.close();
  }
}

async function register(email: string): Promise<string> {
  return withSunlog(async (opened) => {
    const input = RegisterInputSchema.parse({ email, password: 'a long test passphrase' });
    return (await opened.accounts.register(input, META)).user.id;
  });
}

async function intakeCount(userId: string): Promise<number> {
  return withSunlog(async (opened) => (await opened.records.readAll(userId)).records.intakes.length);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sunlog-cli-data-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sunlog import', () => {
  test('prints the preview, asks about the differences and for a yes, then imports; a second run adds nothing', async () => {
    const userId = await register('ada@example.org');
    const file = join(dir, 'export.json');
    await writeFile(file, buildExportText());

    const first = await sunlog(['import', file, '--email', 'ada@example.org'], 't\ny\n');
    expect(first.stderr).toContain("take the file's (t)");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/doses\s+1 in file: 1 to add, 0 already here, 0 differ/);
    expect(first.stdout).toMatch(/profile: .*displayName/);
    expect(first.stdout).toContain('Imported: 1 added');
    expect(await intakeCount(userId)).toBe(1);

    const second = await sunlog(['import', file, '--email', 'ada@example.org', '--yes']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Imported: 0 added, 1 already there');
    expect(await intakeCount(userId)).toBe(1);
  });

  test('answering no, or --yes without a choice for the differences, imports nothing', async () => {
    const userId = await register('grace@example.org');
    const file = join(dir, 'export.json');
    await writeFile(file, buildExportText());

    const declined = await sunlog(['import', file, '--email', 'grace@example.org'], 't\nn\n');
    expect(declined.code).not.toBe(0);
    expect(declined.stderr.trim().split('\n').at(-1)).toMatch(
      /sunlog import: cancelled: nothing was imported$/,
    );

    const undecided = await sunlog(['import', file, '--email', 'grace@example.org', '--yes']);
    expect(undecided.code).toBe(2);
    expect(undecided.stderr).toMatch(/1 item differs .* --conflicts keep-mine or --conflicts take-file/);
    expect(await intakeCount(userId)).toBe(0);

    const decided = await sunlog([
      'import',
      file,
      '--email',
      'grace@example.org',
      '--yes',
      '--conflicts',
      'keep-mine',
    ]);
    expect(decided.code, decided.stderr).toBe(0);
    expect(await intakeCount(userId)).toBe(1);
  });

  test('a bad file is refused in one line naming the problem', async () => {
    await register('lin@example.org');
    const file = join(dir, 'broken.json');
    await writeFile(file, buildExportText().replace('"intakes":[', '"intakes":[,'));
    const outcome = await sunlog(['import', file, '--email', 'lin@example.org', '--yes']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim()).toMatch(/^sunlog import: The file is not valid JSON: line 1, column \d+$/);
  });
});

describe('sunlog delete-account', () => {
  test('lists what the account holds, asks, and erases it only on yes', async () => {
    const userId = await register('ada@example.org');
    const other = await register('grace@example.org');
    const file = join(dir, 'export.json');
    await writeFile(file, buildExportText());
    for (const email of ['ada@example.org', 'grace@example.org']) {
      expect(
        (await sunlog(['import', file, '--email', email, '--yes', '--conflicts', 'take-file'])).code,
      ).toBe(0);
    }

    const declined = await sunlog(['delete-account', '--email', 'ada@example.org'], 'n\n');
    expect(declined.code).not.toBe(0);
    expect(declined.stdout).toMatch(/intakes: 1/);
    expect(await intakeCount(userId)).toBe(1);

    const deleted = await sunlog(['delete-account', '--email', 'ada@example.org'], 'y\n');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/Deleted ada@example.org: \d+ rows erased/);
    expect(await withSunlog((opened) => opened.accounts.findUserByEmail('ada@example.org'))).toBeUndefined();
    expect(await intakeCount(other)).toBe(1);

    const again = await sunlog(['delete-account', '--email', 'ada@example.org', '--yes']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('no account is registered with ada@example.org');
  });
});

describe('sunlog fhir', () => {
  test('writes the person’s records in the range as a FHIR Bundle file; a reversed range is refused', async () => {
    await register('ada@example.org');
    const file = join(dir, 'export.json');
    await writeFile(file, buildExportText({ amount: { value: 2000, unit: 'IU' } }));
    const imported = await sunlog([
      'import',
      file,
      '--email',
      'ada@example.org',
      '--yes',
      '--conflicts',
      'take-file',
    ]);
    expect(imported.code, imported.stderr).toBe(0);

    const out = join(dir, 'bundle.json');
    const made = await sunlog([
      'fhir',
      '--email',
      'ada@example.org',
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--out',
      out,
    ]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('2026-01-01 to 2026-03-31');
    const bundle = JSON.parse(await readFile(out, 'utf8'));
    expect(bundle.resourceType).toBe('Bundle');
    const dose = bundle.entry.find(
      (entry: { resource: { resourceType: string } }) =>
        entry.resource.resourceType === 'MedicationAdministration',
    );
    expect(dose.resource.dosage.dose).toMatchObject({ value: 2000, code: '[IU]' });

    const reversed = await sunlog([
      'fhir',
      '--email',
      'ada@example.org',
      '--from',
      '2026-04-01',
      '--to',
      '2026-03-01',
      '--out',
      out,
    ]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toMatch(/^sunlog fhir: from must not be after to/);
  });
});

describe('sunlog report', () => {
  test('writes the clinician report as a PDF holding the logged dose; an unknown paper size is refused', async () => {
    await register('ada@example.org');
    const file = join(dir, 'export.json');
    await writeFile(file, buildExportText({ amount: { value: 1250, unit: 'ug' } }));
    const imported = await sunlog([
      'import',
      file,
      '--email',
      'ada@example.org',
      '--yes',
      '--conflicts',
      'take-file',
    ]);
    expect(imported.code, imported.stderr).toBe(0);

    const out = join(dir, 'report.pdf');
    const args = ['report', '--email', 'ada@example.org', '--from', '2026-01-01', '--to', '2026-03-31'];
    const made = await sunlog([...args, '--paper', 'letter', '--out', out]);
    expect(made.code, made.stderr).toBe(0);
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await new Promise<string>((resolve, reject) => {
      const child = spawn('pdftotext', [out, '-']);
      let stdout = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.on('error', reject);
      child.on('close', () => resolve(stdout));
    });
    expect(text.replace(/\s+/g, ' ')).toContain('1250 µg (50000 IU)');

    const refused = await sunlog([...args, '--paper', 'a5', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sunlog report: --paper must be a4 or letter/);
  });
});

describe('sunlog reset-password', () => {
  test('prints a one-time link that sets a new password once; an unknown address is a usage error', async () => {
    await register('grace@example.org');
    const outcome = await sunlog(['reset-password', '--email', 'grace@example.org']);
    expect(outcome.code).toBe(0);
    const url = /(http\S+\/reset-password#token=([A-Za-z0-9_-]{43}))/.exec(outcome.stdout);
    expect(url?.[2]).toBeDefined();
    const token = url?.[2] ?? '';

    const used = await withSunlog(async (opened) => {
      await opened.passwordResets.redeem(token, 'a new and longer passphrase 88', META);
      const signedIn = await opened.accounts.signIn(
        { email: 'grace@example.org', password: 'a new and longer passphrase 88' },
        META,
      );
      return signedIn.user.email;
    });
    expect(used).toBe('grace@example.org');

    const unknown = await sunlog(['reset-password', '--email', 'nobody@example.org']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nobody@example.org');
  });
});
