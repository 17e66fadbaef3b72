import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { pingDatabase } from '../db/connect.ts';

/** GET /healthz: `{"status":"ok"}` when the database answers, 503 otherwise (for load balancers). */
export function registerHealthRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Whether this instance can reach its database',
        response: {
          200: z.object({ status: z.literal('ok') }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (request, reply) => {
      if (await pingDatabase(sunlog.db)) return reply.status(200).send({ status: 'ok' as const });
      request.log.error('health check: the database did not answer');
      return reply.status(503).send({ status: 'unavailable' as const });
    },
  );
}
