import { z } from 'zod';
import { CheckInSchema } from '../records/check-in.ts';
import { OffsetDateTimeSchema } from '../records/common.ts';
import { FlareSchema } from '../records/flare.ts';
import { IntakeSchema } from '../records/intake.ts';
import { LabResultSchema } from '../records/lab-result.ts';
import { ProfileSchema } from '../records/profile.ts';
import { RegimenSchema } from '../records/regimen.ts';
import { SymptomCheckSchema } from '../records/symptom-check.ts';
import { type DomainError, err, type Result } from '../result.ts';
import { parseWith } from '../validation.ts';

/**
 * Sunlog export, version 1: everything one person recorded, in one JSON document. Reminder settings
 * travel in `profile.reminders`. Version 1 is frozen: a change to its shape is a new version with its
 * own file, and parseExport keeps reading version 1. The published JSON Schema is
 * docs/export-schema.json (see export-schema.ts).
 */
export const EXPORT_FORMAT = 'sunlog-export';
export const EXPORT_VERSION = 1;

const COLLECTIONS = ['regimens', 'intakes', 'labResults', 'symptomChecks', 'flares', 'checkIns'] as const;

/** Ids are client-made UUIDs; a repeat within a collection would make an import ambiguous. */
function checkUniqueIds(
  document: Record<(typeof COLLECTIONS)[number], readonly { id: string }[]>,
  ctx: z.RefinementCtx,
): void {
  for (const collection of COLLECTIONS) {
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

export const ExportV1Schema = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    /** When the export was made, with the offset of the person's zone at that moment. */
    exportedAt: OffsetDateTimeSchema,
    profile: ProfileSchema,
    regimens: z.array(RegimenSchema),
    intakes: z.array(IntakeSchema),
    labResults: z.array(LabResultSchema),
    symptomChecks: z.array(SymptomCheckSchema),
    flares: z.array(FlareSchema),
    checkIns: z.array(CheckInSchema),
  })
  .superRefine(checkUniqueIds)
  .meta({
    title: 'Sunlog export, version 1',
    description:
      'Everything one person recorded in Sunlog: profile (with reminder settings), vitamin D regimens and intakes, lab results, symptom checks, suspected relapses (flares) and monthly check-ins. Values keep the units they were entered in.',
  });
export type ExportV1 = z.infer<typeof ExportV1Schema>;

/** The records an export is built from. */
export type ExportContent = Omit<ExportV1, 'format' | 'version' | 'exportedAt'>;

/** Assembles a version 1 export; `exportedAt` is passed in (core never reads the clock). */
export function buildExport(content: ExportContent, exportedAt: string): ExportV1 {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a parsed JSON value as a Sunlog export. Fails with `not-a-sunlog-export`, then
 * `unsupported-export-version`, then `invalid-export` whose message starts with the path of the first
 * problem, e.g. "intakes[3].amount.unit: …".
 */
export function parseExport(input: unknown): Result<ExportV1, DomainError> {
  if (!isObject(input) || input.format !== EXPORT_FORMAT) {
    return err({
      code: 'not-a-sunlog-export',
      message: 'This is not a Sunlog export: it has no "format": "sunlog-export"',
    });
  }
  if (input.version !== EXPORT_VERSION) {
    return err({
      code: 'unsupported-export-version',
      message: `This Sunlog export has version ${JSON.stringify(input.version) ?? 'none'}; this version of Sunlog reads version ${EXPORT_VERSION}`,
      path: 'version',
    });
  }
  return parseWith(ExportV1Schema, input, 'invalid-export');
}

/** Reads export text (a .json file's content); fails with `invalid-json` when it is not JSON. */
export function parseExportText(text: string): Result<ExportV1, DomainError> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err({ code: 'invalid-json', message: 'The file is not valid JSON' });
  }
  return parseExport(value);
}

/** The export as JSON text: pretty-printed with 2 spaces and a trailing newline, as a person saves it. */
export function serializeExport(document: ExportV1): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
