import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { type Config, ConfigError } from './config.ts';
import { openSunlog } from './context.ts';
import { DatabaseUnavailableError } from './db/availability.ts';
import { MigrationError } from './db/migrate.ts';
import { startRetentionSchedule } from './records/retention-schedule.ts';
import { startDeliverySchedule } from './reminders/delivery-schedule.ts';

export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:3000 (the real port when PORT is 0). */
  url: string;
  /** Stops accepting requests, lets those in flight finish, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database (migrating it), builds the HTTP app and listens: what `npm start` and `sunlog serve` run. */
export async function serve(config: Config): Promise<RunningServer> {
  const sunlog = await openSunlog(config);
  const app = await buildApp(sunlog);
  const retention = startRetentionSchedule({
    run: async (now) => ({
      ...(await sunlog.records.runRetention(now)),
      expiredShareLinks: await sunlog.shares.eraseExpired(now),
    }),
    clock: sunlog.clock,
    log: app.log,
  });
  await retention.firstRun;
  // Not awaited: a slow push service must not hold up the start.
  const delivery = startDeliverySchedule({ tick: () => sunlog.delivery.tick(), log: app.log });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await delivery.stop();
    await retention.stop();
    await sunlog.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${address.port}`,
    close: async () => {
      await delivery.stop();
      await retention.stop();
      await app.close();
      await sunlog.close();
    },
  };
}

/** Closes the server gracefully on SIGINT or SIGTERM; a second signal exits at once. */
export function closeOnSignals(server: RunningServer, log: (message: string) => void): void {
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) process.exit(1);
    stopping = true;
    log('Sunlog is shutting down');
    try {
      await server.close();
      process.exitCode = 0;
    } catch (error) {
      console.error('Error while shutting down:', error);
      process.exitCode = 1;
    }
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** The one line to print for a failed start: expected failures explain themselves, anything else keeps its stack. */
export function describeStartFailure(error: unknown): string {
  if (
    error instanceof ConfigError ||
    error instanceof MigrationError ||
    error instanceof DatabaseUnavailableError
  )
    return error.message;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return `Sunlog could not start: ${error.message}`;
  }
  return `Sunlog could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
