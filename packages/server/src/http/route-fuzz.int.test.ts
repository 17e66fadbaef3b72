import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, test, vi } from 'vitest';
import { engines } from '../../test/engines.ts';
import { RECORD_FACTORIES } from '../../test/factories.ts';
import {
  afterSuccessfulCall,
  BODY_BUILDERS,
  collectionOf,
  documentedOperations,
  ENDS_ACCOUNT,
  newPerson,
  type Operation,
  type Person,
  signIn,
} from '../../test/openapi-operations.ts';
import { type TestServer, useTestServer } from '../../test/test-server.ts';
import type { Database } from '../db/tables.ts';
import { RECORD_KINDS, type RecordCollection, type RecordCreateBase } from '../records/kinds.ts';
import { ErrorBodySchema } from './errors.ts';

// Each test calls every documented operation, several times over; the list grows with every route,
// and on PostgreSQL on a busy machine that outlasts the project's 30 s default.
vi.setConfig({ testTimeout: 180_000 });

/**
 * Property-based fuzzing of every operation in the OpenAPI document, as the signed-in owner
 * (docs/reliability.md, "Refusals change nothing"): random JSON bodies, valid bodies with wrong types,
 * missing and extra fields, huge strings, odd unicode and odd numbers, malformed JSON, other media
 * types, random query strings and random path ids. For every answer:
 *   - never a 5xx;
 *   - JSON, and every 4xx in the documented error shape `{ error: { code, message, fields? } }`;
 *   - a 4xx changes nothing: the owner's export (GET /api/v1/export) and the database (all but the
 *     audit trail, the rate-limit counters and session last-seen times) are as before.
 * Seeded, with a modest number of runs per operation, and one server for the whole property set.
 */
const SEED = 20_260_302;

/**
 * Random runs per operation, more where there is more to vary (a body, a path id, a query). Every
 * operation also runs its fixed examples first (`examplesFor`).
 */
function randomRuns(operation: Operation): number {
  return (
    3 +
    (operation.hasBody ? 8 : 0) +
    (operation.pathParameters.length > 0 ? 4 : 0) +
    (operation.queryParameters.length > 0 ? 4 : 0)
  );
}

/** Requests come from this address, so sign-in failures never rate-limit the owner's own re-sign-in. */
const FUZZ_ADDRESS = '198.51.100.23';

/**
 * A valid body for the operation (the base the mutations start from); `{}` when it takes none. A record
 * body carries the path's id, so a replace gets as far as the store.
 */
function validBody(operation: Operation, person: Person, pathId?: string): unknown {
  if (!operation.hasBody) return {};
  const collection = collectionOf(operation);
  if (collection !== undefined) {
    return { ...RECORD_FACTORIES[collection](), ...(pathId === undefined ? {} : { id: pathId }) };
  }
  const build = BODY_BUILDERS[operation.label];
  if (build === undefined)
    throw new Error(`${operation.label}: no valid body known; add one to BODY_BUILDERS`);
  return build(person);
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries

/** JSON text put into a body verbatim: numbers JSON.stringify cannot write (they parse to ±Infinity). */
class RawJson {
  constructor(readonly text: string) {}
}

const oddNumberArb = fc.oneof(
  fc.constantFrom(-1, -0, 0, 0.5, -273.15, 1e21, -1e308, 1e308, 2 ** 53 + 2, Number.MIN_VALUE, 4_294_967_296),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  // NaN-likes: what JSON cannot say directly, as numbers out of range and as strings.
  fc
    .constantFrom('1e999', '-1e999', '1E400', '-0.0', '123456789012345678901234567890')
    .map((t) => new RawJson(t)),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '-1', '1e3', '0x10', ''),
);

const oddStringArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }), // any code point, lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u202Eevil',
    '\uFEFF',
    'e\u0301',
    '👩🏽‍⚕️',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '9999-12-31',
    '2026-03-02T25:61:00+01:00',
    '__proto__',
    'constructor',
    "' or '1'='1",
    '<script>alert(1)</script>',
    '=cmd|" /C calc"!A0',
    '   ',
  ),
  fc.constantFrom(70_000, 400_000, 1_100_000).map((length) => 'ä'.repeat(length)),
);

const oddValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddNumberArb,
  oddStringArb,
  fc.constantFrom(null, true, false, [], {}, [null], { value: null }),
);

/** Edits of a valid field that keep it close to valid, so the request gets past the outer checks. */
const TWISTS = {
  nul: (value: unknown) => (typeof value === 'string' ? `${value}\u0000` : value),
  loneSurrogate: (value: unknown) => (typeof value === 'string' ? `${value}\ud800` : value),
  unicode: (value: unknown) => (typeof value === 'string' ? `\u202E${value}e\u0301👩🏽‍⚕️\uFEFF` : value),
  huge: (value: unknown) => {
    if (typeof value === 'string') return value.padEnd(300_000, value === '' ? 'x' : value);
    return typeof value === 'number' ? value * 1e300 : value;
  },
  negative: (value: unknown) => (typeof value === 'number' ? -Math.abs(value) - 1 : value),
  fraction: (value: unknown) => (typeof value === 'number' ? value + 0.5 : value),
  infinity: (value: unknown) => (typeof value === 'number' ? new RawJson('1e999') : value),
  asString: (value: unknown) =>
    typeof value === 'number' || typeof value === 'boolean' ? String(value) : value,
  asNumber: (value: unknown) => (typeof value === 'string' ? Number.parseFloat(value) || 0 : value),
  inArray: (value: unknown) => [value],
  empty: (value: unknown) => (typeof value === 'string' ? '' : Array.isArray(value) ? [] : value),
} as const;

/** One edit of a valid body: at the `at`-th node (depth-first, the root first). */
interface Mutation {
  action: 'delete' | 'replace' | 'add' | 'twist';
  at: number;
  key: string;
  value: unknown;
  twist: keyof typeof TWISTS;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  action: fc.constantFrom('delete', 'replace', 'add', 'twist', 'twist'),
  at: fc.nat(),
  key: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('__proto__', 'constructor', 'id', 'userId', 'user_id', 'createdAt', 'deletedAt'),
  ),
  value: oddValueArb,
  twist: fc.constantFrom(...(Object.keys(TWISTS) as (keyof typeof TWISTS)[])),
});

type BodySpec =
  | { type: 'none' }
  | { type: 'json'; value: unknown }
  | { type: 'mutated'; mutations: Mutation[] }
  | { type: 'text'; text: string };

const malformedJsonArb = fc.oneof(
  fc.constantFrom(
    '{',
    '[',
    'nul',
    '{"a":1,}',
    "{'a':1}",
    '\uFEFF{}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
    '"\\ud800"',
    '1e999',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  ),
  fc.string({ maxLength: 60 }),
);

const bodyArb: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ type: 'none' as const }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ type: 'json' as const, value })) },
  {
    weight: 5,
    arbitrary: fc
      .array(mutationArb, { minLength: 1, maxLength: 3 })
      .map((mutations) => ({ type: 'mutated' as const, mutations })),
  },
  { weight: 1, arbitrary: malformedJsonArb.map((text) => ({ type: 'text' as const, text })) },
);

const contentTypeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-patch+json',
      undefined,
    ),
  },
);

/**
 * A path id: one of the owner's real ids (by index into the pool), a fresh UUID, an odd string (sent
 * percent-encoded), or raw text put in the path as it is (bad percent-encoding included).
 */
type IdSpec = { pick: number } | { value: string } | { raw: string };

