import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { base32ToBytes, totp } from '../../test/rfc6238.ts';
import { registerPerson, sessionCookieFrom, type TestServer, useTestServer } from '../../test/test-server.ts';

/** A clock the test moves; starts now. */
function movableClock() {
  let now = Date.now();
  return {
    clock: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    seconds: () => Math.floor(now / 1000),
  };
}

const errorCode = (response: LightMyRequestResponse) => response.json().error?.code;

describe('the test’s own RFC 6238 implementation', () => {
  // RFC 6238 Appendix B, SHA-1 rows: the ASCII secret "12345678901234567890", 8 digits.
  test.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i seconds gives %s', (seconds, code) => {
    expect(totp(Buffer.from('12345678901234567890', 'ascii'), seconds, 8)).toBe(code);
  });
});

describe.each(engines())('two-step sign-in on $name', (engine) => {
  const time = movableClock();
  const server = useTestServer(engine, { clock: time.clock });

  /** Registers a person and turns two-step sign-in on; answers their secret and recovery codes. */
  async function personWithTotp(s: TestServer) {
    const person = await registerPerson(s);
    const started = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/second-factor/totp',
      cookies: person.cookies,
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(200);
    const { secret, otpauthUrl, qrSvg } = started.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);
    const key = base32ToBytes(secret);
    const confirmed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/second-factor/totp/confirm',
      cookies: person.cookies,
      payload: { code: totp(key, time.seconds()) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const recoveryCodes: string[] = confirmed.json().recoveryCodes;
    return { ...person, secret, key, recoveryCodes };
  }

  const signIn = (s: TestServer, body: Record<string, unknown>) =>
    s.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: body });

  test('a computed code signs in; the same code again, a wrong code and no code are refused', async () => {
    const s = server();
    const person = await personWithTotp(s);
    const credentials = { email: person.input.email, password: person.input.password };

    const withoutCode = await signIn(s, credentials);
    expect(withoutCode.statusCode).toBe(401);
    expect(errorCode(withoutCode)).toBe('second-factor-required');
    expect(withoutCode.cookies.some((c) => c.name.endsWith('sunlog_session'))).toBe(false);

    // The code used to confirm is spent too: its time step may not sign in.
    const confirmingCode = totp(person.key, time.seconds());
    expect(errorCode(await signIn(s, { ...credentials, totpCode: confirmingCode }))).toBe(
      'invalid-credentials',
    );

    time.advance(30_000);
    const code = totp(person.key, time.seconds());
    const accepted = await signIn(s, { ...credentials, totpCode: code });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(sessionCookieFrom(accepted)).toBeDefined();

    const replayed = await signIn(s, { ...credentials, totpCode: code });
    expect(replayed.statusCode).toBe(401);
    expect(errorCode(replayed)).toBe('invalid-credentials');

    time.advance(30_000);
    const right = totp(person.key, time.seconds());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const refused = await signIn(s, { ...credentials, totpCode: wrong });
    expect(refused.statusCode).toBe(401);
    expect(errorCode(refused)).toBe('invalid-credentials');
    // A wrong password with the right code is refused like any wrong password.
    const wrongPassword = await signIn(s, {
      ...credentials,
      password: 'not the password at all',
      totpCode: right,
    });
    expect(errorCode(wrongPassword)).toBe('invalid-credentials');
    expect(
      (await signIn(s, { ...credentials, totpCode: `${right.slice(0, 3)} ${right.slice(3)}` })).statusCode,
    ).toBe(200);
  });

  test('a recovery code signs in once and not twice', async () => {
    const s = server();
    const person = await personWithTotp(s);
    expect(person.recoveryCodes).toHaveLength(10);
    expect(new Set(person.recoveryCodes).size).toBe(10);
    const credentials = { email: person.input.email, password: person.input.password };
    const [first = '', second = ''] = person.recoveryCodes;

    const once = await signIn(s, { ...credentials, recoveryCode: first.toLowerCase() });
    expect(once.statusCode, once.body).toBe(200);
    const twice = await signIn(s, { ...credentials, recoveryCode: first });
    expect(twice.statusCode).toBe(401);
    expect(errorCode(twice)).toBe('invalid-credentials');
    expect((await signIn(s, { ...credentials, recoveryCode: second.replaceAll('-', '') })).statusCode).toBe(
      200,
    );

    const status = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/second-factor',
      cookies: sessionCookieFrom(once),
    });
    expect(status.json()).toEqual({ totp: true, recoveryCodesLeft: 8 });
    // Only hashes are kept.
    const rows = await s.sunlog.db
      .selectFrom('recovery_codes')
      .selectAll()
      .where('user_id', '=', person.id)
      .execute();
    const stored = JSON.stringify(rows);
    for (const code of person.recoveryCodes) expect(stored).not.toContain(code.replaceAll('-', ''));
  });

  test('the secret is not stored as it is', async () => {
    const s = server();
    const person = await personWithTotp(s);
    const row = await s.sunlog.db
      .selectFrom('second_factors')
      .selectAll()
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(person.secret);
    expect(stored).not.toContain(person.key.toString('hex'));
    expect(stored).not.toContain(person.key.toString('base64'));
    expect(row.totp_secret).toMatch(/^v1\./);
  });

  test('turning it off needs a recent proof: after 5 minutes the password, and a wrong one is refused', async () => {
    const s = server();
    const person = await personWithTotp(s);
    time.advance(6 * 60_000);
    const turnOff = (payload: Record<string, unknown>) =>
      s.app.inject({ method: 'DELETE', url: '/api/v1/me/second-factor', cookies: person.cookies, payload });

    const stale = await turnOff({});
    expect(stale.statusCode).toBe(403);
    expect(errorCode(stale)).toBe('reauthentication-required');
    expect((await turnOff({ password: 'not the password at all' })).statusCode).toBe(401);
    const still = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/second-factor',
      cookies: person.cookies,
    });
    expect(still.json().totp).toBe(true);

    expect((await turnOff({ password: person.input.password })).statusCode).toBe(204);
    const after = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/second-factor',
      cookies: person.cookies,
    });
    expect(after.json()).toEqual({ totp: false, recoveryCodesLeft: 0 });
    const plain = await signIn(s, { email: person.input.email, password: person.input.password });
    expect(plain.statusCode).toBe(200);

    const activity = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/activity',
      cookies: person.cookies,
    });
    const actions = activity.json().items.map((item: { action: string }) => item.action);
    expect(actions).toContain('second-factor.turn-on');
    expect(actions).toContain('second-factor.turn-off');
  });

  test('setting up needs a recent proof, is refused while on, and a wrong confirming code changes nothing', async () => {
    const s = server();
    const person = await registerPerson(s);
    time.advance(6 * 60_000);
    const start = (payload: Record<string, unknown>) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/me/second-factor/totp',
        cookies: person.cookies,
        payload,
      });
    expect(errorCode(await start({}))).toBe('reauthentication-required');
    const started = await start({ password: person.input.password });
    expect(started.statusCode).toBe(200);
    const key = base32ToBytes(started.json().secret);
    const right = totp(key, time.seconds());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const refused = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/second-factor/totp/confirm',
      cookies: person.cookies,
      payload: { code: wrong },
    });
    expect(refused.statusCode).toBe(400);
    const status = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/second-factor',
      cookies: person.cookies,
    });
    expect(status.json().totp).toBe(false);
    // Not yet on: sign-in asks for nothing more.
    expect((await signIn(s, { email: person.input.email, password: person.input.password })).statusCode).toBe(
      200,
    );
    const confirmed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/second-factor/totp/confirm',
      cookies: person.cookies,
      payload: { code: right },
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await start({ password: person.input.password })).statusCode).toBe(400);
  });

  test('wrong codes are limited like wrong passwords', async () => {
    const s = server();
    const person = await personWithTotp(s);
    const credentials = { email: person.input.email, password: person.input.password };
    time.advance(30_000);
    const right = totp(person.key, time.seconds());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await signIn(s, { ...credentials, totpCode: wrong })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Held back even with the right code until the window passes.
    expect((await signIn(s, { ...credentials, totpCode: right })).statusCode).toBe(429);
  });
});
