import { writeFile } from 'node:fs/promises';
import { benchApi } from './api.ts';
import { benchCli } from './cli.ts';
import { benchInsights } from './insights.ts';
import { benchInsightsPower } from './insights-power.ts';
import { benchPush } from './push.ts';
import { type BenchSection, renderReport } from './report.ts';
import { benchWeb } from './web.ts';

/** Every benchmark, in the order docs/benchmarks.md lists them. */
const BENCHMARKS: { name: string; run: () => BenchSection | Promise<BenchSection> }[] = [
  { name: 'api', run: benchApi },
  { name: 'web', run: benchWeb },
  { name: 'insights', run: benchInsights },
  { name: 'insights-power', run: () => benchInsightsPower() },
  { name: 'push', run: benchPush },
  { name: 'cli', run: benchCli },
];

const only = process.argv[2];
const sections: BenchSection[] = [];
for (const bench of BENCHMARKS) {
  if (only !== undefined && bench.name !== only) continue;
  console.log(`bench: ${bench.name}…`);
  const section = await bench.run();
  for (const row of section.rows) console.log(`  ${row.join(' · ')}`);
  sections.push(section);
}
if (only === undefined) {
  await writeFile(new URL('../docs/benchmarks.md', import.meta.url), renderReport(sections, new Date()));
  console.log('bench: wrote docs/benchmarks.md');
}
