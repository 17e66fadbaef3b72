import { ExportV1Schema } from '@sunlog/core/exchange/export-v1';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Sunlog } from '../context.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';

/** GET /api/v1/export: the person's data as a downloadable export-v1 JSON file. */
export function registerExportRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/export',
    {
      onRequest: authenticate,
      schema: {
        tags: ['export'],
        summary: 'Everything the person recorded, as a Sunlog export (version 1) file',
        description:
          'Deleted records are left out. Answered as an attachment named sunlog-export-YYYY-MM-DD.json.',
        security: [{ sessionCookie: [] }],
        response: { 200: ExportV1Schema, 401: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { document, localDate } = await sunlog.exports.exportFor(authOf(request).user, metaOf(request));
      // Health data: no shared cache may keep it.
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="sunlog-export-${localDate}.json"`);
      return document;
    },
  );
}
