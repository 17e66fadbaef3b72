import { describe, expect, test } from 'vitest';
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
import { buildReportModel, type ReportInput } from './report-model.ts';

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    profile: buildProfile({ bloodUnit: 'ng/mL', bloodTarget: { low: 30, high: 50, unit: 'ng/mL' } }),
    range: { from: '2026-01-01', to: '2026-03-31' },
    generatedOn: '2026-04-01',
    regimens: [buildRegimen()],
    intakes: [
      buildIntake(),
      buildIntake({
        id: testId(101),
        localDate: '2026-01-02',
        takenAt: '2026-01-02T08:00:00+01:00',
        status: 'skipped',
      }),
      buildIntake({ id: testId(102), localDate: '2025-12-31', takenAt: '2025-12-31T08:00:00+01:00' }),
    ],
    labResults: [
      buildVitaminDResult({
        id: testId(201),
        sampleDate: '2026-03-01',
        level: { value: 62.4, unit: 'nmol/L' },
        createdAt: '2026-03-01T10:00:00+01:00',
      }),
      buildVitaminDResult({
        id: testId(202),
        sampleDate: '2026-03-01',
        level: { value: 41, unit: 'ng/mL' },
        createdAt: '2026-03-02T10:00:00+01:00',
      }),
      buildVitaminDResult({ id: testId(200), sampleDate: '2026-02-10', level: { value: 18, unit: 'ng/mL' } }),
    ],
    symptomChecks: [buildSymptomCheck()],
    flares: [
      buildFlare({ startDate: '2026-01-10', endDate: '2026-01-20' }),
      buildFlare({ id: testId(401), startDate: '2026-03-20', endDate: undefined }),
    ],
    checkIns: [
      buildCheckIn({ month: '2026-02', questionsForDoctor: ['Is my level high enough?'] }),
      buildCheckIn({ id: testId(501), month: '2025-11' }),
    ],
    ...overrides,
  };
}

describe('the clinician report model', () => {
  test('regimen and doses in both units; only doses in the range', () => {
    const model = buildReportModel(input());
    expect(model.regimens).toEqual([
      expect.objectContaining({
        productName: 'Vitamin D3 1000',
        dose: '1000 IU (25 µg)',
        schedule: 'every day',
        current: true,
      }),
    ]);
    expect(model.doses.map((dose) => [dose.date, dose.status, dose.amount])).toEqual([
      ['2026-01-01', 'taken', '1000 IU (25 µg)'],
      ['2026-01-02', 'skipped', '1000 IU (25 µg)'],
    ]);
    expect(model.adherence[0]).toMatchObject({ month: '2026-01', scheduled: 31, taken: 1 });
  });

  test('25(OH)D results by date then by when stored; the newest is the latest; bands name their guideline; target position', () => {
    const model = buildReportModel(input());
    expect(model.vitaminD.results.map((result) => result.entered)).toEqual([
      '18 ng/mL',
      '62.4 nmol/L',
      '41 ng/mL',
    ]);
    expect(model.vitaminD.latest?.entered).toBe('41 ng/mL');
    expect(model.vitaminD.results[0]?.bands[0]).toBe('IOM 2011: Possibly not enough for some people');
    expect(model.vitaminD.results.map((result) => result.target)).toEqual(['below', 'below', 'within']);
    expect(model.vitaminD.results[1]?.shown).toBe('25 ng/mL');
    expect(model.vitaminD.target).toBe('30 to 50 ng/mL (set with your clinician)');
    expect(model.vitaminD.guideline.name).toBe('IOM 2011');
  });

  test('no target set: none is shown or suggested', () => {
    const model = buildReportModel(input({ profile: buildProfile({ bloodTarget: null }) }));
    expect(model.vitaminD.target).toBeNull();
    expect(model.vitaminD.results.every((result) => result.target === null)).toBe(true);
  });

  test('flare-ups with dates and duration (ongoing has none); check-in questions in the range', () => {
    const model = buildReportModel(input());
    expect(model.flares.map((flare) => [flare.startDate, flare.endDate, flare.durationDays])).toEqual([
      ['2026-01-10', '2026-01-20', 11],
      ['2026-03-20', null, null],
    ]);
    expect(model.questions).toEqual([{ month: '2026-02', questions: ['Is my level high enough?'] }]);
  });

  test('the trend sentence is the engine’s: with one result it claims no trend', () => {
    const model = buildReportModel(input({ labResults: [buildVitaminDResult()] }));
    expect(model.vitaminD.trend).toMatch(/needs at least 3 blood results/);
  });
});
