import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildRegisterInput } from '../../test/factories.ts';
import { registerPerson, sessionCookieFrom, useTestServer } from '../../test/test-server.ts';
import { buildApp } from '../app.ts';
import { openSunlog, type Sunlog } from '../context.ts';
import { type CachedAuthentication, SESSION_CACHE_TTL_MS, SessionCache } from './session-cache.ts';

function auth(sessionId: string, userId = 'u1'): CachedAuthentication {
  return {
    session: {
      id: sessionId,
      userId,
      createdAt: '2026-01-01T00:00:00.000Z',
      lastSeenAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-03-01T00:00:00.000Z',
      userAgent: null,
      authenticatedAt: null,
    },
    user: { id: userId, email: `${userId}@example.org` },
  };
}

describe('the session cache', () => {
  test('an entry is trusted for the TTL and not a moment longer', () => {
    let now = 0;
    const cache = new SessionCache({ ttlMs: 1_000, now: () => now });
    cache.set('t1', auth('s1'), cache.generation);
    now = 999;
    expect(cache.get('t1')?.session.id).toBe('s1');
    now = 1_000;
    expect(cache.get('t1')).toBeUndefined();
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 1 });
  });

  test('evicting a session or a person removes their entries at once', () => {
    const cache = new SessionCache({ now: () => 0 });
    cache.set('t1', auth('s1', 'u1'), cache.generation);
    cache.set('t2', auth('s2', 'u1'), cache.generation);
    cache.set('t3', auth('s3', 'u2'), cache.generation);
    cache.evictSession('s1');
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t2')).toBeDefined();
    cache.evictUser('u1');
    expect(cache.get('t2')).toBeUndefined();
    expect(cache.get('t3')).toBeDefined();
  });

  test('a check that read the database before an eviction is not stored after it', () => {
    const cache = new SessionCache({ now: () => 0 });
    const startedAt = cache.generation;
    cache.evictSession('s1'); // a sign-out runs while the check waits for its query
    cache.set('t1', auth('s1'), startedAt);
    expect(cache.get('t1')).toBeUndefined();
  });

  test('it holds at most its capacity, dropping the oldest', () => {
    const cache = new SessionCache({ capacity: 2, now: () => 0 });
    cache.set('t1', auth('s1'), cache.generation);
    cache.set('t2', auth('s2'), cache.generation);
    cache.set('t3', auth('s3'), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t3')).toBeDefined();
  });

  test('answers are copies: changing one does not change the cached session', () => {
    const cache = new SessionCache({ now: () => 0 });
    cache.set('t1', auth('s1'), cache.generation);
    const first = cache.get('t1');
    if (first === undefined) throw new Error('expected a hit');
    first.session.authenticatedAt = '2026-01-02T00:00:00.000Z';
    expect(cache.get('t1')?.session.authenticatedAt).toBeNull();
  });
});

describe.each(engines())('cached session checks on $name', (engine) => {
  const server = useTestServer(engine);

  test('repeated requests are answered from the cache, and sign-out on this process ends the session at once', async () => {
    const server_ = server();
    const { app, sunlog } = server_;
    const person = await registerPerson(server_);
    const cache = sunlog.accounts.sessionCache;
    for (let i = 0; i < 3; i += 1) {
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
      expect(me.statusCode).toBe(200);
    }
    expect(cache.hits + cache.misses).toBeGreaterThanOrEqual(3);
    expect(cache.size).toBe(1);
    const signedOut = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: person.cookies,
    });
    expect(signedOut.statusCode).toBe(204);
    expect(cache.size).toBe(0);
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(after.statusCode).toBe(401);
  });

  test('revoking a session on this process ends it at once', async () => {
    const server_ = server();
    const { app } = server_;
    const person = await registerPerson(server_);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: person.input.password },
    });
    const other = sessionCookieFrom(signIn);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', cookies: other })).statusCode).toBe(200);
    const sessions = await app.inject({ method: 'GET', url: '/api/v1/me/sessions', cookies: person.cookies });
    const target = (sessions.json().sessions as { id: string; current: boolean }[]).find((s) => !s.current);
    if (target === undefined) throw new Error('expected a second session');
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${target.id}`,
      cookies: person.cookies,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', cookies: other })).statusCode).toBe(401);
  });

  test('two processes on one database: sign-out on A stops the session on B within the cache TTL', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const opened: { sunlog: Sunlog; app: FastifyInstance }[] = [];
    try {
      for (let i = 0; i < 2; i += 1) {
        const sunlog = await openSunlog(config);
        const app = await buildApp(sunlog, {});
        await app.ready();
        opened.push({ sunlog, app });
      }
      const [a, b] = opened as [(typeof opened)[0], (typeof opened)[0]];
      const registered = await a.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: buildRegisterInput(),
      });
      expect(registered.statusCode).toBe(201);
      const cookies = sessionCookieFrom(registered);
      // B checks the session and keeps it in its cache.
      expect((await b.app.inject({ method: 'GET', url: '/api/v1/me', cookies })).statusCode).toBe(200);
      expect(b.sunlog.accounts.sessionCache.size).toBe(1);

      expect((await a.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', cookies })).statusCode).toBe(
        204,
      );
      // A knows at once.
      expect((await a.app.inject({ method: 'GET', url: '/api/v1/me', cookies })).statusCode).toBe(401);
      // B's entry was stored before the sign-out, so it has lapsed one TTL after it at the latest.
      await sleep(SESSION_CACHE_TTL_MS);
      expect((await b.app.inject({ method: 'GET', url: '/api/v1/me', cookies })).statusCode).toBe(401);
    } finally {
      for (const { sunlog, app } of opened) {
        await app.close();
        await sunlog.close();
      }
      await dispose();
    }
  });
});
