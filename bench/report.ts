import { cpus, totalmem } from 'node:os';

/** One figure of a section measured against its goal; a miss is shown, not hidden. */
export interface BenchGoal {
  figure: string;
  measured: string;
  goal: string;
  met: boolean;
}

/** One benchmark's findings: a heading, a short note on what was measured, and a table. */
export interface BenchSection {
  title: string;
  method: string;
  header: string[];
  rows: (string | number)[][];
  /** Figures with a goal, gathered into the summary at the top of the page. */
  goals?: BenchGoal[];
}

const SUMMARY_TITLE = 'Goals at a glance';

/** The summary table of every section's goals; empty when no section has one. */
function renderSummary(sections: readonly BenchSection[]): string[] {
  const goals = sections.flatMap((section) => (section.goals ?? []).map((goal) => ({ section, goal })));
  if (goals.length === 0) return [];
  const lines = [
    '',
    `## ${SUMMARY_TITLE}`,
    '',
    'Every figure below that has a goal, from the sections further down. A goal that is not reached is marked **missed**.',
    '',
    '| figure | measured | goal | met |',
    '| --- | --- | --- | --- |',
  ];
  for (const { goal } of goals)
    lines.push(`| ${goal.figure} | ${goal.measured} | ${goal.goal} | ${goal.met ? 'yes' : '**missed**'} |`);
  return lines;
}

function renderSection(section: BenchSection): string[] {
  const lines = ['', `## ${section.title}`, '', section.method, ''];
  lines.push(`| ${section.header.join(' | ')} |`, `| ${section.header.map(() => '---').join(' | ')} |`);
  for (const row of section.rows) lines.push(`| ${row.join(' | ')} |`);
  return lines;
}

/** Renders the sections as the Markdown page `docs/benchmarks.md`. */
export function renderReport(sections: BenchSection[], measuredAt: Date): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${measuredAt.toISOString().slice(0, 10)}: ${cpus().length} cores (${cpu}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Figures vary by a few percent between runs;`,
    'rerun the command to refresh this page. Why a figure misses its goal, and what was tried: `docs/benchmark-notes.md`.',
    ...renderSummary(sections),
  ];
  for (const section of sections) lines.push(...renderSection(section));
  return `${lines.join('\n')}\n`;
}

/**
 * The page with one section replaced (or appended when new), for `npm run bench <name>`: the other
 * sections keep their figures and dates; the replaced one says when it was measured.
 */
export function replaceSection(page: string, section: BenchSection, measuredAt: Date): string {
  const dated: BenchSection = {
    ...section,
    method: `${section.method} Measured on ${measuredAt.toISOString().slice(0, 10)} by \`npm run bench\` with this section alone.`,
  };
  const rendered = renderSection(dated).slice(1).join('\n');
  const heading = `## ${section.title}\n`;
  const start = page.indexOf(heading);
  if (start === -1) return `${page.trimEnd()}\n\n${rendered}\n`;
  const next = page.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? page.length : next + 1;
  return `${page.slice(0, start)}${rendered}\n${next === -1 ? '' : `\n${page.slice(end)}`}`;
}

/** The p-th percentile (0–100) of a sample, by nearest rank. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Milliseconds, rounded for a table. */
export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(0);
}
