import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { RangeQuerySchema } from '../export/routes.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { requireRecentAuthentication } from '../http/reauthentication.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';
import { PAPER_SIZES } from './render-pdf.ts';

const ReportQuerySchema = RangeQuerySchema.extend({
  paper: z.enum(PAPER_SIZES).default('a4').describe('Paper size: a4 (the default) or letter.'),
});

/** GET /api/v1/reports/pdf: the clinician report for a date range as a PDF download. */
export function registerReportRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reports/pdf',
    {
      onRequest: [authenticate, requireRecentAuthentication(sunlog.accounts)],
      schema: {
        tags: ['export'],
        summary: 'The clinician report for a date range, as a PDF',
        description:
          'Page one is the summary for the clinician (regimen and doses in both units, adherence by month, every 25(OH)D result against the personal target and named guideline bands, flare-ups, symptom months, the questions from check-ins) with vector charts; then detail tables. Fonts embedded, tagged for reading aloud. Six months up to today by default. Answered as an attachment named sunlog-report-FROM-to-TO.pdf; contents in docs/sharing.md. Needs a sign-in or the password within the last 5 minutes: 403 reauthentication-required otherwise (see POST /api/v1/auth/reauthenticate).',
        security: [{ sessionCookie: [] }],
        querystring: ReportQuerySchema,
        response: {
          200: {
            description: 'The PDF.',
            content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
          },
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { from, to, paper } = request.query;
      const { pdf, range } = await sunlog.exports.pdfReportFor(
        authOf(request).user,
        { from, to },
        paper,
        metaOf(request),
      );
      // Health data: no shared cache may keep it.
      reply.header('cache-control', 'no-store');
      reply.header(
        'content-disposition',
        `attachment; filename="sunlog-report-${range.from}-to-${range.to}.pdf"`,
      );
      reply.type('application/pdf');
      // A Buffer is sent as it is: Fastify serializes only objects.
      return reply.send(pdf as unknown as string);
    },
  );
}
