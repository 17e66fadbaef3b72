import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake, buildProfilePatch } from '../../test/factories.ts';
import { registerPerson, sessionCookieFrom, type TestServer, useTestServer } from '../../test/test-server.ts';

interface Entry {
  id: string;
  at: string;
  action: string;
  outcome: string;
  address?: string;
  reason?: string;
  recordKind?: string;
  fields?: string[];
}

async function readActivity(server: TestServer, cookies: Record<string, string>, query = '') {
  return server.app.inject({ method: 'GET', url: `/api/v1/me/activity${query}`, cookies });
}

/** Walks every page of the person's activity, `limit` at a time. */
async function readAllPages(server: TestServer, cookies: Record<string, string>, limit: number) {
  const pages: Entry[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`;
    const response = await readActivity(server, cookies, query);
    expect(response.statusCode).toBe(200);
    const body: { items: Entry[]; nextCursor: string | null } = response.json();
    pages.push(body.items);
    cursor = body.nextCursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}

describe.each(engines())('reading one’s own account activity on $name', (engine) => {
  const server = useTestServer(engine);

  /** A person who registered, failed a sign-in, signed in, changed settings, deleted a dose and exported. */
  async function busyPerson() {
    const { app } = server();
    const person = await registerPerson(server());
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: 'not the password at all' },
    });
    expect(wrong.statusCode).toBe(401);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: person.input.password },
    });
    expect(signedIn.statusCode).toBe(200);
    const cookies = sessionCookieFrom(signedIn);
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies,
      payload: buildProfilePatch(),
    });
    expect(patched.statusCode).toBe(200);
    const intake = buildIntake({ note: 'felt dizzy after the 4000 IU dose' });
    const created = await app.inject({ method: 'POST', url: '/api/v1/intakes', cookies, payload: intake });
    expect(created.statusCode).toBe(201);
    const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/intakes/${intake.id}`, cookies });
    expect(deleted.statusCode).toBe(204);
    const exported = await app.inject({ method: 'GET', url: '/api/v1/export', cookies });
    expect(exported.statusCode).toBe(200);
    return { person, cookies, intake };
  }

  test('lists sign-ins (failed ones with their reason), settings changes, deletions and exports, newest first', async () => {
    const { cookies, intake } = await busyPerson();
    const response = await readActivity(server(), cookies);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { items, nextCursor }: { items: Entry[]; nextCursor: string | null } = response.json();
    expect(nextCursor).toBeNull();

    expect(items.map((item) => `${item.action}:${item.outcome}`).sort()).toEqual(
      [
        'account.register:success',
        'session.sign-in:failure',
        'session.sign-in:success',
        // The sign-in came without the device cookie registration set: a new device.
        'account.sign-in-new-device:success',
        'profile.update:success',
        'record.delete:success',
        'export:success',
      ].sort(),
    );
    const keys = items.map((item) => `${item.at}|${item.id}`);
    expect(keys).toEqual([...keys].sort().reverse());

    const failed = items.find((item) => item.action === 'session.sign-in' && item.outcome === 'failure');
    expect(failed?.reason).toBe('wrong-password');
    expect(typeof failed?.address).toBe('string');
    const settings = items.find((item) => item.action === 'profile.update');
    expect(settings?.fields).toEqual(Object.keys(buildProfilePatch()).sort());
    const deletion = items.find((item) => item.action === 'record.delete');
    expect(deletion?.recordKind).toBe('intake');

    // Names of things only: no record contents or record ids leave through the trail.
    expect(response.body).not.toContain('dizzy');
    expect(response.body).not.toContain(intake.id);
  });

  test('pages with nextCursor cover every event once, and a cursor the server did not make answers 400', async () => {
    const { cookies } = await busyPerson();
    const everything: Entry[] = (await readActivity(server(), cookies, '?limit=100')).json().items;
    const pages = await readAllPages(server(), cookies, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flat()).toEqual(everything);

    const bad = await readActivity(server(), cookies, '?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'cursor', message: 'Pass back a nextCursor exactly as it was given.' },
    ]);
    const tooMany = await readActivity(server(), cookies, '?limit=101');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0].path).toBe('limit');
  });

  test('a settings save names only the settings whose value changed, and one that changes nothing is no event', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: '/api/v1/me/profile', cookies: person.cookies, payload });
    expect((await patch(buildProfilePatch())).statusCode).toBe(200);
    // The whole form sent again with one unit changed: only that unit is named.
    expect((await patch(buildProfilePatch({ bloodUnit: 'ng/mL' }))).statusCode).toBe(200);
    expect((await patch(buildProfilePatch({ bloodUnit: 'ng/mL' }))).statusCode).toBe(200);

    const items: Entry[] = (await readActivity(server(), person.cookies)).json().items;
    const updates = items.filter((item) => item.action === 'profile.update');
    // Two saves may share a millisecond, so their order is not checked here.
    expect(updates.map((item) => item.fields?.join(',')).sort()).toEqual([
      'bloodUnit',
      'bloodUnit,displayName,reminders,timeZone',
    ]);
  });

  test('a person sees only their own events, and nobody signed out sees any', async () => {
    const { person } = await busyPerson();
    const other = await registerPerson(server());
    const theirs: Entry[] = (await readActivity(server(), other.cookies)).json().items;
    expect(theirs.map((item) => item.action)).toEqual(['account.register']);
    const mine: Entry[] = (await readActivity(server(), person.cookies)).json().items;
    expect(mine.some((item) => theirs.some((their) => their.id === item.id))).toBe(false);

    const anonymous = await server().app.inject({ method: 'GET', url: '/api/v1/me/activity' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });
});
