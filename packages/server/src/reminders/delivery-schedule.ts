import type { FastifyBaseLogger } from 'fastify';
import type { TickReport } from './delivery.ts';

/** How often the delivery job runs while a server is up, besides once at start-up. */
export const DELIVERY_INTERVAL_MS = 30_000;

/**
 * Runs the delivery job now and then every `intervalMs`. Runs never overlap within a process (a slow
 * push service makes the next run wait, it never stacks them); several processes each run it and share
 * the rows through their leases. A failure is logged and the next run tries again; the timer never
 * keeps the process alive. Returns `stop`, which waits for a run in progress.
 */
export function startDeliverySchedule(deps: {
  tick: () => Promise<TickReport>;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): { stop: () => Promise<void>; firstRun: Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const runOnce = (): Promise<void> => {
    if (busy || stopped) return running;
    busy = true;
    running = (async () => {
      try {
        const report = await deps.tick();
        if (report.scheduled + report.sent + report.failed + report.missed + report.suppressed > 0) {
          deps.log.info(report, 'reminder delivery ran');
        }
      } catch (error) {
        deps.log.error({ err: error }, 'reminder delivery failed; it will run again');
      } finally {
        busy = false;
      }
    })();
    return running;
  };
  const firstRun = runOnce();
  const timer = setInterval(() => void runOnce(), deps.intervalMs ?? DELIVERY_INTERVAL_MS);
  timer.unref();
  return {
    firstRun,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
