import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import { SunlogError } from '../errors.ts';
import { RECENT_AUTHENTICATION_MS } from './service.ts';

const META = { requestId: 'test-request', address: '203.0.113.7', userAgent: null };

/** Moves the session's last proof of identity `ms` into the past, as if that much time had gone by. */
async function ageProof(server: TestServer, userId: string, ms: number | null): Promise<void> {
  const at = ms === null ? null : new Date(Date.now() - ms).toISOString();
  await server.sunlog.db
    .updateTable('sessions')
    .set({ authenticated_at: at })
    .where('user_id', '=', userId)
    .execute();
}

async function authOfCookie(server: TestServer, cookies: Record<string, string>) {
  const token = Object.values(cookies)[0];
  if (token === undefined) throw new Error('no cookie');
  const auth = await server.sunlog.accounts.authenticate(token);
  if (auth === undefined) throw new Error('session not found');
  return auth;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof SunlogError) return error.code;
    throw error;
  }
}

describe.each(engines())('re-authentication on $name', (engine) => {
  const server = useTestServer(engine);

  test('a session that has just registered counts as recently authenticated', async () => {
    const person = await registerPerson(server());
    const auth = await authOfCookie(server(), person.cookies);
    expect(await codeOf(server().sunlog.accounts.requireRecentAuthentication(auth, {}, META))).toBe('ok');
  });

  test('a password that is given is checked even within the five minutes: a mistyped one is refused', async () => {
    const person = await registerPerson(server());
    const auth = await authOfCookie(server(), person.cookies);
    const accounts = server().sunlog.accounts;
    expect(
      await codeOf(accounts.requireRecentAuthentication(auth, { password: 'mistyped password' }, META)),
    ).toBe('invalid-credentials');
    expect(
      await codeOf(accounts.requireRecentAuthentication(auth, { password: person.input.password }, META)),
    ).toBe('ok');
  });

  test('after five minutes the password is needed again; a wrong one is refused and a right one renews the proof', async () => {
    const s = server();
    const person = await registerPerson(s);
    await ageProof(s, person.id, RECENT_AUTHENTICATION_MS + 1000);
    const accounts = s.sunlog.accounts;

    expect(
      await codeOf(accounts.requireRecentAuthentication(await authOfCookie(s, person.cookies), {}, META)),
    ).toBe('reauthentication-required');
    expect(
      await codeOf(
        accounts.requireRecentAuthentication(
          await authOfCookie(s, person.cookies),
          { password: 'not my password' },
          META,
        ),
      ),
    ).toBe('invalid-credentials');
    expect(
      await codeOf(
        accounts.requireRecentAuthentication(
          await authOfCookie(s, person.cookies),
          { password: person.input.password },
          META,
        ),
      ),
    ).toBe('ok');
    // The proof is stored on the session: the next sensitive operation needs no password.
    expect(
      await codeOf(accounts.requireRecentAuthentication(await authOfCookie(s, person.cookies), {}, META)),
    ).toBe('ok');

    const trail = await s.app.inject({ method: 'GET', url: '/api/v1/me/activity', cookies: person.cookies });
    const reauths = trail
      .json()
      .items.filter((item: { action: string }) => item.action === 'session.reauthenticate');
    expect(reauths.map((item: { outcome: string }) => item.outcome)).toEqual(['success', 'failure']);
  });

  test('a session with no recorded proof (from before the record existed) must prove it', async () => {
    const s = server();
    const person = await registerPerson(s);
    await ageProof(s, person.id, null);
    const auth = await authOfCookie(s, person.cookies);
    expect(await codeOf(s.sunlog.accounts.requireRecentAuthentication(auth, {}, META))).toBe(
      'reauthentication-required',
    );
  });

  test('POST /api/v1/auth/reauthenticate: 401 anonymous, 401 on a wrong password, 204 on the right one, 429 after repeated guesses', async () => {
    const s = server();
    const person = await registerPerson(s);
    await ageProof(s, person.id, RECENT_AUTHENTICATION_MS * 2);
    const reauthenticate = (password: string, cookies: Record<string, string> = person.cookies) =>
      s.app.inject({ method: 'POST', url: '/api/v1/auth/reauthenticate', cookies, payload: { password } });

    const anonymous = await reauthenticate(person.input.password, {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');

    const wrong = await reauthenticate('a wrong password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.fields).toEqual([{ path: 'password', message: 'The password is incorrect.' }]);

    const right = await reauthenticate(person.input.password);
    expect(right.statusCode).toBe(204);
    const auth = await authOfCookie(s, person.cookies);
    expect(await codeOf(s.sunlog.accounts.requireRecentAuthentication(auth, {}, META))).toBe('ok');

    const answers: number[] = [];
    for (let i = 0; i < 8; i++) answers.push((await reauthenticate(`guess number ${i}`)).statusCode);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.at(-1)).toBe(429);
  });
});
