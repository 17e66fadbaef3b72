import { parseExport } from '@sunlog/core/exchange/export-read';
import type { ExportV2 } from '@sunlog/core/exchange/export-v2';
import { IMPORT_FILE_MAX_BYTES } from '@sunlog/core/exchange/import-api';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake, buildProfilePatch, RECORD_FACTORIES } from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import { RECORD_KINDS, type RecordCollection } from '../records/kinds.ts';

const COLLECTIONS = Object.keys(RECORD_KINDS) as RecordCollection[];

type Person = Awaited<ReturnType<typeof registerPerson>>;

function base64(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}

async function post(server: TestServer, person: Person, url: string, payload: unknown) {
  return server.app.inject({ method: 'POST', url, cookies: person.cookies, payload: payload as object });
}

async function exportOf(server: TestServer, person: Person, query = '?history=true'): Promise<ExportV2> {
  const response = await server.app.inject({
    method: 'GET',
    url: `/api/v1/export${query}`,
    cookies: person.cookies,
  });
  expect(response.statusCode).toBe(200);
  const parsed = parseExport(response.json());
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.document;
}

/** A person with two records of every kind, one edited (a kept version), one deleted, and changed settings. */
async function personWithHistory(server: TestServer): Promise<Person> {
  const person = await registerPerson(server, { timeZone: 'Europe/Berlin' });
  const { app } = server;
  const profile = await app.inject({
    method: 'PATCH',
    url: '/api/v1/me/profile',
    cookies: person.cookies,
    payload: buildProfilePatch({ consentedAt: '2026-01-01T10:00:00+01:00' }),
  });
  expect(profile.statusCode).toBe(200);
  for (const collection of COLLECTIONS) {
    const path = `/api/v1/${RECORD_KINDS[collection].path}`;
    const [kept, other] = [RECORD_FACTORIES[collection](), RECORD_FACTORIES[collection]()];
    for (const body of [kept, other, RECORD_FACTORIES[collection]()]) {
      expect((await post(server, person, path, body)).statusCode).toBe(201);
    }
    const edit =
      collection === 'intakes'
        ? { ...kept, note: 'after breakfast' }
        : collection === 'flares'
          ? { ...kept, severity: 'mild' }
          : { ...kept };
    if (collection === 'intakes' || collection === 'flares') {
      const put = await app.inject({
        method: 'PUT',
        url: `${path}/${kept.id}`,
        cookies: person.cookies,
        payload: edit,
      });
      expect(put.statusCode).toBe(200);
    }
    const gone = await app.inject({ method: 'DELETE', url: `${path}/${other.id}`, cookies: person.cookies });
    expect(gone.statusCode).toBe(204);
  }
  return person;
}

/** The document without what the format marks as not imported: account, export time, record timestamps, consent. */
function comparable(document: ExportV2) {
  const strip = (record: { createdAt?: string; updatedAt?: string }) => {
    const { createdAt: _c, updatedAt: _u, ...content } = record;
    return content;
  };
  const { account: _a, exportedAt: _e, activity: _x, profile, history, ...records } = document;
  const { consentedAt: _consent, ...settings } = profile;
  return {
    settings,
    records: Object.fromEntries(
      COLLECTIONS.map((collection) => [collection, records[collection].map(strip)]),
    ),
    revisions: history?.revisions,
    deleted: history?.deleted.map((entry) => ({ ...entry, record: strip(entry.record) })),
  };
}

