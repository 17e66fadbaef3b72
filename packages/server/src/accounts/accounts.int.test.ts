import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildProfilePatch, buildRegisterInput } from '../../test/factories.ts';
import { registerPerson, sessionCookieFrom, useTestServer } from '../../test/test-server.ts';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_LIFETIME_MS } from './service.ts';

const DAY_MS = 24 * 60 * 60_000;

describe.each(engines())('accounts on $name', (engine) => {
  const server = useTestServer(engine);

  test('a person registers, reads and changes their profile, signs out, and is then signed out', async () => {
    const { app } = server();
    const input = buildRegisterInput({ email: 'Grace.Hopper@Example.org', timeZone: 'Europe/London' });
    const registered = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: input });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toEqual({
      user: { id: expect.any(String), email: 'grace.hopper@example.org' },
      profile: {
        displayName: 'grace.hopper',
        timeZone: 'Europe/London',
        intakeUnit: 'IU',
        bloodUnit: 'ng/mL',
        locale: 'en',
        reminders: { dailyDose: false, dailyDoseTimes: [], monthlyCheckIn: false, labTestEveryWeeks: null },
        consentedAt: null,
      },
    });
    const cookies = sessionCookieFrom(registered);

    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(registered.json());

    const patch = buildProfilePatch({ consentedAt: '2025-03-01T09:00:00.000Z' });
    const patched = await app.inject({ method: 'PATCH', url: '/api/v1/me/profile', cookies, payload: patch });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().profile).toEqual({ ...registered.json().profile, ...patch });

    const meAfterPatch = await app.inject({ method: 'GET', url: '/api/v1/me', cookies });
    expect(meAfterPatch.json().profile).toEqual(patched.json().profile);

    const signedOut = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', cookies });
    expect(signedOut.statusCode).toBe(204);
    expect(signedOut.body).toBe('');
    const cleared = signedOut.cookies.find((c) => c.name === 'sunlog_session');
    expect(cleared?.value).toBe('');

    const meAfterSignOut = await app.inject({ method: 'GET', url: '/api/v1/me', cookies });
    expect(meAfterSignOut.statusCode).toBe(401);
    expect(meAfterSignOut.json().error.code).toBe('unauthenticated');
  });

  test('without a display name or time zone the profile defaults to the email name and UTC', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'lin@example.org', password: 'a long enough passphrase' },
    });
    expect(response.json().profile).toMatchObject({ displayName: 'lin', timeZone: 'UTC' });
  });

  test('signing in with the right password answers the account and a new session cookie', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const response = await server_.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email.toUpperCase(), password: person.input.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toEqual({ id: person.id, email: person.input.email });
    expect(sessionCookieFrom(response)).not.toEqual(person.cookies);
  });

  test('a wrong password and an unknown email get the same status and body', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    const wrongPassword = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: 'not the password at all' },
    });
    const unknownEmail = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'nobody-here@example.org', password: 'not the password at all' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.body).toBe(unknownEmail.body);
    expect(wrongPassword.json()).toEqual({
      error: { code: 'invalid-credentials', message: 'Email or password is incorrect.' },
    });
    expect(wrongPassword.cookies).toEqual([]);
  });

  test('a common password is refused, naming the password field', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: buildRegisterInput({ password: 'Password123' }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('invalid-input');
    expect(body.error.fields).toEqual([{ path: 'password', message: expect.stringMatching(/common/) }]);
  });

  test('a password shorter than ten characters is refused, naming the password field', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: buildRegisterInput({ password: 'short' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'password', message: expect.any(String) }]);
  });

  test('registering an email that already has an account answers 409 email-taken', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const response = await server_.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: buildRegisterInput({ email: ` ${person.input.email.toUpperCase()} ` }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('email-taken');
  });

  test('over http the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: buildRegisterInput(),
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^sunlog_session=[A-Za-z0-9_-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
    expect(header).not.toContain('Domain');
  });

  test('the stored session holds the SHA-256 of the token, never the token itself', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const token = Object.values(person.cookies)[0] ?? '';
    const rows = await server_.sunlog.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  test('a session unused for longer than the idle lifetime is refused and removed', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const longAgo = new Date(Date.now() - SESSION_IDLE_LIFETIME_MS - 1000).toISOString();
    await server_.sunlog.db.updateTable('sessions').set({ last_seen_at: longAgo }).execute();

    const response = await server_.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(response.statusCode).toBe(401);
    expect(await server_.sunlog.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  test('a session past its absolute lifetime is refused even when used daily', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const now = Date.now();
    await server_.sunlog.db
      .updateTable('sessions')
      .set({
        created_at: new Date(now - SESSION_ABSOLUTE_LIFETIME_MS - DAY_MS).toISOString(),
        last_seen_at: new Date(now - 60_000).toISOString(),
        expires_at: new Date(now - DAY_MS).toISOString(),
      })
      .execute();
    const response = await server_.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(response.statusCode).toBe(401);
  });

  test('using a session slides its idle expiry forward', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const thirteenDaysAgo = new Date(Date.now() - 13 * DAY_MS).toISOString();
    await server_.sunlog.db.updateTable('sessions').set({ last_seen_at: thirteenDaysAgo }).execute();

    expect(
      (await server_.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies })).statusCode,
    ).toBe(200);
    const row = await server_.sunlog.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.last_seen_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  test('a forged or missing cookie is unauthenticated', async () => {
    const { app } = server();
    const forged = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { sunlog_session: 'forged' },
    });
    const missing = await app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(forged.statusCode).toBe(401);
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({ error: { code: 'unauthenticated', message: 'Please sign in.' } });
  });

  test('a profile patch with a bad nested value names it by dotted path and changes nothing', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const response = await server_.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: {
        displayName: 'Changed',
        reminders: {
          dailyDose: true,
          dailyDoseTimes: ['08:00', '25:00'],
          monthlyCheckIn: false,
          labTestEveryWeeks: null,
        },
        favouriteColour: 'blue',
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['reminders.dailyDoseTimes.1', 'favouriteColour']));
    const me = await server_.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.json().profile.displayName).not.toBe('Changed');
  });

  test('a person lists their sessions, marks the current one, and ends another device', async () => {
    const server_ = server();
    const { app } = server_;
    const person = await registerPerson(server_);
    const phone = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'user-agent': 'Phone/1.0' },
      payload: { email: person.input.email, password: person.input.password },
    });
    const phoneCookies = sessionCookieFrom(phone);

    const listed = await app.inject({ method: 'GET', url: '/api/v1/me/sessions', cookies: person.cookies });
    expect(listed.statusCode).toBe(200);
    const sessions: { id: string; current: boolean; userAgent: string | null }[] = listed.json().sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = sessions.find((s) => !s.current);
    expect(phoneSession?.userAgent).toBe('Phone/1.0');
    expect(Object.keys(sessions[0] ?? {}).sort()).toEqual([
      'createdAt',
      'current',
      'id',
      'lastSeenAt',
      'userAgent',
    ]);

    const ended = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${phoneSession?.id}`,
      cookies: person.cookies,
    });
    expect(ended.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', cookies: phoneCookies })).statusCode).toBe(
      401,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies })).statusCode).toBe(
      200,
    );
  });

  test("ending another person's session answers 404 and leaves it working", async () => {
    const server_ = server();
    const { app } = server_;
    const alice = await registerPerson(server_);
    const bob = await registerPerson(server_);
    const bobSessions = await app.inject({ method: 'GET', url: '/api/v1/me/sessions', cookies: bob.cookies });
    const bobSessionId: string = bobSessions.json().sessions[0].id;

    const attempt = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${bobSessionId}`,
      cookies: alice.cookies,
    });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().error.code).toBe('not-found');
    const unknown = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me/sessions/nope',
      cookies: alice.cookies,
    });
    expect(unknown.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', cookies: bob.cookies })).statusCode).toBe(
      200,
    );
  });

  test('register, sign-in failure and success, profile change, revoke and sign-out are audited without secrets', async () => {
    const server_ = server();
    const { app, sunlog } = server_;
    const person = await registerPerson(server_);
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: 'wrong password here' },
    });
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: person.input.password },
    });
    await app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: {
        reminders: {
          dailyDose: true,
          dailyDoseTimes: ['07:45'],
          monthlyCheckIn: false,
          labTestEveryWeeks: null,
        },
      },
    });
    const sessions = await app.inject({ method: 'GET', url: '/api/v1/me/sessions', cookies: person.cookies });
    const other = sessions.json().sessions.find((s: { current: boolean }) => !s.current);
    await app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, cookies: person.cookies });
    await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', cookies: person.cookies });

    const events = await sunlog.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('at')
      .orderBy('action')
      .execute();
    expect(events.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(
      [
        'account.register:success',
        'session.sign-in:failure',
        'session.sign-in:success',
        // The sign-in came without the device cookie registration set: a new device (see devices.int.test.ts).
        'account.sign-in-new-device:success',
        'profile.update:success',
        'session.revoke:success',
        'session.sign-out:success',
      ].sort(),
    );
    for (const event of events) {
      expect(event.user_id).toBe(person.id);
      expect(event.request_id).toEqual(expect.any(String));
      expect(event.at).toMatch(/Z$/);
    }
    const everything = JSON.stringify(events);
    const tokens = [...Object.values(person.cookies), ...Object.values(sessionCookieFrom(second))];
    for (const secret of [person.input.password, 'wrong password here', '07:45', ...tokens]) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe.each(engines())('accounts over https on $name', (engine) => {
  const server = useTestServer(engine, { env: { PUBLIC_URL: 'https://sunlog.example.org' } });

  test('the session cookie is Secure and carries the __Host- prefix, and it signs the person in', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: buildRegisterInput(),
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^__Host-sunlog_session=[A-Za-z0-9_-]{43};/);
    expect(header).toContain('Secure');
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Domain');

    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: sessionCookieFrom(response) });
    expect(me.statusCode).toBe(200);
    const plainName = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { sunlog_session: Object.values(sessionCookieFrom(response))[0] ?? '' },
    });
    expect(plainName.statusCode).toBe(401);
  });
});
