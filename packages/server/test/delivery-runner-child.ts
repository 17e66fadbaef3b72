import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { loadConfig, processEnv } from '../src/config.ts';
import { openSunlog } from '../src/context.ts';
import type { TickReport } from '../src/reminders/delivery.ts';

/**
 * One delivery job runner in its own process, for the several-processes test: opens Sunlog on the
 * database the environment names, with its clock fixed at SUNLOG_TEST_CLOCK and an agent that trusts the
 * test push receiver's certificate (SUNLOG_TEST_PUSH_CA), prints "ready", waits for a line on stdin (so
 * the runners start together), runs the job until no delivery is left waiting, and prints its totals.
 */
const clockAt = new Date(String(process.env.SUNLOG_TEST_CLOCK));
const agent = new Agent({ ca: readFileSync(String(process.env.SUNLOG_TEST_PUSH_CA)), keepAlive: true });
const sunlog = await openSunlog(loadConfig(processEnv()), { clock: () => clockAt, pushAgent: agent });
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();

const totals: TickReport = { scheduled: 0, sent: 0, failed: 0, suppressed: 0, missed: 0, retried: 0 };
for (;;) {
  const report = await sunlog.delivery.tick();
  for (const key of Object.keys(totals) as (keyof TickReport)[]) totals[key] += report[key];
  if (Object.values(report).some((count) => count > 0)) continue;
  // Nothing for this runner: done once no row is waiting (the other runner may still be sending its own).
  const waiting = await sunlog.db
    .selectFrom('push_deliveries')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const scheduledYet = await sunlog.db.selectFrom('push_deliveries').select('id').limit(1).execute();
  if (Number(waiting.count) === 0 && scheduledYet.length > 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
process.stdout.write(`totals ${JSON.stringify(totals)}\n`);
agent.destroy();
await sunlog.close();
