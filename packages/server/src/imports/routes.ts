import {
  ExportImportPreviewSchema,
  ExportImportRequestSchema,
  IMPORT_FILE_MAX_BYTES,
  ImportOutcomeSchema,
} from '@sunlog/core/exchange/import-api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Sunlog } from '../context.ts';
import { ErrorBodySchema, formatMegabytes } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';

/**
 * The request size import routes accept: a file of IMPORT_FILE_MAX_BYTES, base64-encoded (4 characters
 * per 3 bytes), inside a small JSON body. Every other route keeps the app's 1 MB limit.
 */
export const IMPORT_BODY_LIMIT_BYTES = Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4 + 64 * 1024;

const SECURITY = [{ sessionCookie: [] }];
const ERRORS = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  409: ErrorBodySchema,
  413: ErrorBodySchema,
  415: ErrorBodySchema,
};
const LIMIT_NOTE = `Files up to ${formatMegabytes(IMPORT_FILE_MAX_BYTES)}; a larger one answers 413 with the limit in its message.`;

/** Imports into the signed-in person's account: preview, then commit. */
export function registerImportRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/import/preview',
    {
      onRequest: authenticate,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary:
          'Preview importing a Sunlog export: counts per kind, the date range, conflicts; writes nothing',
        description: `Reads a Sunlog export of version 1 or 2. ${LIMIT_NOTE}`,
        security: SECURITY,
        body: ExportImportRequestSchema,
        response: { 200: ExportImportPreviewSchema, ...ERRORS },
      },
    },
    async (request) => sunlog.imports.previewExport(authOf(request).user, request.body.file),
  );

  api.post(
    '/api/v1/import',
    {
      onRequest: authenticate,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Import a Sunlog export into the account, all or nothing',
        description: `Records already there with the same content are skipped, so importing a file twice adds nothing. Where the file and the account differ, nothing is written (409 import-conflict) until \`conflicts\` chooses, for all or per key, to keep yours or take the file's. ${LIMIT_NOTE}`,
        security: SECURITY,
        body: ExportImportRequestSchema,
        response: { 200: ImportOutcomeSchema, ...ERRORS },
      },
    },
    async (request) =>
      sunlog.imports.importExport(
        authOf(request).user,
        request.body.file,
        request.body.conflicts ?? {},
        metaOf(request),
      ),
  );
}
