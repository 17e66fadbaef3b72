import { z } from 'zod';
import { ActivityEntrySchema } from '../records/account-activity.ts';
import { RECORD_SCHEMAS, type RecordCollection } from '../records/collections.ts';
import { OffsetDateTimeSchema } from '../records/common.ts';
import { ProfileSchema } from '../records/profile.ts';
import { checkUniqueIds as checkUniqueRecordIds, EXPORT_FORMAT } from './export-v1.ts';

/**
 * Sunlog export, version 2: everything one person keeps in Sunlog, in one JSON document. Over version 1
 * it adds the account it came from and, when the person asks for them, the edit history with recently
 * deleted records (`history`) and the account activity (`activity`). Reminder settings travel in
 * `profile.reminders` and in each regimen's `reminderTimes`.
 *
 * Fields marked `readOnly` in the JSON Schema (docs/export-schema.json) are what the server set: the
 * account, record timestamps, the consent time and the activity. An import ignores them. Frozen like
 * version 1: a change of shape is version 3, and the reader keeps reading 1 and 2.
 */
export const EXPORT_VERSION_2 = 2;

const readOnly = <S extends z.ZodType>(schema: S, description: string): S =>
  schema.meta({ readOnly: true, description });

/** The account an export was made from; ignored on import (records join the importing account). */
export const ExportAccountSchema = readOnly(
  z.strictObject({
    id: z.uuid(),
    email: z.string().max(254),
    /** When the account was registered (UTC). */
    createdAt: z.iso.datetime(),
  }),
  'The account the export was made from. Ignored on import: records join the account they are imported into.',
);

/** The profile as exported: `consentedAt` belongs to the account that consented and is not imported. */
const ExportProfileSchema = ProfileSchema.extend({
  consentedAt: readOnly(
    ProfileSchema.shape.consentedAt,
    'When the person accepted the disclaimer in the account exported. Ignored on import: each account records its own consent.',
  ),
});

const revisionOf = <C extends RecordCollection>(collection: C) =>
  z.strictObject({
    collection: z.literal(collection),
    /** When the edit that replaced this version happened (UTC). */
    revisedAt: z.iso.datetime(),
    /** The record as it was before that edit, kept exactly as stored (its timestamps included). */
    record: RECORD_SCHEMAS[collection],
  });

/** A version of a record that an edit replaced, with when that edit happened. */
export const ExportRevisionSchema = z.discriminatedUnion('collection', [
  revisionOf('regimens'),
  revisionOf('intakes'),
  revisionOf('labResults'),
  revisionOf('symptomChecks'),
  revisionOf('flares'),
  revisionOf('checkIns'),
]);
export type ExportRevision = z.infer<typeof ExportRevisionSchema>;

const deletedOf = <C extends RecordCollection>(collection: C) =>
  z.strictObject({
    collection: z.literal(collection),
    /** When it was deleted (UTC); retention purges it a fixed time later. */
    deletedAt: z.iso.datetime(),
    record: RECORD_SCHEMAS[collection],
  });

/** A record the person deleted and may still restore (until retention purges it). */
export const ExportDeletedSchema = z.discriminatedUnion('collection', [
  deletedOf('regimens'),
  deletedOf('intakes'),
  deletedOf('labResults'),
  deletedOf('symptomChecks'),
  deletedOf('flares'),
  deletedOf('checkIns'),
]);
export type ExportDeleted = z.infer<typeof ExportDeletedSchema>;

export const ExportHistorySchema = z
  .strictObject({
    revisions: z.array(ExportRevisionSchema),
    deleted: z.array(ExportDeletedSchema),
  })
  .meta({
    description:
      'Present when the person asked for the edit history: earlier versions of edited records and recently deleted records, as far back as retention keeps them.',
  });
export type ExportHistory = z.infer<typeof ExportHistorySchema>;

const ExportActivitySchema = readOnly(
  z.array(ActivityEntrySchema),
  'Present when the person asked for it: their account activity, newest first. Informational; ignored on import.',
);

/**
 * Ids are client-made UUIDs; a repeat within a list would make an import ambiguous, and a deleted
 * record cannot share its id with a live one of the same kind.
 */
function checkUniqueIds(document: z.output<typeof ExportV2Shape>, ctx: z.RefinementCtx): void {
  checkUniqueRecordIds(document, ctx);
  const deletedSeen = new Set<string>();
  document.history?.deleted.forEach((entry, index) => {
    const key = `${entry.collection}/${entry.record.id}`;
    const live = document[entry.collection].some((record) => record.id === entry.record.id);
    if (live || deletedSeen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['history', 'deleted', index, 'record', 'id'],
        message: live
          ? 'This id is also a live record of the same kind'
          : 'This id appears twice in the same list',
      });
    }
    deletedSeen.add(key);
  });
}

const ExportV2Shape = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION_2),
  /** When the export was made, with the offset of the person's zone at that moment. */
  exportedAt: readOnly(OffsetDateTimeSchema, 'When the export was made. Ignored on import.'),
  account: ExportAccountSchema.optional(),
  profile: ExportProfileSchema,
  regimens: z.array(RECORD_SCHEMAS.regimens),
  intakes: z.array(RECORD_SCHEMAS.intakes),
  labResults: z.array(RECORD_SCHEMAS.labResults),
  symptomChecks: z.array(RECORD_SCHEMAS.symptomChecks),
  flares: z.array(RECORD_SCHEMAS.flares),
  checkIns: z.array(RECORD_SCHEMAS.checkIns),
  history: ExportHistorySchema.optional(),
  activity: ExportActivitySchema.optional(),
});

export const ExportV2Schema = ExportV2Shape.superRefine(checkUniqueIds).meta({
  title: 'Sunlog export, version 2',
  description:
    'Everything one person keeps in Sunlog: profile (with reminder settings), vitamin D regimens and intakes, lab results, symptom checks, suspected relapses (flares) and monthly check-ins; optionally the edit history with recently deleted records, and the account activity. Values keep the units they were entered in. Fields marked readOnly were set by the server and are ignored on import.',
});
export type ExportV2 = z.infer<typeof ExportV2Schema>;

/** What an export is built from. */
export type ExportV2Content = Omit<ExportV2, 'format' | 'version' | 'exportedAt'>;

/** Assembles a version 2 export in its fixed key order; `exportedAt` is passed in (core never reads the clock). */
export function buildExport(content: ExportV2Content, exportedAt: string): ExportV2 {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION_2,
    exportedAt,
    ...(content.account === undefined ? {} : { account: content.account }),
    profile: content.profile,
    regimens: content.regimens,
    intakes: content.intakes,
    labResults: content.labResults,
    symptomChecks: content.symptomChecks,
    flares: content.flares,
    checkIns: content.checkIns,
    ...(content.history === undefined ? {} : { history: content.history }),
    ...(content.activity === undefined ? {} : { activity: content.activity }),
  };
}
