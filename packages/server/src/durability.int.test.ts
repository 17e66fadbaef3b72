import { createRandom } from '@sunlog/core/insights/random';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { type ChildServer, childEnvFor, startChildServer } from '../test/child-server.ts';
import { engines } from '../test/engines.ts';
import { buildRegisterInput, RECORD_FACTORIES } from '../test/factories.ts';
import type { Config } from './config.ts';
import { RECORD_KINDS, type RecordCollection } from './records/kinds.ts';

/**
 * Crash durability: the real server (main.ts, as `npm start` runs it) is SIGKILLed while several
 * writers are creating records. After a restart on the same database every create that was answered
 * 2xx must be there exactly once, and every create that got no answer must replay with its id and body
 * to 200 (it was saved) or 201 (it was not), again exactly once.
 * See docs/reliability.md, "Durability" and "Offline and retries".
 */

const ROUNDS = 3;
const WRITERS = 4;
/** The kill comes this long (seeded, ms) after the first create of the round was answered. */
const KILL_DELAY_MS = { min: 150, max: 600 };
const SEED = 1729;

const COLLECTIONS = Object.keys(RECORD_KINDS) as RecordCollection[];

interface SentCreate {
  collection: RecordCollection;
  body: { id: string } & Record<string, unknown>;
}

interface AnsweredCreate extends SentCreate {
  status: number;
  /** The record the server answered with; undefined only if the kill cut the body off after the status. */
  record: Record<string, unknown> | undefined;
}

