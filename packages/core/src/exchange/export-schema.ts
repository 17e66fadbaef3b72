import { z } from 'zod';
import { ExportV1Schema } from './export-v1.ts';

/**
 * The JSON Schema (draft 2020-12) of the version 1 export, generated from the zod schema so the two can
 * never disagree. Rules JSON Schema cannot state (an end date not before its start, a unit that fits its
 * analyte's reference range, unique ids) are checked by parseExport only.
 */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ExportV1Schema, { target: 'draft-2020-12', io: 'output' });
}

/** docs/export-schema.json's exact content: 2-space indentation and a trailing newline. */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}
