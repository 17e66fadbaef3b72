import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isLocalDate, localDateOf } from '@sunlog/core/calendar';
import { parseExportText } from '@sunlog/core/exchange/export-read';
import { insightsInputFromRecords } from '@sunlog/core/insights/from-records';
import type { Insight } from '@sunlog/core/insights/insight';
import { computeInsights, type Insights } from '@sunlog/core/insights/insights';
import { type Command, UsageError } from '../command.ts';

/** The fixed seed for any resampling, so the same export always gives the same answer. */
const INSIGHTS_SEED = 20_261_125;

export const insightsCommand: Command = {
  name: 'insights',
  usage: 'sunlog insights <export.json> [--json] [--today YYYY-MM-DD]',
  summary:
    'Compute the same insights the app shows, offline, from a Sunlog export file (as of the day it was exported, or --today).',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, today: { type: 'string' } },
    });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError(`usage: ${this.usage}`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
      );
    }
    const parsed = parseExportText(text);
    if (!parsed.ok) throw new UsageError(`${file} is not a valid Sunlog export: ${parsed.error.message}`);
    const doc = parsed.value.document;
    // The export's own date, not the clock: an export read months later still ends where the records do.
    const today = values.today ?? localDateOf(Date.parse(doc.exportedAt), doc.profile.timeZone);
    if (!isLocalDate(today))
      throw new UsageError(`--today must be a date written as YYYY-MM-DD (got "${today}")`);

    const insights = computeInsights(insightsInputFromRecords(doc, { today }), { seed: INSIGHTS_SEED });
    console.log(values.json ? JSON.stringify(insights, null, 2) : renderText(insights));
    return 0;
  },
};

/** Insights as plain text, one line per insight, grouped under headings. */
export function renderText(insights: Insights): string {
  const sections: [string, Insight[]][] = [
    ['Intake consistency by month', insights.adherenceByMonth],
    ['Blood level trend', [insights.levelTrend]],
    ['Expected level at steady state', [insights.steadyState]],
    ['Symptoms by month', insights.symptomTrends],
    ['Before and after starting', insights.beforeAfter],
    ['Patterns between intake and symptoms', insights.associations],
    ['Blood level by season', insights.season],
    ['Flare-ups', [insights.flareRate]],
  ];
  const lines = [`Sunlog insights from ${insights.trackingStart} to ${insights.today}`];
  for (const [heading, items] of sections) {
    lines.push('', heading);
    if (items.length === 0) lines.push('  Nothing recorded yet.');
    for (const item of items) {
      const missing = item.status === 'not-enough-data' && item.missing ? ` (${item.missing})` : '';
      lines.push(`  - ${item.sentence}${missing}`);
    }
  }
  lines.push('', ...Object.values(insights.disclaimers).map((text) => `Note: ${text}`));
  return lines.join('\n');
}
