import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test, vi } from 'vitest';
import { engines } from '../../test/engines.ts';
import { RECORD_FACTORIES } from '../../test/factories.ts';
import {
  afterSuccessfulCall,
  BODY_BUILDERS,
  buildPushSubscription,
  CANNOT_SUCCEED_HERE,
  CONFIRMS_SECOND_FACTOR,
  collectionOf,
  documentedOperations,
  ENDS_ACCOUNT,
  newPerson,
  type Operation,
  type Person,
  signIn,
  storePasskey,
  turnOffSecondFactor,
  withFreshTotpCode,
} from '../../test/openapi-operations.ts';
import { type TestServer, useTestServer } from '../../test/test-server.ts';
import {
  RECORD_KINDS,
  type RecordCollection,
  type RecordCreateBase,
  type RecordKind,
} from '../records/kinds.ts';

// Each test calls every documented operation, several times over; the list grows with every route,
// and on PostgreSQL on a busy machine that outlasts the project's 30 s default.
vi.setConfig({ testTimeout: 180_000 });

/**
 * The route × principal matrix (every route, every kind of caller), generated from the OpenAPI
 * document: every documented operation is called by every principal, so a new route is covered without
 * editing this file. A route whose path parameter or body this file cannot build fails loudly below
 * (see `resourceOf` and `BODY_BUILDERS`) rather than being skipped.
 *
 * Principals today: anonymous (no cookie, the cookie of a session that was signed out, a made-up
 * cookie), the owner of the data, and another signed-in person. A share link (SMART Health Link) is
 * no principal here: it opens nothing under /api, only the public /shl endpoints (not in the OpenAPI
 * document), whose cases — valid, wrong passcode, exhausted, expired, revoked, never existed — are
 * tested in shares/shares.int.test.ts; a link carries only the range it was made for, encrypted.
 */

/**
 * Operations anyone may call without a session, each with the reason. Every other documented operation
 * must answer 401 to an anonymous caller; one that does not fails the anonymous test.
 */
const PUBLIC_OPERATIONS: Readonly<Record<string, string>> = {
  'GET /healthz': 'Load balancers probe it without credentials; it tells only whether the database answers.',
  'GET /metrics':
    'No session: a Prometheus scraper sends the METRICS_TOKEN bearer token instead (401 without it), and without METRICS_TOKEN it is 404; it holds counts by route pattern, never anyone’s data.',
  'POST /api/v1/auth/register': 'Creating an account is how a person gets credentials in the first place.',
  'POST /api/v1/auth/sign-in': 'Signing in is how a person gets a session.',
  'GET /api/v1/auth/options':
    'Whether the server sends mail decides what the sign-up and sign-in screens offer.',
  'POST /api/v1/auth/confirm-email':
    'The link from the confirmation mail is the proof; there is no account (or session) yet.',
  'POST /api/v1/auth/password-reset/request':
    'A person who forgot their password has no session; the answer is the same for any address.',
  'POST /api/v1/auth/password-reset':
    'The one-time link is the proof of who sets the password; a session would be the wrong proof (the person cannot sign in).',
  'GET /api/v1/push/public-key':
    'The Web Push public key is the same for everyone and public by nature: browsers need it to subscribe.',
  'POST /api/v1/auth/sign-out':
    'Answers 204 with or without a session so a client can always clear its cookie; it ends only the session of the cookie sent with it.',
  'POST /api/v1/auth/passkey/options':
    'Signing in with a passkey starts here, before there is a session; it hands out a one-time challenge and nothing about anyone.',
  'POST /api/v1/auth/passkey':
    'Signing in with a passkey is how a person gets a session; the signed answer is the proof.',
};

/**
 * Reads whose answer is a rendered document with compressed streams, so ids cannot be found in its bytes,
 * each with where its contents are checked instead.
 */
const OPAQUE_READS: Readonly<Record<string, string>> = {
  'GET /api/v1/me/second-factor':
    'Answers two facts about the caller’s own account (on or off, codes left) and no identifiers; second-factor.int.test.ts checks them per person.',
  'GET /api/v1/auth/reauthentication':
    'Answers one fact about the caller’s own session (recent or not) and no identifiers; export-reauthentication.int.test.ts checks it.',
  'GET /api/v1/reports/pdf':
    "A PDF: report.int.test.ts reads its text with pdftotext and finds the person's figures and not another's.",
};

