/**
 * Where the PostgreSQL write time goes, without Sunlog's server: bare `pg` inserts into the API bench's
 * floor table (primary key only) against inserts into a table shaped like Sunlog's `intakes` (foreign key
 * to `users`, two secondary indexes, `on conflict do nothing returning`), single-row from 10 connections
 * and as the multi-row statements group commit sends. Not part of `npm run bench`; run it by hand:
 * `DATABASE_URL=postgres://… npx tsx bench/pg-insert-shapes.ts`. Each shape runs twice, interleaved, since
 * absolute rates drift on a shared machine.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';

const SECONDS = 4;
const BODY = JSON.stringify({
  id: randomUUID(),
  takenAt: '2026-11-25T08:00:00+01:00',
  localDate: '2026-11-25',
  amount: { value: 1000, unit: 'IU' },
  status: 'taken',
  createdAt: '2026-11-25T07:00:00.000Z',
  updatedAt: '2026-11-25T07:00:00.000Z',
});

interface Shape {
  name: string;
  connections: number;
  rowsPerStatement: number;
  table: 'floor' | 'intakes' | 'intakes_without_fk';
}

const SHAPES: Shape[] = [
  { name: 'floor table, 1 row × 10 connections', connections: 10, rowsPerStatement: 1, table: 'floor' },
  { name: 'intakes shape, 1 row × 10 connections', connections: 10, rowsPerStatement: 1, table: 'intakes' },
  { name: 'intakes shape, 5 rows × 2 connections', connections: 2, rowsPerStatement: 5, table: 'intakes' },
  {
    name: 'intakes shape without the foreign key, 5 rows × 2 connections',
    connections: 2,
    rowsPerStatement: 5,
    table: 'intakes_without_fk',
  },
  { name: 'intakes shape, 10 rows × 1 connection', connections: 1, rowsPerStatement: 10, table: 'intakes' },
];

function statement(shape: Shape): { text: string; values: (string | null)[] } {
  const values: (string | null)[] = [];
  const tuples: string[] = [];
  for (let row = 0; row < shape.rowsPerStatement; row++) {
    const fields =
      shape.table === 'floor'
        ? ['u1', randomUUID(), BODY]
        : ['u1', randomUUID(), '2026-11-25', BODY, `hash-${row}`, 'now', 'now', null];
    tuples.push(`(${fields.map((_, index) => `$${values.length + index + 1}`).join(', ')})`);
    values.push(...fields);
  }
  const text =
    shape.table === 'floor'
      ? `insert into floor (user_id, id, body) values ${tuples.join(', ')}`
      : `insert into ${shape.table} (user_id, id, filed_on, body, body_hash, created_at, updated_at, deleted_at) ` +
        `values ${tuples.join(', ')} on conflict (user_id, id) do nothing returning user_id, id`;
  return { text, values };
}

async function measure(pool: pg.Pool, shape: Shape): Promise<number> {
  let rows = 0;
  const started = performance.now();
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() - started < SECONDS * 1000) {
        await client.query(statement(shape));
        rows += shape.rowsPerStatement;
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: shape.connections }, worker));
  return (rows / (performance.now() - started)) * 1000;
}

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (url === undefined || url === '') throw new Error('Set DATABASE_URL (or TEST_DATABASE_URL).');
const schema = `sunlog_bench_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
try {
  await pool.query('create table floor (user_id text, id text, body text, primary key (user_id, id))');
  await pool.query('create table users (id text primary key)');
  await pool.query(`insert into users (id) values ('u1')`);
  // As migrations 0002 and 0020 make it.
  await pool.query(
    'create table intakes (user_id text not null references users (id) on delete cascade, id text not null, ' +
      'filed_on text not null, body text not null, body_hash text not null, created_at text not null, ' +
      'updated_at text not null, deleted_at text, primary key (user_id, id))',
  );
  await pool.query('create index intakes_user_id_filed_on_id on intakes (user_id, filed_on, id)');
  await pool.query('create index intakes_deleted_at on intakes (deleted_at)');
  await pool.query('create table intakes_without_fk (like intakes including all)');
  for (let round = 1; round <= 2; round++) {
    for (const shape of SHAPES) {
      const perSecond = await measure(pool, shape);
      console.log(
        `round ${round} · ${shape.name}: ${Math.round(perSecond)} rows/s (load ${loadavg()[0]?.toFixed(1)})`,
      );
    }
  }
} finally {
  await pool.end();
  await admin.query(`drop schema ${schema} cascade`).catch(() => {});
  await admin.end();
}
