import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { StatementCachingDatabase } from './sqlite-statement-cache.ts';

interface Tables {
  notes: { id: number; text: string };
}

describe('SQLite prepared-statement reuse', () => {
  let dir: string;
  let raw: SqliteDatabase.Database;
  let db: Kysely<Tables>;
  let prepared: string[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sunlog-stmt-'));
    raw = new SqliteDatabase(join(dir, 'cache.sqlite3'));
    raw.pragma('journal_mode = WAL');
    raw.exec('create table notes (id integer primary key, text text not null)');
    // Counts calls on the real better-sqlite3 prepare, under the wrapper.
    prepared = [];
    const realPrepare = raw.prepare.bind(raw);
    vi.spyOn(raw, 'prepare').mockImplementation((text: string) => {
      prepared.push(text);
      return realPrepare(text);
    });
  });

  afterEach(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  function open(capacity?: number): StatementCachingDatabase {
    const caching = new StatementCachingDatabase(raw, capacity === undefined ? {} : { capacity });
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: caching }) });
    return caching;
  }

  function preparedTimes(text: string): number {
    return prepared.filter((sqlText) => sqlText === text).length;
  }

  test('a repeated query is prepared once and answers fresh results each time', async () => {
    open();
    for (let id = 1; id <= 20; id += 1) {
      await db
        .insertInto('notes')
        .values({ id, text: `note ${id}` })
        .execute();
      const row = await db.selectFrom('notes').select('text').where('id', '=', id).executeTakeFirst();
      expect(row?.text).toBe(`note ${id}`);
    }
    const insert = db.insertInto('notes').values({ id: 0, text: '' }).compile().sql;
    const select = db.selectFrom('notes').select('text').where('id', '=', 0).compile().sql;
    expect(preparedTimes(insert)).toBe(1);
    expect(preparedTimes(select)).toBe(1);
    expect(await db.selectFrom('notes').select(sql<number>`count(*)`.as('n')).executeTakeFirst()).toEqual({
      n: 20,
    });
  });

  test('transactions (begin, commit, rollback) reuse their statements and still work', async () => {
    open();
    for (let id = 1; id <= 5; id += 1) {
      await db.transaction().execute((trx) => trx.insertInto('notes').values({ id, text: 'kept' }).execute());
    }
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 99, text: 'rolled back' }).execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(preparedTimes('begin')).toBe(1);
    expect(preparedTimes('commit')).toBe(1);
    const rows = await db.selectFrom('notes').select('id').orderBy('id').execute();
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5]);
  });

  test('a failed statement (constraint) leaves the cached statement usable', async () => {
    open();
    await db.insertInto('notes').values({ id: 1, text: 'a' }).execute();
    await expect(db.insertInto('notes').values({ id: 1, text: 'b' }).execute()).rejects.toThrow(/UNIQUE/);
    await db.insertInto('notes').values({ id: 2, text: 'c' }).execute();
    expect(await db.selectFrom('notes').select('text').orderBy('id').execute()).toEqual([
      { text: 'a' },
      { text: 'c' },
    ]);
  });

  test('the cache is bounded: the least recently used statement is dropped and prepared again', async () => {
    const caching = open(3);
    const query = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
    await query(1);
    await query(2);
    await query(3);
    await query(1); // 1 is now the most recently used; 2 the least
    await query(4); // evicts 2
    expect(caching.size).toBe(3);
    await query(1);
    await query(2);
    expect(preparedTimes('select 1 as n')).toBe(1);
    expect(preparedTimes('select 2 as n')).toBe(2);
  });
});
