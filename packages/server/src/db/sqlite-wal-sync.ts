import { closeSync, fdatasync, openSync } from 'node:fs';

/** Flushes a file's written data to the disk (fdatasync), off the event loop. */
export type SyncFile = (fd: number) => Promise<void>;

const fdatasyncOffThread: SyncFile = (fd) =>
  new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

/**
 * Makes SQLite's write-ahead log durable from libuv's thread pool instead of inside the commit.
 *
 * Under `synchronous = FULL` SQLite calls fdatasync on the log at every commit, on the thread that
 * commits: with better-sqlite3 that is Node's event loop, which reads no request meanwhile. Sunlog's
 * serving connection runs `synchronous = NORMAL` (commits write the log but do not sync it) and every
 * write is answered only once `sync()` has settled: an fdatasync of the same log file that started after
 * the write's commit. What is on the disk when a write is answered is what FULL gives; only the thread
 * that waits for the disk changes. Syncs are shared: while one runs, every caller that arrives waits for
 * the single next one, so one fdatasync serves all the commits before it (group commit at the disk).
 *
 * If an fdatasync fails, that write and every later one fail: after a failed sync the kernel may have
 * dropped the dirty pages, so a later success would not prove they reached the disk (PostgreSQL stops for
 * the same reason). A restart of the server starts afresh.
 */
export class WalSync {
  readonly #walFile: string;
  readonly #syncFile: SyncFile;
  #fd: number | undefined;
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;
  #failed: unknown;
  #syncs = 0;

  constructor(walFile: string, syncFile: SyncFile = fdatasyncOffThread) {
    this.#walFile = walFile;
    this.#syncFile = syncFile;
  }

  /** fdatasync calls started so far (read by tests). */
  get syncs(): number {
    return this.#syncs;
  }

  /** Settles once an fdatasync of the log that started after this call has finished. */
  sync(): Promise<void> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    // A sync already waiting to start will start after this call: share it.
    if (this.#next !== undefined) return this.#next;
    const running = this.#running;
    if (running === undefined) return this.#start();
    // The running one may have started before this caller's commit: wait for the one after it.
    const next = running.then(
      () => this.#start(),
      (error: unknown) => Promise.reject(error),
    );
    this.#next = next;
    return next;
  }

  /** Closes the log file this keeps open. Call after the last write has been answered. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #start(): Promise<void> {
    this.#next = undefined;
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    this.#syncs += 1;
    // SQLite creates the log at the first write in WAL mode, before any commit can ask for a sync.
    this.#fd ??= openSync(this.#walFile, 'r');
    const running = this.#syncFile(this.#fd).then(
      () => {
        if (this.#running === running) this.#running = undefined;
      },
      (error: unknown) => {
        this.#failed = error;
        if (this.#running === running) this.#running = undefined;
        throw error;
      },
    );
    this.#running = running;
    return running;
  }
}