/** What a path's `{id}` names: a record of one kind, a session, or a reminder delivery. */
type Resource =
  | { type: 'record'; kind: RecordKind; build: () => RecordCreateBase }
  | { type: 'session' }
  | { type: 'delivery' }
  | { type: 'share' }
  | { type: 'passkey' }
  | { type: 'none' };

function resourceOf(operation: Operation): Resource {
  const collection = collectionOf(operation);
  if (collection !== undefined) {
    return { type: 'record', kind: RECORD_KINDS[collection], build: RECORD_FACTORIES[collection] };
  }
  if (operation.path.startsWith('/api/v1/me/sessions/')) return { type: 'session' };
  if (operation.path.startsWith('/api/v1/push/deliveries/')) return { type: 'delivery' };
  if (operation.path.startsWith('/api/v1/shares/')) return { type: 'share' };
  if (operation.path.startsWith('/api/v1/me/passkeys/{')) return { type: 'passkey' };
  if (operation.pathParameters.length > 0) {
    throw new Error(`${operation.label}: no way to make its path parameters; teach resourceOf about it`);
  }
  return { type: 'none' };
}

function hasPathId(operation: Operation): boolean {
  return operation.pathParameters.length > 0;
}

/** A valid body for `operation` as `person` would send it; a record body carries `id` when given. */
function validBody(operation: Operation, person: Person, id?: string): object | undefined {
  if (!operation.hasBody) return undefined;
  const resource = resourceOf(operation);
  if (resource.type === 'record') return { ...resource.build(), ...(id === undefined ? {} : { id }) };
  const build = BODY_BUILDERS[operation.label];
  if (build === undefined)
    throw new Error(`${operation.label}: no valid body known; add one to BODY_BUILDERS`);
  return build(person);
}

/** What the web app sends with every request: Fetch Metadata from its own origin (see csrf.ts). */
function browserHeaders(server: TestServer): Record<string, string> {
  return { 'sec-fetch-site': 'same-origin', origin: new URL(server.sunlog.config.publicUrl).origin };
}

async function call(
  server: TestServer,
  operation: Operation,
  options: { cookies: Record<string, string>; id?: string; body?: object | undefined },
): Promise<LightMyRequestResponse> {
  let url = operation.path;
  for (const name of operation.pathParameters) {
    if (options.id === undefined) throw new Error(`${operation.label}: no value for {${name}}`);
    url = url.replace(`{${name}}`, encodeURIComponent(options.id));
  }
  const body =
    operation.label === CONFIRMS_SECOND_FACTOR
      ? await withFreshTotpCode(server, options.cookies, options.body)
      : options.body;
  const response = await server.app.inject({
    method: operation.method,
    url,
    cookies: options.cookies,
    headers: browserHeaders(server),
    ...(body === undefined ? {} : { payload: body }),
  });
  // Two-step sign-in turned on by the call is turned off again, so the tests' sign-ins stay password-only.
  if (operation.label === CONFIRMS_SECOND_FACTOR && response.statusCode === 200)
    await turnOffSecondFactor(server, options.cookies);
  return response;
}

/**
 * Signs the person in again when an operation ended their session (sign-out, ending it by id), or
 * puts a new person in their place when it ended their account.
 */
async function keepSignedIn(server: TestServer, person: Person, operation: Operation): Promise<void> {
  if (ENDS_ACCOUNT.has(operation.label)) {
    const gone = await server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    if (gone.statusCode !== 401) return;
    // The replacement has a record of every kind, as the one it replaces had, so reads still show them something.
    Object.assign(person, await newPerson(server));
    for (const key of Object.keys(RECORD_KINDS) as RecordCollection[]) {
      await createRecord(server, person, RECORD_KINDS[key], RECORD_FACTORIES[key]());
    }
    await subscribeToPush(server, person);
    await createShare(server, person);
    await storePasskey(server, person.id);
    return;
  }
  const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
  if (me.statusCode === 401) person.cookies = await signIn(server, person, browserHeaders(server));
}

