/**
 * Writes docs/export-schema.json (the current version) and docs/export-schema-v1.json from the zod
 * export schemas. Run from anywhere: npx tsx packages/core/scripts/write-export-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  EXPORT_SCHEMA_FILES,
  type ExportSchemaFile,
  exportJsonSchemaText,
} from '../src/exchange/export-schema.ts';

for (const file of Object.keys(EXPORT_SCHEMA_FILES) as ExportSchemaFile[]) {
  const target = fileURLToPath(new URL(`../../../docs/${file}`, import.meta.url));
  writeFileSync(target, exportJsonSchemaText(file));
  console.log(`Wrote ${target}`);
}
