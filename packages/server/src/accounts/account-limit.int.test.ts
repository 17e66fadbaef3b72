import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import {
  addressBucket,
  SIGN_IN_LIMIT_PER_ACCOUNT,
  SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS,
} from './rate-limit.ts';

function signIn(server: TestServer, email: string, remoteAddress: string) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: 'wrong password here' },
    remoteAddress,
  });
}

test('IPv6 addresses count by their /64; IPv4 and mapped IPv4 as they are', () => {
  expect(addressBucket('2001:db8:0:1::1')).toBe('2001:db8:0:1::/64');
  expect(addressBucket('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
  expect(addressBucket('::1')).toBe('0:0:0:0::/64');
  expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
  expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
});

describe.each(engines())('per-account sign-in limit on $name', (engine) => {
  const server = useTestServer(engine);

  test('guesses from many addresses stop at the account limit, and the owner sees it in activity', async () => {
    const s = server();
    const person = await registerPerson(s);
    let attempts = 0;
    for (let host = 1; attempts < SIGN_IN_LIMIT_PER_ACCOUNT; host += 1) {
      for (let i = 0; i < 4 && attempts < SIGN_IN_LIMIT_PER_ACCOUNT; i += 1, attempts += 1) {
        expect((await signIn(s, person.input.email, `198.51.100.${host}`)).statusCode).toBe(401);
      }
    }
    const fresh = await signIn(s, person.input.email, '192.0.2.250');
    expect(fresh.statusCode).toBe(429);

    const activity = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/activity',
      cookies: person.cookies,
    });
    expect(activity.statusCode).toBe(200);
    expect(JSON.stringify(activity.json())).toContain('too-many-attempts-for-account');
  });

  test('stepping through one IPv6 /64 does not reset the per-address limit', async () => {
    const s = server();
    const person = await registerPerson(s);
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i += 1) {
      expect((await signIn(s, person.input.email, `2001:db8:0:1::${i + 1}`)).statusCode).toBe(401);
    }
    expect((await signIn(s, person.input.email, '2001:db8:0:1:ffff::99')).statusCode).toBe(429);
    expect((await signIn(s, person.input.email, '2001:db8:0:2::1')).statusCode).toBe(401);
  });
});
