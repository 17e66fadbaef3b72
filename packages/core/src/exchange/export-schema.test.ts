import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exportJsonSchema, exportJsonSchemaText } from './export-schema.ts';

const COMMITTED = fileURLToPath(new URL('../../../../docs/export-schema.json', import.meta.url));

describe('published export JSON Schema', () => {
  test('docs/export-schema.json equals the schema generated from the code (run scripts/write-export-schema.ts)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(exportJsonSchemaText());
  });

  test('describes a version 1 Sunlog export with every record list', () => {
    const schema = exportJsonSchema() as {
      $schema: string;
      properties: Record<string, { const?: unknown }>;
      required: string[];
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format?.const).toBe('sunlog-export');
    expect(schema.properties.version?.const).toBe(1);
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
  });
});
