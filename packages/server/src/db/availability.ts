/**
 * Telling "the database cannot be reached or is too slow" apart from a bug, so the first answers 503
 * with Retry-After (a client should wait and retry) and the second stays a logged 500.
 */

/** Seconds a client is asked to wait before retrying during a database outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Why the database did not answer, in words an operator reads in /healthz and the start-up line. */
export type OutageReason = 'database-unreachable' | 'database-timeout' | 'database-closed' | 'database-busy';

const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: the server is shutting down or starting, or too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** The outage this error shows, or undefined when it is not one (a constraint, a bug, bad SQL). */
export function outageReason(error: unknown): OutageReason | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = 'code' in current && typeof current.code === 'string' ? current.code : undefined;
    const message = current.message;
    if (code === 'ETIMEDOUT' || code === '57014' || code === '25P03') return 'database-timeout';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'database-busy';
    if (code !== undefined && (UNREACHABLE_CODES.has(code) || code.startsWith('08')))
      return 'database-unreachable';
    if (
      /timeout exceeded when trying to connect|Query read timeout|Connection terminated due to connection timeout/i.test(
        message,
      )
    )
      return 'database-timeout';
    if (
      /Connection terminated|Client has encountered a connection error|connection is not open/i.test(message)
    )
      return 'database-unreachable';
    if (
      /driver has already been destroyed|Cannot use a pool after calling end|database connection is not open/i.test(
        message,
      )
    )
      return 'database-closed';
    current = current.cause;
  }
  return undefined;
}

/** Start-up could not reach the database; the message is one line without the URL's password. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** host:port/database of a PostgreSQL URL, never its user or password. */
export function describePostgresTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured server';
  }
}
