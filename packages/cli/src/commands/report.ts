import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig, processEnv } from '@sunlog/server/config';
import type { Paper } from '@sunlog/server/report/render-pdf';
import { type Command, findPerson, invalidInputAsUsage, openSunlog, UsageError } from '../command.ts';

export const reportCommand: Command = {
  name: 'report',
  usage:
    'sunlog report --email <address> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--paper a4|letter] --out <report.pdf>',
  summary:
    "Write one person's clinician report for a date range (six months up to today by default) as a PDF; audited.",
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        paper: { type: 'string', default: 'a4' },
        out: { type: 'string' },
      },
    });
    if (values.email === undefined || values.out === undefined) throw new UsageError(`usage: ${this.usage}`);
    const paper = values.paper as Paper;
    // Imported here, not at the top: render-pdf loads pdfkit, which the rest of the CLI does without.
    const { PAPER_SIZES } = await import('@sunlog/server/report/render-pdf');
    if (!PAPER_SIZES.includes(paper))
      throw new UsageError(`--paper must be a4 or letter (got "${values.paper}")`);
    const sunlog = await openSunlog(loadConfig(processEnv()));
    try {
      const user = await findPerson(sunlog.accounts, values.email);
      const made = await sunlog.exports
        .pdfReportFor(user, { from: values.from, to: values.to }, paper, {
          requestId: 'cli-report',
          address: 'cli',
          userAgent: 'sunlog',
        })
        .catch(invalidInputAsUsage);
      await writeFile(values.out, made.pdf, { mode: 0o600 });
      console.error(`Wrote ${values.out} (${made.range.from} to ${made.range.to}, ${paper})`);
      return 0;
    } finally {
      await sunlog.close();
    }
  },
};
