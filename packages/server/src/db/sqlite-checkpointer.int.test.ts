import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type SqliteCheckpointer, startSqliteCheckpointer } from './sqlite-checkpointer.ts';

/** Enough rows of about 1 KiB, in small transactions, to pass SQLite's 1,000-page automatic checkpoint. */
const ROWS = 6_000;
const ROWS_PER_COMMIT = 20;
const PAGE_BYTES = 4_096;

describe('background SQLite checkpoints', () => {
  let dir: string;
  let file: string;
  let database: SqliteDatabase.Database;
  let checkpointer: SqliteCheckpointer | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sunlog-checkpoint-'));
    file = join(dir, 'sunlog.db');
    database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec('create table notes (id integer primary key, body text not null)');
    checkpointer = undefined;
  });

  afterEach(async () => {
    await checkpointer?.stop();
    if (database.open) database.close();
    await rm(dir, { recursive: true, force: true });
  });

  function writeRows(): void {
    const insert = database.prepare('insert into notes (body) values (?)');
    const commit = database.transaction((from: number) => {
      for (let row = from; row < from + ROWS_PER_COMMIT; row += 1) insert.run(`${row} ${'x'.repeat(1_000)}`);
    });
    for (let from = 0; from < ROWS; from += ROWS_PER_COMMIT) commit(from);
  }

  const databaseFileBytes = async () => (await stat(file)).size;

  test('without it, SQLite copies the log into the database file inside the commits (the control)', async () => {
    const before = await databaseFileBytes();
    writeRows();
    expect(await databaseFileBytes()).toBeGreaterThan(before + 1_000 * PAGE_BYTES);
  });

  test('with it, no commit of the serving connection checkpoints: the pages stay in the log', async () => {
    // A checkpointer that would not run within the test: only the serving connection's own behaviour shows.
    checkpointer = startSqliteCheckpointer(database, { everyMs: 3_600_000 });
    expect(database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = await databaseFileBytes();
    writeRows();
    expect(await databaseFileBytes()).toBe(before);
    expect((await stat(`${file}-wal`)).size).toBeGreaterThan(ROWS * 1_000);
  });

  test('its thread copies the committed pages into the database file, and nothing is lost', async () => {
    checkpointer = startSqliteCheckpointer(database, { everyMs: 20 });
    const before = await databaseFileBytes();
    writeRows();
    await expect.poll(databaseFileBytes, { timeout: 10_000 }).toBeGreaterThan(before + ROWS * 1_000);
    await expect.poll(() => checkpointer?.stats.lastCheckpointedFrames ?? 0).toBeGreaterThan(0);
    await checkpointer.stop();
    database.close();

    // Read back through a new connection after both have closed.
    const reopened = new SqliteDatabase(file, { readonly: true });
    try {
      expect(reopened.prepare('select count(*) as n from notes').get()).toEqual({ n: ROWS });
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  });

  test('once its thread has stopped, it stops for good and answers at once', async () => {
    checkpointer = startSqliteCheckpointer(database, { everyMs: 20 });
    await expect.poll(() => checkpointer?.stats.runs ?? 0).toBeGreaterThan(0);
    await checkpointer.stop();
    const runs = checkpointer.stats.runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checkpointer.stats.runs).toBe(runs);
    await expect(checkpointer.stop()).resolves.toBeUndefined();
  });
});
