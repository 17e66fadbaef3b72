import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { SoftAuthenticator } from '../../test/soft-authenticator.ts';
import { registerPerson, sessionCookieFrom, type TestServer, useTestServer } from '../../test/test-server.ts';
import { PASSKEY_SIGN_IN_FAILED } from './passkeys.ts';
import { RECENT_AUTHENTICATION_MS } from './service.ts';

const PUBLIC_URL = 'https://sunlog.example';
const ORIGIN = 'https://sunlog.example';
/** What the web app sends with every request (see http/csrf.ts). */
const BROWSER = { 'sec-fetch-site': 'same-origin', origin: ORIGIN };

async function post(server: TestServer, url: string, cookies: Record<string, string>, payload?: object) {
  return server.app.inject({
    method: 'POST',
    url,
    cookies,
    headers: BROWSER,
    ...(payload === undefined ? {} : { payload }),
  });
}

/** Registers a person and adds `authenticator` as their passkey through the API. */
async function personWithPasskey(server: TestServer, authenticator = new SoftAuthenticator()) {
  const person = await registerPerson(server);
  const options = await post(server, '/api/v1/me/passkeys/registration-options', person.cookies);
  expect(options.statusCode, options.body).toBe(200);
  const added = await post(server, '/api/v1/me/passkeys', person.cookies, {
    response: authenticator.register(options.json(), ORIGIN),
    name: 'My phone',
  });
  expect(added.statusCode, added.body).toBe(201);
  return { person, authenticator, passkey: added.json() as { id: string; name: string } };
}

async function signInOptions(server: TestServer) {
  const options = await post(server, '/api/v1/auth/passkey/options', {});
  expect(options.statusCode, options.body).toBe(200);
  return options.json();
}

