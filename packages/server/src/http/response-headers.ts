import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Browser features Sunlog never uses, denied to this origin and any frame: a journal has no reason to
 * reach a camera, a microphone or a location, so a script that slipped in could not either.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * Headers on every answer: `Permissions-Policy`, and `Cache-Control: no-store` on everything under /api
 * (health data, sessions, errors), so no browser or shared cache keeps a copy. Judged by the matched
 * route, or the decoded path when none matched, like the CSRF check.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    applyResponseHeaders(request, reply);
  });
}

/** Sets the headers; also called by the error handler for errors the router raises before any hook runs. */
export function applyResponseHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('permissions-policy', PERMISSIONS_POLICY);
  if (isApiRequest(request)) reply.header('cache-control', 'no-store');
}

function isApiRequest(request: FastifyRequest): boolean {
  const raw = request.url.split('?')[0] ?? '';
  let path = request.routeOptions.url ?? raw;
  if (request.routeOptions.url === undefined) {
    try {
      path = decodeURIComponent(raw);
    } catch {
      // Undecodable: judge the raw text.
    }
  }
  return path === '/api' || path.startsWith('/api/');
}
