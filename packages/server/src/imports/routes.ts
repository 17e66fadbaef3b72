import {
  CsvImportPreviewSchema,
  CsvImportRequestSchema,
  ExportImportPreviewSchema,
  ExportImportRequestSchema,
  FileImportOutcomeSchema,
  IMPORT_FILE_MAX_BYTES,
  ImportOutcomeSchema,
  LabResultsImportPreviewSchema,
  LabResultsImportRequestSchema,
} from '@sunlog/core/exchange/import-api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Sunlog } from '../context.ts';
import { ErrorBodySchema, formatMegabytes } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';

/**
 * The request size import routes accept: a file of IMPORT_FILE_MAX_BYTES, base64-encoded (4 characters
 * per 3 bytes), inside a small JSON body. Every other route keeps its own small limit (http/body-limits.ts).
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

  api.post(
    '/api/v1/import/csv/preview',
    {
      onRequest: authenticate,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Preview importing doses, blood results or symptom checks from a CSV file; writes nothing',
        description: `Detects the delimiter and which column holds what (override with \`mapping\`), reads every line, and lists each problem with its line and column. UTF-8 only (with or without a byte-order mark); UTF-16 and Latin-1 files are refused with what to do. ${LIMIT_NOTE}`,
        security: SECURITY,
        body: CsvImportRequestSchema,
        response: { 200: CsvImportPreviewSchema, ...ERRORS },
      },
    },
    async (request) => sunlog.imports.previewCsv(authOf(request).user, request.body),
  );

  api.post(
    '/api/v1/import/csv',
    {
      onRequest: authenticate,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Import doses, blood results or symptom checks from a CSV file, all or nothing',
        description: `Nothing is written while any line is in error (400 invalid-file naming the lines). Lines already imported, and records already logged under another id, are skipped. ${LIMIT_NOTE}`,
        security: SECURITY,
        body: CsvImportRequestSchema,
        response: { 200: FileImportOutcomeSchema, ...ERRORS },
      },
    },
    async (request) => sunlog.imports.importCsv(authOf(request).user, request.body, metaOf(request)),
  );

  api.post(
    '/api/v1/import/lab-results/preview',
    {
      onRequest: authenticate,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary:
          'Preview importing 25-hydroxyvitamin D results from a FHIR R4 Observation or Bundle; writes nothing',
        description: `Reads Observations with a LOINC code for 25(OH)D (62292-8, 1989-3, 14635-7, 49054-0) in ng/mL, µg/L, nmol/L or pmol/mL; counts everything else as skipped, by reason. ${LIMIT_NOTE}`,
        security: SECURITY,
        body: LabResultsImportRequestSchema,
        response: { 200: LabResultsImportPreviewSchema, ...ERRORS },
      },
    },
    async (request) => sunlog.imports.previewLabResults(authOf(request).user, request.body.file),
  );

  api.post(
    '/api/v1/import/lab-results',
    {
      onRequest: authenticate,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Import 25-hydroxyvitamin D results from a FHIR R4 Observation or Bundle',
        description: `A result already logged (same date, value and unit) is never added again. The LOINC code is kept on the record and the value as written in its note. ${LIMIT_NOTE}`,
        security: SECURITY,
        body: LabResultsImportRequestSchema,
        response: { 200: FileImportOutcomeSchema, ...ERRORS },
      },
    },
    async (request) =>
      sunlog.imports.importLabResults(authOf(request).user, request.body.file, metaOf(request)),
  );
}
