import { parseArgs } from 'node:util';
import { loadConfig, processEnv } from '@sunlog/server/config';
import { type Command, findPerson, openSunlog, UsageError } from '../command.ts';

const CLI_META = { requestId: 'cli-reset-password', address: 'cli', userAgent: 'sunlog' };

export const resetPasswordCommand: Command = {
  name: 'reset-password',
  usage: 'sunlog reset-password --email <address>',
  summary:
    'Print a one-time link, valid for 1 hour, with which the person sets a new password (no mail server needed); audited.',
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    if (values.email === undefined) throw new UsageError(`usage: ${this.usage}`);
    const config = loadConfig(processEnv());
    const sunlog = await openSunlog(config);
    try {
      const user = await findPerson(sunlog.accounts, values.email);
      const link = await sunlog.passwordResets.issue(user, config.publicUrl, CLI_META);
      console.log(`A one-time link for ${user.email} to set a new password:`);
      console.log('');
      console.log(`  ${link.url}`);
      console.log('');
      console.log(
        `It works once, until ${link.expiresAt} (UTC). Give it to the person privately: whoever has it can take over the account. Using it signs them out everywhere.`,
      );
      if (!config.publicUrl.startsWith('https://')) {
        console.log(
          `The link uses ${config.publicUrl}; set PUBLIC_URL to the address people use if that is not it.`,
        );
      }
      return 0;
    } finally {
      await sunlog.close();
    }
  },
};
