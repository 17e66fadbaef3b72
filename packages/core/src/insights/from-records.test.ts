import { describe, expect, test } from 'vitest';
import {
  buildFlare,
  buildIntake,
  buildProfile,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
  testId,
} from '../../test/factories.ts';
import { addDays, datesInRange } from '../calendar.ts';
import type { LabResult } from '../records/lab-result.ts';
import { hemisphereOfTimeZone, type InsightsRecords, insightsInputFromRecords } from './from-records.ts';
import { computeInsights } from './insights.ts';

const REGIMEN = buildRegimen({ id: testId(1), startDate: '2026-03-01' });

function records(overrides: Partial<InsightsRecords> = {}): InsightsRecords {
  return {
    profile: buildProfile({ timeZone: 'Europe/Berlin' }),
    regimens: [],
    intakes: [],
    labResults: [],
    symptomChecks: [],
    flares: [],
    ...overrides,
  };
}

/** Taken intakes for REGIMEN on each of `dates`, 1,000 IU each. */
function takenOn(dates: readonly string[]) {
  return dates.map((localDate, index) =>
    buildIntake({ id: testId(1000 + index), regimenId: REGIMEN.id, localDate }),
  );
}

describe('intake days from regimens and intakes', () => {
  test('a daily regimen over 10 days with 7 taken gives 10 scheduled days and 7 taken days', () => {
    const tenDays = datesInRange('2026-03-01', '2026-03-10');
    const taken = tenDays.filter((_, index) => ![2, 5, 8].includes(index));
    const input = insightsInputFromRecords(records({ regimens: [REGIMEN], intakes: takenOn(taken) }), {
      today: '2026-03-10',
    });
    expect(input.days.filter((day) => day.scheduled)).toHaveLength(10);
    expect(input.days.filter((day) => day.taken).map((day) => day.date)).toEqual(taken);
    expect(input.days.find((day) => day.date === '2026-03-03')).toEqual({
      date: '2026-03-03',
      doseIu: null,
      scheduled: true,
      taken: false,
    });
  });

  test('the engine reads 7 of 10 scheduled doses taken for that month', () => {
    const tenDays = datesInRange('2026-03-01', '2026-03-10');
    const input = insightsInputFromRecords(
      records({ regimens: [REGIMEN], intakes: takenOn(tenDays.slice(0, 7)) }),
      // Today (the 11th) has nothing logged yet, so it is not over and not counted.
      { today: '2026-03-11' },
    );
    const march = computeInsights(input, { seed: 1 }).adherenceByMonth.find((m) => m.subject === '2026-03');
    expect(march?.detail).toEqual({ month: '2026-03', scheduled: 10, taken: 7 });
  });

  test('a 25 µg intake becomes 1,000 IU and doses on one day add up', () => {
    const intakes = [
      buildIntake({ id: testId(11), localDate: '2026-03-02', amount: { value: 25, unit: 'ug' } }),
      buildIntake({ id: testId(12), localDate: '2026-03-02', amount: { value: 400, unit: 'IU' } }),
      buildIntake({ id: testId(13), localDate: '2026-03-03', amount: { value: 25, unit: 'ug' } }),
    ];
    const input = insightsInputFromRecords(records({ intakes }), { today: '2026-03-10' });
    expect(input.days.map((day) => [day.date, day.doseIu])).toEqual([
      ['2026-03-02', 1400],
      ['2026-03-03', 1000],
    ]);
  });

  test('a skipped dose is recorded as 0 IU and not taken; a day with no record has no dose', () => {
    const intakes = [
      buildIntake({ id: testId(21), regimenId: REGIMEN.id, localDate: '2026-03-01', status: 'skipped' }),
    ];
    const input = insightsInputFromRecords(records({ regimens: [REGIMEN], intakes }), {
      today: '2026-03-03',
    });
    expect(input.days).toEqual([
      { date: '2026-03-01', doseIu: 0, scheduled: true, taken: false },
      { date: '2026-03-02', doseIu: null, scheduled: true, taken: false },
    ]);
  });

  test('a one-off dose on an unscheduled day is recorded without counting as scheduled', () => {
    const { regimenId: _none, ...oneOff } = buildIntake({ id: testId(31), localDate: '2026-02-20' });
    const input = insightsInputFromRecords(records({ regimens: [REGIMEN], intakes: [oneOff] }), {
      today: '2026-03-01',
    });
    expect(input.days.find((day) => day.date === '2026-02-20')).toEqual({
      date: '2026-02-20',
      doseIu: 1000,
      scheduled: false,
      taken: false,
    });
  });

  test('today is not counted as missed before anything is logged for it', () => {
    const input = insightsInputFromRecords(
      records({ regimens: [REGIMEN], intakes: takenOn(['2026-03-01']) }),
      { today: '2026-03-02' },
    );
    expect(input.days.map((day) => day.date)).toEqual(['2026-03-01']);
    const logged = insightsInputFromRecords(
      records({ regimens: [REGIMEN], intakes: takenOn(['2026-03-01', '2026-03-02']) }),
      { today: '2026-03-02' },
    );
    expect(logged.days.filter((day) => day.taken)).toHaveLength(2);
  });

  test('a weekly regimen schedules only its weekdays', () => {
    // 2026-03-02 is a Monday.
    const weekly = buildRegimen({
      id: testId(2),
      startDate: '2026-03-02',
      schedule: { kind: 'weekly', weekdays: [1] },
    });
    const input = insightsInputFromRecords(records({ regimens: [weekly] }), { today: '2026-03-22' });
    expect(input.days.filter((day) => day.scheduled).map((day) => day.date)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
  });

  test('a day with two regimens due counts as taken only when both doses were taken', () => {
    const second = buildRegimen({ id: testId(3), startDate: '2026-03-01' });
    const intakes = [
      buildIntake({ id: testId(41), regimenId: REGIMEN.id, localDate: '2026-03-01' }),
      buildIntake({ id: testId(42), regimenId: second.id, localDate: '2026-03-01' }),
      buildIntake({ id: testId(43), regimenId: REGIMEN.id, localDate: '2026-03-02' }),
    ];
    const input = insightsInputFromRecords(records({ regimens: [REGIMEN, second], intakes }), {
      today: '2026-03-03',
    });
    expect(input.days.map((day) => [day.date, day.taken])).toEqual([
      ['2026-03-01', true],
      ['2026-03-02', false],
    ]);
  });

  test('records dated after today are left out', () => {
    const input = insightsInputFromRecords(
      records({ regimens: [REGIMEN], intakes: takenOn(['2026-03-01', '2026-03-05']) }),
      { today: '2026-03-01' },
    );
    expect(input.days.map((day) => day.date)).toEqual(['2026-03-01']);
  });
});

describe('blood results, symptoms and flare-ups', () => {
  test('a 75 nmol/L result becomes about 30.05 ng/mL and a ng/mL result is kept', () => {
    const labResults: LabResult[] = [
      buildVitaminDResult({ id: testId(51), sampleDate: '2026-03-04', level: { value: 75, unit: 'nmol/L' } }),
      buildVitaminDResult({ id: testId(52), sampleDate: '2026-01-04', level: { value: 22, unit: 'ng/mL' } }),
    ];
    const input = insightsInputFromRecords(records({ labResults }), { today: '2026-03-10' });
    expect(input.labs).toHaveLength(2);
    expect(input.labs[0]).toEqual({ date: '2026-01-04', ngPerMl: 22 });
    expect(input.labs[1]?.date).toBe('2026-03-04');
    expect(input.labs[1]?.ngPerMl).toBeCloseTo(30.048, 3);
  });

  test('calcium results are not read as vitamin D', () => {
    const calcium: LabResult = {
      id: testId(53),
      analyte: 'calcium',
      level: { value: 9.4, unit: 'mg/dL' },
      sampleDate: '2026-03-04',
      createdAt: '2026-03-04T09:00:00+00:00',
      updatedAt: '2026-03-04T09:00:00+00:00',
    };
    expect(
      insightsInputFromRecords(records({ labResults: [calcium] }), { today: '2026-03-10' }).labs,
    ).toEqual([]);
  });

  test('symptom scores are grouped by local date, two checks on one day averaged per rating', () => {
    const symptomChecks = [
      buildSymptomCheck({ id: testId(61), localDate: '2026-03-02', scores: { fatigue: 6, energy: 4 } }),
      buildSymptomCheck({ id: testId(62), localDate: '2026-03-02', scores: { fatigue: 3 } }),
      buildSymptomCheck({ id: testId(63), localDate: '2026-03-01', scores: { mood: 7 } }),
    ];
    const input = insightsInputFromRecords(records({ symptomChecks }), { today: '2026-03-10' });
    expect(input.symptoms).toEqual([
      { date: '2026-03-01', scores: { mood: 7 } },
      { date: '2026-03-02', scores: { fatigue: 4.5, energy: 4 } },
    ]);
  });

  test('flare-ups keep their start and end, and an ongoing one has no end', () => {
    const flares = [
      buildFlare({ id: testId(71), startDate: '2026-02-10', endDate: '2026-02-20' }),
      buildFlare({ id: testId(72), startDate: '2026-03-05', endDate: undefined }),
    ];
    const input = insightsInputFromRecords(records({ flares }), { today: '2026-03-10' });
    expect(input.flares).toEqual([
      { start: '2026-02-10', end: '2026-02-20' },
      { start: '2026-03-05', end: null },
    ]);
  });
});

describe('regimen start and hemisphere', () => {
  test('the regimen start is the start of the current unbroken stretch of supplementation', () => {
    const first = buildRegimen({ id: testId(81), startDate: '2025-01-01', endDate: '2025-03-01' });
    const replacement = buildRegimen({ id: testId(82), startDate: '2025-03-02', endDate: undefined });
    expect(
      insightsInputFromRecords(records({ regimens: [replacement, first] }), { today: '2026-01-01' })
        .regimenStart,
    ).toBe('2025-01-01');

    const afterBreak = buildRegimen({ id: testId(83), startDate: '2025-06-01', endDate: undefined });
    expect(
      insightsInputFromRecords(records({ regimens: [first, afterBreak] }), { today: '2026-01-01' })
        .regimenStart,
    ).toBe('2025-06-01');
  });

  test('no regimen, or one that starts after today, gives no regimen start', () => {
    expect(insightsInputFromRecords(records(), { today: '2026-01-01' }).regimenStart).toBeNull();
    const future = buildRegimen({ startDate: addDays('2026-01-01', 3) });
    expect(
      insightsInputFromRecords(records({ regimens: [future] }), { today: '2026-01-01' }).regimenStart,
    ).toBeNull();
  });

  test('a time zone south of the equator names southern seasons; others northern', () => {
    expect(hemisphereOfTimeZone('Australia/Sydney')).toBe('southern');
    expect(hemisphereOfTimeZone('Pacific/Auckland')).toBe('southern');
    expect(hemisphereOfTimeZone('America/Argentina/Cordoba')).toBe('southern');
    expect(hemisphereOfTimeZone('Europe/Berlin')).toBe('northern');
    expect(hemisphereOfTimeZone('America/New_York')).toBe('northern');
    const input = insightsInputFromRecords(
      records({ profile: buildProfile({ timeZone: 'Australia/Perth' }) }),
      {
        today: '2026-01-01',
      },
    );
    expect(input.hemisphere).toBe('southern');
  });
});
