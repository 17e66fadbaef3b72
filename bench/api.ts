import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startSunlog } from '../packages/web/e2e/harness.ts';
import { type BenchGoal, type BenchSection, ms, percentile } from './report.ts';

const SECONDS = 10;
const CONNECTIONS = 10;
const WARM_UP_SECONDS = 3;
/** The fixed rate of issue 11, and the connections that carry it (enough that none waits on another). */
const FIXED_RATE = 2_000;
const FIXED_RATE_CONNECTIONS = 40;
/** Goals of issue 11: the server against the bare engine, and the tail at the fixed rate. */
const RATIO_GOAL = 0.65;
const P99_GOAL_MS = 10;

const CREATE_TABLE = 'create table intakes (user_id text, id text, body text, primary key (user_id, id))';
const INSERT = 'insert into intakes (user_id, id, body) values ($1, $2, $3)';
const BODY = JSON.stringify({ amount: { value: 1000, unit: 'IU' }, status: 'taken' });

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** The one-minute load average when the run ended. */
  load: number;
}

/** A bare engine's single-row durable inserts. */
interface Floor {
  perSecond: number;
  meanMs: number;
  load: number;
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<Load> {
  console.log(`  … ${options.overallRate === undefined ? '' : `${options.overallRate}/s `}${url}`);
  const result = await autocannon({
    url,
    duration: SECONDS,
    connections: CONNECTIONS,
    method: 'POST',
    ...options,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
    load: loadavg()[0] ?? 0,
  };
}

/**
 * The fixed rate as arrivals at even intervals (open loop), for reading beside autocannon's row:
 * autocannon's `overallRate` gives each connection its share of a second and lets it send that share
 * back to back as soon as the second begins, so its "fixed rate" is a burst from every connection at
 * full speed followed by a pause. Here a request is due every 1/rate s (sent on a 1 ms timer, so two
 * at a time at 2,000/s), whether or not earlier ones have been answered, and its latency is counted
 * from when it was due, so a slow server cannot hide waiting requests (no coordinated omission).
 */
export async function pacedLoad(
  url: string,
  headers: Record<string, string>,
  body: () => string,
): Promise<Load> {
  console.log(`  … ${FIXED_RATE}/s evenly paced ${url}`);
  const agent = new Agent({ keepAlive: true, maxSockets: FIXED_RATE_CONNECTIONS * 4 });
  const total = FIXED_RATE * SECONDS;
  const intervalMs = 1000 / FIXED_RATE;
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const payload = body();
      const outgoing = request(
        url,
        { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(payload) } },
        (incoming) => {
          incoming.resume();
          incoming.once('end', () => {
            if ((incoming.statusCode ?? 0) >= 200 && (incoming.statusCode ?? 0) < 300)
              latencies.push(performance.now() - due);
            else failed += 1;
            resolve();
          });
        },
      );
      outgoing.once('error', () => {
        failed += 1;
        resolve();
      });
      outgoing.end(payload);
    });
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * intervalMs <= now) {
        inFlight.push(send(started + sent * intervalMs));
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsed = performance.now() - started;
  agent.destroy();
  return {
    requestsPerSecond: (latencies.length / elapsed) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx: failed,
    load: loadavg()[0] ?? 0,
  };
}

/** Starts `tsx bench/bare-fastify.ts` and resolves with its URL. */
async function startBareFastify(): Promise<{ url: string; child: ChildProcess }> {
  // Node itself with tsx's loader (not `npx tsx`, whose wrapper process would outlive a SIGTERM).
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-fastify.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  return { url, child };
}

/**
 * Single-row durable inserts (WAL, synchronous = FULL), one transaction each, like one API write.
 * better-sqlite3 is synchronous, so they run one after another: one fsync each.
 */
