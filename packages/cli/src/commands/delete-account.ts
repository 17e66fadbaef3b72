import { parseArgs } from 'node:util';
import { loadConfig, processEnv } from '@sunlog/server/config';
import { type Command, findPerson, openSunlog, UsageError } from '../command.ts';
import { confirm } from '../prompt.ts';

const CLI_META = { requestId: 'cli-delete-account', address: 'cli', userAgent: 'sunlog' };

export const deleteAccountCommand: Command = {
  name: 'delete-account',
  usage: 'sunlog delete-account --email <address> [--yes]',
  summary:
    'Erase one person’s account and everything in it, for good: prints what it holds and asks; --yes for scripts.',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, yes: { type: 'boolean', default: false } },
    });
    if (values.email === undefined) throw new UsageError(`usage: ${this.usage}`);
    const sunlog = await openSunlog(loadConfig(processEnv()));
    try {
      const user = await findPerson(sunlog.accounts, values.email);
      const rows = await sunlog.accountDeletion.countRows(user);
      console.log(`The account ${user.email} holds:`);
      for (const [table, count] of Object.entries(rows)) if (count > 0) console.log(`  ${table}: ${count}`);
      if (!values.yes && !(await confirm(`Erase ${user.email} and all of this? This cannot be undone.`))) {
        throw new UsageError('cancelled: nothing was deleted');
      }
      const deleted = await sunlog.accountDeletion.deleteByOperator(user, CLI_META);
      const total = Object.values(deleted).reduce((sum, count) => sum + count, 0);
      console.log(`Deleted ${user.email}: ${total} rows erased.`);
      return 0;
    } finally {
      await sunlog.close();
    }
  },
};
