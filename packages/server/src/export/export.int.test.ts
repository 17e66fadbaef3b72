import { parseExport } from '@sunlog/core/exchange/export-read';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { RECORD_FACTORIES } from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import { RECORD_KINDS, type RecordCollection } from '../records/kinds.ts';

const COLLECTIONS = Object.keys(RECORD_KINDS) as RecordCollection[];

interface Stored {
  id: string;
}

/** Creates `count` records of every kind for a person; answers them as the API stored them. */
async function createEveryKind(
  server: TestServer,
  cookies: Record<string, string>,
  count: number,
): Promise<Record<RecordCollection, Stored[]>> {
  const created = Object.fromEntries(COLLECTIONS.map((key) => [key, [] as Stored[]])) as Record<
    RecordCollection,
    Stored[]
  >;
  for (const key of COLLECTIONS) {
    for (let i = 0; i < count; i += 1) {
      const response = await server.app.inject({
        method: 'POST',
        url: `/api/v1/${RECORD_KINDS[key].path}`,
        cookies,
        payload: RECORD_FACTORIES[key](),
      });
      expect(response.statusCode).toBe(201);
      created[key].push(response.json().record);
    }
  }
  return created;
}

function byId(records: readonly Stored[]): Stored[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe.each(engines())('the export on $name', (engine) => {
  const server = useTestServer(engine);

  test("holds exactly the person's account, live records and profile, and parses as a Sunlog export v2", async () => {
    const { app } = server();
    const person = await registerPerson(server(), { timeZone: 'Europe/Berlin' });
    const other = await registerPerson(server());
    const created = await createEveryKind(server(), person.cookies, 3);
    const othersRecords = await createEveryKind(server(), other.cookies, 1);
    const live = { ...created };
    for (const key of COLLECTIONS) {
      const [deleted, ...kept] = created[key];
      if (deleted === undefined) throw new Error('nothing created');
      const response = await app.inject({
        method: 'DELETE',
        url: `/api/v1/${RECORD_KINDS[key].path}/${deleted.id}`,
        cookies: person.cookies,
      });
      expect(response.statusCode).toBe(204);
      live[key] = kept;
    }

    const response = await app.inject({ method: 'GET', url: '/api/v1/export', cookies: person.cookies });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const parsed = parseExport(response.json());
    if (!parsed.ok) throw new Error(`export does not parse: ${parsed.error.message}`);
    const { document } = parsed.value;
    expect(parsed.value.fileVersion).toBe(2);
    expect(document.account).toMatchObject({ id: person.id, email: person.input.email });
    expect(document.history).toBeUndefined();
    expect(document.activity).toBeUndefined();
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="sunlog-export-${document.exportedAt.slice(0, 10)}.json"`,
    );
    // exportedAt carries the person's offset (Berlin is +01:00 or +02:00), not UTC.
    expect(document.exportedAt).toMatch(/\+0[12]:00$/);

    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(document.profile).toEqual(me.json().profile);
    for (const key of COLLECTIONS) {
      expect(byId(document[key]), key).toEqual(byId(live[key]));
      const othersIds = othersRecords[key].map((record) => record.id);
      expect(document[key].some((record) => othersIds.includes(record.id))).toBe(false);
    }
  });

  test('a person with no records gets an export with an empty list of each kind', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    const response = await app.inject({ method: 'GET', url: '/api/v1/export', cookies: person.cookies });
    const parsed = parseExport(response.json());
    expect(parsed.ok).toBe(true);
    for (const key of COLLECTIONS) expect(response.json()[key]).toEqual([]);
  });

  test('an export is audited with no health values', async () => {
    const { app, sunlog } = server();
    const person = await registerPerson(server());
    await createEveryKind(server(), person.cookies, 1);
    const response = await app.inject({ method: 'GET', url: '/api/v1/export', cookies: person.cookies });
    expect(response.statusCode).toBe(200);
    const events = await sunlog.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'request_id', 'detail'])
      .where('user_id', '=', person.id)
      .where('action', '=', 'export')
      .execute();
    expect(events).toEqual([
      {
        action: 'export',
        outcome: 'success',
        request_id: response.headers['x-request-id'],
        detail: JSON.stringify({ format: 'sunlog-export', version: 2, history: false, activity: false }),
      },
    ]);
  });
});

describe.each(engines())('the export with its options on $name', (engine) => {
  const server = useTestServer(engine);

  test('?history=true adds the replaced versions and the deleted records; ?activity=true the trail', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    const [regimen] = (await createEveryKind(server(), person.cookies, 1)).regimens;
    if (regimen === undefined) throw new Error('no regimen');
    const { createdAt: _c, updatedAt: _u, ...stored } = regimen as unknown as Record<string, unknown>;
    const body = { ...stored, productName: 'Vitamin D3 drops, 4000' };
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/v1/regimens/${regimen.id}`,
          cookies: person.cookies,
          payload: body,
        })
      ).statusCode,
    ).toBe(200);
    const [intake] = (await createEveryKind(server(), person.cookies, 1)).intakes;
    if (intake === undefined) throw new Error('no intake');
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/intakes/${intake.id}`, cookies: person.cookies }))
        .statusCode,
    ).toBe(204);

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/export?history=true&activity=true',
      cookies: person.cookies,
    });
    expect(response.statusCode).toBe(200);
    const parsed = parseExport(response.json());
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { history, activity, regimens } = parsed.value.document;
    expect(regimens.find((r) => r.id === regimen.id)?.productName).toBe('Vitamin D3 drops, 4000');
    expect(history?.revisions).toEqual([
      { collection: 'regimens', revisedAt: expect.any(String), record: regimen },
    ]);
    expect(history?.deleted).toEqual([
      { collection: 'intakes', deletedAt: expect.any(String), record: intake },
    ]);
    const actions = (activity ?? []).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['account.register', 'record.delete']));
  });

  test('an option other than true or false is refused', async () => {
    const person = await registerPerson(server());
    const response = await server().app.inject({
      method: 'GET',
      url: '/api/v1/export?history=yes',
      cookies: person.cookies,
    });
    expect(response.statusCode).toBe(400);
  });
});