/** A second session of the person, as another device would have it; answers its id and cookies. */
async function newSession(server: TestServer, person: Person) {
  const cookies = await signIn(server, person, browserHeaders(server));
  const sessions = await server.app.inject({ method: 'GET', url: '/api/v1/me/sessions', cookies });
  const current = sessions.json().sessions.find((s: { current: boolean }) => s.current);
  return { id: current.id as string, cookies };
}

async function createRecord(
  server: TestServer,
  person: Person,
  kind: RecordKind,
  body: RecordCreateBase,
): Promise<Record<string, unknown> & { id: string }> {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/v1/${kind.path}`,
    cookies: person.cookies,
    headers: browserHeaders(server),
    payload: body,
  });
  if (response.statusCode !== 201)
    throw new Error(`create answered ${response.statusCode}: ${response.body}`);
  return response.json().record;
}

async function deleteRecord(server: TestServer, person: Person, kind: RecordKind, id: string): Promise<void> {
  const response = await server.app.inject({
    method: 'DELETE',
    url: `/api/v1/${kind.path}/${id}`,
    cookies: person.cookies,
    headers: browserHeaders(server),
  });
  if (response.statusCode !== 204)
    throw new Error(`delete answered ${response.statusCode}: ${response.body}`);
}

/** Saves a push subscription for the person, so reads of their subscriptions show them something. */
async function subscribeToPush(server: TestServer, person: Person): Promise<void> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/v1/push/subscriptions',
    cookies: person.cookies,
    headers: browserHeaders(server),
    payload: buildPushSubscription(),
  });
  if (response.statusCode !== 201)
    throw new Error(`subscribe answered ${response.statusCode}: ${response.body}`);
}

/** A reminder delivery of the person's, as the delivery job records one; answers its id. */
async function createDelivery(server: TestServer, person: Person): Promise<string> {
  const id = randomUUID();
  const stamp = new Date().toISOString();
  await server.sunlog.db
    .insertInto('push_deliveries')
    .values({
      id,
      user_id: person.id,
      reminder_key: 'check-in::19:00',
      kind: 'check-in',
      regimen_id: null,
      local_date: stamp.slice(0, 10),
      local_time: '19:00',
      due_at: stamp,
      status: 'sent',
      attempts: 1,
      next_attempt_at: stamp,
      claimed_until: null,
      claimed_by: null,
      sent_at: stamp,
      snoozed_from: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return id;
}

/**
 * Each matrix test calls every operation several times and makes share links (each renders the PDF
 * report), which on a busy shared machine has taken well over the default 30 seconds (up to 100).
 */
const MATRIX_TESTS = { timeout: 300_000 };

/** A share link of the person's, made through the API; answers its id. */
async function createShare(server: TestServer, person: Person): Promise<string> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/v1/shares',
    cookies: person.cookies,
    headers: browserHeaders(server),
    payload: { from: '2026-01-01', to: '2026-03-31', expiresInDays: 7, password: person.password },
  });
  if (response.statusCode !== 201) throw new Error(`share answered ${response.statusCode}: ${response.body}`);
  return response.json().id;
}

const RECORD_TABLES = Object.values(RECORD_KINDS).map((kind) => kind.table);

/**
 * Everything the database holds for a person, read directly: account, profile, sessions (without the
 * last-seen time their own use moves), every record including deleted ones, and the edit history.
 */
async function stateOf(server: TestServer, userId: string) {
  const { db } = server.sunlog;
  const records: Record<string, unknown[]> = {};
  for (const table of RECORD_TABLES) {
    records[table] = await db
      .selectFrom(table)
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
  }
  return {
    users: await db.selectFrom('users').selectAll().where('id', '=', userId).execute(),
    profiles: await db.selectFrom('profiles').selectAll().where('user_id', '=', userId).execute(),
    sessions: await db
      .selectFrom('sessions')
      .select(['id', 'token_hash', 'created_at', 'expires_at', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    calendarFeeds: await db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).execute(),
    pushSubscriptions: await db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    passkeys: await db
      .selectFrom('passkeys')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    pushDeliveries: await db
      .selectFrom('push_deliveries')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    shares: await db.selectFrom('shares').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
    records,
    revisions: await db
      .selectFrom('record_revisions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
  };
}

/**
 * Strings that identify the person's data: account id and email, session ids, record ids, and the ids
 * of their audit events (which are not part of `stateOf`: reading and failing may add to the trail).
 */
async function identifiersOf(server: TestServer, userId: string): Promise<string[]> {
  const state = await stateOf(server, userId);
  const audit = await server.sunlog.db
    .selectFrom('audit_events')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  return [
    ...state.users.flatMap((user) => [user.id, user.email]),
    ...state.sessions.map((session) => session.id),
    ...Object.values(state.records).flatMap((rows) => rows.map((row) => (row as { id: string }).id)),
    ...audit.map((event) => event.id),
    ...state.pushSubscriptions.map((subscription) => subscription.id),
    ...state.pushDeliveries.map((delivery) => delivery.id),
    ...state.shares.map((share) => share.id),
    ...state.passkeys.map((passkey) => passkey.id),
    // The calendar feed's secret (its URL). Made here if missing: a person who replaced a deleted
    // account has none yet, and the owner's was made in buildWorld, so their state does not move.
    await server.sunlog.calendar.secretFor(userId),
  ];
}

/** The owner with one live and one deleted record of every kind, and the other person with one of each. */
async function buildWorld(server: TestServer) {
  const owner = await newPerson(server);
  const other = await newPerson(server);
  const ownerRecords = new Map<string, { live: { id: string }; deleted: { id: string } }>();
  for (const key of Object.keys(RECORD_KINDS) as RecordCollection[]) {
    const kind = RECORD_KINDS[key];
    const live = await createRecord(server, owner, kind, RECORD_FACTORIES[key]());
    const deleted = await createRecord(server, owner, kind, RECORD_FACTORIES[key]());
    await deleteRecord(server, owner, kind, deleted.id);
    ownerRecords.set(kind.path, { live, deleted });
    await createRecord(server, other, kind, RECORD_FACTORIES[key]());
  }
  // Both have a calendar feed, so its address is among the markers each may or may not see.
  await server.sunlog.calendar.secretFor(owner.id);
  await server.sunlog.calendar.secretFor(other.id);
  // Both have a push subscription; the owner has a reminder delivery another person may try to snooze.
  await subscribeToPush(server, owner);
  await subscribeToPush(server, other);
  const ownerDelivery = await createDelivery(server, owner);
  const ownerSecondSession = await newSession(server, owner);
  // Each has a share link, so its id is among the markers and DELETE /shares/{id} has a target.
  const ownerShare = await createShare(server, owner);
  await createShare(server, other);
  // Both have a passkey, so its id is among the markers too.
  const ownerPasskeyId = await storePasskey(server, owner.id);
  await storePasskey(server, other.id);
  return { owner, other, ownerRecords, ownerSecondSession, ownerDelivery, ownerShare, ownerPasskeyId };
}

type World = Awaited<ReturnType<typeof buildWorld>>;

/** The owner's ids an operation's `{id}` can name: a live and a deleted record, or another session. */
function ownerTargets(world: World, operation: Operation): { what: string; id: string }[] {
  const resource = resourceOf(operation);
  if (resource.type === 'session') return [{ what: 'second session', id: world.ownerSecondSession.id }];
  if (resource.type === 'delivery') return [{ what: 'reminder delivery', id: world.ownerDelivery }];
  if (resource.type === 'share') return [{ what: 'share link', id: world.ownerShare }];
  if (resource.type === 'passkey') return [{ what: 'passkey', id: world.ownerPasskeyId }];
  if (resource.type !== 'record') throw new Error(`${operation.label}: unexpected path parameter`);
  const records = world.ownerRecords.get(resource.kind.path);
  if (records === undefined) throw new Error(`${operation.label}: no owner records made`);
  return [
    { what: `live ${resource.kind.name}`, id: records.live.id },
    { what: `deleted ${resource.kind.name}`, id: records.deleted.id },
  ];
}

/** What the owner reads of a record through the API: its status and body (sessions: their list). */
async function readAsOwner(server: TestServer, world: World, operation: Operation, id: string) {
  const resource = resourceOf(operation);
  // Deliveries have no read route: the database shows whether a snooze was made.
  if (resource.type === 'delivery') return (await stateOf(server, world.owner.id)).pushDeliveries;
  const url =
    resource.type === 'record'
      ? `/api/v1/${resource.kind.path}/${id}`
      : resource.type === 'passkey'
        ? '/api/v1/me/passkeys'
        : resource.type === 'share'
          ? '/api/v1/shares'
          : '/api/v1/me/sessions';
  const response = await server.app.inject({ method: 'GET', url, cookies: world.owner.cookies });
  const body = response.json();
  // lastSeenAt moves with the owner's own requests, this read included.
  if (resource.type === 'session') {
    return body.sessions.map(({ lastSeenAt: _, ...session }: Record<string, unknown>) => session);
  }
  return { status: response.statusCode, body };
}

function expectError(response: LightMyRequestResponse, status: number, code: string, where: string): void {
  expect(response.statusCode, `${where}: ${response.body}`).toBe(status);
  expect(response.json().error.code, where).toBe(code);
}

describe.each(engines())('the route × principal matrix on $name', MATRIX_TESTS, (engine) => {
  const server = useTestServer(engine);

  test('the public list names only documented operations, and the document secures all others', async () => {
    const operations = await documentedOperations(server());
    const labels = new Set(operations.map((operation) => operation.label));
    for (const label of Object.keys(PUBLIC_OPERATIONS)) expect(labels, label).toContain(label);
    for (const operation of operations) {
      const isPublic = operation.label in PUBLIC_OPERATIONS;
      expect(operation.secured, `${operation.label} declares the session cookie`).toBe(!isPublic);
    }
  });

  test('anonymous callers get 401 unauthenticated everywhere but the public operations', async () => {
    const s = server();
    const operations = await documentedOperations(s);
    const world = await buildWorld(s);
    // A session that existed and was signed out: its cookie must be worth nothing afterwards.
    const ended = await newSession(s, world.owner);
    const signOut = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: ended.cookies,
      headers: browserHeaders(s),
    });
    expect(signOut.statusCode).toBe(204);
    const cookieName = Object.keys(world.owner.cookies)[0] ?? 'sunlog_session';
    const anonymous = [
      { name: 'no cookie', cookies: {} },
      { name: 'a signed-out session', cookies: ended.cookies },
      { name: 'a made-up session', cookies: { [cookieName]: randomBytes(32).toString('base64url') } },
    ];

    let checked = 0;
    // Re-read only after a public operation, which may change the owner's data (a sign-in adds a session).
    let before = await stateOf(s, world.owner.id);
    for (const operation of operations) {
      const isPublic = operation.label in PUBLIC_OPERATIONS;
      const targets = hasPathId(operation) ? ownerTargets(world, operation) : [{ what: '', id: '' }];
      for (const principal of anonymous) {
        for (const target of targets) {
          const where = `${principal.name}: ${operation.label} ${target.what}`;
          const body = validBody(operation, world.owner, target.id === '' ? undefined : target.id);
          const response = await call(s, operation, { cookies: principal.cookies, id: target.id, body });
          const refusal = CANNOT_SUCCEED_HERE[operation.label];
          if (isPublic && refusal !== undefined) {
            expectError(response, refusal.status, refusal.code, where);
          } else if (isPublic) {
            // Public by design: a valid call works without a session.
            expect(response.statusCode, `${where}: ${response.body}`).toBeGreaterThanOrEqual(200);
            expect(response.statusCode, `${where}: ${response.body}`).toBeLessThan(300);
            await afterSuccessfulCall(s, world.owner, operation.label, body);
            before = await stateOf(s, world.owner.id);
          } else {
            expectError(response, 401, 'unauthenticated', where);
            expect(await stateOf(s, world.owner.id), `${where} changed the owner's data`).toEqual(before);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(operations.length * anonymous.length);
  });

  test("another person gets 404 not-found on the owner's records and sessions, and sees only their own data elsewhere", async () => {
    const s = server();
    const operations = await documentedOperations(s);
    const world = await buildWorld(s);
    const { owner, other } = world;

    let byId = 0;
    let elsewhere = 0;
    for (const operation of operations) {
      if (hasPathId(operation)) {
        for (const target of ownerTargets(world, operation)) {
          const where = `${operation.label} on the owner's ${target.what}`;
          const before = await stateOf(s, owner.id);
          const readBefore = await readAsOwner(s, world, operation, target.id);
          const response = await call(s, operation, {
            cookies: other.cookies,
            id: target.id,
            body: validBody(operation, other, target.id),
          });
          expectError(response, 404, 'not-found', where);
          expect(await stateOf(s, owner.id), `${where} changed the owner's data`).toEqual(before);
          // Through the API too: the owner reads the record (or its absence, when deleted) as before.
          expect(await readAsOwner(s, world, operation, target.id), where).toEqual(readBefore);
          byId += 1;
        }
        continue;
      }

      const where = operation.label;
      const before = await stateOf(s, owner.id);
      const ownerMarkers = await identifiersOf(s, owner.id);
      const ownMarkers = await identifiersOf(s, other.id);
      const body = validBody(operation, other);
      const response = await call(s, operation, { cookies: other.cookies, body });
      const refusal = CANNOT_SUCCEED_HERE[operation.label];
      if (refusal !== undefined) {
        expectError(response, refusal.status, refusal.code, where);
        expect(await stateOf(s, owner.id), `${where} changed the owner's data`).toEqual(before);
        await keepSignedIn(s, other, operation);
        elsewhere += 1;
        continue;
      }
      expect(response.statusCode, `${where}: ${response.body}`).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, `${where}: ${response.body}`).toBeLessThan(300);
      await afterSuccessfulCall(s, other, operation.label, body);
      expect(await stateOf(s, owner.id), `${where} changed the owner's data`).toEqual(before);
      for (const marker of ownerMarkers) {
        expect(response.body.includes(marker), `${where} shows the owner's ${marker}`).toBe(false);
      }
      // A read answers the person's own data, so the check above is not passing on an empty answer.
      if (operation.method === 'GET' && operation.secured && OPAQUE_READS[operation.label] === undefined) {
        expect(
          ownMarkers.some((marker) => response.body.includes(marker)),
          `${where} shows the other person something of their own`,
        ).toBe(true);
      }
      await keepSignedIn(s, other, operation);
      elsewhere += 1;
    }
    // Six routes per record kind name an id, four of them twice (live and deleted), plus ending a session.
    expect(byId).toBeGreaterThanOrEqual(Object.keys(RECORD_KINDS).length * 4 * 2 + 1);
    expect(elsewhere).toBeGreaterThanOrEqual(Object.keys(RECORD_KINDS).length * 2 + 4);
  });

  test('the owner gets a 2xx for a valid call of every operation', async () => {
    const s = server();
    const operations = await documentedOperations(s);
    const owner = await newPerson(s);

    for (const operation of operations) {
      const resource = resourceOf(operation);
      let id: string | undefined;
      if (resource.type === 'record' && hasPathId(operation)) {
        id = (await createRecord(s, owner, resource.kind, resource.build())).id;
      } else if (resource.type === 'session') {
        id = (await newSession(s, owner)).id;
      } else if (resource.type === 'delivery') {
        id = await createDelivery(s, owner);
      } else if (resource.type === 'share') {
        id = await createShare(s, owner);
      } else if (resource.type === 'passkey') {
        id = await storePasskey(s, owner.id);
      }
      const body = validBody(operation, owner, id);
      const response = await call(s, operation, {
        cookies: owner.cookies,
        ...(id === undefined ? {} : { id }),
        body,
      });
      const refusal = CANNOT_SUCCEED_HERE[operation.label];
      if (refusal !== undefined) {
        expectError(response, refusal.status, refusal.code, operation.label);
        continue;
      }
      expect(response.statusCode, `${operation.label}: ${response.body}`).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, `${operation.label}: ${response.body}`).toBeLessThan(300);
      await afterSuccessfulCall(s, owner, operation.label, body);
      if (response.statusCode !== 204) {
        const mediaType = String(response.headers['content-type']).split(';')[0];
        expect(operation.successMediaTypes, operation.label).toContain(mediaType);
      }
      await keepSignedIn(s, owner, operation);
    }
  });
});
