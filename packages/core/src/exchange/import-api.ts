import { z } from 'zod';
import { RECORD_COLLECTIONS } from '../records/collections.ts';
import { LocalDateSchema } from '../records/common.ts';
import { CSV_IMPORT_KINDS } from './csv/import-mapping.ts';

/**
 * The import routes' request and answer shapes, shared by the server (which validates and documents
 * them) and the web app (which sends and reads them). Every import is previewed first and written only
 * on a second, explicit request; nothing is written while anything is in error or undecided.
 */

/** Largest file an import accepts, in bytes: a ten-year journal exports to well under 5 MB. */
export const IMPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The file as sent: its bytes base64-encoded, so the server sees exactly what is on disk (encoding included). */
export const ImportFileSchema = z
  .string()
  .min(1)
  // The route's body limit bounds it; the decoded size is checked against IMPORT_FILE_MAX_BYTES with a clear message.
  .max(IMPORT_FILE_MAX_BYTES * 2)
  .describe(
    'The file’s bytes, base64-encoded; a data: URL (as FileReader.readAsDataURL makes) is accepted too. Files up to 10 MB.',
  );

export const ConflictChoiceSchema = z.enum(['keep-mine', 'take-file']);

export const ConflictChoicesSchema = z
  .strictObject({
    all: ConflictChoiceSchema.optional().describe('The choice for every conflict not named in byKey.'),
    byKey: z
      .record(z.string().max(200), ConflictChoiceSchema)
      .optional()
      .describe('A choice per conflict, by its key (`intakes/<id>`, or `profile`).'),
  })
  .describe(
    "What to do where the file and the account differ: keep yours, or take the file's (yours stays in the history).",
  );

export const ExportImportRequestSchema = z.strictObject({
  file: ImportFileSchema,
  conflicts: ConflictChoicesSchema.optional(),
});
export type ExportImportRequest = z.infer<typeof ExportImportRequestSchema>;

const CollectionSchema = z.enum(RECORD_COLLECTIONS);

const DateRangeSchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema })
  .nullable()
  .describe('The earliest and latest date of the records; null when there are none.');

export const ImportConflictSchema = z.object({
  key: z.string().describe('What a choice names: `collection/id`, or `profile`.'),
  collection: z.union([CollectionSchema, z.literal('profile')]),
  id: z.string().nullable(),
  filedOn: LocalDateSchema.nullable(),
  fields: z.array(z.string()).describe('The fields whose values differ.'),
  yoursDeleted: z.boolean().describe("Your copy is deleted; taking the file's restores it."),
});

/** Largest number of conflicts a preview lists one by one (`conflictCount` has them all). */
export const PREVIEW_CONFLICTS_SHOWN = 500;

export const ExportImportPreviewSchema = z.object({
  fileVersion: z.number().int().describe('The export version the file was written in.'),
  exportedAt: z.string(),
  counts: z.array(
    z.object({
      collection: CollectionSchema,
      inFile: z.number().int(),
      add: z.number().int(),
      unchanged: z.number().int().describe('Already in the account with the same content: skipped.'),
      conflicts: z.number().int(),
    }),
  ),
  dateRange: DateRangeSchema,
  conflicts: z.array(ImportConflictSchema).describe(`The first ${PREVIEW_CONFLICTS_SHOWN} conflicts.`),
  conflictCount: z.number().int(),
  deleted: z
    .object({ inFile: z.number().int(), add: z.number().int() })
    .describe('Recently deleted records.'),
  revisions: z.number().int().describe('Earlier versions in the file; ones already kept are skipped.'),
  activityIgnored: z.number().int().describe('Account activity entries: informational, never imported.'),
});
export type ExportImportPreview = z.infer<typeof ExportImportPreviewSchema>;

export const ImportOutcomeSchema = z.object({
  added: z.number().int(),
  replaced: z.number().int().describe("Conflicts resolved by taking the file's version."),
  unchanged: z.number().int().describe('Already there with the same content: skipped.'),
  kept: z.number().int().describe('Conflicts resolved by keeping yours.'),
  deletedAdded: z.number().int(),
  revisionsAdded: z.number().int(),
  profileUpdated: z.boolean(),
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

/** Largest number of line errors a CSV preview lists one by one (`errorCount` has them all). */
export const PREVIEW_ERRORS_SHOWN = 200;

export const CsvImportKindSchema = z.enum(CSV_IMPORT_KINDS);

export const CsvImportRequestSchema = z.strictObject({
  kind: CsvImportKindSchema.describe('What the file holds: doses, blood results or symptom checks.'),
  file: ImportFileSchema,
  mapping: z
    .record(z.string().max(40), z.string().max(200))
    .optional()
    .describe(
      'Which column (by its header) holds each field, e.g. {"date": "Datum", "amount": "Dosis"}; detected from the header when left out.',
    ),
  dateOrder: z
    .enum(['day-first', 'month-first'])
    .optional()
    .describe('How to read dates like 02/03/2026, when no line settles it.'),
});
export type CsvImportRequest = z.infer<typeof CsvImportRequestSchema>;

const LineErrorSchema = z.object({
  line: z
    .number()
    .int()
    .nullable()
    .describe('The line of the file (the header is line 1); null for the whole file.'),
  column: z.string().nullable(),
  message: z.string(),
});

const FileCountsShape = {
  add: z.number().int().describe('New records.'),
  duplicates: z
    .number()
    .int()
    .describe('Already logged under another id (same date, value and unit): skipped.'),
  alreadyImported: z.number().int().describe('Imported before (same id, same content): skipped.'),
};

export const CsvImportPreviewSchema = z.object({
  kind: CsvImportKindSchema,
  delimiter: z.enum([',', ';', '\t']),
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).describe('The mapping used: given, or detected.'),
  unmapped: z.array(z.string()).describe('Columns nothing is read from.'),
  lines: z.number().int().describe('Lines with a record, the header not counted.'),
  ...FileCountsShape,
  dateRange: DateRangeSchema,
  errors: z
    .array(LineErrorSchema)
    .describe(`The first ${PREVIEW_ERRORS_SHOWN} problems; nothing is imported while there is any.`),
  errorCount: z.number().int(),
});
export type CsvImportPreview = z.infer<typeof CsvImportPreviewSchema>;

export const LabResultsImportRequestSchema = z.strictObject({ file: ImportFileSchema });

export const LabResultsImportPreviewSchema = z.object({
  found: z.number().int().describe('25-hydroxyvitamin D results in the file.'),
  ...FileCountsShape,
  skipped: z
    .record(z.string(), z.number().int())
    .describe('Entries that are not a 25(OH)D result Sunlog can read, by reason.'),
  dateRange: DateRangeSchema,
});
export type LabResultsImportPreview = z.infer<typeof LabResultsImportPreviewSchema>;

export const FileImportOutcomeSchema = z.object(FileCountsShape);
export type FileImportOutcome = z.infer<typeof FileImportOutcomeSchema>;
