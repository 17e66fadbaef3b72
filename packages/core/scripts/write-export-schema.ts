/**
 * Writes docs/export-schema.json from the zod export schema.
 * Run from the repository root or anywhere: npx tsx packages/core/scripts/write-export-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportJsonSchemaText } from '../src/exchange/export-schema.ts';

const target = fileURLToPath(new URL('../../../docs/export-schema.json', import.meta.url));
writeFileSync(target, exportJsonSchemaText());
console.log(`Wrote ${target}`);
