import { readFile, writeFile } from 'node:fs/promises';
import { benchApi } from './api.ts';
import { benchCli } from './cli.ts';
import { benchInsights } from './insights.ts';
import { benchInsightsPower } from './insights-power.ts';
import { benchPush } from './push.ts';
import { type BenchSection, renderReport, replaceSection } from './report.ts';
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
const page = new URL('../docs/benchmarks.md', import.meta.url);
if (only === undefined) {
  await writeFile(page, renderReport(sections, new Date()));
  console.log('bench: wrote docs/benchmarks.md');
} else if (sections.length === 0) {
  console.error(`bench: no benchmark named ${only}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exitCode = 2;
} else {
  let text = await readFile(page, 'utf8');
  for (const section of sections) text = replaceSection(text, section, new Date());
  await writeFile(page, text);
  console.log(`bench: replaced the ${only} section of docs/benchmarks.md`);
}
