import { CompiledQuery, type Kysely } from 'kysely';
import { SunlogError } from '../errors.ts';
import type { Database } from './tables.ts';

/** At most this many writes share one transaction; more wait for the next. */
export const GROUP_COMMIT_MAX_WRITES = 256;

/**
 * How many group transactions may be in flight at once, by engine. SQLite has one connection, but a
 * batch gives it back as soon as it has committed and then waits for the log's fdatasync off the event
 * loop (sqlite-wal-sync.ts): with two, the next batch commits while the disk syncs the previous one, and
 * its own sync serves both if they meet. On PostgreSQL a batch's statements are network round trips to a
 * server that flushes its WAL for all transactions committing together, so a few batches overlap on
 * their own pool connections (the pool has 10; the rest stay free for reads).
 */
export const GROUP_COMMIT_LANES = { sqlite: 2, postgres: 4 } as const;

/**
 * One write: runs inside the shared transaction and answers what the caller gets once it commits. A
 * write that named a shared step gets that step's answer for it as `shared`.
 */
export type GroupWrite<T, O = undefined> = (trx: Kysely<Database>, shared: O) => Promise<T>;

/**
 * A first step the batch takes once for all of its writes that name it, before any of them runs: one
 * multi-row insert for many creates costs one statement (on PostgreSQL one round trip) instead of one
 * each. It answers one output per input, in order. It must write all or nothing (one statement), and if
 * it fails the whole batch is run again write by write.
 */
export interface SharedStep<I, O> {
  run(trx: Kysely<Database>, inputs: readonly I[]): Promise<O[]>;
}

/** What the committer has done since it was made (read by tests and, later, metrics). */
export interface GroupCommitStats {
  /** Transactions committed. */
  commits: number;
  /** Writes that succeeded inside those transactions. */
  writes: number;
  /** The most writes one transaction carried. */
  largestBatch: number;
  /** Batches whose transaction failed as a whole, after which each write was run on its own. */
  retriedAlone: number;
}

/** How a write may be run inside a batch. */
export interface GroupWriteOptions {
  /**
   * The write promises to throw a `SunlogError` (a refusal: not found, an idempotency conflict) only
   * before it has changed anything, so it needs no savepoint of its own: a refusal leaves the shared
   * transaction as it was. Any other error fails the whole batch, which is then run again write by
   * write (on PostgreSQL an SQL error aborts the transaction, so the batch could not go on anyway).
   * Saves two statements per write — on PostgreSQL two round trips.
   */
  refusesBeforeWriting?: boolean;
  /**
   * After its shared step the write only reads (a create reads the stored row when its id was taken).
   * A batch made only of such writes needs no transaction around its steps: each step is one statement,
   * committed (and durable) on its own before any write of it is answered. That saves the begin and the
   * commit statements — on PostgreSQL two of a batch's three round trips.
   */
  onlyReadsAfterStep?: boolean;
}

