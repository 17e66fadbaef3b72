import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../db/availability.ts';
import { pingDatabase } from '../db/connect.ts';

/**
 * GET /healthz: `{"status":"ok"}` when the database answers, 503 otherwise (for load balancers) with
 * the reason: `database-unreachable`, `database-timeout`, `database-busy`, `database-closed` or `database-error`.
 */
export function registerHealthRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Whether this instance can reach its database',
        response: {
          200: z.object({ status: z.literal('ok') }),
          503: z.object({
            status: z.literal('unavailable'),
            reason: z
              .enum([
                'database-unreachable',
                'database-timeout',
                'database-busy',
                'database-closed',
                'database-error',
              ])
              .describe('Why the database did not answer.'),
          }),
        },
      },
    },
    async (request, reply) => {
      const ping = await pingDatabase(sunlog.db);
      if (ping.ok) return reply.status(200).send({ status: 'ok' as const });
      request.log.error({ reason: ping.reason }, 'health check: the database did not answer');
      reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
      return reply.status(503).send({ status: 'unavailable' as const, reason: ping.reason });
    },
  );
}