/** Rows per table that belong to the person (records, revisions, profile, sessions, audit). */
async function rowCounts(server: TestServer, userId: string): Promise<Record<string, number>> {
  const { db } = server.sunlog;
  const counts: Record<string, number> = {};
  for (const table of [
    ...COLLECTIONS.map((c) => RECORD_KINDS[c].table),
    'record_revisions',
    'profiles',
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe.each(engines())('importing a Sunlog export on $name', (engine) => {
  const server = useTestServer(engine);

  test('round trip: export → import into a fresh account → export gives the same document', async () => {
    const s = server();
    const original = await personWithHistory(s);
    const exported = await exportOf(s, original);
    expect(exported.history?.revisions.length).toBe(2);
    expect(exported.history?.deleted.length).toBe(COLLECTIONS.length);

    const fresh = await registerPerson(s);
    const file = base64(JSON.stringify(exported));
    const preview = await post(s, fresh, '/api/v1/import/preview', { file });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      fileVersion: 2,
      conflictCount: 1,
      conflicts: [
        { key: 'profile', fields: expect.arrayContaining(['displayName', 'timeZone', 'reminders']) },
      ],
      deleted: { inFile: COLLECTIONS.length, add: COLLECTIONS.length },
      revisions: 2,
    });
    for (const count of preview.json().counts)
      expect(count).toMatchObject({ inFile: 2, add: 2, conflicts: 0 });

    const imported = await post(s, fresh, '/api/v1/import', { file, conflicts: { all: 'take-file' } });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({
      added: COLLECTIONS.length * 2,
      replaced: 0,
      unchanged: 0,
      kept: 0,
      deletedAdded: COLLECTIONS.length,
      revisionsAdded: 2,
      profileUpdated: true,
    });

    const again = await exportOf(s, fresh);
    expect(comparable(again)).toEqual(comparable(exported));
    expect(again.account?.id).toBe(fresh.id);
  });

  test('importing the same file twice adds nothing the second time', async () => {
    const s = server();
    const original = await personWithHistory(s);
    const file = base64(JSON.stringify(await exportOf(s, original)));
    const fresh = await registerPerson(s);
    expect(
      (await post(s, fresh, '/api/v1/import', { file, conflicts: { all: 'take-file' } })).statusCode,
    ).toBe(200);
    const before = await rowCounts(s, fresh.id);

    const preview = await post(s, fresh, '/api/v1/import/preview', { file });
    expect(preview.json().conflictCount).toBe(0);
    for (const count of preview.json().counts) expect(count).toMatchObject({ add: 0, unchanged: 2 });
    const second = await post(s, fresh, '/api/v1/import', { file });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      added: 0,
      unchanged: COLLECTIONS.length * 2,
      deletedAdded: 0,
      revisionsAdded: 0,
    });
    expect(await rowCounts(s, fresh.id)).toEqual(before);
  });

  test('the same id with other content writes nothing until the person chooses; then keeps or replaces', async () => {
    const s = server();
    const person = await registerPerson(s);
    const intake = buildIntake({ note: 'morning' });
    expect((await post(s, person, '/api/v1/intakes', intake)).statusCode).toBe(201);
    const document = await exportOf(s, person, '');
    const [exportedIntake] = document.intakes;
    if (exportedIntake === undefined) throw new Error('no intake exported');
    const theirs = {
      ...document,
      intakes: [{ ...exportedIntake, note: 'evening', amount: { value: 4000, unit: 'IU' as const } }],
    };
    const file = base64(JSON.stringify(theirs));
    const before = await rowCounts(s, person.id);

    const open = await post(s, person, '/api/v1/import', { file });
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toMatchObject({
      code: 'import-conflict',
      message: expect.stringContaining(`intakes/${intake.id}`),
    });
    expect(await rowCounts(s, person.id)).toEqual(before);

    const preview = await post(s, person, '/api/v1/import/preview', { file });
    expect(preview.json().conflicts).toEqual([
      {
        key: `intakes/${intake.id}`,
        collection: 'intakes',
        id: intake.id,
        filedOn: intake.localDate,
        fields: ['amount', 'note'],
        yoursDeleted: false,
      },
    ]);

    const kept = await post(s, person, '/api/v1/import', {
      file,
      conflicts: { byKey: { [`intakes/${intake.id}`]: 'keep-mine' } },
    });
    expect(kept.json()).toMatchObject({ kept: 1, replaced: 0 });
    expect((await exportOf(s, person, '')).intakes[0]?.note).toBe('morning');

    const taken = await post(s, person, '/api/v1/import', { file, conflicts: { all: 'take-file' } });
    expect(taken.json()).toMatchObject({ kept: 0, replaced: 1 });
    const after = await exportOf(s, person);
    expect(after.intakes[0]?.note).toBe('evening');
    expect(after.history?.revisions.map((revision) => (revision.record as { note?: string }).note)).toEqual([
      'morning',
    ]);
  });

  test('a version 1 file is read and imported', async () => {
    const s = server();
    const person = await registerPerson(s);
    const intake = buildIntake();
    const v1 = {
      format: 'sunlog-export',
      version: 1,
      exportedAt: '2026-03-01T10:00:00+01:00',
      profile: (await exportOf(s, person, '')).profile,
      regimens: [],
      intakes: [{ ...intake, createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z' }],
      labResults: [],
      symptomChecks: [],
      flares: [],
      checkIns: [],
    };
    const response = await post(s, person, '/api/v1/import', { file: base64(JSON.stringify(v1)) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ added: 1 });
  });

  test('the import is audited with counts and no health values', async () => {
    const s = server();
    const person = await registerPerson(s);
    const document = await exportOf(s, person, '');
    const file = base64(
      JSON.stringify({
        ...document,
        intakes: [
          {
            ...buildIntake({ note: 'private words' }),
            createdAt: document.exportedAt,
            updatedAt: document.exportedAt,
          },
        ],
      }),
    );
    const response = await post(s, person, '/api/v1/import', { file });
    expect(response.statusCode, response.body).toBe(200);
    const events = await s.sunlog.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('user_id', '=', person.id)
      .where('action', '=', 'import')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.detail ?? '{}')).toMatchObject({ source: 'sunlog-export', added: 1 });
    expect(events[0]?.detail).not.toContain('private words');
  });
});

