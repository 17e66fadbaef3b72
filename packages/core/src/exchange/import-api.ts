import { z } from 'zod';
import { RECORD_COLLECTIONS } from '../records/collections.ts';
import { LocalDateSchema } from '../records/common.ts';

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
