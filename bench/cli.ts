import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeExport } from '@sunlog/core/exchange/export-read';
import { buildExportV1 } from '@sunlog/core/exchange/export-v1';
import { syntheticPerson } from '@sunlog/core/insights/synthetic';
import {
  buildFlare,
  buildIntake,
  buildProfile,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
  testId,
} from '../packages/core/test/factories.ts';
import { type BenchSection, ms, percentile } from './report.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE = join(ROOT, 'packages/cli/dist/main.js');
const BIN = join(ROOT, 'packages/cli/bin/sunlog.js');
const RUNS = 5;

/** The synthetic person of the insights benchmark (10 years of daily records) as an export file. */
export function decadeExport(): string {
  const { input, truth } = syntheticPerson({ seed: 1, days: 3650 });
  const start = input.days[0]?.date ?? '2026-01-05';
  const amount = { value: truth.doseIu, unit: 'IU' as const };
  const regimen = buildRegimen({ id: testId(1), startDate: start, amountPerDose: amount });
  const intakes = input.days
    .filter((day) => day.taken)
    .map((day, index) =>
      buildIntake({
        id: testId(100_000 + index),
        localDate: day.date,
        takenAt: `${day.date}T08:00:00Z`,
        amount,
      }),
    );
  const symptomChecks = input.symptoms.map((day, index) =>
    buildSymptomCheck({ id: testId(200_000 + index), localDate: day.date, scores: day.scores }),
  );
  const labResults = input.labs.map((lab, index) =>
    buildVitaminDResult({
      id: testId(300_000 + index),
      sampleDate: lab.date,
      level: { value: lab.ngPerMl, unit: 'ng/mL' },
    }),
  );
  const flares = input.flares.map((flare, index) =>
    buildFlare({
      id: testId(400_000 + index),
      startDate: flare.start,
      ...(flare.end === null ? {} : { endDate: flare.end }),
    }),
  );
  const profile = buildProfile({ timeZone: 'UTC' });
  const content = { profile, regimens: [regimen], intakes, labResults, symptomChecks, flares, checkIns: [] };
  return serializeExport(buildExportV1(content, `${input.today}T20:00:00Z`));
}

/** Wall time of whole `node <file> <args>` processes, in milliseconds, after one warm-up run. */
function wallTimes(file: string, args: string[], env: NodeJS.ProcessEnv = {}): number[] {
  const once = () => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [file, ...args], { env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(`sunlog ${args[0]} failed: ${result.stderr.toString()}`);
    return performance.now() - started;
  };
  once();
  return Array.from({ length: RUNS }, once);
}

/** `sunlog insights` on a 10-year export and `sunlog --help`, built bundle against the sources (tsx). */
export function benchCli(): BenchSection {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')]);
  const dir = mkdtempSync(join(tmpdir(), 'sunlog-bench-cli-'));
  try {
    const file = join(dir, 'decade.json');
    writeFileSync(file, decadeExport());
    const fromSource = { SUNLOG_FROM_SOURCE: '1' };
    const measure = (args: string[]) => ({
      built: percentile(wallTimes(BUNDLE, args), 50),
      tsx: percentile(wallTimes(BIN, args, fromSource), 50),
    });
    const insights = measure(['insights', file]);
    const help = measure(['--help']);
    const row = (workload: string, figures: { built: number; tsx: number }) => [
      workload,
      `${ms(figures.built)} ms`,
      `${ms(figures.tsx)} ms`,
    ];
    return {
      title: 'Command line: whole commands',
      method:
        `Wall time of a whole \`sunlog\` process (start-up, work, exit), median of ${RUNS} after a warm-up: the ` +
        'bundle that `npm install` and `npm start` build (`packages/cli/dist/main.js`, what `npx sunlog` runs ' +
        'when it is current) and the TypeScript sources through tsx (`SUNLOG_FROM_SOURCE=1`). `npx` itself adds ' +
        'its own start-up on top. The export is the 10-year synthetic person of the insights benchmark. ' +
        'Source: `bench/cli.ts`.',
      header: ['command', 'built JavaScript', 'sources through tsx'],
      rows: [
        row('sunlog insights on a 10-year export, whole command', insights),
        row('sunlog --help (start-up only)', help),
      ],
      goals: [
        {
          figure: '`sunlog insights` on a 10-year export, whole command (built)',
          measured: `${ms(insights.built)} ms`,
          goal: '< 1,000 ms',
          met: insights.built < 1000,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