const idArb: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ pick })) },
  { weight: 1, arbitrary: fc.uuid().map((value) => ({ value })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 70 }),
        fc.constantFrom(
          '\u0000',
          'x\u0000',
          '..',
          '.',
          ' ',
          '%',
          'null',
          '0',
          '-1',
          '1e999',
          '__proto__',
          "' or '1'='1",
          'x'.repeat(65),
          'x'.repeat(101),
          'x'.repeat(3000),
        ),
      )
      .map((value) => ({ value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%00', 'a%2Fb')
      .map((raw) => ({ raw })),
  },
);

const queryValueArb = fc.oneof(
  fc.constantFrom(
    '2026-03-02',
    '2026-02-30',
    '1',
    '0',
    '-1',
    '500',
    '501',
    '1.5',
    '1e2',
    'NaN',
    'Infinity',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer().map(String),
  fc.constantFrom('\u0000', 'x'.repeat(201), '9'.repeat(400)),
  // A well-formed record cursor naming an id no database can hold (PostgreSQL text has no U+0000).
  fc
    .constantFrom('2026-03-02/\u0000', '2026-03-02/x', '2026-03-02/')
    .map((text) => Buffer.from(text).toString('base64url')),
  // Cursor-like: base64url of a date, a slash and something, as the record cursors are made.
  fc
    .tuple(fc.constantFrom('2026-03-02', '0000-00-00', 'x'), fc.string({ unit: 'binary', maxLength: 70 }))
    .map(([date, rest]) => Buffer.from(`${date}/${rest}`, 'utf8').toString('base64url')),
);

/** Query pairs: the documented names (filled in per operation) or random ones; or a raw query string. */
type QuerySpec = { pairs: readonly [{ known: number } | { name: string }, string][] } | { raw: string };

const queryArb: fc.Arbitrary<QuerySpec> = fc.oneof(
  fc.constant<QuerySpec>({ pairs: [] }),
  fc.record({
    pairs: fc.array(
      fc.tuple(
        fc.oneof(
          fc.nat().map((known) => ({ known })),
          fc
            .oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'limit[]', 'from.to'))
            .map((name) => ({ name })),
        ),
        queryValueArb,
      ),
      { maxLength: 5 },
    ),
  }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((raw) => ({ raw })),
);

interface FuzzInput {
  id: IdSpec;
  query: QuerySpec;
  body: BodySpec;
  contentType: string | undefined;
}

const inputArb: fc.Arbitrary<FuzzInput> = fc.record({
  id: idArb,
  query: queryArb,
  body: bodyArb,
  contentType: contentTypeArb,
});

// ---------------------------------------------------------------------------------------------------
// Building requests

/** Every node's path in a JSON value, depth first, the root (`[]`) first. */
function nodePaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (typeof value !== 'object' || value === null) return paths;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, item] of entries) paths.push(...nodePaths(item, [...prefix, key]));
  return paths;
}

function nodeAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** The paths of the nodes that are not objects or arrays, depth first. */
function leafPaths(value: unknown): (string | number)[][] {
  return nodePaths(value).filter((path) => {
    const node = nodeAt(value, path);
    return typeof node !== 'object' || node === null;
  });
}