async function bareSqliteInserts(): Promise<Floor> {
  const dir = await mkdtemp(join(tmpdir(), 'sunlog-bench-sqlite-'));
  const db = new Database(join(dir, 'bench.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(CREATE_TABLE);
    const insert = db.prepare('insert into intakes (user_id, id, body) values (?, ?, ?)');
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < SECONDS * 1000) {
      for (let row = 0; row < 100; row++) insert.run('bench-user', randomUUID(), BODY);
      count += 100;
    }
    const elapsed = performance.now() - started;
    return { perSecond: (count / elapsed) * 1000, meanMs: elapsed / count, load: loadavg()[0] ?? 0 };
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL URL to measure against, or undefined when none is set or it does not answer. */
async function reachablePostgres(url: string | undefined): Promise<{ url: string } | { skipped: string }> {
  if (url === undefined || url === '')
    return { skipped: 'neither DATABASE_URL nor TEST_DATABASE_URL is set' };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { url };
  } catch (error) {
    return { skipped: `PostgreSQL did not answer (${(error as Error).message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `use` with a fresh schema on `url`, dropped afterwards. */
async function withFreshSchema<T>(url: string, use: (schema: string) => Promise<T>): Promise<T> {
  const schema = `sunlog_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
    return await use(schema);
  } finally {
    await admin.query(`drop schema ${schema} cascade`).catch(() => {});
    await admin.end();
  }
}

/**
 * Bare `pg` single-row inserts, each its own autocommit statement (one WAL flush per commit), from as
 * many concurrent connections as the load generator opens against the server.
 */
async function barePostgresInserts(url: string): Promise<Floor> {
  return withFreshSchema(url, async (schema) => {
    const pool = new pg.Pool({
      connectionString: url,
      max: CONNECTIONS,
      options: `-c search_path=${schema}`,
    });
    try {
      await pool.query(CREATE_TABLE);
      let count = 0;
      let latencyMs = 0;
      const started = performance.now();
      const worker = async () => {
        const client = await pool.connect();
        try {
          while (performance.now() - started < SECONDS * 1000) {
            const sent = performance.now();
            await client.query({
              name: 'bench-insert',
              text: INSERT,
              values: ['bench-user', randomUUID(), BODY],
            });
            latencyMs += performance.now() - sent;
            count += 1;
          }
        } finally {
          client.release();
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, worker));
      const elapsed = performance.now() - started;
      return { perSecond: (count / elapsed) * 1000, meanMs: latencyMs / count, load: loadavg()[0] ?? 0 };
    } finally {
      await pool.end();
    }
  });
}

/** Sunlog's `POST /api/v1/intakes` at full speed from 10 connections, then at the fixed rate. */
async function benchSunlog(
  extraEnv: Record<string, string> = {},
): Promise<{ full: Load; fixed: Load; paced: Load }> {
  const sunlog = await startSunlog(extraEnv);
  try {
    const registered = await fetch(`${sunlog.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', password: 'a long bench passphrase' }),
    });
    const cookie = (registered.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (registered.status !== 201 || cookie === '')
      throw new Error(`bench register failed: ${registered.status}`);
    const intake = (id: string) =>
      JSON.stringify({
        id,
        takenAt: '2026-11-25T08:00:00+01:00',
        localDate: '2026-11-25',
        amount: { value: 1000, unit: 'IU' },
        status: 'taken',
      });
    const options: Partial<autocannon.Options> = {
      headers: { 'content-type': 'application/json', cookie },
      requests: [{ setupRequest: (request) => ({ ...request, body: intake(randomUUID()) }) }],
    };
    const url = `${sunlog.url}/api/v1/intakes`;
    // A short unmeasured run first, so the figures are of a warmed-up server (JIT, caches, pool).
    await load(url, { ...options, duration: WARM_UP_SECONDS });
    const full = await load(url, options);
    const fixed = await load(url, {
      ...options,
      connections: FIXED_RATE_CONNECTIONS,
      overallRate: FIXED_RATE,
    });
    const paced = await pacedLoad(url, { 'content-type': 'application/json', cookie }, () =>
      intake(randomUUID()),
    );
    return { full, fixed, paced };
  } finally {
    await sunlog.stop();
  }
}

const MISSED = '**missed**';

function ratioCell(server: Load, floor: Floor): string {
  const ratio = server.requestsPerSecond / floor.perSecond;
  const text = `${(ratio * 100).toFixed(0)} % (goal ≥ ${RATIO_GOAL * 100} %)`;
  return ratio >= RATIO_GOAL ? text : `${text} ${MISSED}`;
}

function fixedRateCells(fixed: Load): string[] {
  // autocannon counts a second's requests; 2 % under the asked rate is its rounding, not a shortfall.
  const held = fixed.requestsPerSecond >= FIXED_RATE * 0.98;
  const p99 = `${ms(fixed.p99)} ms (goal ≤ ${P99_GOAL_MS} ms)`;
  return [
    `${Math.round(fixed.requestsPerSecond)} (asked ${FIXED_RATE})${held ? '' : ` ${MISSED}`}`,
    `${ms(fixed.p50)} ms`,
    fixed.p99 <= P99_GOAL_MS ? p99 : `${p99} ${MISSED}`,
    fixed.non2xx === 0 ? '0' : `${fixed.non2xx} ${MISSED}`,
  ];
}

/** The rows of one engine: its bare inserts (the floor), Sunlog at full speed, Sunlog at the fixed rate. */
function engineRows(
  engine: string,
  floorName: string,
  floor: Floor,
  sunlog: { full: Load; fixed: Load; paced: Load },
) {
  const load = (value: number) => value.toFixed(1);
  return [
    [
      engine,
      `${floorName} (the floor; ${floor.meanMs.toFixed(3)} ms each)`,
      Math.round(floor.perSecond),
      '—',
      '—',
      '—',
      '100 %',
      load(floor.load),
    ],
    [
      engine,
      `Sunlog \`POST /api/v1/intakes\`, ${CONNECTIONS} connections`,
      Math.round(sunlog.full.requestsPerSecond),
      `${ms(sunlog.full.p50)} ms`,
      `${ms(sunlog.full.p99)} ms`,
      sunlog.full.non2xx,
      ratioCell(sunlog.full, floor),
      load(sunlog.full.load),
    ],
    [
      engine,
      `Sunlog at a fixed ${FIXED_RATE.toLocaleString('en')} writes/s (${FIXED_RATE_CONNECTIONS} connections)`,
      ...fixedRateCells(sunlog.fixed),
      '—',
      load(sunlog.fixed.load),
    ],
    [
      engine,
      `Sunlog at ${FIXED_RATE.toLocaleString('en')} writes/s evenly paced (open loop; for reading beside the row above, no goal)`,
      Math.round(sunlog.paced.requestsPerSecond),
      `${ms(sunlog.paced.p50)} ms`,
      `${ms(sunlog.paced.p99)} ms`,
      sunlog.paced.non2xx,
      '—',
      load(sunlog.paced.load),
    ],
  ];
}

/** One engine's figures against issue 11's goals, for the page's summary. */
function engineGoals(engine: string, floor: Floor, sunlog: { full: Load; fixed: Load }): BenchGoal[] {
  const ratio = sunlog.full.requestsPerSecond / floor.perSecond;
  const { fixed } = sunlog;
  return [
    {
      figure: `${engine}: \`POST /api/v1/intakes\` against bare single-row durable inserts, ${CONNECTIONS} connections`,
      measured: `${(ratio * 100).toFixed(0)} % (${Math.round(sunlog.full.requestsPerSecond)}/s of ${Math.round(floor.perSecond)}/s)`,
      goal: `≥ ${RATIO_GOAL * 100} %`,
      met: ratio >= RATIO_GOAL,
    },
    {
      figure: `${engine}: a fixed ${FIXED_RATE.toLocaleString('en')} writes/s`,
      measured: `${Math.round(fixed.requestsPerSecond)}/s, p99 ${ms(fixed.p99)} ms, ${fixed.non2xx} errors`,
      goal: `held, p99 ≤ ${P99_GOAL_MS} ms, 0 errors`,
      met: fixed.requestsPerSecond >= FIXED_RATE * 0.98 && fixed.p99 <= P99_GOAL_MS && fixed.non2xx === 0,
    },
  ];
}

/** Creating intakes through the Sunlog API against the bare engines, on SQLite and PostgreSQL, in one run. */
export async function benchApi(): Promise<BenchSection> {
  // The servers inherit this environment: the SQLite one must not see a PostgreSQL URL, and the
  // PostgreSQL one is given its URL and a fresh schema explicitly.
  const postgresUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_SCHEMA;

  const bare = await startBareFastify();
  let bareLoad: Load;
  try {
    bareLoad = await load(`${bare.url}/write`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
  } finally {
    bare.child.kill('SIGTERM');
  }

  const sqliteFloor = await bareSqliteInserts();
  const sqliteSunlog = await benchSunlog();
  const rows: (string | number)[][] = [
    [
      '—',
      'bare Fastify JSON handler (no database)',
      Math.round(bareLoad.requestsPerSecond),
      `${ms(bareLoad.p50)} ms`,
      `${ms(bareLoad.p99)} ms`,
      bareLoad.non2xx,
      '—',
      bareLoad.load.toFixed(1),
    ],
    ...engineRows(
      'SQLite',
      'bare better-sqlite3 single-row inserts, one after another',
      sqliteFloor,
      sqliteSunlog,
    ),
  ];

  const goals = engineGoals('SQLite', sqliteFloor, sqliteSunlog);
  const postgres = await reachablePostgres(postgresUrl);
  let postgresNote: string;
  if ('url' in postgres) {
    const floor = await barePostgresInserts(postgres.url);
    const sunlog = await withFreshSchema(postgres.url, (schema) =>
      benchSunlog({ DATABASE_URL: postgres.url, DATABASE_SCHEMA: schema }),
    );
    goals.push(...engineGoals('PostgreSQL', floor, sunlog));
    rows.push(
      ...engineRows(
        'PostgreSQL',
        `bare \`pg\` single-row autocommit inserts, ${CONNECTIONS} connections`,
        floor,
        sunlog,
      ),
    );
    postgresNote =
      'PostgreSQL (DATABASE_URL, else TEST_DATABASE_URL; a fresh schema each, dropped afterwards; synchronous_commit as the server has it): ' +
      `bare \`pg\` inserts, each one autocommit statement (prepared once per connection) on ${CONNECTIONS} connections, against the server on the same database.`;
  } else {
    postgresNote = `PostgreSQL rows skipped: ${postgres.skipped}. Set DATABASE_URL (or TEST_DATABASE_URL) to a reachable server to measure them.`;
    console.log(`  ${postgresNote}`);
  }

  return {
    title: 'API writes',
    goals,
    method:
      `autocannon against a server in its own process on localhost (\`npm run bench api\`), after ${WARM_UP_SECONDS} s of unmeasured warm-up. Sunlog: \`POST /api/v1/intakes\` with a new client id ` +
      'per request (session cookie, validation, idempotency hash, answered only after its transaction has committed: ' +
      `SQLite with WAL, the log synced before the answer, group commit), ${CONNECTIONS} connections for ${SECONDS} s, then ` +
      `${FIXED_RATE} requests/s (autocannon \`overallRate\`, latencies corrected for coordinated omission) from ` +
      `${FIXED_RATE_CONNECTIONS} connections for ${SECONDS} s. autocannon's \`overallRate\` lets each connection send its share of a ` +
      'second back to back as the second begins, so that row measures bursts at full speed; the row after it sends the same rate ' +
      'at even intervals whatever the answers (open loop), with latency counted from when each request was due. ' +
      `The floor of each engine is measured in the same run for ${SECONDS} s: ` +
      'bare better-sqlite3 single-row inserts with the same durability settings, one transaction (one fsync) each. ' +
      `${postgresNote} The goals (issue 11): Sunlog at ≥ ${RATIO_GOAL * 100} % of its engine's floor, and at the fixed ` +
      `rate p99 ≤ ${P99_GOAL_MS} ms with 0 errors; a figure that misses its goal is marked. The last column is the ` +
      'one-minute load average when that run ended (the machine is shared, so ratios matter more than absolute figures). ' +
      'Source: `bench/api.ts`.',
    header: [
      'engine',
      'target',
      'writes/s',
      'p50',
      'p99',
      'non-2xx or errors',
      'of the floor',
      'load average',
    ],
    rows,
  };
}
