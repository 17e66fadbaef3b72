import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, sessionCookieFrom, type TestServer, useTestServer } from '../../test/test-server.ts';
import { RECENT_AUTHENTICATION_MS } from './service.ts';

const NEW_PASSWORD = 'lantern orchard pebble quietly';

function signIn(s: TestServer, email: string, password: string) {
  return s.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
}

function changePassword(s: TestServer, cookies: Record<string, string>, body: object) {
  return s.app.inject({ method: 'PUT', url: '/api/v1/me/password', cookies, payload: body });
}

function me(s: TestServer, cookies: Record<string, string>) {
  return s.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
}

async function passwordHashOf(s: TestServer, userId: string): Promise<string> {
  const row = await s.sunlog.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

async function sessionIdsOf(s: TestServer, userId: string): Promise<string[]> {
  const rows = await s.sunlog.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.id).sort();
}

async function passwordEvents(s: TestServer, userId: string) {
  return s.sunlog.db
    .selectFrom('audit_events')
    .select(['action', 'outcome', 'detail'])
    .where('user_id', '=', userId)
    .where('action', '=', 'password.change')
    .orderBy('at')
    .execute();
}

describe.each(engines())('changing the password on $name', (engine) => {
  const server = useTestServer(engine);

  test('ends every other session at once (even one just checked and cached), keeps this one, and only the new password signs in', async () => {
    const s = server();
    const person = await registerPerson(s);
    const other = await signIn(s, person.input.email, person.input.password);
    expect(other.statusCode).toBe(200);
    const otherCookies = sessionCookieFrom(other);
    // Both sessions are checked once, so the session cache holds them.
    expect((await me(s, otherCookies)).statusCode).toBe(200);
    expect((await me(s, person.cookies)).statusCode).toBe(200);
    // Age this session's proof of identity: the change must renew it through the password given.
    await s.sunlog.db
      .updateTable('sessions')
      .set({ authenticated_at: new Date(Date.now() - 2 * RECENT_AUTHENTICATION_MS).toISOString() })
      .where('user_id', '=', person.id)
      .execute();
    const before = Date.now();

    const changed = await changePassword(s, person.cookies, {
      currentPassword: person.input.password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(204);

    const otherAfter = await me(s, otherCookies);
    expect(otherAfter.statusCode).toBe(401);
    expect(otherAfter.json().error.code).toBe('unauthenticated');
    expect((await me(s, person.cookies)).statusCode).toBe(200);
    const sessions = await s.sunlog.db
      .selectFrom('sessions')
      .select(['authenticated_at'])
      .where('user_id', '=', person.id)
      .execute();
    expect(sessions).toHaveLength(1);
    // This session counts as freshly authenticated: an export needs no password now.
    expect(Date.parse(sessions[0]?.authenticated_at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    const exported = await s.app.inject({ method: 'GET', url: '/api/v1/export', cookies: person.cookies });
    expect(exported.statusCode).toBe(200);

    const old = await signIn(s, person.input.email, person.input.password);
    expect(old.statusCode).toBe(401);
    const fresh = await signIn(s, person.input.email, NEW_PASSWORD);
    expect(fresh.statusCode).toBe(200);
    expect(await passwordHashOf(s, person.id)).toMatch(/^\$argon2id\$/);

    const events = await passwordEvents(s, person.id);
    expect(events.map((event) => event.outcome)).toEqual(['success']);
    const detail = JSON.parse(events[0]?.detail ?? '{}');
    expect(detail.otherSessionsEnded).toBe(1);
    const trail = JSON.stringify(
      await s.sunlog.db.selectFrom('audit_events').selectAll().where('user_id', '=', person.id).execute(),
    );
    expect(trail).not.toContain(NEW_PASSWORD);
    expect(trail).not.toContain(person.input.password);

    const activity = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/activity',
      cookies: person.cookies,
    });
    expect(activity.statusCode).toBe(200);
    expect(activity.json().items.map((item: { action: string }) => item.action)).toContain('password.change');
  });

  test('a wrong current password answers 401 and changes nothing: hash, sessions and the old password stay', async () => {
    const s = server();
    const person = await registerPerson(s);
    const otherCookies = sessionCookieFrom(await signIn(s, person.input.email, person.input.password));
    const hashBefore = await passwordHashOf(s, person.id);
    const sessionsBefore = await sessionIdsOf(s, person.id);

    const wrong = await changePassword(s, person.cookies, {
      currentPassword: 'not my password at all',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid-credentials');
    expect(wrong.json().error.fields).toEqual([
      { path: 'currentPassword', message: 'The current password is incorrect.' },
    ]);

    expect(await passwordHashOf(s, person.id)).toBe(hashBefore);
    expect(await sessionIdsOf(s, person.id)).toEqual(sessionsBefore);
    expect((await me(s, otherCookies)).statusCode).toBe(200);
    expect((await me(s, person.cookies)).statusCode).toBe(200);
    expect((await signIn(s, person.input.email, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(s, person.input.email, person.input.password)).statusCode).toBe(200);

    const events = await passwordEvents(s, person.id);
    expect(events.map((event) => [event.outcome, JSON.parse(event.detail).reason])).toEqual([
      ['failure', 'wrong-current-password'],
    ]);
    expect(events[0]?.detail).not.toContain('not my password at all');
  });

  test('guessing the current password is limited like sign-in: 429 after five wrong tries', async () => {
    const s = server();
    const person = await registerPerson(s);
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await changePassword(s, person.cookies, {
        currentPassword: `guess number ${i}`,
        newPassword: NEW_PASSWORD,
      });
      answers.push(response.statusCode);
    }
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.at(-1)).toBe(429);
  });

  test('a weak new password, or the current one again, answers 400 with the reason and changes nothing', async () => {
    const s = server();
    const person = await registerPerson(s);
    const hashBefore = await passwordHashOf(s, person.id);
    const sessionsBefore = await sessionIdsOf(s, person.id);

    for (const newPassword of ['aaaaaaaaaa', '          ', 'password123', person.input.email]) {
      const weak = await changePassword(s, person.cookies, {
        currentPassword: person.input.password,
        newPassword,
      });
      expect(weak.statusCode, newPassword).toBe(400);
      const fields = weak.json().error.fields as { path: string; message: string }[];
      expect(fields.length, newPassword).toBeGreaterThan(0);
      expect(fields[0]?.path).toBe('newPassword');
      expect(fields[0]?.message.length).toBeGreaterThan(10);
    }
    const same = await changePassword(s, person.cookies, {
      currentPassword: person.input.password,
      newPassword: person.input.password,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toEqual([
      { path: 'newPassword', message: 'Choose a password different from your current one.' },
    ]);
    const short = await changePassword(s, person.cookies, {
      currentPassword: person.input.password,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);

    expect(await passwordHashOf(s, person.id)).toBe(hashBefore);
    expect(await sessionIdsOf(s, person.id)).toEqual(sessionsBefore);
    expect((await signIn(s, person.input.email, person.input.password)).statusCode).toBe(200);
    const events = await passwordEvents(s, person.id);
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const event of events) {
      expect(event.outcome).toBe('failure');
      expect(JSON.parse(event.detail).reason).toBe('weak-new-password');
      expect(event.detail).not.toContain('aaaaaaaaaa');
      expect(event.detail).not.toContain(person.input.password);
    }
  });

  test('anonymous callers get 401 and an oversized body 413', async () => {
    const s = server();
    const person = await registerPerson(s);
    const anonymous = await changePassword(
      s,
      {},
      {
        currentPassword: person.input.password,
        newPassword: NEW_PASSWORD,
      },
    );
    expect(anonymous.statusCode).toBe(401);
    const huge = await changePassword(s, person.cookies, {
      currentPassword: person.input.password,
      newPassword: NEW_PASSWORD,
      padding: 'x'.repeat(8 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect((await signIn(s, person.input.email, person.input.password)).statusCode).toBe(200);
  });
});
