import { ActivityPageSchema } from '@sunlog/core/records/account-activity';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

const ActivityQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(200).optional().describe('The nextCursor of the previous page.'),
});

/** GET /api/v1/me/activity: the signed-in person reads their own audit trail, newest first. */
export function registerActivityRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/me/activity',
    {
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Your account activity: sign-ins, sign-outs, settings changes, deletions and exports',
        description:
          'Newest first. Shows what happened and from which address, never record contents or secrets.',
        security: [{ sessionCookie: [] }],
        querystring: ActivityQuerySchema,
        response: { 200: ActivityPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return sunlog.audit.readFor(sunlog.db, authOf(request).user.id, request.query);
    },
  );
}
