import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportV2Arb } from '../../test/arbitraries.ts';
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
import { buildExport, type ExportV2 } from './export-v2.ts';

function sampleExport(): ExportV2 {
  const intake = buildIntake();
  return buildExport(
    {
      account: { id: testId(900), email: 'ada@example.org', createdAt: '2025-12-01T09:00:00.000Z' },
      profile: buildProfile(),
      regimens: [buildRegimen()],
      intakes: [intake],
      labResults: [buildVitaminDResult()],
      symptomChecks: [buildSymptomCheck()],
      flares: [buildFlare()],
      checkIns: [buildCheckIn()],
      history: {
        revisions: [
          {
            collection: 'intakes',
            revisedAt: '2026-01-02T10:00:00.000Z',
            record: { ...intake, amount: { value: 500, unit: 'IU' } },
          },
        ],
        deleted: [
          {
            collection: 'intakes',
            deletedAt: '2026-01-03T10:00:00.000Z',
            record: buildIntake({ id: testId(101) }),
          },
        ],
      },
      activity: [
        { id: testId(950), at: '2026-01-03T10:00:00.000Z', action: 'record.delete', outcome: 'success' },
      ],
    },
    '2026-02-01T10:00:00+01:00',
  );
}

describe('Sunlog export, version 2', () => {
  test('a built export with history and activity parses back to the same document', () => {
    const document = sampleExport();
    expect(parseExportText(serializeExport(document))).toEqual({
      ok: true,
      value: { fileVersion: 2, document },
    });
  });

  test('export → parse → export gives the same text for any valid document', () => {
    fc.assert(
      fc.property(exportV2Arb, (document) => {
        const text = serializeExport(document);
        const parsed = parseExportText(text);
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(JSON.parse(serializeExport(parsed.value.document))).toEqual(JSON.parse(text));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  test('a revision must hold a record of its own collection, named at the field', () => {
    const document = JSON.parse(serializeExport(sampleExport()));
    document.history.revisions[0].collection = 'labResults';
    const parsed = parseExport(document);
    expect(parsed.ok ? null : parsed.error.path).toMatch(/^history\.revisions\[0\]/);
  });

  test('a deleted record may not share its id with a live record of its kind', () => {
    const document = JSON.parse(serializeExport(sampleExport()));
    document.history.deleted[0].record.id = document.intakes[0].id;
    const parsed = parseExport(document);
    expect(parsed.ok ? null : parsed.error.path).toBe('history.deleted[0].record.id');
  });

  test('the account, history and activity are optional', () => {
    const { account: _a, history: _h, activity: _x, ...bare } = sampleExport();
    expect(parseExport(bare).ok).toBe(true);
  });
});
