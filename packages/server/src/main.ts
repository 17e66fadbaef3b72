import { loadConfig, processEnv } from './config.ts';
import { closeOnSignals, describeStartFailure, serve } from './serve.ts';

/** `npm start`: config → database and migrations → HTTP app → listen; closes gracefully on a signal. */
async function main(): Promise<void> {
  const server = await serve(loadConfig(processEnv()));
  closeOnSignals(server, (message) => console.log(message));
  console.log(`Sunlog is running at ${server.url}`);
}

main().catch((error: unknown) => {
  console.error(describeStartFailure(error));
  process.exitCode = 1;
});
