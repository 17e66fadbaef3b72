import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { serializeExport } from '@sunlog/core/exchange/export-read';
import { loadConfig, processEnv } from '@sunlog/server/config';
import { type Command, findPerson, openSunlog, UsageError } from '../command.ts';

export const exportCommand: Command = {
  name: 'export',
  usage: 'sunlog export --email <address> [--out <file>] [--history] [--activity]',
  summary:
    'Write everything one person keeps as a Sunlog export (JSON, version 2) to a file or standard output; --history adds the edit history and recently deleted records, --activity the account activity; audited.',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        out: { type: 'string' },
        history: { type: 'boolean', default: false },
        activity: { type: 'boolean', default: false },
      },
    });
    if (values.email === undefined) throw new UsageError(`usage: ${this.usage}`);
    const sunlog = await openSunlog(loadConfig(processEnv()));
    try {
      const user = await findPerson(sunlog.accounts, values.email);
      const made = await sunlog.exports.exportFor(
        user,
        { history: true },
        {
          requestId: 'cli-export',
          address: 'cli',
          userAgent: 'sunlog',
        },
      );
      const text = serializeExport(made.document);
      if (values.out === undefined) process.stdout.write(text);
      else {
        await writeFile(values.out, text, { mode: 0o600 });
        console.error(`Wrote ${values.out}`);
      }
      return 0;
    } finally {
      await sunlog.close();
    }
  },
};