/** A same-origin JSON request to the child, as the web app sends it. */
function send(server: ChildServer, method: string, path: string, cookie?: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      'sec-fetch-site': 'same-origin',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie === undefined ? {} : { cookie }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function sessionCookie(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sunlog_session=') && pair !== 'sunlog_session=');
  if (cookie === undefined) throw new Error(`no session cookie in response ${response.status}`);
  return cookie;
}

async function signIn(server: ChildServer, credentials: { email: string; password: string }) {
  const response = await send(server, 'POST', '/api/v1/auth/sign-in', undefined, credentials);
  expect(response.status).toBe(200);
  return sessionCookie(response);
}

function itemPath(create: SentCreate): string {
  return `/api/v1/${RECORD_KINDS[create.collection].path}/${create.body.id}`;
}

/** Every live record id of one kind, read through the list route page by page (duplicates kept). */
async function listIds(server: ChildServer, cookie: string, collection: RecordCollection): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await send(
      server,
      'GET',
      `/api/v1/${RECORD_KINDS[collection].path}?limit=500${query}`,
      cookie,
    );
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

/**
 * `WRITERS` concurrent loops creating records of every kind until the server dies; each stops at its
 * first create that gets no answer. Resolves once the server has been killed and every writer stopped.
 */
async function writeUntilKilled(
  server: ChildServer,
  cookie: string,
  killDelayMs: number,
): Promise<{ answered: AnsweredCreate[]; unanswered: SentCreate[] }> {
  const answered: AnsweredCreate[] = [];
  const unanswered: SentCreate[] = [];
  let firstAnswer: () => void = () => {};
  const firstAnswered = new Promise<void>((resolve) => {
    firstAnswer = resolve;
  });

  const writer = async (offset: number): Promise<void> => {
    for (let n = offset; ; n += 1) {
      const collection = COLLECTIONS[n % COLLECTIONS.length] as RecordCollection;
      const sent: SentCreate = {
        collection,
        body: RECORD_FACTORIES[collection]() as SentCreate['body'],
      };
      let status: number;
      try {
        const response = await send(
          server,
          'POST',
          `/api/v1/${RECORD_KINDS[collection].path}`,
          cookie,
          sent.body,
        );
        status = response.status;
        const record = await response
          .json()
          .then((json) => (json as { record?: Record<string, unknown> }).record)
          .catch(() => undefined);
        answered.push({ ...sent, status, record });
      } catch {
        unanswered.push(sent);
        return;
      }
      firstAnswer();
      // Anything but a fresh create is a failure the test reports below; stop writing then.
      if (status !== 201) return;
    }
  };

  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  await Promise.race([firstAnswered, Promise.all(writers)]);
  await new Promise((resolve) => setTimeout(resolve, killDelayMs));
  await server.kill();
  await Promise.all(writers);
  return { answered, unanswered };
}

/** Opens the SQLite file read-only (the server is dead) and reports its integrity and journal mode. */
function inspectSqliteFile(file: string): { integrity: unknown; journalMode: unknown } {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      journalMode: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe.each(engines())('durability under SIGKILL on $name', (engine) => {
  let server: ChildServer | undefined;
  let dispose: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await server?.kill();
    server = undefined;
    await dispose?.();
    dispose = undefined;
  });

  test(`${ROUNDS} kill rounds: every 2xx create survives exactly once and unanswered creates replay once`, async () => {
    const fresh = await engine.freshDatabase();
    dispose = fresh.dispose;
    const config: Config = fresh.config;
    const env = childEnvFor(config);
    const sqliteFile = config.database.engine === 'sqlite' ? config.database.file : undefined;
    const start = () => startChildServer(env, { probeSqlitePragmas: sqliteFile !== undefined });
    const random = createRandom(SEED + (engine.name === 'sqlite' ? 0 : 1));

    server = await start();
    const credentials = buildRegisterInput();
    const registered = await send(server, 'POST', '/api/v1/auth/register', undefined, credentials);
    expect(registered.status).toBe(201);
    let cookie = sessionCookie(registered);

    /** Every create the server acknowledged (or that a replay settled), with the record it answered. */
    const saved = new Map<string, AnsweredCreate>();
    const savedIn = (collection: RecordCollection) =>
      [...saved.values()]
        .filter((create) => create.collection === collection)
        .map((create) => create.body.id);
    const outcomes: string[] = [];

    for (let round = 1; round <= ROUNDS; round += 1) {
      if (sqliteFile !== undefined) {
        // The live connection the server writes through: WAL, with commits that leave syncing the log to
        // the server (NORMAL = 1), which answers a write only after an fdatasync of the log (sqlite-wal-sync.ts).
        // Registration (and, after round 1, sign-in) wrote already, so the log has been synced by then.
        expect(await server.sqlitePragmas()).toEqual([
          { file: sqliteFile, journalMode: 'wal', synchronous: 1, walSyncs: expect.any(Number) },
        ]);
        const [live] = await server.sqlitePragmas();
        expect(live?.walSyncs).toBeGreaterThan(0);
      }

      const killDelayMs = Math.round(KILL_DELAY_MS.min + random() * (KILL_DELAY_MS.max - KILL_DELAY_MS.min));
      const { answered, unanswered } = await writeUntilKilled(server, cookie, killDelayMs);
      server = undefined;

      // Every answer before the kill was a fresh create; every writer was cut off by the kill.
      expect(answered.filter((create) => create.status !== 201)).toEqual([]);
      expect(answered.length).toBeGreaterThan(0);
      expect(unanswered).toHaveLength(WRITERS);
      for (const create of answered) saved.set(create.body.id, create);

      if (sqliteFile !== undefined) {
        expect(inspectSqliteFile(sqliteFile)).toEqual({ integrity: 'ok', journalMode: 'wal' });
      }

      server = await start();
      cookie = await signIn(server, credentials);

      // Every create answered 2xx in any round so far is there, as it was answered.
      for (const create of saved.values()) {
        const response = await send(server, 'GET', itemPath(create), cookie);
        expect(response.status, `${create.collection} ${create.body.id}`).toBe(200);
        const { record } = (await response.json()) as { record: Record<string, unknown> };
        expect(record).toEqual(create.record ?? expect.objectContaining(create.body));
      }

      // The client of an answered create may not have heard it either: its replay answers the record as
      // first saved, 200, and creates nothing.
      for (const create of answered) {
        const replay = await send(
          server,
          'POST',
          `/api/v1/${RECORD_KINDS[create.collection].path}`,
          cookie,
          create.body,
        );
        expect(replay.status).toBe(200);
        expect(((await replay.json()) as { record: unknown }).record).toEqual(
          create.record ?? expect.objectContaining(create.body),
        );
      }

      // A create cut off by the kill replays with the same id and body: 200 if it had been saved, 201
      // if not; either way once, and a second replay is a plain 200 with the same record.
      const replayed: number[] = [];
      for (const create of unanswered) {
        const replay = await send(
          server,
          'POST',
          `/api/v1/${RECORD_KINDS[create.collection].path}`,
          cookie,
          create.body,
        );
        expect([200, 201]).toContain(replay.status);
        replayed.push(replay.status);
        const { record } = (await replay.json()) as { record: Record<string, unknown> };
        expect(record).toMatchObject(create.body);
        const again = await send(
          server,
          'POST',
          `/api/v1/${RECORD_KINDS[create.collection].path}`,
          cookie,
          create.body,
        );
        expect(again.status).toBe(200);
        expect(await again.json()).toEqual({ record });
        saved.set(create.body.id, { ...create, status: replay.status, record });
      }

      // Exactly once: each kind lists precisely the ids saved so far, none twice, nothing else.
      for (const collection of COLLECTIONS) {
        const ids = await listIds(server, cookie, collection);
        expect(ids.toSorted()).toEqual(savedIn(collection).toSorted());
      }

      outcomes.push(
        `round ${round}: kill after ${killDelayMs} ms, ${answered.length} answered, replays ${replayed.join('/')}`,
      );
    }

    // Shows in the verbose report how each round went (how many creates, which replays had been saved).
    console.info(`durability on ${engine.name}: ${outcomes.join('; ')}`);
  }, 120_000);
});
