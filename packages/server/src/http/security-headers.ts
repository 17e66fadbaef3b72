import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for `options`, worked out once. The Fastify plugin builds helmet's middleware
 * from the options again on every request (parsing the CSP directives each time), which under load is
 * a measurable share of a write; the headers never change, so they are computed here at start-up.
 */
export function securityHeaders(options: HelmetOptions): ReadonlyMap<string, string> {
  const headers = new Map<string, string>();
  const response = {
    setHeader(name: string, value: string | number) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure !== undefined) throw failure;
  return headers;
}

/** Sets helmet's headers for `options` on every answer, as the plugin did, without rebuilding them. */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = [...securityHeaders(options)];
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
