import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, processEnv } from './config.ts';
import { openSunlog } from './context.ts';
import { MigrationError } from './db/migrate.ts';

/** Starts Sunlog: config → database and migrations → HTTP app → listen; closes gracefully on a signal. */
async function main(): Promise<void> {
  const config = loadConfig(processEnv());
  const sunlog = await openSunlog(config);
  const app = await buildApp(sunlog);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      // A second signal means "now": skip the graceful path.
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await sunlog.close();
      process.exitCode = 0;
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down');
      process.exitCode = 1;
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await sunlog.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Sunlog is running at http://${host}:${address.port}`);
}

main().catch((error: unknown) => {
  // Expected start-up failures get their one-line reason; anything else its stack, for a bug report.
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
  } else if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    // System errors such as EADDRINUSE or ECONNREFUSED explain themselves in one line.
    console.error(`Sunlog could not start: ${error.message}`);
  } else {
    console.error('Sunlog could not start:', error);
  }
  process.exitCode = 1;
});