/** Sets an own property, also for `__proto__`, so JSON.stringify writes it as a key. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy that keeps RawJson as it is: generated values may be shared between runs and must not be edited. */
function copy(value: unknown): unknown {
  if (value instanceof RawJson || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  const result = {};
  for (const [key, item] of Object.entries(value)) setOwn(result, key, copy(item));
  return result;
}

function mutate(body: unknown, original: Mutation): unknown {
  const mutation = { ...original, value: copy(original.value) };
  const nodes = nodePaths(body);
  // A twist edits a field's value, so it picks among the leaves.
  const leaves = leafPaths(body);
  const paths = mutation.action === 'twist' && leaves.length > 0 ? leaves : nodes;
  const path = paths[mutation.at % paths.length] ?? [];
  const last = path.at(-1);
  if (last === undefined) {
    if (mutation.action === 'replace') return mutation.value;
    if (mutation.action === 'delete') return undefined;
    if (mutation.action === 'twist') return TWISTS[mutation.twist](body);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      setOwn(body, mutation.key, mutation.value);
      return body;
    }
    return { [mutation.key]: mutation.value };
  }
  const parent = nodeAt(body, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  if (mutation.action === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (mutation.action === 'replace') {
    setOwn(parent, last, mutation.value);
  } else if (mutation.action === 'twist') {
    setOwn(parent, last, TWISTS[mutation.twist](nodeAt(body, path)));
  } else {
    const node = nodeAt(body, path);
    if (Array.isArray(node)) node.push(mutation.value);
    else if (typeof node === 'object' && node !== null) setOwn(node, mutation.key, mutation.value);
    else setOwn(parent, last, { [mutation.key]: mutation.value });
  }
  return body;
}

/** JSON text of a value, with any RawJson written verbatim. */
function serialize(value: unknown): string | undefined {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item) =>
    item instanceof RawJson ? `\u0001raw${raws.push(item.text) - 1}\u0001` : item,
  );
  return text?.replace(/"\\u0001raw(\d+)\\u0001"/g, (_match, index) => raws[Number(index)] ?? 'null');
}

function bodyText(operation: Operation, person: Person, spec: BodySpec, pathId?: string): string | undefined {
  switch (spec.type) {
    case 'none':
      return undefined;
    case 'json':
      return serialize(spec.value);
    case 'text':
      return spec.text;
    case 'mutated':
      return serialize(
        spec.mutations.reduce(
          (body, mutation) => mutate(body, mutation),
          validBody(operation, person, pathId),
        ),
      );
  }
}

