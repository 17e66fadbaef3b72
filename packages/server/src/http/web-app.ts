import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.ts';

/** The built web app (`npm run build`), found relative to this file so the working directory does not matter. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Vite names files under assets/ by content hash, so they never change and may be cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The app's first question is who is signed in (`GET /api/v1/me`, `src/api/me.ts` in the web app); asked
 * only after its script has arrived and run, it would wait behind them. This header lets the browser
 * ask while the script downloads: a preload the app's own fetch then takes over (same URL, and
 * `crossorigin=anonymous` gives the same-origin credentials mode that fetch uses by default). Not on
 * the clinician's viewer of a shared link (`/view`), which never asks who is signed in.
 */
const PRELOAD_ME = '</api/v1/me>; rel=preload; as=fetch; crossorigin=anonymous';

function preloadsMe(url: string): boolean {
  const path = pathOf(url);
  return path !== '/view' && !path.startsWith('/view/');
}

/** A request URL without its query. */
function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sunlog</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>Sunlog is running, but the web app is not built yet</h1>
<p>Run <code>npm run build</code> in the Sunlog folder, then restart the server (or use <code>npm start</code>, which does both).</p>
<p>The API is available under <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body>
</html>
`;

/**
 * Serves the built web app and answers everything no route matched: unknown /api, /healthz and /metrics paths get a JSON 404;
 * any other GET that accepts HTML gets index.html, so the app's own router handles deep links
 * (or a short page saying to build the app when there is no build).
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: true,
      // The build writes .br and .gz copies of its text files (packages/web/vite.config.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        // index.html, the service worker and the manifest must be revalidated, or updates never arrive.
        reply.header('cache-control', path.startsWith(join(distDir, 'assets')) ? IMMUTABLE : 'no-cache');
        // The page itself, or its precompressed copy (index.html.br, index.html.gz).
        const isPage = /^index\.html(?:\.br|\.gz)?$/.test(relative(distDir, path));
        if (isPage && preloadsMe(reply.request.url)) reply.header('link', PRELOAD_ME);
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiOrHealth(request.url) || !wantsPage(request)) {
      return reply.status(404).send(errorBody('not-found', 'Not found.'));
    }
    if (!built) return reply.status(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return sendIndex(request, reply);
  });
}

function sendIndex(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (preloadsMe(request.url)) reply.header('link', PRELOAD_ME);
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}

/** Paths for programs, not people: an unknown one is a JSON 404, never the web app's page. */
const MACHINE_PATHS = ['/api', '/healthz', '/metrics'];

function isApiOrHealth(url: string): boolean {
  const path = pathOf(url);
  return MACHINE_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return (request.headers.accept ?? '').includes('text/html');
}
