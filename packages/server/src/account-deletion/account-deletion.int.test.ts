import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { engines, type TestEngine } from '../../test/engines.ts';
import { buildIntake, buildSymptomCheck, RECORD_FACTORIES } from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import { BOOKKEEPING_TABLES, PERSONAL_DATA } from '../db/personal-data.ts';
import type { Database } from '../db/tables.ts';
import { RECORD_KINDS, type RecordCollection } from '../records/kinds.ts';

type Person = Awaited<ReturnType<typeof registerPerson>>;

/** The tables of the live database, read from the engine's own catalogue. */
async function liveTables(db: Kysely<Database>, engine: TestEngine['name']): Promise<string[]> {
  const query =
    engine === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  return (await query.execute(db)).rows.map((row) => row.name).sort();
}

/** Every row of every table, as JSON text, by table. */
async function everyRow(server: TestServer, engine: TestEngine['name']): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of await liveTables(server.sunlog.db, engine)) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      server.sunlog.db,
    );
    rows[table] = result.rows.map((row) => JSON.stringify(row));
  }
  return rows;
}

/** What identifies a person anywhere in the database: their id, their email, and the email's hash (counter keys). */
function tracesOf(person: Person): string[] {
  const email = person.input.email;
  return [person.id, email, createHash('sha256').update(email).digest('hex')];
}

/** Rows in each table that hold any trace of the person, found by scanning every column of every row. */
function rowsWithTraces(rows: Record<string, string[]>, person: Person): Record<string, number> {
  const traces = tracesOf(person);
  return Object.fromEntries(
    Object.entries(rows).map(([table, texts]) => [
      table,
      texts.filter((text) => traces.some((t) => text.includes(t))).length,
    ]),
  );
}