function queryString(operation: Operation, spec: QuerySpec): string {
  // Raw text goes in as it is, but for what would end the query (#) or break the request line.
  if ('raw' in spec) return spec.raw === '' ? '' : `?${spec.raw.replace(/[#\s]/g, '')}`;
  const names = operation.queryParameters;
  const pairs = spec.pairs.map(([name, value]) => {
    const key = 'known' in name ? (names[name.known % Math.max(1, names.length)] ?? 'limit') : name.name;
    return `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  });
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

function buildRequest(
  server: TestServer,
  operation: Operation,
  owner: Person,
  ids: readonly string[],
  input: FuzzInput,
): InjectOptions & { url: string } {
  let url = operation.path;
  const id =
    'raw' in input.id ? undefined : 'pick' in input.id ? ids[input.id.pick % ids.length] : input.id.value;
  const segment = 'raw' in input.id ? input.id.raw : encodeURIComponent(id ?? '');
  const hasId = operation.pathParameters.length > 0;
  for (const name of operation.pathParameters) url = url.replace(`{${name}}`, segment);
  url += queryString(operation, input.query);
  const payload = bodyText(operation, owner, input.body, hasId ? id : undefined);
  return {
    method: operation.method,
    url,
    cookies: owner.cookies,
    remoteAddress: FUZZ_ADDRESS,
    headers: {
      'sec-fetch-site': 'same-origin',
      origin: new URL(server.sunlog.config.publicUrl).origin,
      ...(input.contentType === undefined ? {} : { 'content-type': input.contentType }),
    },
    ...(payload === undefined ? {} : { payload }),
  };
}

// ---------------------------------------------------------------------------------------------------
// What must hold

/** Which tables "changes nothing" compares. Typed over every table, so a new one must be placed here. */
const TABLES: Readonly<Record<keyof Database, 'compare' | 'ignore'>> = {
  users: 'compare',
  profiles: 'compare',
  sessions: 'compare', // without last_seen_at, which the owner's own requests move
  regimens: 'compare',
  intakes: 'compare',
  lab_results: 'compare',
  symptom_checks: 'compare',
  flares: 'compare',
  check_ins: 'compare',
  password_resets: 'compare',
  pending_registrations: 'compare',
  record_revisions: 'compare',
  calendar_feeds: 'compare',
  server_keys: 'compare',
  push_subscriptions: 'compare',
  push_deliveries: 'compare',
  shares: 'compare',
  share_files: 'compare',
  second_factors: 'compare',
  recovery_codes: 'compare',
  known_devices: 'compare',
  passkeys: 'compare',
  passkey_challenges: 'ignore', // asking for passkey options hands out a challenge, by design
  audit_events: 'ignore', // a refused request may be audited: that is the point of the trail
  rate_limits: 'ignore', // a failed sign-in counts, by design
};

async function snapshot(server: TestServer, owner: Person) {
  let exported = await server.app.inject({ method: 'GET', url: '/api/v1/export', cookies: owner.cookies });
  // The export needs a proof within 5 minutes; a long fuzzing run gives the password again when asked.
  if (exported.statusCode === 403 && exported.json().error.code === 'reauthentication-required') {
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reauthenticate',
      cookies: owner.cookies,
      payload: { password: owner.password },
    });
    exported = await server.app.inject({ method: 'GET', url: '/api/v1/export', cookies: owner.cookies });
  }
  expect(exported.statusCode, `export: ${exported.body}`).toBe(200);
  const { exportedAt: _exportedAt, ...document } = exported.json();
  const database: Record<string, unknown[]> = {};
  for (const [table, use] of Object.entries(TABLES) as [keyof Database, 'compare' | 'ignore'][]) {
    if (use === 'ignore') continue;
    const rows = (await readTable(server, table)).map((row) => {
      const { last_seen_at: _lastSeen, ...rest } = row as Record<string, unknown>;
      return rest;
    });
    database[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return { export: document, database };
}

/**
 * A table's rows. A share's ciphertext (the encrypted Bundle with its PDF, often hundreds of kilobytes)
 * is compared by its length: reading every one whole for every snapshot made the run far slower, and no
 * request rewrites a ciphertext to another of the same length (only revoking empties it).
 */
async function readTable(server: TestServer, table: keyof Database): Promise<unknown[]> {
  const { db } = server.sunlog;
  if (table !== 'shares') return db.selectFrom(table).selectAll().execute();
  return db
    .selectFrom('shares')
    .select([
      'id',
      'user_id',
      'manifest_id_hash',
      'label',
      'range_from',
      'range_to',
      'passcode_hash',
      'failed_attempts',
      'access_count',
      'created_at',
      'expires_at',
      'revoked_at',
      'disabled_at',
      sql<number>`length(ciphertext)`.as('ciphertext_length'),
    ])
    .execute();
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** What differs between two snapshots: `export`, and the name of each table whose rows changed. */
function differences(before: Snapshot, after: Snapshot): string[] {
  const changed = JSON.stringify(after.export) === JSON.stringify(before.export) ? [] : ['export'];
  for (const [table, rows] of Object.entries(after.database)) {
    if (JSON.stringify(rows) !== JSON.stringify(before.database[table])) changed.push(`table ${table}`);
  }
  return changed;
}

const ERROR_KEYS = new Set(['code', 'message', 'fields']);

/** The request, shortened for a failure message (bodies may be huge). */
function describeRequest(request: InjectOptions & { url: string }): string {
  const body = typeof request.payload === 'string' ? request.payload : '';
  const short = (text: string) =>
    text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  const contentType = (request.headers as Record<string, string> | undefined)?.['content-type'] ?? 'none';
  return `${request.method} ${short(request.url)} [content-type ${contentType}] body ${short(JSON.stringify(body))}`;
}

function checkAnswer(
  operation: Operation,
  request: InjectOptions & { url: string },
  response: LightMyRequestResponse,
): void {
  const where = `${describeRequest(request)} answered ${response.statusCode}: ${response.body.slice(0, 300)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode === 204) {
    expect(response.body, where).toBe('');
    return;
  }
  const mediaType = String(response.headers['content-type']).split(';')[0] ?? '';
  if (response.statusCode < 400) {
    // A success in the media type the document names for it (JSON, or CSV for a download).
    expect(operation.successMediaTypes, where).toContain(mediaType);
    if (mediaType === 'application/json') JSON.parse(response.body);
    return;
  }
  expect(mediaType, where).toBe('application/json');
  const body = JSON.parse(response.body);
  expect(ErrorBodySchema.safeParse(body).success, where).toBe(true);
  expect(Object.keys(body), where).toEqual(['error']);
  for (const key of Object.keys(body.error)) expect(ERROR_KEYS.has(key), `${where}: key ${key}`).toBe(true);
  expect(body.error.code, where).toMatch(/^[a-z]+(-[a-z]+)*$/);
  expect(body.error.message.length, where).toBeGreaterThan(0);
}

/** Gives the owner data the fuzzed ids can hit: a live and a deleted record of each kind, two sessions. */
async function seedOwner(server: TestServer) {
  const owner = await newPerson(server);
  const { cookies } = owner;
  /** The owner's ids by what they name: a record collection, or `sessions`. */
  const ids = new Map<string, string[]>();
  for (const key of Object.keys(RECORD_KINDS) as RecordCollection[]) {
    const collection = `/api/v1/${RECORD_KINDS[key].path}`;
    const kindIds: string[] = [];
    for (const deleted of [false, true]) {
      const body: RecordCreateBase = RECORD_FACTORIES[key]();
      const created = await server.app.inject({ method: 'POST', url: collection, cookies, payload: body });
      expect(created.statusCode).toBe(201);
      if (deleted) {
        const gone = await server.app.inject({ method: 'DELETE', url: `${collection}/${body.id}`, cookies });
        expect(gone.statusCode).toBe(204);
      }
      kindIds.push(body.id);
    }
    ids.set(key, kindIds);
  }
  await signIn(server, owner); // a second session, for DELETE /me/sessions/{id} to hit
  const sessions = await server.app.inject({ method: 'GET', url: '/api/v1/me/sessions', cookies });
  ids.set(
    'sessions',
    sessions.json().sessions.map((session: { id: string }) => session.id),
  );
  const share = await server.app.inject({
    method: 'POST',
    url: '/api/v1/shares',
    cookies,
    payload: { from: '2026-01-01', to: '2026-03-31', expiresInDays: 7, password: owner.password },
  });
  expect(share.statusCode, share.body).toBe(201);
  ids.set('shares', [share.json().id]);
  /** The ids an operation's path id is picked from: its own kind's, or else all of them. */
  const idsFor = (operation: Operation): string[] => {
    const own = ids.get(
      collectionOf(operation) ??
        (operation.path.includes('/sessions/')
          ? 'sessions'
          : operation.path.startsWith('/api/v1/shares/')
            ? 'shares'
            : ''),
    );
    return own ?? [...ids.values()].flat();
  };
  return { owner, idsFor };
}

/** A record cursor as the server makes them (base64url of `date/id`), naming an id with U+0000 in it. */
const NUL_CURSOR = Buffer.from('2026-03-02/\u0000', 'utf8').toString('base64url');

/**
 * Fixed inputs every operation runs before the random ones: the odd path ids (U+0000, longer than the
 * router allows, bad percent-encoding), a cursor naming an id with U+0000, and, for every text field of
 * a valid body, that field with U+0000 appended (PostgreSQL text cannot hold it; random mutation seldom
 * picks exactly one field and that twist).
 */
function examplesFor(operation: Operation, owner: Person): [FuzzInput][] {
  const plain: FuzzInput = {
    id: { pick: 0 },
    query: { pairs: [] },
    body: { type: 'none' },
    contentType: undefined,
  };
  const examples: FuzzInput[] = [];
  if (operation.pathParameters.length > 0) {
    for (const id of [{ value: '\u0000' }, { value: 'x'.repeat(101) }, { raw: '%E0%A4%A' }]) {
      examples.push({ ...plain, id });
    }
  }
  if (operation.queryParameters.includes('cursor')) {
    examples.push({ ...plain, query: { pairs: [[{ name: 'cursor' }, NUL_CURSOR]] } });
  }
  if (operation.hasBody) {
    const body = validBody(operation, owner);
    leafPaths(body).forEach((path, at) => {
      if (typeof nodeAt(body, path) !== 'string') return;
      const mutation: Mutation = { action: 'twist', at, key: '', value: null, twist: 'nul' };
      examples.push({
        ...plain,
        body: { type: 'mutated', mutations: [mutation] },
        contentType: 'application/json',
      });
    });
  }
  return examples.map((example) => [example]);
}

/**
 * Reports a failure with the input shortened: fast-check's own report prints the whole counterexample,
 * and a fuzzed body can be a megabyte long. The failing request itself is in the error's message.
 */
function shortReport(label: string) {
  return (details: fc.RunDetails<[FuzzInput]>): void => {
    if (!details.failed) return;
    const input = fc
      .stringify(details.counterexample)
      .replace(/(.)\1{40,}/g, (run, char: string) => `${char}×${run.length}`);
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${label}: property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}")\n` +
        `input: ${input.slice(0, 1500)}\n${error.slice(0, 4000)}`,
    );
  };
}