interface Pending {
  work: GroupWrite<unknown, unknown>;
  refusesBeforeWriting: boolean;
  onlyReadsAfterStep: boolean;
  shared: { step: SharedStep<unknown, unknown>; input: unknown } | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: writes that arrive while a commit is in flight are gathered into the next transaction,
 * so one commit (one fdatasync of SQLite's log, one WAL flush on PostgreSQL) serves many
 * requests — the technique of PostgreSQL's `commit_delay` and InnoDB's group commit.
 *
 * Guarantees, write by write:
 * - its promise settles only after the transaction holding it has committed (durable) or failed;
 * - a write that throws (validation, idempotency conflict, a refused row) is rolled back to a savepoint
 *   taken just before it (or, if it refuses before writing, needs none) and rejected with its own error;
 *   the others in the batch commit as usual;
 * - everything the write does goes through the shared transaction, so what it writes together (a row
 *   and its audit event) commits or vanishes together.
 *
 * If the transaction fails as a whole (a deadlock with another process, a lost connection), nothing of it
 * was committed and each write is run again in a transaction of its own, so one bad batch costs time,
 * not answers. Writes must therefore be safe to run again (record creates are idempotent by id).
 *
 * When idle, a new write waits one turn of the event loop (`setImmediate`) before its transaction starts,
 * so requests read from the network in the same turn share it; otherwise a batch gathers the writes
 * whose requests arrived while the lanes were busy.
 */
export class GroupCommitter {
  readonly #db: Kysely<Database>;
  readonly #maxWrites: number;
  readonly #lanes: number;
  readonly #queue: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;
  readonly #stats: GroupCommitStats = { commits: 0, writes: 0, largestBatch: 0, retriedAlone: 0 };

  constructor(db: Kysely<Database>, options: { maxWrites?: number; lanes?: number } = {}) {
    this.#db = db;
    this.#maxWrites = options.maxWrites ?? GROUP_COMMIT_MAX_WRITES;
    this.#lanes = options.lanes ?? 1;
  }

  get stats(): Readonly<GroupCommitStats> {
    return { ...this.#stats };
  }

  /**
   * Runs `work` in the next group transaction; settles once that transaction has committed. With
   * `shared`, the batch takes `shared.step` once for all writes naming it, and `work` gets its answer for
   * `shared.input`.
   */
  run<T, I = never, O = undefined>(
    work: GroupWrite<T, O>,
    options: GroupWriteOptions & { shared?: { step: SharedStep<I, O>; input: I } } = {},
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        work: work as GroupWrite<unknown, unknown>,
        shared: options.shared as Pending['shared'],
        refusesBeforeWriting: options.refusesBeforeWriting === true,
        onlyReadsAfterStep: options.onlyReadsAfterStep === true,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#inFlight >= this.#lanes || this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#inFlight >= this.#lanes || this.#queue.length === 0) return;
    this.#inFlight += 1;
    const batch = this.#queue.splice(0, this.#maxWrites);
    try {
      await this.#commit(batch);
    } finally {
      this.#inFlight -= 1;
      if (this.#queue.length > 0) this.#schedule();
    }
  }

  async #commit(batch: Pending[]): Promise<void> {
    if (batch.every((entry) => entry.shared !== undefined && entry.onlyReadsAfterStep)) {
      for (const [step, entries] of byStep(batch)) await this.#commitStep(step, entries);
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = await this.#db.transaction().execute((trx) => runBatch(trx, batch));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      this.#stats.retriedAlone += 1;
      for (const entry of batch) await this.#commit([entry]);
      return;
    }
    this.#stats.commits += 1;
    this.#stats.largestBatch = Math.max(this.#stats.largestBatch, batch.length);
    batch.forEach((entry, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok === true) {
        this.#stats.writes += 1;
        entry.resolve(outcome.value);
      } else {
        entry.reject(outcome === undefined ? new Error('group commit lost a write') : outcome.error);
      }
    });
  }

  /** One shared step as a statement of its own (its own commit), then its writes' reads. */
  async #commitStep(step: SharedStep<unknown, unknown>, entries: Pending[]): Promise<void> {
    let answers: unknown[];
    try {
      answers = await step.run(
        this.#db,
        entries.map((entry) => entry.shared?.input),
      );
      if (answers.length !== entries.length)
        throw new Error('a shared step answered the wrong number of outputs');
    } catch (error) {
      // One statement: nothing of it was committed. Each write is tried again on its own.
      if (entries.length === 1) {
        entries[0]?.reject(error);
        return;
      }
      this.#stats.retriedAlone += 1;
      for (const entry of entries) await this.#commitStep(step, [entry]);
      return;
    }
    this.#stats.commits += 1;
    this.#stats.largestBatch = Math.max(this.#stats.largestBatch, entries.length);
    for (const [index, entry] of entries.entries()) {
      try {
        const value = await entry.work(this.#db, answers[index]);
        this.#stats.writes += 1;
        entry.resolve(value);
      } catch (error) {
        // A refusal, or a failed read: either way this write's statement is settled and not run again.
        entry.reject(error);
      }
    }
  }
}

// Compiled once: the same text on both engines, and no query building per write.
const SAVEPOINT = CompiledQuery.raw('savepoint sunlog_group_write');
const RELEASE = CompiledQuery.raw('release savepoint sunlog_group_write');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint sunlog_group_write');

/**
 * Runs every write of the batch in `trx`. A lone write needs no savepoint: if it throws, the whole
 * transaction rolls back and the error reaches its caller as before. Neither does a write that refuses
 * before writing (see `GroupWriteOptions`); if it fails in any other way, the error leaves this function,
 * the transaction rolls back, and the committer runs each write again on its own.
 */
async function runBatch(trx: Kysely<Database>, batch: Pending[]): Promise<Outcome[]> {
  const shared = await runSharedSteps(trx, batch);
  if (batch.length === 1 && batch[0] !== undefined) {
    return [{ ok: true, value: await batch[0].work(trx, shared.get(batch[0])) }];
  }
  const outcomes: Outcome[] = [];
  for (const entry of batch) {
    if (entry.refusesBeforeWriting) {
      try {
        outcomes.push({ ok: true, value: await entry.work(trx, shared.get(entry)) });
      } catch (error) {
        if (!(error instanceof SunlogError)) throw error;
        outcomes.push({ ok: false, error });
      }
      continue;
    }
    await trx.executeQuery(SAVEPOINT);
    try {
      const value = await entry.work(trx, shared.get(entry));
      await trx.executeQuery(RELEASE);
      outcomes.push({ ok: true, value });
    } catch (error) {
      // Undo only this write; on PostgreSQL this also clears the aborted state an SQL error leaves.
      await trx.executeQuery(ROLLBACK_TO);
      await trx.executeQuery(RELEASE);
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

/** Takes each shared step once for the writes of the batch that name it; answers each write's output. */
async function runSharedSteps(trx: Kysely<Database>, batch: Pending[]): Promise<Map<Pending, unknown>> {
  const outputs = new Map<Pending, unknown>();
  for (const [step, entries] of byStep(batch)) {
    const answers = await step.run(
      trx,
      entries.map((entry) => entry.shared?.input),
    );
    if (answers.length !== entries.length)
      throw new Error('a shared step answered the wrong number of outputs');
    for (const [index, entry] of entries.entries()) outputs.set(entry, answers[index]);
  }
  return outputs;
}

/** The writes of the batch that name a shared step, by step, in arrival order. */
function byStep(batch: Pending[]): Map<SharedStep<unknown, unknown>, Pending[]> {
  const groups = new Map<SharedStep<unknown, unknown>, Pending[]>();
  for (const entry of batch) {
    if (entry.shared === undefined) continue;
    const group = groups.get(entry.shared.step);
    if (group === undefined) groups.set(entry.shared.step, [entry]);
    else group.push(entry);
  }
  return groups;
}
