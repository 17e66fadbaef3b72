import { loadConfig, processEnv } from '@sunlog/server/config';
import type { Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'sunlog serve',
  summary:
    'Start the Sunlog server (configured by PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, LOG_LEVEL).',
  async run() {
    // Imported here, not at the top: the rest of the CLI starts without the server's modules.
    const { closeOnSignals, serve } = await import('@sunlog/server/serve');
    const server = await serve(loadConfig(processEnv()));
    closeOnSignals(server, (message) => console.log(message));
    console.log(`Sunlog is running at ${server.url}`);
    // Keep running until a signal closes the server.
    await new Promise<void>((resolve) => process.once('beforeExit', () => resolve()));
    return 0;
  },
};
