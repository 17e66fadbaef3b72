import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';
import { inspectRequestPart, MAX_JSON_DEPTH } from './nul-characters.ts';

/** `levels` arrays nested inside each other under `key`, as JSON text: {"key":[[[…]]]}. */
function nestedBody(key: string, levels: number): string {
  return `{"${key}":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

const ONE_MEGABYTE_OF_NESTING = 512 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json' };

describe('inspectRequestPart', () => {
  test('walks any depth without the call stack and names where it stopped', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(inspectRequestPart({ a: deep })).toEqual({
      kind: 'too-deep',
      path: `a${'.0'.repeat(MAX_JSON_DEPTH - 1)}`,
    });
  });

  test('finds a NUL character in a value or a key, first in reading order', () => {
    expect(inspectRequestPart({ a: 'fine', b: { c: ['x', 'y\u0000'] }, d: '\u0000' })).toEqual({
      kind: 'nul',
      path: 'b.c.1',
    });
    expect(inspectRequestPart({ a: { 'k\u0000': 1 } })).toEqual({ kind: 'nul', path: 'a.k\u0000' });
    expect(inspectRequestPart({ a: [[['ok']]], n: 1, t: true, z: null })).toBeUndefined();
  });
});

describe.each(engines())('request size and nesting on $name', (engine) => {
  const server = useTestServer(engine);

  test('a megabyte of nesting is refused before parsing on sign-in and records (413)', async () => {
    const s = server();
    const person = await registerPerson(s);
    const signIn = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: JSON_HEADERS,
      payload: nestedBody('email', ONE_MEGABYTE_OF_NESTING),
    });
    expect(signIn.statusCode).toBe(413);
    expect(signIn.json().error.message).toBe(
      'The request body is too large: this address accepts up to 4 KB.',
    );
    const record = await s.app.inject({
      method: 'POST',
      url: '/api/v1/intakes',
      headers: JSON_HEADERS,
      cookies: person.cookies,
      payload: nestedBody('note', ONE_MEGABYTE_OF_NESTING),
    });
    expect(record.statusCode).toBe(413);
  });

  test('a megabyte of nesting on an import route (which takes files) is refused 400, not 500', async () => {
    const s = server();
    const person = await registerPerson(s);
    const response = await s.app.inject({
      method: 'POST',
      url: '/api/v1/import/preview',
      headers: JSON_HEADERS,
      cookies: person.cookies,
      payload: nestedBody('file', ONE_MEGABYTE_OF_NESTING),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('64 levels'),
    });
  });

  test('nesting small enough for the body limit but too deep answers 400', async () => {
    const response = await server().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: JSON_HEADERS,
      payload: nestedBody('email', 1_500),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('64 levels');
  });

  test('/healthz answers while four bad megabyte requests arrive', async () => {
    const s = server();
    const person = await registerPerson(s);
    const bad = Array.from({ length: 4 }, () =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/import/preview',
        headers: JSON_HEADERS,
        cookies: person.cookies,
        payload: nestedBody('file', ONE_MEGABYTE_OF_NESTING),
      }),
    );
    const health = s.app.inject({ method: 'GET', url: '/healthz' });
    const [healthResponse, ...badResponses] = await Promise.all([health, ...bad]);
    expect(healthResponse?.statusCode).toBe(200);
    for (const response of badResponses) expect(response.statusCode).toBe(400);
  });
});
