import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { RECORD_FACTORIES } from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import { RECORD_KINDS, type RecordCollection } from './kinds.ts';

const KINDS = (Object.keys(RECORD_KINDS) as RecordCollection[]).map((key) => ({
  kind: RECORD_KINDS[key],
  build: RECORD_FACTORIES[key],
}));

/** Creates a record through the API and answers it as stored. */
async function create(server: TestServer, cookies: Record<string, string>, path: string, body: object) {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/v1/${path}`,
    cookies,
    payload: body,
  });
  if (response.statusCode !== 201)
    throw new Error(`create answered ${response.statusCode}: ${response.body}`);
  return response.json();
}

describe.each(engines())('record authorization on $name', (engine) => {
  const server = useTestServer(engine);

  describe.each(KINDS)('$kind.path', ({ kind, build }) => {
    const collection = `/api/v1/${kind.path}`;

    test("another person gets 404 on every route of someone's record, and the record is unchanged", async () => {
      const { app } = server();
      const owner = await registerPerson(server());
      const other = await registerPerson(server());
      const live = await create(server(), owner.cookies, kind.path, build());
      const deleted = await create(server(), owner.cookies, kind.path, build());
      await app.inject({
        method: 'DELETE',
        url: `${collection}/${deleted.record.id}`,
        cookies: owner.cookies,
      });

      for (const { record } of [live, deleted]) {
        const url = `${collection}/${record.id}`;
        const { createdAt: _c, updatedAt: _u, ...body } = record;
        const attempts = [
          await app.inject({ method: 'GET', url, cookies: other.cookies }),
          await app.inject({
            method: 'PUT',
            url,
            cookies: other.cookies,
            payload: { ...build(), id: record.id },
          }),
          await app.inject({ method: 'PUT', url, cookies: other.cookies, payload: body }),
          await app.inject({ method: 'DELETE', url, cookies: other.cookies }),
          await app.inject({ method: 'POST', url: `${url}/restore`, cookies: other.cookies }),
        ];
        for (const attempt of attempts) {
          expect(attempt.statusCode).toBe(404);
          expect(attempt.json().error.code).toBe('not-found');
        }
      }

      const liveNow = await app.inject({
        method: 'GET',
        url: `${collection}/${live.record.id}`,
        cookies: owner.cookies,
      });
      expect(liveNow.json()).toEqual(live);
      // Still deleted: the other person's restore did nothing.
      const deletedNow = await app.inject({
        method: 'GET',
        url: `${collection}/${deleted.record.id}`,
        cookies: owner.cookies,
      });
      expect(deletedNow.statusCode).toBe(404);
      const restored = await app.inject({
        method: 'POST',
        url: `${collection}/${deleted.record.id}/restore`,
        cookies: owner.cookies,
      });
      expect(restored.json()).toEqual(deleted);

      const ownerList = await app.inject({ method: 'GET', url: collection, cookies: owner.cookies });
      expect(ownerList.json().items).toHaveLength(2);
      const otherList = await app.inject({ method: 'GET', url: collection, cookies: other.cookies });
      expect(otherList.json()).toEqual({ items: [], nextCursor: null });
    });

    test("another person creating with someone's id gets a record of their own and leaves the first untouched", async () => {
      const { app } = server();
      const owner = await registerPerson(server());
      const other = await registerPerson(server());
      const original = await create(server(), owner.cookies, kind.path, build());
      const theirs = { ...build(), id: original.record.id };

      const response = await app.inject({
        method: 'POST',
        url: collection,
        cookies: other.cookies,
        payload: theirs,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().record).toMatchObject(theirs);

      const url = `${collection}/${original.record.id}`;
      expect((await app.inject({ method: 'GET', url, cookies: owner.cookies })).json()).toEqual(original);
      expect((await app.inject({ method: 'GET', url, cookies: other.cookies })).json()).toEqual(
        response.json(),
      );

      // Each person's delete touches only their own record.
      expect((await app.inject({ method: 'DELETE', url, cookies: other.cookies })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url, cookies: owner.cookies })).json()).toEqual(original);
    });

    test('a cross-site request to a state-changing route is refused and changes nothing', async () => {
      const server_ = server();
      const { app } = server_;
      const person = await registerPerson(server_);
      const existing = await create(server_, person.cookies, kind.path, build());
      const url = `${collection}/${existing.record.id}`;
      const headers = { 'sec-fetch-site': 'cross-site' };
      const fresh = build();
      const attempts = [
        await app.inject({
          method: 'POST',
          url: collection,
          cookies: person.cookies,
          headers,
          payload: fresh,
        }),
        await app.inject({
          method: 'PUT',
          url,
          cookies: person.cookies,
          headers,
          payload: { ...build(), id: existing.record.id },
        }),
        await app.inject({ method: 'DELETE', url, cookies: person.cookies, headers }),
        await app.inject({ method: 'POST', url: `${url}/restore`, cookies: person.cookies, headers }),
      ];
      for (const attempt of attempts) {
        expect(attempt.statusCode).toBe(403);
        expect(attempt.json().error.code).toBe('csrf');
      }
      const list = await app.inject({ method: 'GET', url: collection, cookies: person.cookies });
      expect(list.json().items).toEqual([existing.record]);
    });
  });

  test('every record and export route answers 401 to an anonymous caller', async () => {
    const { app, routes } = server();
    const prefixes = [...Object.values(RECORD_KINDS).map((kind) => `/api/v1/${kind.path}`), '/api/v1/export'];
    const ours = routes
      .filter((route) =>
        prefixes.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`)),
      )
      .flatMap((route) => (Array.isArray(route.method) ? route.method : [route.method]))
      .filter((method) => method !== 'HEAD');
    // Six routes per kind and a CSV export per kind, plus the JSON export and the FHIR Bundle.
    expect(ours).toHaveLength(7 * Object.keys(RECORD_KINDS).length + 2);

    for (const route of routes) {
      if (!prefixes.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) continue;
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
        if (method === 'HEAD') continue;
        const url = route.url.replace(':id', randomUUID());
        const payload = method === 'POST' || method === 'PUT' ? { id: randomUUID() } : undefined;
        const response = await app.inject({
          method: method as 'GET' | 'POST' | 'PUT' | 'DELETE',
          url,
          ...(payload === undefined ? {} : { payload }),
        });
        expect(response.statusCode, `${method} ${route.url}`).toBe(401);
        expect(response.json().error.code).toBe('unauthenticated');
      }
    }
  });
});