async function post(
  server: TestServer,
  person: Person,
  url: string,
  payload: object,
  remoteAddress?: string,
) {
  return server.app.inject({
    method: 'POST',
    url,
    cookies: person.cookies,
    payload,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/** A person with every kind of row: live, edited and deleted records of every kind, two sessions, failed sign-ins. */
async function busyPerson(server: TestServer, note: string): Promise<Person> {
  const person = await registerPerson(server);
  for (const collection of Object.keys(RECORD_KINDS) as RecordCollection[]) {
    const path = `/api/v1/${RECORD_KINDS[collection].path}`;
    const [kept, gone] = [RECORD_FACTORIES[collection](), RECORD_FACTORIES[collection]()];
    expect((await post(server, person, path, kept)).statusCode).toBe(201);
    expect((await post(server, person, path, gone)).statusCode).toBe(201);
    await server.app.inject({ method: 'DELETE', url: `${path}/${gone.id}`, cookies: person.cookies });
  }
  const intake = buildIntake({ note });
  expect((await post(server, person, '/api/v1/intakes', intake)).statusCode).toBe(201);
  await server.app.inject({
    method: 'PUT',
    url: `/api/v1/intakes/${intake.id}`,
    cookies: person.cookies,
    payload: { ...intake, note: `${note} (edited)` },
  });
  const signIn = { email: person.input.email, password: person.input.password };
  expect((await post(server, person, '/api/v1/auth/sign-in', signIn, '203.0.113.9')).statusCode).toBe(200);
  for (let i = 0; i < 2; i += 1) {
    await post(
      server,
      person,
      '/api/v1/auth/sign-in',
      { ...signIn, password: 'not the password at all' },
      '203.0.113.7',
    );
  }
  return person;
}

function deleteAccount(server: TestServer, person: Person, body: object) {
  return server.app.inject({ method: 'DELETE', url: '/api/v1/me', cookies: person.cookies, payload: body });
}

describe.each(engines())('deleting an account on $name', (engine) => {
  const server = useTestServer(engine);

  test('the registry names every table of the live database, and nothing that is not one', async () => {
    const tables = await liveTables(server().sunlog.db, engine.name);
    const named = [...Object.keys(PERSONAL_DATA), ...Object.keys(BOOKKEEPING_TABLES)].sort();
    expect(
      tables.filter((table) => !named.includes(table)),
      'tables missing from db/personal-data.ts',
    ).toEqual([]);
    expect(
      named.filter((table) => !tables.includes(table)),
      'registry entries with no table',
    ).toEqual([]);
  });

  test('erases every row of the person in every table, and only theirs', async () => {
    const s = server();
    const ada = await busyPerson(s, 'ada-marker');
    const grace = await busyPerson(s, 'grace-marker');
    const before = await everyRow(s, engine.name);
    const adasRows = rowsWithTraces(before, ada);
    const gracesRows = rowsWithTraces(before, grace);
    // The scan finds the person in every table that holds people's data.
    for (const table of [
      'users',
      'profiles',
      'sessions',
      'audit_events',
      'rate_limits',
      'intakes',
      'record_revisions',
    ]) {
      expect(adasRows[table], table).toBeGreaterThan(0);
    }

    const response = await deleteAccount(s, ada, {
      password: ada.input.password,
      confirmation: ` ${ada.input.email.toUpperCase()} `,
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(response.cookies.find((cookie) => cookie.name.endsWith('sunlog_session'))?.value).toBe('');

    const after = await everyRow(s, engine.name);
    expect(rowsWithTraces(after, ada)).toEqual(
      Object.fromEntries(Object.keys(after).map((table) => [table, 0])),
    );
    expect(rowsWithTraces(after, grace)).toEqual(gracesRows);
    // Checking the password counts against the caller's address like a sign-in does: that counter
    // belongs to the address, not to the person, and may change.
    const addressCounter = (row: string) => row.includes('"key":"sign-in:address:');
    for (const table of Object.keys(before)) {
      const kept = (before[table] ?? []).filter(
        (row) => !tracesOf(ada).some((trace) => row.includes(trace)) && !addressCounter(row),
      );
      const added = (after[table] ?? []).filter(
        (row) => !(before[table] ?? []).includes(row) && !addressCounter(row),
      );
      const stayed = (after[table] ?? []).filter((row) => !added.includes(row) && !addressCounter(row));
      expect(stayed.sort(), table).toEqual(kept.sort());
      // All that is new: the anonymous audit event saying an account was deleted.
      if (table === 'audit_events') {
        expect(added.map((row) => JSON.parse(row))).toEqual([
          expect.objectContaining({ action: 'account.delete', user_id: null, detail: '{"by":"self"}' }),
        ]);
      } else expect(added, table).toEqual([]);
    }
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: ada.cookies });
    expect(me.statusCode).toBe(401);
  });

  test('refuses without the typed email, or without the password when the sign-in is not recent; nothing is erased', async () => {
    const s = server();
    const ada = await busyPerson(s, 'ada-marker');
    const unchangedSince = async (before: Record<string, string[]>) => {
      const rows = await everyRow(s, engine.name);
      for (const table of Object.keys(before)) {
        if (table === 'audit_events' || table === 'rate_limits') continue; // refusals are audited and counted
        expect(rows[table], table).toEqual(before[table]);
      }
    };
    const before = await everyRow(s, engine.name);
    const wrong = await deleteAccount(s, ada, {
      password: ada.input.password,
      confirmation: 'someone@example.org',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'confirmation-mismatch',
      fields: [{ path: 'confirmation' }],
    });
    await unchangedSince(before);

    // The session proved who used it long ago: now the password decides.
    await s.sunlog.db.updateTable('sessions').set({ authenticated_at: '2020-01-01T00:00:00.000Z' }).execute();
    const stale = await everyRow(s, engine.name);
    const badPassword = await deleteAccount(s, ada, {
      password: 'not the password',
      confirmation: ada.input.email,
    });
    expect(badPassword.statusCode).toBe(401);
    await unchangedSince(stale);
    const good = await deleteAccount(s, ada, { password: ada.input.password, confirmation: ada.input.email });
    expect(good.statusCode, good.body).toBe(204);
  });
});

describe('deleting an account on sqlite, the file itself', () => {
  const [sqlite] = engines();
  if (sqlite === undefined) throw new Error('no sqlite engine');
  const server = useTestServer(sqlite);

  test('the erased text cannot be found in the database file or its write-ahead log afterwards', async () => {
    const s = server();
    const marker = `erase-me-${Date.now()}`;
    const ada = await registerPerson(s);
    for (let i = 0; i < 20; i += 1) {
      const check = buildSymptomCheck({
        localDate: `2026-01-${String(i + 1).padStart(2, '0')}`,
        note: `${marker} ${i}`,
      });
      expect((await post(s, ada, '/api/v1/symptom-checks', check)).statusCode).toBe(201);
    }
    const grace = await registerPerson(s);
    expect((await post(s, grace, '/api/v1/intakes', buildIntake({ note: 'still here' }))).statusCode).toBe(
      201,
    );
    const { database } = s.sunlog.config;
    if (database.engine !== 'sqlite') throw new Error('not sqlite');
    const { file } = database;
    const contents = () => {
      const parts = [file, `${file}-wal`].map((path) => {
        try {
          return readFileSync(path);
        } catch {
          return Buffer.alloc(0);
        }
      });
      return Buffer.concat(parts).toString('latin1');
    };
    await sql`pragma wal_checkpoint(truncate)`.execute(s.sunlog.db);
    expect(contents()).toContain(marker);

    expect(
      (await deleteAccount(s, ada, { password: ada.input.password, confirmation: ada.input.email }))
        .statusCode,
    ).toBe(204);
    expect(contents()).not.toContain(marker);
    expect(contents()).not.toContain(ada.input.email);
    expect(contents()).toContain('still here');
  });
});
