import { RETENTION_DAYS } from '@sunlog/core/records/retention';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake, buildLabResult } from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';

const DAY_MS = 24 * 60 * 60_000;

type Person = Awaited<ReturnType<typeof registerPerson>>;

async function send(
  server: TestServer,
  person: Person,
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  const response = await server.app.inject({
    method,
    url,
    cookies: person.cookies,
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response;
}

/** A person with a live intake, an edited intake (one kept version) and a deleted lab result. */
async function personWithHistory(server: TestServer) {
  const person = await registerPerson(server);
  const live = buildIntake();
  const edited = buildIntake({ note: 'first' });
  const deleted = buildLabResult();
  await send(server, person, 'POST', '/api/v1/intakes', live);
  await send(server, person, 'POST', '/api/v1/intakes', edited);
  await send(server, person, 'PUT', `/api/v1/intakes/${edited.id}`, { ...edited, note: 'second' });
  await send(server, person, 'POST', '/api/v1/lab-results', deleted);
  await send(server, person, 'DELETE', `/api/v1/lab-results/${deleted.id}`);
  return { person, live, edited, deleted };
}

async function counts(server: TestServer, userId: string) {
  const { db } = server.sunlog;
  const count = async (table: 'intakes' | 'lab_results' | 'record_revisions') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    intakes: await count('intakes'),
    labResults: await count('lab_results'),
    revisions: await count('record_revisions'),
  };
}

describe.each(engines())('retention on $name', (engine) => {
  const server = useTestServer(engine);

  test(`keeps deletions and earlier versions for ${RETENTION_DAYS} days (undo works), then erases them for everyone`, async () => {
    const s = server();
    const ada = await personWithHistory(s);
    const grace = await personWithHistory(s);
    const now = Date.now();

    const early = await s.sunlog.records.runRetention(new Date(now + (RETENTION_DAYS - 1) * DAY_MS));
    expect(early).toMatchObject({ deletedRecords: 0, revisions: 0 });
    expect(await counts(s, ada.person.id)).toEqual({ intakes: 2, labResults: 1, revisions: 1 });
    // Within the window the person can still undo the deletion.
    await send(s, grace.person, 'POST', `/api/v1/lab-results/${grace.deleted.id}/restore`);

    const late = await s.sunlog.records.runRetention(new Date(now + (RETENTION_DAYS + 1) * DAY_MS));
    expect(late).toMatchObject({ deletedRecords: 1, revisions: 2 });
    expect(await counts(s, ada.person.id)).toEqual({ intakes: 2, labResults: 0, revisions: 0 });
    // Grace restored hers in time: it is live again and stays.
    expect(await counts(s, grace.person.id)).toEqual({ intakes: 2, labResults: 1, revisions: 0 });
    const restore = await s.app.inject({
      method: 'POST',
      url: `/api/v1/lab-results/${ada.deleted.id}/restore`,
      cookies: ada.person.cookies,
    });
    expect(restore.statusCode).toBe(404);
    const edited = await s.app.inject({
      method: 'GET',
      url: `/api/v1/intakes/${ada.edited.id}`,
      cookies: ada.person.cookies,
    });
    expect(edited.json().record.note).toBe('second');

    expect(await s.sunlog.records.runRetention(new Date(now + (RETENTION_DAYS + 2) * DAY_MS))).toMatchObject({
      deletedRecords: 0,
      revisions: 0,
    });
  });
});
