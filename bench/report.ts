import { cpus, totalmem } from 'node:os';

/** One benchmark's findings: a heading, a short note on what was measured, and a table. */
export interface BenchSection {
  title: string;
  method: string;
  header: string[];
  rows: (string | number)[][];
}

/** Renders the sections as the Markdown page `docs/benchmarks.md`. */
export function renderReport(sections: BenchSection[], measuredAt: Date): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${measuredAt.toISOString().slice(0, 10)}: ${cpus().length} cores (${cpu}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Figures vary by a few percent between runs;`,
    'rerun the command to refresh this page.',
  ];
  for (const section of sections) {
    lines.push('', `## ${section.title}`, '', section.method, '');
    lines.push(`| ${section.header.join(' | ')} |`, `| ${section.header.map(() => '---').join(' | ')} |`);
    for (const row of section.rows) lines.push(`| ${row.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
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
