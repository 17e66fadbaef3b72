import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportArb } from '../../test/arbitraries.ts';
import {
  buildCheckIn,
  buildFlare,
  buildIntake,
  buildProfile,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
  testId,
} from '../../test/factories.ts';
import { parseExport, parseExportText, serializeExport } from './export-read.ts';
import { buildExportV1, type ExportV1 } from './export-v1.ts';

function sampleExport(): ExportV1 {
  return buildExportV1(
    {
      profile: buildProfile(),
      regimens: [buildRegimen()],
      intakes: [0, 1, 2, 3].map((n) =>
        buildIntake({
          id: testId(100 + n),
          localDate: `2026-01-0${n + 1}`,
          takenAt: `2026-01-0${n + 1}T08:00:00+01:00`,
        }),
      ),
      labResults: [buildVitaminDResult()],
      symptomChecks: [buildSymptomCheck()],
      flares: [buildFlare()],
      checkIns: [buildCheckIn()],
    },
    '2026-02-01T10:00:00+01:00',
  );
}

describe('reading a Sunlog export, version 1', () => {
  test('a version 1 file reads as the same records and profile in the version 2 shape', () => {
    const document = sampleExport();
    const parsed = parseExport(JSON.parse(serializeExport(document)));
    expect(parsed).toEqual({ ok: true, value: { fileVersion: 1, document: { ...document, version: 2 } } });
  });

  test('export → parse → export gives the same document for any valid document', () => {
    fc.assert(
      fc.property(exportArb, (document) => {
        const text = serializeExport(document);
        const parsed = parseExportText(text);
        if (!parsed.ok) {
          throw new Error(parsed.error.message);
        }
        const again = serializeExport({ ...parsed.value.document, version: 1 });
        // Same content; parsing may only put keys into the schema's order, and does so once and for all.
        expect(JSON.parse(again)).toEqual(JSON.parse(text));
        const reparsed = parseExportText(again);
        expect(reparsed.ok && serializeExport({ ...reparsed.value.document, version: 1 })).toBe(again);
      }),
      { numRuns: 60 },
    );
  });

  test('the error names the path of the first problem', () => {
    const document = sampleExport();
    const broken = JSON.parse(serializeExport(document));
    broken.intakes[3].amount.unit = 'mg';
    const parsed = parseExport(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('invalid-export');
      expect(parsed.error.path).toBe('intakes[3].amount.unit');
      expect(parsed.error.message).toMatch(/^intakes\[3\]\.amount\.unit: /);
    }
  });

  test('a repeated id within a list is rejected at the repeat', () => {
    const document = sampleExport();
    const repeated = { ...document, intakes: [...document.intakes, document.intakes[0]] };
    const parsed = parseExport(repeated);
    expect(parsed.ok ? null : parsed.error.path).toBe('intakes[4].id');
  });

  test('a document that is not a Sunlog export says so', () => {
    for (const input of [null, [], 'text', { format: 'other' }]) {
      const parsed = parseExport(input);
      expect(parsed.ok ? null : parsed.error.code).toBe('not-a-sunlog-export');
    }
  });

  test('a later version is refused as unsupported rather than misread', () => {
    const parsed = parseExport({ ...sampleExport(), version: 3 });
    expect(parsed.ok ? null : parsed.error.code).toBe('unsupported-export-version');
    expect(parsed.ok ? null : parsed.error.message).toMatch(/has version 3; .* reads versions 1 and 2/);
  });

  test('text that is not JSON is reported as such', () => {
    const parsed = parseExportText('{"format": "sunlog-export",');
    expect(parsed.ok ? null : parsed.error.code).toBe('invalid-json');
  });

  test('an unknown top-level field is rejected, so nothing is silently dropped on import', () => {
    const parsed = parseExport({ ...sampleExport(), medications: [] });
    expect(parsed.ok ? null : parsed.error.code).toBe('invalid-export');
  });
});
