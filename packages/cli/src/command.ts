import type { AccountService } from '@sunlog/server/accounts/service';
import type { User } from '@sunlog/server/accounts/store';
import type { Config } from '@sunlog/server/config';
import type { Sunlog } from '@sunlog/server/context';
import { SunlogError } from '@sunlog/server/errors';

/** One `sunlog` sub-command: its usage line, what it does, and how it runs. Returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

/** A failure the person can fix; main prints its message as the one-line reason and exits non-zero. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The account registered with `email`; a UsageError naming the address when there is none. */
export async function findPerson(
  accounts: Pick<AccountService, 'findUserByEmail'>,
  email: string,
): Promise<User> {
  const user = await accounts.findUserByEmail(email);
  if (user === undefined) throw new UsageError(`no account is registered with ${email}`);
  return user;
}

/** Rethrows a refused date range (or other invalid input) as a UsageError, anything else as it is. */
export function invalidInputAsUsage(error: unknown): never {
  if (error instanceof SunlogError && error.code === 'invalid-input') throw new UsageError(error.message);
  throw error;
}

/**
 * Opens Sunlog's database and services as `config` says. The server's modules (fastify, kysely,
 * pdfkit, argon2…) are imported here, when a command needs them, not when the CLI starts: loading
 * them takes most of a second, which `sunlog --help` and `sunlog insights` should not pay.
 */
export async function openSunlog(config: Config): Promise<Sunlog> {
  const context = await import('@sunlog/server/context');
  return context.openSunlog(config);
}
