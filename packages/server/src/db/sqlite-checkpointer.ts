import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/** How often the background checkpointer copies the write-ahead log into the database file. */
export const CHECKPOINT_EVERY_MS = 1_000;

/**
 * SQLite's own automatic checkpoint (1,000 pages of the write-ahead log), restored on the serving
 * connection if the background checkpointer stops, so the log cannot grow without bound.
 * See: https://www.sqlite.org/pragma.html#pragma_wal_autocheckpoint
 */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The checkpointer's thread, as a CommonJS script (a worker evaluated from a string needs no file of
 * its own, in the bundle or from source). It opens its own connection to the file and, every
 * `everyMs`, runs a PASSIVE checkpoint: it copies committed pages from the log into the database file
 * and syncs it, never waiting for or blocking the writer. It keeps no read transaction open, so once
 * a checkpoint has copied everything the writer starts the log again from its beginning.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  const [result] = checkpoint.all();
  parentPort.postMessage({ checkpointed: result ? result.checkpointed : 0 });
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** What the checkpointer has done (read by tests). */
export interface CheckpointerStats {
  /** Checkpoints run. */
  runs: number;
  /** Log frames the last checkpoint found copied into the database file. */
  lastCheckpointedFrames: number;
}

/** A running background checkpointer; `stop` ends its thread (closing its connection). */
export interface SqliteCheckpointer {
  readonly stats: Readonly<CheckpointerStats>;
  stop(): Promise<void>;
}

/**
 * Takes checkpoints off the serving thread. By default SQLite checkpoints inside the commit that
 * pushes the write-ahead log past 1,000 pages: that commit copies about 4 MB into the database file
 * and syncs it, on Node's event loop, so every request waiting behind it waits that long too (the
 * tail of the write latency). Here the serving connection never checkpoints
 * (`wal_autocheckpoint = 0`) and a worker thread with a connection of its own checkpoints every
 * second instead. Every write is still synced to the log before it is answered (sqlite-wal-sync.ts),
 * so durability does not change: a checkpoint only moves already durable pages. If the thread fails,
 * the serving connection takes its own checkpoints again.
 */
export function startSqliteCheckpointer(
  database: SqliteDatabase.Database,
  options: { everyMs?: number } = {},
): SqliteCheckpointer {
  const stats: CheckpointerStats = { runs: 0, lastCheckpointedFrames: 0 };
  database.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: database.name,
      everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS,
    },
  });
  // The thread never keeps the process alive on its own.
  worker.unref();
  worker.on('message', (message: { checkpointed: number }) => {
    stats.runs += 1;
    stats.lastCheckpointedFrames = message.checkpointed;
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping = false;
  worker.once('error', () => {
    // Its connection could not open or a checkpoint failed: checkpoint in the commits again.
    if (!stopping && database.open)
      database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
  });
  return {
    stats,
    stop: () => {
      if (!stopping) {
        stopping = true;
        worker.postMessage('stop');
      }
      return exited;
    },
  };
}
