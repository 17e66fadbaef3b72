import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import { buildApp } from '../app.ts';
import { openSunlog } from '../context.ts';
import {
  SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS,
  SIGN_IN_LIMIT_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
} from './rate-limit.ts';

function signIn(server: TestServer, email: string, password: string, remoteAddress: string) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress,
  });
}

describe.each(engines())('sign-in rate limits on $name', (engine) => {
  const server = useTestServer(engine);

  test('after too many wrong passwords from one address the next attempt gets 429 with Retry-After', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i++) {
      const response = await signIn(server_, person.input.email, 'wrong password here', '203.0.113.7');
      expect(response.statusCode).toBe(401);
    }
    const blocked = await signIn(server_, person.input.email, 'wrong password here', '203.0.113.7');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({
      error: { code: 'rate-limited', message: 'Too many sign-in attempts. Try again in 15 minutes.' },
    });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_WINDOW_MS / 1000);

    // Even the right password waits: otherwise the limit would not slow a guesser down.
    const rightPassword = await signIn(server_, person.input.email, person.input.password, '203.0.113.7');
    expect(rightPassword.statusCode).toBe(429);
  });

  test('an attacker locked out at one address does not lock the person out at theirs', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    for (let i = 0; i <= SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i++) {
      await signIn(server_, person.input.email, 'wrong password here', '203.0.113.7');
    }
    expect((await signIn(server_, person.input.email, 'x-wrong-x-wrong', '203.0.113.7')).statusCode).toBe(
      429,
    );

    const fromHome = await signIn(server_, person.input.email, person.input.password, '198.51.100.20');
    expect(fromHome.statusCode).toBe(200);
  });

  test('a successful sign-in forgets earlier failures of that pair', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
      await signIn(server_, person.input.email, 'wrong password here', '203.0.113.7');
    }
    expect((await signIn(server_, person.input.email, person.input.password, '203.0.113.7')).statusCode).toBe(
      200,
    );
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect(
        (await signIn(server_, person.input.email, 'wrong password here', '203.0.113.7')).statusCode,
      ).toBe(401);
    }
  });

  test('one address guessing across many accounts is stopped by the per-address limit', async () => {
    const server_ = server();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ADDRESS; i++) {
      const response = await signIn(server_, `nobody-${i}@example.org`, 'wrong password here', '203.0.113.9');
      expect(response.statusCode).toBe(401);
    }
    const blocked = await signIn(server_, 'someone-new@example.org', 'wrong password here', '203.0.113.9');
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await signIn(server_, 'someone-new@example.org', 'wrong password here', '198.51.100.1');
    expect(elsewhere.statusCode).toBe(401);
  });

  test('a second server instance on the same database shares the counters', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i++) {
      await signIn(server_, person.input.email, 'wrong password here', '203.0.113.7');
    }
    const secondSunlog = await openSunlog(server_.sunlog.config);
    const secondApp = await buildApp(secondSunlog);
    try {
      const response = await secondApp.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: person.input.email, password: 'wrong password here' },
        remoteAddress: '203.0.113.7',
      });
      expect(response.statusCode).toBe(429);
    } finally {
      await secondApp.close();
      await secondSunlog.close();
    }
  });

  test('once the window has passed the pair may try again', async () => {
    const server_ = server();
    const person = await registerPerson(server_);
    for (let i = 0; i <= SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i++) {
      await signIn(server_, person.input.email, 'wrong password here', '203.0.113.7');
    }
    const windowAgo = new Date(Date.now() - SIGN_IN_WINDOW_MS - 1000).toISOString();
    await server_.sunlog.db.updateTable('rate_limits').set({ window_start: windowAgo }).execute();
    expect((await signIn(server_, person.input.email, person.input.password, '203.0.113.7')).statusCode).toBe(
      200,
    );
  });
});
