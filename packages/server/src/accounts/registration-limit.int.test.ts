import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildRegisterInput } from '../../test/factories.ts';
import { type TestServer, useTestServer } from '../../test/test-server.ts';

const LIMIT = 3;

function register(server: TestServer, remoteAddress: string) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: buildRegisterInput(),
    remoteAddress,
  });
}

describe.each(engines())('registration limit per address on $name', (engine) => {
  const server = useTestServer(engine, { env: { REGISTRATIONS_PER_ADDRESS: String(LIMIT) } });

  test('one address gets the configured number of new accounts, then 429 with Retry-After', async () => {
    const s = server();
    for (let i = 0; i < LIMIT; i += 1) expect((await register(s, '198.51.100.7')).statusCode).toBe(201);
    const refused = await register(s, '198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate-limited' } });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another address is not affected.
    expect((await register(s, '203.0.113.9')).statusCode).toBe(201);
  });

  test('stepping through one IPv6 /64 counts as one address; the next /64 is another', async () => {
    const s = server();
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await register(s, `2001:db8:5:6::${i + 1}`)).statusCode).toBe(201);
    }
    expect((await register(s, '2001:db8:5:6:ffff:ffff:ffff:1')).statusCode).toBe(429);
    expect((await register(s, '2001:db8:5:7::1')).statusCode).toBe(201);
  });

  test('a refused registration creates nothing, even with a fresh email', async () => {
    const s = server();
    for (let i = 0; i < LIMIT; i += 1) await register(s, '192.0.2.44');
    const input = buildRegisterInput();
    const refused = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: input,
      remoteAddress: '192.0.2.44',
    });
    expect(refused.statusCode).toBe(429);
    const signIn = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: input.email, password: input.password },
      remoteAddress: '192.0.2.45',
    });
    expect(signIn.statusCode).toBe(401);
  });
});
