import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Generated, Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DurableSqliteDialect } from './sqlite-durable-dialect.ts';
import { StatementCachingDatabase } from './sqlite-statement-cache.ts';
import { type SyncFile, WalSync } from './sqlite-wal-sync.ts';

interface Tables {
  notes: { id: Generated<number>; body: string };
}

/**
 * A disk whose fdatasync calls the test finishes by hand: each call is recorded with the rows other
 * connections could see when it started, and stays pending until `finish` is called.
 */
class HeldDisk {
  readonly calls: { rowsVisible: number; finish: () => void; fail: (error: Error) => void }[] = [];
  readonly #countRows: () => number;

  constructor(countRows: () => number) {
    this.#countRows = countRows;
  }

  readonly syncFile: SyncFile = () =>
    new Promise<void>((resolve, reject) => {
      this.calls.push({ rowsVisible: this.#countRows(), finish: resolve, fail: reject });
    });

  /** Finishes the oldest sync still pending. */
  finishNext(): void {
    const call = this.calls.find((candidate) => !this.#done.has(candidate));
    if (call === undefined) throw new Error('no sync is pending');
    this.#done.add(call);
    call.finish();
  }

  readonly #done = new Set<unknown>();
}

/** Lets every promise callback that is ready run, and a turn of the event loop pass. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('writes are answered only after the log is synced', () => {
  let dir: string;
  let file: string;
  let raw: SqliteDatabase.Database;
  let reader: SqliteDatabase.Database;
  let db: Kysely<Tables>;
  let disk: HeldDisk;
  let walSync: WalSync;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sunlog-wal-sync-'));
    file = join(dir, 'sunlog.db');
    raw = new SqliteDatabase(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.exec('create table notes (id integer primary key, body text not null)');
    // Another connection, as another process would see the file.
    reader = new SqliteDatabase(file, { readonly: true });
    const count = reader.prepare('select count(*) as n from notes');
    disk = new HeldDisk(() => (count.get() as { n: number }).n);
    walSync = new WalSync(`${file}-wal`, disk.syncFile);
    db = new Kysely<Tables>({
      dialect: new DurableSqliteDialect(new StatementCachingDatabase(raw), walSync),
    });
  });

  afterEach(async () => {
    for (const call of disk.calls) call.finish();
    await db.destroy();
    reader.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('a write settles only after an fdatasync that started once it was committed', async () => {
    let settled = false;
    const write = db
      .insertInto('notes')
      .values({ body: 'a' })
      .execute()
      .then(() => {
        settled = true;
      });
    await settle();
    expect(disk.calls).toHaveLength(1);
    // Committed (another connection sees it) when the sync began, but not answered until it ends.
    expect(disk.calls[0]?.rowsVisible).toBe(1);
    expect(settled).toBe(false);
    disk.finishNext();
    await write;
    expect(settled).toBe(true);
  });

  test('`insert … returning` counts as a write; reads never wait for the disk', async () => {
    const insert = db.insertInto('notes').values({ body: 'b' }).returning('id').execute();
    await settle();
    expect(disk.calls).toHaveLength(1);
    // A read while the sync is pending: answered at once, with no sync of its own.
    await expect(db.selectFrom('notes').select('body').execute()).resolves.toEqual([{ body: 'b' }]);
    expect(disk.calls).toHaveLength(1);
    disk.finishNext();
    await expect(insert).resolves.toEqual([{ id: 1 }]);
  });

  test('a transaction syncs once, after its commit, not after each statement', async () => {
    let settled = false;
    const transaction = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('notes').values({ body: 'c' }).execute();
        await trx.insertInto('notes').values({ body: 'd' }).execute();
      })
      .then(() => {
        settled = true;
      });
    await settle();
    expect(disk.calls.map((call) => call.rowsVisible)).toEqual([2]);
    expect(settled).toBe(false);
    disk.finishNext();
    await transaction;
    expect(settled).toBe(true);
  });

  test('writes that commit while a sync runs wait for the next one, which serves them all', async () => {
    const first = db.insertInto('notes').values({ body: 'first' }).execute();
    await settle();
    expect(disk.calls).toHaveLength(1);
    const answered: number[] = [];
    const later = Array.from({ length: 10 }, (_, index) =>
      db
        .insertInto('notes')
        .values({ body: `later ${index}` })
        .execute()
        .then(() => answered.push(index)),
    );
    await settle();
    // The running sync may have started before these commits: none of them is answered by it.
    disk.finishNext();
    await first;
    await settle();
    expect(answered).toEqual([]);
    // One more sync, started after all ten had committed, answers all ten.
    expect(disk.calls).toHaveLength(2);
    expect(disk.calls[1]?.rowsVisible).toBe(11);
    disk.finishNext();
    await Promise.all(later);
    expect(answered).toHaveLength(10);
    expect(walSync.syncs).toBe(2);
  });

  test('a failed fdatasync fails its writes and every later one', async () => {
    const write = db.insertInto('notes').values({ body: 'e' }).execute();
    await settle();
    disk.calls[0]?.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(write).rejects.toThrow(/EIO/);
    await expect(db.insertInto('notes').values({ body: 'f' }).execute()).rejects.toThrow(/EIO/);
    expect(disk.calls).toHaveLength(1);
  });
});

describe('the real disk', () => {
  test('fdatasync of the log file through the thread pool completes, and what it served is there after a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sunlog-wal-sync-real-'));
    const file = join(dir, 'sunlog.db');
    try {
      const raw = new SqliteDatabase(file);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.exec('create table notes (id integer primary key, body text not null)');
      const walSync = new WalSync(`${file}-wal`);
      const db = new Kysely<Tables>({
        dialect: new DurableSqliteDialect(new StatementCachingDatabase(raw), walSync),
      });
      await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          db
            .insertInto('notes')
            .values({ body: `${index}` })
            .execute(),
        ),
      );
      expect(walSync.syncs).toBeGreaterThan(0);
      expect(walSync.syncs).toBeLessThanOrEqual(50);
      await db.destroy();
      const reopened = new SqliteDatabase(file, { readonly: true });
      try {
        expect(reopened.prepare('select count(*) as n from notes').get()).toEqual({ n: 50 });
      } finally {
        reopened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
