import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig, processEnv } from '@sunlog/server/config';
import { type Command, findPerson, invalidInputAsUsage, openSunlog, UsageError } from '../command.ts';

export const fhirCommand: Command = {
  name: 'fhir',
  usage: 'sunlog fhir --email <address> [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out <bundle.json>',
  summary:
    "Write one person's records for a date range (six months up to today by default) as a FHIR R4 Bundle for a clinic's record system; audited.",
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
      },
    });
    if (values.email === undefined || values.out === undefined) throw new UsageError(`usage: ${this.usage}`);
    const sunlog = await openSunlog(loadConfig(processEnv()));
    try {
      const user = await findPerson(sunlog.accounts, values.email);
      const made = await sunlog.exports
        .fhirFor(
          user,
          { from: values.from, to: values.to },
          { requestId: 'cli-fhir', address: 'cli', userAgent: 'sunlog' },
        )
        .catch(invalidInputAsUsage);
      await writeFile(values.out, `${JSON.stringify(made.bundle, null, 2)}\n`, { mode: 0o600 });
      console.error(
        `Wrote ${values.out} (${made.range.from} to ${made.range.to}, ${made.bundle.entry?.length ?? 0} resources)`,
      );
      return 0;
    } finally {
      await sunlog.close();
    }
  },
};
