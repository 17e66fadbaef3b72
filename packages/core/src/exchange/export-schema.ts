import { z } from 'zod';
import { ExportV1Schema } from './export-v1.ts';
import { ExportV2Schema } from './export-v2.ts';

/**
 * The JSON Schemas (draft 2020-12) of the export versions, generated from the zod schemas so the two
 * can never disagree: docs/export-schema.json is the current version (2), docs/export-schema-v1.json
 * the one before. Rules JSON Schema cannot state (an end date not before its start, a unit that fits
 * its analyte's reference range, unique ids) are checked by parseExport only.
 */
export const EXPORT_SCHEMA_FILES = {
  'export-schema.json': ExportV2Schema,
  'export-schema-v1.json': ExportV1Schema,
} as const;

export type ExportSchemaFile = keyof typeof EXPORT_SCHEMA_FILES;

export function exportJsonSchema(file: ExportSchemaFile = 'export-schema.json'): Record<string, unknown> {
  return z.toJSONSchema(EXPORT_SCHEMA_FILES[file], { target: 'draft-2020-12', io: 'output' });
}

/** The exact content of docs/<file>: 2-space indentation and a trailing newline. */
export function exportJsonSchemaText(file: ExportSchemaFile = 'export-schema.json'): string {
  return `${JSON.stringify(exportJsonSchema(file), null, 2)}\n`;
}
