import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  EXPORT_SCHEMA_FILES,
  type ExportSchemaFile,
  exportJsonSchema,
  exportJsonSchemaText,
} from './export-schema.ts';

function committed(file: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../../docs/${file}`, import.meta.url)), 'utf8');
}

interface RecordSchema {
  properties?: Record<string, { readOnly?: boolean }>;
  oneOf?: RecordSchema[];
}

/** A record schema's variants: itself, or each branch of a discriminated union (lab results). */
function variants(schema: RecordSchema): { properties: Record<string, { readOnly?: boolean }> }[] {
  if (schema.oneOf !== undefined) return schema.oneOf.flatMap(variants);
  return [{ properties: schema.properties ?? {} }];
}

interface Schema {
  $schema: string;
  properties: Record<
    string,
    { const?: unknown; readOnly?: boolean; properties?: Record<string, { readOnly?: boolean }> }
  >;
  required: string[];
  $defs: Record<string, RecordSchema>;
}

describe('published export JSON Schemas', () => {
  test.each(Object.keys(EXPORT_SCHEMA_FILES) as ExportSchemaFile[])(
    'docs/%s equals the schema generated from the code (run scripts/write-export-schema.ts)',
    (file) => {
      expect(committed(file)).toBe(exportJsonSchemaText(file));
    },
  );

  test('the current schema describes a version 2 export with every record list', () => {
    const schema = exportJsonSchema() as unknown as Schema;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format?.const).toBe('sunlog-export');
    expect(schema.properties.version?.const).toBe(2);
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'profile',
        'regimens',
        'intakes',
        'labResults',
        'symptomChecks',
        'flares',
        'checkIns',
      ]),
    );
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['account', 'history', 'activity']),
    );
  });

  test('marks readOnly exactly what an import ignores: account, timestamps, consent, activity', () => {
    const schema = exportJsonSchema() as unknown as Schema;
    expect(schema.properties.account?.readOnly).toBe(true);
    expect(schema.properties.exportedAt?.readOnly).toBe(true);
    expect(schema.properties.activity?.readOnly).toBe(true);
    expect(schema.properties.profile?.properties?.consentedAt?.readOnly).toBe(true);
    expect(schema.properties.profile?.properties?.timeZone?.readOnly).toBeUndefined();
    const records = Object.entries(schema.$defs).flatMap(([name, record]) =>
      variants(record).map((variant) => ({ name, ...variant })),
    );
    expect(records.length).toBeGreaterThanOrEqual(6);
    for (const record of records) {
      expect(record.properties.createdAt?.readOnly, record.name).toBe(true);
      expect(record.properties.updatedAt?.readOnly, record.name).toBe(true);
      expect(record.properties.id?.readOnly, record.name).toBeUndefined();
    }
  });

  test('version 1 stays published for files written before version 2', () => {
    const schema = exportJsonSchema('export-schema-v1.json') as unknown as Schema;
    expect(schema.properties.version?.const).toBe(1);
  });
});
