import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engines } from '../test/engines.ts';
import { buildIntake } from '../test/factories.ts';
import { registerPerson, startTestServer, useTestServer } from '../test/test-server.ts';
import { PERMISSIONS_POLICY } from './http/response-headers.ts';

const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

describe.each(engines())('security headers on $name', (engine) => {
  describe('over http', () => {
    const server = useTestServer(engine);

    test('every answer carries the strict CSP, nosniff and no-referrer, and no HSTS', async () => {
      const { app } = server();
      for (const url of ['/healthz', '/api/v1/me', '/api/nowhere']) {
        const response = await app.inject({ method: 'GET', url });
        const csp = String(response.headers['content-security-policy'])
          .split(';')
          .map((d) => d.trim());
        expect(csp.sort()).toEqual([...EXPECTED_CSP].sort());
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('no-referrer');
        expect(response.headers['strict-transport-security']).toBeUndefined();
        expect(response.headers['x-request-id']).toEqual(expect.any(String));
      }
    });
  });

  describe('caching and browser features', () => {
    const server = useTestServer(engine);

    test('every /api answer says no-store, errors included; every answer carries Permissions-Policy', async () => {
      const s = server();
      const person = await registerPerson(s);
      const created = await s.app.inject({
        method: 'POST',
        url: '/api/v1/intakes',
        cookies: person.cookies,
        payload: buildIntake(),
      });
      const id = created.json().record.id as string;
      const answers = [
        created,
        await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies }),
        await s.app.inject({ method: 'GET', url: '/api/v1/intakes', cookies: person.cookies }),
        await s.app.inject({ method: 'GET', url: `/api/v1/intakes/${id}`, cookies: person.cookies }),
        await s.app.inject({
          method: 'PUT',
          url: `/api/v1/intakes/${id}`,
          cookies: person.cookies,
          payload: buildIntake({ id, note: 'changed' }),
        }),
        await s.app.inject({ method: 'GET', url: '/api/v1/me/sessions', cookies: person.cookies }),
        await s.app.inject({
          method: 'PATCH',
          url: '/api/v1/me/profile',
          cookies: person.cookies,
          payload: { displayName: 'Changed' },
        }),
        await s.app.inject({ method: 'GET', url: '/api/v1/me' }),
        await s.app.inject({ method: 'GET', url: '/api/nowhere' }),
        await s.app.inject({ method: 'GET', url: '/%61pi/v1/me', cookies: person.cookies }),
        await s.app.inject({ method: 'GET', url: '/api/v1/intakes/%zz', cookies: person.cookies }),
        await s.app.inject({
          method: 'POST',
          url: '/api/v1/intakes',
          cookies: person.cookies,
          payload: { nonsense: true },
        }),
      ];
      expect(answers.map((a) => a.statusCode)).toEqual([
        201, 200, 200, 200, 200, 200, 200, 401, 404, 200, 400, 400,
      ]);
      for (const answer of answers) {
        expect(answer.headers['cache-control'], answer.raw.req.url).toBe('no-store');
        expect(answer.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
      }
      const health = await s.app.inject({ method: 'GET', url: '/healthz' });
      expect(String(health.headers['permissions-policy'])).toContain('camera=()');
      expect(String(health.headers['permissions-policy'])).toContain('microphone=()');
      expect(String(health.headers['permissions-policy'])).toContain('geolocation=()');
    });
  });

  describe('over https', () => {
    const server = useTestServer(engine, { env: { PUBLIC_URL: 'https://sunlog.example.org' } });

    test('answers carry HSTS', async () => {
      const response = await server().app.inject({ method: 'GET', url: '/healthz' });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    });
  });
});

describe.each(engines())('serving the web app on $name', (engine) => {
  let distDir = '';
  beforeAll(async () => {
    distDir = await mkdtemp(join(tmpdir(), 'sunlog-dist-'));
    await mkdir(join(distDir, 'assets'));
    await writeFile(join(distDir, 'index.html'), '<!doctype html><title>Sunlog app shell</title>');
    await writeFile(join(distDir, 'assets', 'app-1234.js'), 'console.log("app")');
    // The build writes compressed copies beside each text file (packages/web/vite.config.ts).
    await writeFile(join(distDir, 'assets', 'app-1234.js.br'), brotliCompressSync('console.log("app")'));
  });
  afterAll(async () => {
    await rm(distDir, { recursive: true, force: true });
  });

  test('a deep link that accepts HTML gets index.html; API and health paths never do', async () => {
    const server = await startTestServer(engine, { webDistDir: distDir });
    try {
      const { app } = server;
      const root = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('Sunlog app shell');

      const deepLink = await app.inject({
        method: 'GET',
        url: '/history/2025-01',
        headers: { accept: 'text/html' },
      });
      expect(deepLink.statusCode).toBe(200);
      expect(deepLink.body).toContain('Sunlog app shell');
      expect(deepLink.headers['cache-control']).toBe('no-cache');

      // The app's pages let the browser ask who is signed in while the script loads; the clinician's
      // viewer of a shared link never asks.
      const preloadMe = '</api/v1/me>; rel=preload; as=fetch; crossorigin=anonymous';
      expect(root.headers.link).toBe(preloadMe);
      expect(deepLink.headers.link).toBe(preloadMe);
      const viewer = await app.inject({
        method: 'GET',
        url: '/view/some-link',
        headers: { accept: 'text/html' },
      });
      expect(viewer.statusCode).toBe(200);
      expect(viewer.body).toContain('Sunlog app shell');
      expect(viewer.headers.link).toBeUndefined();

      const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');

      const missingAsset = await app.inject({
        method: 'GET',
        url: '/assets/gone.js',
        headers: { accept: '*/*' },
      });
      expect(missingAsset.statusCode).toBe(404);

      const api = await app.inject({
        method: 'GET',
        url: '/api/v1/unknown',
        headers: { accept: 'text/html' },
      });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('not-found');

      const health = await app.inject({
        method: 'GET',
        url: '/healthz/more',
        headers: { accept: 'text/html' },
      });
      expect(health.statusCode).toBe(404);
      expect(health.body).not.toContain('Sunlog app shell');

      const post = await app.inject({ method: 'POST', url: '/history', headers: { accept: 'text/html' } });
      expect(post.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });

  test('a browser that accepts Brotli gets the precompressed copy; one that does not gets the file', async () => {
    const server = await startTestServer(engine, { webDistDir: distDir });
    try {
      const compressed = await server.app.inject({
        method: 'GET',
        url: '/assets/app-1234.js',
        headers: { 'accept-encoding': 'br, gzip' },
      });
      expect(compressed.statusCode).toBe(200);
      expect(compressed.headers['content-encoding']).toBe('br');
      expect(compressed.headers.vary).toContain('ccept-encoding');
      expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe('console.log("app")');
      expect(compressed.headers['cache-control']).toContain('immutable');

      const plain = await server.app.inject({
        method: 'GET',
        url: '/assets/app-1234.js',
        headers: { 'accept-encoding': 'identity' },
      });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe('console.log("app")');
    } finally {
      await server.close();
    }
  });

  test('without a build, pages explain how to build the web app', async () => {
    const server = await startTestServer(engine, { webDistDir: join(distDir, 'not-built') });
    try {
      const response = await server.app.inject({
        method: 'GET',
        url: '/today',
        headers: { accept: 'text/html' },
      });
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('npm run build');
      const api = await server.app.inject({ method: 'GET', url: '/api/v1/unknown' });
      expect(api.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });
});
