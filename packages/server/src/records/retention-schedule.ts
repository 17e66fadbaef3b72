import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';

/** How often retention runs while a server is up, besides once at start-up. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

/**
 * Runs retention now and then every `intervalMs`, so deleted records and earlier versions are erased
 * 30 days on, and expired share links lose their ciphertext, even on a server that never restarts. Several processes may each run it: a purge that
 * finds nothing left to erase is harmless. A failure is logged and the next run tries again; the timer
 * never keeps the process alive. Returns `stop`, which waits for a run in progress.
 */
export function startRetentionSchedule(deps: {
  /** One run; what it returns (counts only, never record contents) is logged. */
  run: (now: Date) => Promise<object>;
  clock: Clock;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): { stop: () => Promise<void>; firstRun: Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const runOnce = (): Promise<void> => {
    running = running.then(async () => {
      try {
        const report = await deps.run(deps.clock());
        deps.log.info(report, 'retention purged expired deletions, versions and share links');
      } catch (error) {
        deps.log.error({ err: error }, 'retention failed; it will run again');
      }
    });
    return running;
  };
  const firstRun = runOnce();
  const timer = setInterval(() => void runOnce(), deps.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    firstRun,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
