import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SunlogError } from '../errors.ts';

const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery protection for every state-changing request under /api:
 * (a) a request with a body must send it as `application/json` — HTML forms cannot, so a
 *     cross-site form post fails here (415) before any parsing;
 * (b) Fetch Metadata: `Sec-Fetch-Site` must be `same-origin` or `none`; browsers too old to send it
 *     still send `Origin`, which must then be this server's own origin. Requests with neither header
 *     (the CLI, curl) come from no browser, so there is no ambient cookie to abuse, and they pass.
 * See: https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
export function registerCsrfProtection(app: FastifyInstance, publicUrl: string): void {
  const publicOrigin = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING_METHODS.has(request.method) || !isApiPath(pathOf(request))) return;
    if (hasBody(request) && !isJson(request.headers['content-type'])) {
      throw new SunlogError('unsupported-media-type', 'Send the request body as application/json.');
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined) {
      if (site === 'same-origin' || site === 'none') return;
      throw forbidden();
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (origin !== publicOrigin && origin !== ownOrigin(request)) throw forbidden();
  });
}

/**
 * The path the router matched (`/api/v1/intakes/:id`), never the raw URL: the router decodes
 * percent-escapes, so `/%61pi/…` reaches an /api route while its raw URL does not start with /api.
 * A request no route matched is judged by its decoded path.
 */
function pathOf(request: FastifyRequest): string {
  const matched = request.routeOptions.url;
  if (matched !== undefined) return matched;
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return length !== '0';
  return request.headers['transfer-encoding'] !== undefined;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** The origin this request was addressed to, for when PUBLIC_URL is not how the person reached us. */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function forbidden(): SunlogError {
  return new SunlogError('csrf', 'This request came from another site and was refused.');
}

/**
 * For a GET that has an effect or hands out everything (the export, which is audited): a browser must
 * say the request came from this origin (`Sec-Fetch-Site: same-origin`) or from the person themselves
 * (`none`, typed or bookmarked). A cross-site link or image answers 403; clients without Fetch Metadata
 * (the CLI, curl, old browsers) carry no ambient cookie from another site and pass.
 */
export async function requireSameOriginFetch(request: FastifyRequest): Promise<void> {
  const site = request.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return;
  throw forbidden();
}
