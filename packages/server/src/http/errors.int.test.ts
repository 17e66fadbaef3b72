import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake, buildRegisterInput } from '../../test/factories.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';

/** Signs of leaked internals: stack frames, file paths, SQL, driver names. */
const LEAKS = /at \w+ \(|\.ts:\d+|node_modules|select |insert |SQLITE|sqlite|postgres|relation |stack/i;

describe.each(engines())('error answers on $name', (engine) => {
  const server = useTestServer(engine);

  test('a body that is not JSON answers 400 invalid-input', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.co", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'invalid-input', message: 'The request body is not valid JSON.' },
    });
  });

  test('a missing body on a route that needs one names the missing fields', async () => {
    const { app } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { password: 'long enough passphrase' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['email']);
  });

  test('text holding a NUL character is refused with 400 naming the field, and nothing is stored', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    const intake = buildIntake({ note: 'took it\u0000late' });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/intakes',
      cookies: person.cookies,
      payload: intake,
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['note']);
    const list = await app.inject({ method: 'GET', url: '/api/v1/intakes', cookies: person.cookies });
    expect(list.json().items).toEqual([]);

    const byId = await app.inject({ method: 'GET', url: '/api/v1/intakes/%00', cookies: person.cookies });
    expect(byId.statusCode).toBe(400);
    expect(byId.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['id']);
    const named = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { displayName: 'Ada\u0000' },
    });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['displayName']);
  });

  test('an unknown /api route answers a JSON 404', async () => {
    const { app } = server();
    for (const url of ['/api/v1/nothing-here', '/api/nope', '/api']) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html,*/*' } });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({ error: { code: 'not-found', message: 'Not found.' } });
    }
  });

  test('when the database is gone the answer is 503 with Retry-After, without stack or SQL', async () => {
    const { app, sunlog } = server();
    await sunlog.close();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: buildRegisterInput(),
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toEqual({
      error: {
        code: 'unavailable',
        message: 'Sunlog cannot reach its database just now. Please try again in a moment.',
      },
    });
    expect(response.body).not.toMatch(LEAKS);
  });

  test('client error bodies carry only code, message and fields', async () => {
    const { app } = server();
    const responses = await Promise.all([
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: 'not-an-email', password: 'x' },
      }),
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: '{bad',
        headers: { 'content-type': 'application/json' },
      }),
      app.inject({ method: 'GET', url: '/api/v1/me' }),
      app.inject({ method: 'GET', url: '/api/v1/unknown' }),
    ]);
    for (const response of responses) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(Object.keys(response.json())).toEqual(['error']);
      for (const key of Object.keys(response.json().error))
        expect(['code', 'message', 'fields']).toContain(key);
      expect(response.body).not.toMatch(LEAKS);
    }
  });
});
