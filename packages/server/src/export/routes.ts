import { ExportV2Schema } from '@sunlog/core/exchange/export-v2';
import { RECORD_COLLECTIONS } from '@sunlog/core/records/collections';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { requireSameOriginFetch } from '../http/csrf.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { requireRecentAuthentication } from '../http/reauthentication.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';
import { RECORD_KINDS } from '../records/kinds.ts';

/** A yes/no query parameter: "true" or "false", absent meaning no. */
const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .describe(description)
    .transform((value) => value === 'true');

const ExportQuerySchema = z.object({
  history: flag('Add the edit history: earlier versions of edited records and recently deleted ones.'),
  activity: flag('Add the account activity (sign-ins, settings changes, exports…).'),
});

/** ?from=&to= for a report or FHIR Bundle: local dates, both included; six months up to today by default. */
export const RangeQuerySchema = z.object({
  from: z
    .string()
    .optional()
    .describe('First local date included, YYYY-MM-DD; six months before `to` when left out.'),
  to: z.string().optional().describe('Last local date included, YYYY-MM-DD; today when left out.'),
});

/** GET /api/v1/export: the person's data as a downloadable Sunlog export (JSON, the current version). */
export function registerExportRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  const recent = requireRecentAuthentication(sunlog.accounts);
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/export',
    {
      onRequest: [requireSameOriginFetch, authenticate, recent],
      schema: {
        tags: ['export'],
        summary: 'Everything the person keeps in Sunlog, as a Sunlog export (version 2) file',
        description:
          'Live records, profile and regimens with their reminder settings; with ?history=true the edit history and recently deleted records, with ?activity=true the account activity. Answered as an attachment named sunlog-export-YYYY-MM-DD.json; its JSON Schema is docs/export-schema.json. Needs a sign-in or the password within the last 5 minutes: 403 reauthentication-required otherwise (see POST /api/v1/auth/reauthenticate).',
        security: [{ sessionCookie: [] }],
        querystring: ExportQuerySchema,
        response: { 200: ExportV2Schema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { document, localDate } = await sunlog.exports.exportFor(
        authOf(request).user,
        request.query,
        metaOf(request),
      );
      // Health data: no shared cache may keep it.
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="sunlog-export-${localDate}.json"`);
      return document;
    },
  );

  api.get(
    '/api/v1/export/fhir',
    {
      onRequest: [authenticate, recent],
      schema: {
        tags: ['export'],
        summary: "The person's records for a date range as a FHIR R4 Bundle (type collection)",
        description:
          'Patient (display name only), the MS Condition, a MedicationStatement per regimen, a MedicationAdministration per logged dose, and Observations for blood results, symptom checks and flare-ups, each tagged patient-generated; codes and choices in docs/sharing.md. Answered as application/fhir+json, an attachment named sunlog-fhir-FROM-to-TO.json. Needs a sign-in or the password within the last 5 minutes: 403 reauthentication-required otherwise (see POST /api/v1/auth/reauthenticate).',
        security: [{ sessionCookie: [] }],
        querystring: RangeQuerySchema,
        response: {
          200: {
            description: 'The FHIR R4 Bundle.',
            content: {
              'application/fhir+json': { schema: z.string() },
            },
          },
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { bundle, range } = await sunlog.exports.fhirFor(
        authOf(request).user,
        request.query,
        metaOf(request),
      );
      // Health data: no shared cache may keep it.
      reply.header('cache-control', 'no-store');
      reply.header(
        'content-disposition',
        `attachment; filename="sunlog-fhir-${range.from}-to-${range.to}.json"`,
      );
      reply.type('application/fhir+json; charset=utf-8');
      return JSON.stringify(bundle);
    },
  );

  for (const collection of RECORD_COLLECTIONS) {
    const kind = RECORD_KINDS[collection];
    api.get(
      `/api/v1/export/csv/${kind.path}`,
      {
        onRequest: [requireSameOriginFetch, authenticate, recent],
        schema: {
          tags: ['export'],
          summary: `The person's ${kind.path.replace('-', ' ')} as a CSV file for spreadsheets`,
          description: `UTF-8 with a byte-order mark, a header row, ISO dates, units in their own column; cells that a spreadsheet would run as formulas are escaped. Deleted records are left out. Answered as an attachment named sunlog-${kind.path}-YYYY-MM-DD.csv; the columns are listed in docs/data-portability.md. Needs a sign-in or the password within the last 5 minutes: 403 reauthentication-required otherwise (see POST /api/v1/auth/reauthenticate).`,
          security: [{ sessionCookie: [] }],
          response: {
            200: { description: 'The CSV file.', content: { 'text/csv': { schema: z.string() } } },
            401: ErrorBodySchema,
            403: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { text, localDate } = await sunlog.exports.csvFor(
          authOf(request).user,
          collection,
          metaOf(request),
        );
        reply.header('cache-control', 'no-store');
        reply.header('content-disposition', `attachment; filename="sunlog-${kind.path}-${localDate}.csv"`);
        reply.type('text/csv; charset=utf-8');
        return text;
      },
    );
  }
}
