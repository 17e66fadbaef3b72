import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { ErrorBodySchema, errorBody } from '../http/errors.ts';
import { SunlogMetrics } from './registry.ts';

/** Where Prometheus scrapes; outside /api, like /healthz, since it is for operators, not the app. */
export const METRICS_PATH = '/metrics';

/**
 * GET /metrics in the Prometheus text format, for a scraper that sends `Authorization: Bearer
 * <METRICS_TOKEN>`. Without METRICS_TOKEN nothing is collected and /metrics answers 404 exactly like
 * an unknown path; with it, a missing or wrong token answers 401 (a scraper's operator is told the
 * token is wrong rather than left wondering whether the path is), and the token is compared in
 * constant time.
 *
 * Request counts and latencies are labelled with the route pattern the router matched, so ids and
 * secrets in URLs (record ids, calendar-feed secrets, share links) never become label values, and
 * requests no route matched share one label.
 */
export function registerMetricsRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const token = sunlog.config.metricsToken;
  const metrics =
    token === undefined
      ? undefined
      : new SunlogMetrics({
          recordCreates: () => sunlog.records.createCommitStats,
          delivery: () => sunlog.delivery.stats,
        });
  if (metrics !== undefined) {
    app.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest(
        request.method,
        request.routeOptions.url,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
    });
  }
  const isAuthorized = token === undefined ? () => false : bearerCheck(token);

  app.withTypeProvider<ZodTypeProvider>().get(
    METRICS_PATH,
    {
      schema: {
        tags: ['operations'],
        summary: 'Counters and latencies for Prometheus (only when METRICS_TOKEN is set)',
        description:
          'The Prometheus text exposition format: requests and latency per route pattern, group-commit commits and writes, reminder delivery and push counters, and Node.js process metrics including event-loop lag. Needs `Authorization: Bearer <METRICS_TOKEN>`; 401 without it or with a wrong token. When METRICS_TOKEN is not set, 404 like any unknown path.',
        security: [{ metricsToken: [] }],
        response: {
          200: {
            description: 'The metrics.',
            content: { 'text/plain': { schema: z.string() } },
          },
          401: ErrorBodySchema,
          404: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      if (metrics === undefined) return reply.status(404).send(errorBody('not-found', 'Not found.'));
      if (!isAuthorized(request)) return refuse(reply);
      const { text, contentType } = await metrics.render();
      reply.header('cache-control', 'no-store');
      reply.type(contentType);
      return text;
    },
  );
}

/**
 * Whether a request carries `Authorization: Bearer <token>`. Both sides are hashed first, so the
 * comparison takes the same time whatever the guess, its length included.
 */
function bearerCheck(token: string): (request: FastifyRequest) => boolean {
  const expected = sha256(token);
  return (request) => {
    const offered = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
    // A missing token is hashed too (an empty one never matches: METRICS_TOKEN has 32 characters or more).
    return timingSafeEqual(sha256(offered ?? ''), expected);
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function refuse(reply: FastifyReply): FastifyReply {
  reply.header('www-authenticate', 'Bearer realm="sunlog-metrics"');
  return reply
    .status(401)
    .send(errorBody('unauthenticated', 'Send the metrics token as "Authorization: Bearer <token>".'));
}
