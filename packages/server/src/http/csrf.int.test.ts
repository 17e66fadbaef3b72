import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake, buildRegisterInput } from '../../test/factories.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';

describe.each(engines())('CSRF protection on $name', (engine) => {
  const server = useTestServer(engine, { env: { PUBLIC_URL: 'https://sunlog.example.org' } });

  test('a cross-site request is refused with 403 csrf and creates nothing', async () => {
    const { app, sunlog } = server();
    for (const site of ['cross-site', 'same-site']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        headers: { 'sec-fetch-site': site },
        payload: buildRegisterInput(),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('csrf');
    }
    expect(await sunlog.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });

  test('a same-origin browser request passes', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'sec-fetch-site': 'same-origin', origin: 'https://sunlog.example.org' },
      payload: buildRegisterInput(),
    });
    expect(response.statusCode).toBe(201);
  });

  test('without Fetch Metadata a foreign Origin is refused and our own origin passes', async () => {
    const { app } = server();
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { origin: 'https://evil.example' },
      payload: buildRegisterInput(),
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('csrf');

    const own = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { origin: 'https://sunlog.example.org' },
      payload: buildRegisterInput(),
    });
    expect(own.statusCode).toBe(201);
  });

  test('a form-encoded body is refused with 415 before it is parsed', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.co&password=whatever12345',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported-media-type');

    const plain = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"a@b.co","password":"whatever12345"}',
    });
    expect(plain.statusCode).toBe(415);
  });

  test('a request with neither Sec-Fetch-Site nor Origin (a CLI, curl) passes', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const response = await server_.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { locale: 'de' },
    });
    expect(response.statusCode).toBe(200);
  });

  test('a cross-site DELETE of a session is refused even with a valid cookie', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const sessions = await server_.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      cookies: person.cookies,
    });
    const id: string = sessions.json().sessions[0].id;
    const response = await server_.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${id}`,
      cookies: person.cookies,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(403);
    expect(
      (await server_.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies })).statusCode,
    ).toBe(200);
  });

  test('sign-out with an empty JSON body still succeeds', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    const response = await server_.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: person.cookies,
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.statusCode).toBe(204);
    expect(
      (await server_.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies })).statusCode,
    ).toBe(401);
  });
});

describe.each(engines())('CSRF by the matched route on $name', (engine) => {
  const server = useTestServer(engine, { env: { PUBLIC_URL: 'https://sunlog.example.org' } });

  test('a percent-encoded /api path is checked like /api itself', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/intakes',
      cookies: person.cookies,
      payload: buildIntake(),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().record.id as string;
    expect(
      (await s.app.inject({ method: 'DELETE', url: `/api/v1/intakes/${id}`, cookies: person.cookies }))
        .statusCode,
    ).toBe(204);

    for (const url of [
      '/%61pi/v1/auth/sign-out',
      '/api/v1/auth/sign-out',
      `/%61pi/v1/intakes/${id}/restore`,
    ]) {
      const response = await s.app.inject({
        method: 'POST',
        url,
        cookies: person.cookies,
        headers: { 'sec-fetch-site': 'same-site' },
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe('csrf');
    }
    const formPost = await s.app.inject({
      method: 'POST',
      url: '/%61pi/v1/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.c&password=x',
    });
    expect(formPost.statusCode).toBe(415);
    // Still signed in, and the record still deleted.
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.statusCode).toBe(200);
    const record = await s.app.inject({
      method: 'GET',
      url: `/api/v1/intakes/${id}`,
      cookies: person.cookies,
    });
    expect(record.statusCode).toBe(404);
  });
});