async function storedPasskey(server: TestServer, id: string) {
  return server.sunlog.db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe.each(engines())('passkeys on $name', (engine) => {
  const server = useTestServer(engine, { env: { PUBLIC_URL } });

  test('a passkey added in settings signs in without a password, like a password sign-in', async () => {
    const s = server();
    const { person, authenticator, passkey } = await personWithPasskey(s);
    expect(passkey.name).toBe('My phone');
    const listed = await s.app.inject({ method: 'GET', url: '/api/v1/me/passkeys', cookies: person.cookies });
    expect(listed.json().passkeys).toEqual([
      { id: passkey.id, name: 'My phone', createdAt: expect.any(String), lastUsedAt: null },
    ]);

    const options = await signInOptions(s);
    expect(options.rpId).toBe('sunlog.example');
    expect(options.userVerification).toBe('preferred');
    expect(options.allowCredentials ?? []).toEqual([]); // discoverable: no email asked first
    const signedIn = await post(
      s,
      '/api/v1/auth/passkey',
      {},
      {
        response: authenticator.authenticate(options, ORIGIN),
      },
    );
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().user.email).toBe(person.input.email);
    const cookies = sessionCookieFrom(signedIn);
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
    expect(me.statusCode).toBe(200);

    const stored = await storedPasskey(s, passkey.id);
    expect(stored.counter).toBe(1);
    expect(stored.last_used_at).not.toBeNull();
    const events = await s.sunlog.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'detail'])
      .where('user_id', '=', person.id)
      .execute();
    // A browser without the device cookie is a new device, as with a password sign-in.
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual(
      expect.arrayContaining([
        'passkey.add:success',
        'session.sign-in:success',
        'account.sign-in-new-device:success',
      ]),
    );
    const device = signedIn.cookies.find((c) => c.name.endsWith('sunlog_device'));
    expect(device?.httpOnly).toBe(true);
    const signIn = events.find((e) => e.action === 'session.sign-in');
    expect(JSON.parse(signIn?.detail ?? '{}').method).toBe('passkey');
    // The new session counts as a fresh proof: adding another passkey needs no password.
    const again = await post(s, '/api/v1/me/passkeys/registration-options', cookies);
    expect(again.statusCode, again.body).toBe(200);
  });

  test('a sign-in challenge works once: the same answer sent again is refused', async () => {
    const s = server();
    const { authenticator } = await personWithPasskey(s);
    const options = await signInOptions(s);
    const answer = authenticator.authenticate(options, ORIGIN);
    expect((await post(s, '/api/v1/auth/passkey', {}, { response: answer })).statusCode).toBe(200);
    const replayed = await post(s, '/api/v1/auth/passkey', {}, { response: answer });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error).toMatchObject({
      code: 'invalid-credentials',
      message: PASSKEY_SIGN_IN_FAILED,
    });
  });

  test('a challenge older than five minutes is refused, for signing in and for adding a passkey', async () => {
    const s = server();
    const { person, authenticator } = await personWithPasskey(s);
    const options = await signInOptions(s);
    const past = new Date(Date.now() - 1000).toISOString();
    await s.sunlog.db.updateTable('passkey_challenges').set({ expires_at: past }).execute();
    const late = await post(
      s,
      '/api/v1/auth/passkey',
      {},
      { response: authenticator.authenticate(options, ORIGIN) },
    );
    expect(late.statusCode).toBe(401);

    const creation = await post(s, '/api/v1/me/passkeys/registration-options', person.cookies);
    await s.sunlog.db.updateTable('passkey_challenges').set({ expires_at: past }).execute();
    const lateAdd = await post(s, '/api/v1/me/passkeys', person.cookies, {
      response: new SoftAuthenticator().register(creation.json(), ORIGIN),
    });
    expect(lateAdd.statusCode).toBe(400);
    const list = await s.app.inject({ method: 'GET', url: '/api/v1/me/passkeys', cookies: person.cookies });
    expect(list.json().passkeys).toHaveLength(1);
  });

  test('an answer made for another origin is refused, for adding and for signing in', async () => {
    const s = server();
    const { person, authenticator } = await personWithPasskey(s);
    const options = await signInOptions(s);
    const phished = await post(
      s,
      '/api/v1/auth/passkey',
      {},
      {
        response: authenticator.authenticate(options, 'https://sunlog-login.example'),
      },
    );
    expect(phished.statusCode).toBe(401);

    const creation = await post(s, '/api/v1/me/passkeys/registration-options', person.cookies);
    const elsewhere = await post(s, '/api/v1/me/passkeys', person.cookies, {
      response: new SoftAuthenticator().register(creation.json(), 'https://sunlog-login.example'),
    });
    expect(elsewhere.statusCode).toBe(400);
  });

  test('the signature counter only goes forward: an answer with a counter already seen is refused', async () => {
    const s = server();
    const { authenticator, passkey } = await personWithPasskey(s);
    const first = await post(
      s,
      '/api/v1/auth/passkey',
      {},
      {
        response: authenticator.authenticate(await signInOptions(s), ORIGIN),
      },
    );
    expect(first.statusCode).toBe(200);
    expect((await storedPasskey(s, passkey.id)).counter).toBe(1);
    authenticator.counter = 0; // a cloned authenticator would answer with a count already used
    const cloned = await post(
      s,
      '/api/v1/auth/passkey',
      {},
      {
        response: authenticator.authenticate(await signInOptions(s), ORIGIN),
      },
    );
    expect(cloned.statusCode).toBe(401);
    expect((await storedPasskey(s, passkey.id)).counter).toBe(1);
    authenticator.counter = 5;
    const later = await post(
      s,
      '/api/v1/auth/passkey',
      {},
      {
        response: authenticator.authenticate(await signInOptions(s), ORIGIN),
      },
    );
    expect(later.statusCode).toBe(200);
    expect((await storedPasskey(s, passkey.id)).counter).toBe(6);
  });

  test('adding and removing a passkey need a recent proof; a removed passkey no longer signs in', async () => {
    const s = server();
    const { person, authenticator, passkey } = await personWithPasskey(s);
    const old = new Date(Date.now() - RECENT_AUTHENTICATION_MS - 60_000).toISOString();
    await s.sunlog.db
      .updateTable('sessions')
      .set({ authenticated_at: old })
      .where('user_id', '=', person.id)
      .execute();
    s.sunlog.accounts.sessionCache.evictUser(person.id);

    const options = await post(s, '/api/v1/me/passkeys/registration-options', person.cookies);
    expect(options.statusCode).toBe(403);
    expect(options.json().error.code).toBe('reauthentication-required');
    const url = `/api/v1/me/passkeys/${passkey.id}`;
    const refused = await s.app.inject({ method: 'DELETE', url, cookies: person.cookies, headers: BROWSER });
    expect(refused.statusCode).toBe(403);

    const reauth = await post(s, '/api/v1/auth/reauthenticate', person.cookies, {
      password: person.input.password,
    });
    expect(reauth.statusCode).toBe(204);
    const removed = await s.app.inject({ method: 'DELETE', url, cookies: person.cookies, headers: BROWSER });
    expect(removed.statusCode).toBe(204);
    const list = await s.app.inject({ method: 'GET', url: '/api/v1/me/passkeys', cookies: person.cookies });
    expect(list.json().passkeys).toEqual([]);

    const after = await post(
      s,
      '/api/v1/auth/passkey',
      {},
      {
        response: authenticator.authenticate(await signInOptions(s), ORIGIN),
      },
    );
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe(PASSKEY_SIGN_IN_FAILED);
    const actions = await s.sunlog.db
      .selectFrom('audit_events')
      .select('action')
      .where('user_id', '=', person.id)
      .execute();
    expect(actions.map((a) => a.action)).toContain('passkey.remove');
  });

  test("one person's passkey cannot be added to another person's challenge", async () => {
    const s = server();
    const alice = await registerPerson(s);
    const bob = await registerPerson(s);
    const aliceOptions = await post(s, '/api/v1/me/passkeys/registration-options', alice.cookies);
    const stolen = await post(s, '/api/v1/me/passkeys', bob.cookies, {
      response: new SoftAuthenticator().register(aliceOptions.json(), ORIGIN),
    });
    expect(stolen.statusCode).toBe(400);
  });
});