describe.each(engines())('route fuzzing on $name', (engine) => {
  // One server for every operation's property; each property runs many requests against it.
  const server = useTestServer(engine);

  test('as the owner, no operation answers 5xx, errors keep the documented shape, and a 4xx changes nothing', async () => {
    const s = server();
    const operations = await documentedOperations(s);
    let { owner, idsFor } = await seedOwner(s);
    const statuses = new Map<number, number>();
    let runs = 0;
    const failures: string[] = [];

    for (const [index, operation] of operations.entries()) {
      const ids = idsFor(operation);
      const examples = examplesFor(operation, owner);
      let before = await snapshot(s, owner);
      const checked = fc.assert(
        fc.asyncProperty(inputArb, async (input) => {
          const request = buildRequest(s, operation, owner, ids, input);
          const response = await s.app.inject(request);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          runs += 1;
          checkAnswer(operation, request, response);
          if (response.statusCode >= 400) {
            const changed = differences(before, await snapshot(s, owner));
            expect(
              changed,
              `${describeRequest(request)} answered ${response.statusCode} and changed data`,
            ).toEqual([]);
            return;
          }
          // A password change sets the password the body sent (mutated or not).
          await afterSuccessfulCall(s, owner, operation.label, request.payload);
          // A success may change data (and sign-out or ending a session may end the owner's own; deleting
          // the account ends the owner, who is then seeded afresh).
          const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: owner.cookies });
          if (me.statusCode === 401 && ENDS_ACCOUNT.has(operation.label))
            ({ owner, idsFor } = await seedOwner(s));
          else if (me.statusCode === 401) owner.cookies = await signIn(s, owner);
          before = await snapshot(s, owner);
        }),
        {
          seed: SEED + index,
          numRuns: examples.length + randomRuns(operation),
          examples,
          reporter: shortReport(operation.label),
        },
      );
      // Every operation is fuzzed even when one fails, so a run reports all the failing operations.
      await checked.catch((error: unknown) =>
        failures.push(error instanceof Error ? error.message : String(error)),
      );
    }

    expect(failures.join('\n\n'), `${failures.length} operations failed`).toBe('');

    // The fuzzing reached both sides: refusals and successes.
    const refused = [...statuses].filter(([status]) => status >= 400).reduce((n, [, count]) => n + count, 0);
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((n, [, count]) => n + count, 0);
    expect(refused).toBeGreaterThan(runs * 0.5);
    expect(succeeded).toBeGreaterThan(0);
  }, 300_000);
});
