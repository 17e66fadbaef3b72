import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startSunlog } from '../packages/web/e2e/harness.ts';
import { type BenchSection, ms } from './report.ts';

const SECONDS = 10;
const CONNECTIONS = 10;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<Load> {
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
  };
}

/** Starts `tsx bench/bare-fastify.ts` and resolves with its URL. */
async function startBareFastify(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('npx', ['tsx', 'bench/bare-fastify.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
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

/** Single-row durable inserts (WAL, synchronous = FULL), one transaction each, like one API write. */
async function bareSqliteInserts(): Promise<{ perSecond: number; meanMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'sunlog-bench-sqlite-'));
  const db = new Database(join(dir, 'bench.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table intakes (user_id text, id text, body text, primary key (user_id, id))');
    const insert = db.prepare('insert into intakes (user_id, id, body) values (?, ?, ?)');
    const body = JSON.stringify({ amount: { value: 1000, unit: 'IU' }, status: 'taken' });
    const count = 5000;
    const started = performance.now();
    for (let row = 0; row < count; row++) insert.run('bench-user', randomUUID(), body);
    const elapsed = performance.now() - started;
    return { perSecond: (count / elapsed) * 1000, meanMs: elapsed / count };
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Creating intakes through the Sunlog API, against a bare Fastify handler and bare SQLite inserts. */
export async function benchApi(): Promise<BenchSection> {
  const sqlite = await bareSqliteInserts();

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

  const sunlog = await startSunlog();
  let sunlogLoad: Load;
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
    sunlogLoad = await load(`${sunlog.url}/api/v1/intakes`, {
      headers: { 'content-type': 'application/json', cookie },
      requests: [{ setupRequest: (request) => ({ ...request, body: intake(randomUUID()) }) }],
    });
  } finally {
    await sunlog.stop();
  }

  const row = (name: string, result: Load): (string | number)[] => [
    name,
    Math.round(result.requestsPerSecond),
    `${ms(result.p50)} ms`,
    `${ms(result.p99)} ms`,
    result.non2xx,
  ];
  return {
    title: 'API writes',
    method:
      `autocannon, ${CONNECTIONS} connections for ${SECONDS} s against a server in its own process on localhost. ` +
      'Sunlog: `POST /api/v1/intakes` with a new client id per request (session cookie, zod validation, idempotency hash, ' +
      'one SQLite transaction with WAL and synchronous = FULL, audit-free path). Baselines in the same run: a bare ' +
      'Fastify JSON handler, and bare better-sqlite3 single-row inserts with the same durability settings ' +
      `(${Math.round(sqlite.perSecond)} inserts/s, ${sqlite.meanMs.toFixed(3)} ms each). Source: \`bench/api.ts\`.`,
    header: ['target', 'requests/s', 'p50', 'p99', 'non-2xx or errors'],
    rows: [row('bare Fastify handler', bareLoad), row('Sunlog POST /api/v1/intakes (SQLite)', sunlogLoad)],
  };
}