describe.each(engines())('passkeys without PUBLIC_URL on $name', (engine) => {
  const server = useTestServer(engine);

  test('the relying party is the origin the request came to', async () => {
    const s = server();
    const origin = 'http://localhost:5173';
    const headers = { 'sec-fetch-site': 'same-origin', host: 'localhost:5173' };
    const person = await registerPerson(s);
    const authenticator = new SoftAuthenticator();
    const creation = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/passkeys/registration-options',
      cookies: person.cookies,
      headers,
    });
    expect(creation.json().rp.id).toBe('localhost');
    const added = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/passkeys',
      cookies: person.cookies,
      headers,
      payload: { response: authenticator.register(creation.json(), origin) },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().name).toMatch(/^Passkey added \d{4}-\d{2}-\d{2}$/);
    const options = await s.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', headers });
    const signedIn = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey',
      headers,
      payload: { response: authenticator.authenticate(options.json(), origin) },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  });
});

describe.each(engines())('passkey routes and cross-site requests on $name', (engine) => {
  const server = useTestServer(engine, { env: { PUBLIC_URL } });

  test('a cross-site request to any passkey route that changes something is refused with 403 csrf', async () => {
    const s = server();
    const { person, passkey } = await personWithPasskey(s);
    const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' };
    const requests = [
      { method: 'POST' as const, url: '/api/v1/me/passkeys/registration-options', payload: {} },
      { method: 'POST' as const, url: '/api/v1/me/passkeys', payload: { response: {} } },
      { method: 'DELETE' as const, url: `/api/v1/me/passkeys/${passkey.id}` },
      { method: 'POST' as const, url: '/api/v1/auth/passkey/options', payload: {} },
      { method: 'POST' as const, url: '/api/v1/auth/passkey', payload: { response: {} } },
    ];
    for (const request of requests) {
      const response = await s.app.inject({ ...request, cookies: person.cookies, headers: crossSite });
      expect(response.statusCode, request.url).toBe(403);
      expect(response.json().error.code, request.url).toBe('csrf');
    }
    const list = await s.app.inject({ method: 'GET', url: '/api/v1/me/passkeys', cookies: person.cookies });
    expect(list.json().passkeys).toHaveLength(1);
  });

  test('passkey sign-in attempts are limited per address', async () => {
    const s = server();
    const headers = { ...BROWSER };
    let limited: { statusCode: number; json(): { error: { code: string } } } | undefined;
    for (let attempt = 0; attempt < 40 && limited === undefined; attempt += 1) {
      const response = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/options',
        headers,
        remoteAddress: '203.0.113.99',
      });
      if (response.statusCode === 429) limited = response;
      else expect(response.statusCode).toBe(200);
    }
    expect(limited?.json().error.code).toBe('rate-limited');
    const elsewhere = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey/options',
      headers,
      remoteAddress: '203.0.113.100',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  test('successful passkey sign-ins do not use up the address allowance', async () => {
    const s = server();
    const { authenticator } = await personWithPasskey(s);
    for (let round = 0; round < 40; round += 1) {
      const options = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/options',
        headers: BROWSER,
      });
      expect(options.statusCode, `round ${round}`).toBe(200);
      const signedIn = await post(
        s,
        '/api/v1/auth/passkey',
        {},
        {
          response: authenticator.authenticate(options.json(), ORIGIN),
        },
      );
      expect(signedIn.statusCode, `round ${round}`).toBe(200);
    }
  });
});