describe.each(engines())('bad export files on $name', (engine) => {
  const server = useTestServer(engine);

  async function refused(s: TestServer, person: Person, payload: unknown) {
    const before = await rowCounts(s, person.id);
    const response = await post(s, person, '/api/v1/import', payload);
    expect(await rowCounts(s, person.id)).toEqual(before);
    return {
      status: response.statusCode,
      error: response.json().error as { code: string; message: string; fields?: { path: string }[] },
    };
  }

  async function validDocument(s: TestServer, person: Person) {
    const document = await exportOf(s, person, '');
    const stamp = document.exportedAt;
    return { ...document, intakes: [{ ...buildIntake(), createdAt: stamp, updatedAt: stamp }] };
  }

  test('a later version, broken JSON, another format: a clear message, nothing written', async () => {
    const s = server();
    const person = await registerPerson(s);
    const document = await validDocument(s, person);
    const later = await refused(s, person, { file: base64(JSON.stringify({ ...document, version: 3 })) });
    expect(later).toMatchObject({
      status: 400,
      error: { code: 'invalid-file', message: expect.stringMatching(/version 3.*reads versions 1 and 2/) },
    });
    const text = JSON.stringify(document, null, 2);
    const broken = await refused(s, person, { file: base64(text.replace('"intakes": [', '"intakes": [,')) });
    expect(broken.error.message).toMatch(/^The file is not valid JSON: line \d+, column \d+$/);
    const other = await refused(s, person, { file: base64('{"resourceType":"Bundle"}') });
    expect(other.error.message).toMatch(/not a Sunlog export/);
  });

  test('a negative amount or a date that does not exist names the field', async () => {
    const s = server();
    const person = await registerPerson(s);
    const document = await validDocument(s, person);
    const [intake] = document.intakes;
    if (intake === undefined) throw new Error('no intake');
    const negative = await refused(s, person, {
      file: base64(
        JSON.stringify({ ...document, intakes: [{ ...intake, amount: { value: -400, unit: 'IU' } }] }),
      ),
    });
    expect(negative.error).toMatchObject({
      code: 'invalid-file',
      fields: [{ path: 'file.intakes[0].amount.value' }],
    });
    expect(negative.error.message).toMatch(/^intakes\[0\]\.amount\.value: /);
    const noSuchDay = await refused(s, person, {
      file: base64(JSON.stringify({ ...document, intakes: [{ ...intake, localDate: '2026-02-30' }] })),
    });
    expect(noSuchDay.error.message).toMatch(/^intakes\[0\]\.localDate: Use a real calendar date/);
  });

  test('a UTF-16 file and a Latin-1 file are refused with what to do instead', async () => {
    const s = server();
    const person = await registerPerson(s);
    const text = JSON.stringify(await validDocument(s, person));
    const utf16 = await refused(s, person, {
      file: base64(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
    });
    expect(utf16.error.message).toMatch(/UTF-16.*UTF-8/);
    const latin1 = await refused(s, person, {
      file: base64(Buffer.from(text.replace('"intakes"', '"intakes", "displayName2": "Zoë"'), 'latin1')),
    });
    expect(latin1.error.message).toMatch(/not UTF-8 text \(line 1 is not\)/);
  });

  test('a 50 MB request is refused before it is read, naming the limit; a file just over 10 MB too', async () => {
    const s = server();
    const person = await registerPerson(s);
    const huge = await refused(s, person, { file: 'A'.repeat(50 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.error).toMatchObject({
      code: 'payload-too-large',
      message: expect.stringMatching(/accepts up to 13\.\d MB/),
    });
    const large = await refused(s, person, {
      file: base64(new Uint8Array(IMPORT_FILE_MAX_BYTES + 1024).fill(0x20)),
    });
    expect(large).toMatchObject({
      status: 413,
      error: { code: 'file-too-large', message: 'The file is 10.0 MB; Sunlog imports files up to 10 MB.' },
    });
  });

  test('text that is not base64 and an empty file are refused', async () => {
    const s = server();
    const person = await registerPerson(s);
    expect((await refused(s, person, { file: 'not base64!' })).error.message).toMatch(/not base64/);
    expect((await refused(s, person, { file: base64('') || '====' })).error.code).toBe('invalid-file');
  });
});
