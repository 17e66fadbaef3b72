import { addDays } from '@sunlog/core/calendar';
import type { LabResult } from '@sunlog/core/records/lab-result';
import { describe, expect, test } from 'vitest';
import {
  buildCheckIn,
  buildFlare,
  buildIntake,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
  testId,
} from '../../../../core/test/factories.ts';
import type { PersonRecords } from '../insights/person-records.ts';
import { defaultMonth } from './check-in-month.ts';
import { summariseMonth } from './month-summary.ts';

function records(overrides: Partial<PersonRecords> = {}): PersonRecords {
  return {
    regimens: [],
    intakes: [],
    labResults: [],
    symptomChecks: [],
    flares: [],
    checkIns: [],
    ...overrides,
  };
}

describe('defaultMonth', () => {
  const today = '2026-11-04';

  test('a person who joined this week opens on the current month', () => {
    const joined = records({ intakes: [buildIntake({ localDate: '2026-11-02' })] });
    expect(defaultMonth(today, [], joined)).toBe('2026-11');
    expect(defaultMonth(today, [], records())).toBe('2026-11');
  });

  test('last month with data and no check-in comes first', () => {
    const withOctober = records({ symptomChecks: [buildSymptomCheck({ localDate: '2026-10-20' })] });
    expect(defaultMonth(today, [], withOctober)).toBe('2026-10');
  });

  test('a checked-in month is passed over for the most recent month with data not yet checked in', () => {
    const data = records({
      labResults: [buildVitaminDResult({ sampleDate: '2026-08-15' })],
      flares: [buildFlare({ startDate: '2026-10-01', endDate: '2026-10-03' })],
    });
    expect(defaultMonth(today, [buildCheckIn({ month: '2026-10' })], data)).toBe('2026-08');
    expect(
      defaultMonth(today, [buildCheckIn({ month: '2026-10' }), buildCheckIn({ month: '2026-08' })], data),
    ).toBe('2026-11');
  });
});

describe('summariseMonth', () => {
  test('counts the doses taken on the scheduled days that are over: 5 of 7', () => {
    const regimen = buildRegimen({ startDate: '2026-11-01' });
    const taken = [0, 1, 2, 4, 6].map((offset, index) =>
      buildIntake({
        id: testId(600 + index),
        regimenId: regimen.id,
        localDate: addDays('2026-11-01', offset),
      }),
    );
    const skipped = buildIntake({
      id: testId(610),
      regimenId: regimen.id,
      localDate: '2026-11-04',
      status: 'skipped',
    });
    // Today is the 8th and nothing is logged yet: it is still to come, not missed.
    const summary = summariseMonth(
      records({ regimens: [regimen], intakes: [...taken, skipped] }),
      [],
      '2026-11',
      '2026-11-08',
    );
    expect(summary.intake).toEqual([
      { productName: regimen.productName, taken: 5, scheduled: 7, proportion: 5 / 7 },
    ]);
  });

  test('rated days, this month’s blood results (oldest first) and flare-ups; other months left out', () => {
    const results: LabResult[] = [
      buildVitaminDResult({
        id: testId(701),
        sampleDate: '2026-11-20',
        level: { value: 80, unit: 'nmol/L' },
      }),
      buildVitaminDResult({ id: testId(702), sampleDate: '2026-11-03' }),
      buildVitaminDResult({ id: testId(703), sampleDate: '2026-10-30' }),
    ];
    const summary = summariseMonth(
      records({
        labResults: results,
        symptomChecks: [
          buildSymptomCheck({ id: testId(801), localDate: '2026-11-02' }),
          buildSymptomCheck({ id: testId(802), localDate: '2026-11-05' }),
          buildSymptomCheck({ id: testId(803), localDate: '2026-10-05' }),
        ],
        flares: [buildFlare({ startDate: '2026-11-10', endDate: '2026-11-12' })],
      }),
      [],
      '2026-11',
      '2026-11-30',
    );
    expect(summary.bloodResults.map((result) => result.id)).toEqual([testId(702), testId(701)]);
    expect(summary.daysRated).toBe(2);
    expect(summary.flareCount).toBe(1);
    expect(summary.intake).toEqual([]);
    expect(summary.symptoms).toEqual([]);
  });
});
