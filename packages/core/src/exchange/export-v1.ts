import { z } from 'zod';
import { RECORD_COLLECTIONS, RECORD_SCHEMAS, type RecordCollection } from '../records/collections.ts';
import { OffsetDateTimeSchema } from '../records/common.ts';
import { ProfileSchema, ReminderPreferencesSchema } from '../records/profile.ts';

/**
 * Sunlog export, version 1: everything one person recorded, in one JSON document. Reminder settings
 * travel in `profile.reminders`. Version 1 is frozen: a change to its shape is a new version with its
 * own file (export-v2.ts), and export-read.ts keeps reading version 1. Its JSON Schema is published as
 * docs/export-schema-v1.json (see export-schema.ts).
 */
export const EXPORT_FORMAT = 'sunlog-export';
export const EXPORT_VERSION_1 = 1;

/** Ids are client-made UUIDs; a repeat within a collection would make an import ambiguous. Both versions check it. */
export function checkUniqueIds(
  document: Record<RecordCollection, readonly { id: string }[]>,
  ctx: z.RefinementCtx,
): void {
  for (const collection of RECORD_COLLECTIONS) {
    const seen = new Set<string>();
    document[collection].forEach((record, index) => {
      if (seen.has(record.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [collection, index, 'id'],
          message: 'This id appears twice in the same list',
        });
      }
      seen.add(record.id);
    });
  }
}

/**
 * The profile as version 1 wrote it: reminder preferences without the check-in day and times added
 * later, and without the tracked ratings and the last appointment (both travel in version 2 only), so the
 * published version 1 schema stays as it was.
 */
const ProfileV1Schema = ProfileSchema.omit({ trackedRatings: true, lastAppointment: true }).extend({
  reminders: ReminderPreferencesSchema.pick({
    dailyDose: true,
    dailyDoseTimes: true,
    monthlyCheckIn: true,
    labTestEveryWeeks: true,
  }),
});

export const ExportV1Schema = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION_1),
    /** When the export was made, with the offset of the person's zone at that moment. */
    exportedAt: OffsetDateTimeSchema,
    profile: ProfileV1Schema,
    regimens: z.array(RECORD_SCHEMAS.regimens),
    intakes: z.array(RECORD_SCHEMAS.intakes),
    labResults: z.array(RECORD_SCHEMAS.labResults),
    symptomChecks: z.array(RECORD_SCHEMAS.symptomChecks),
    flares: z.array(RECORD_SCHEMAS.flares),
    checkIns: z.array(RECORD_SCHEMAS.checkIns),
  })
  .superRefine(checkUniqueIds)
  .meta({
    title: 'Sunlog export, version 1',
    description:
      'Everything one person recorded in Sunlog: profile (with reminder settings), vitamin D regimens and intakes, lab results, symptom checks, suspected relapses (flares) and monthly check-ins. Values keep the units they were entered in.',
  });
export type ExportV1 = z.infer<typeof ExportV1Schema>;

/** The records an export is built from. */
export type ExportV1Content = Omit<ExportV1, 'format' | 'version' | 'exportedAt'>;

/** Assembles a version 1 export (files older Sunlogs wrote; tests of the reader build them). */
export function buildExportV1(content: ExportV1Content, exportedAt: string): ExportV1 {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION_1,
    exportedAt,
    profile: content.profile,
    regimens: content.regimens,
    intakes: content.intakes,
    labResults: content.labResults,
    symptomChecks: content.symptomChecks,
    flares: content.flares,
    checkIns: content.checkIns,
  };
}
