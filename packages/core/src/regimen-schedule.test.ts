import { describe, expect, test } from 'vitest';
import { buildRegimen } from '../test/factories.ts';
import { datesInRange } from './calendar.ts';
import { combinedDailyEquivalentIu, dailyEquivalentIu, isActiveOn, isDoseDueOn } from './regimen-schedule.ts';

describe('daily equivalent of a regimen', () => {
  test('50,000 IU once a week is about 7,143 IU a day', () => {
    const weekly = buildRegimen({
      amountPerDose: { value: 50000, unit: 'IU' },
      schedule: { kind: 'weekly', weekdays: [1] },
    });
    expect(dailyEquivalentIu(weekly)).toBeCloseTo(7142.857, 3);
    expect(Math.round(dailyEquivalentIu(weekly))).toBe(7143);
  });

  test('a weekly dose on three weekdays counts three doses per seven days', () => {
    const regimen = buildRegimen({
      amountPerDose: { value: 7000, unit: 'IU' },
      schedule: { kind: 'weekly', weekdays: [1, 3, 5] },
    });
    expect(dailyEquivalentIu(regimen)).toBe(3000);
  });

  test('every-N-days divides the dose by N, and µg doses are converted at 40 IU per µg', () => {
    const regimen = buildRegimen({
      amountPerDose: { value: 500, unit: 'ug' },
      schedule: { kind: 'every-n-days', everyDays: 10 },
    });
    expect(dailyEquivalentIu(regimen)).toBe(2000);
  });

  test('only regimens active on the date add up', () => {
    const regimens = [
      buildRegimen({
        amountPerDose: { value: 2000, unit: 'IU' },
        startDate: '2026-01-01',
        endDate: '2026-01-31',
      }),
      buildRegimen({ amountPerDose: { value: 1000, unit: 'IU' }, startDate: '2026-01-15' }),
    ];
    expect(combinedDailyEquivalentIu(regimens, '2026-01-10')).toBe(2000);
    expect(combinedDailyEquivalentIu(regimens, '2026-01-20')).toBe(3000);
    expect(combinedDailyEquivalentIu(regimens, '2026-02-01')).toBe(1000);
  });
});

describe('when doses fall due', () => {
  test('the end date is the last day of the regimen', () => {
    const regimen = buildRegimen({ startDate: '2026-01-01', endDate: '2026-01-31' });
    expect(isActiveOn(regimen, '2026-01-31')).toBe(true);
    expect(isActiveOn(regimen, '2026-02-01')).toBe(false);
    expect(isActiveOn(regimen, '2025-12-31')).toBe(false);
  });

  test('every 3 days counts from the start date, across the Berlin DST change', () => {
    const regimen = buildRegimen({
      startDate: '2026-03-26',
      schedule: { kind: 'every-n-days', everyDays: 3 },
    });
    const due = datesInRange('2026-03-20', '2026-04-05').filter((date) => isDoseDueOn(regimen, date));
    expect(due).toEqual(['2026-03-26', '2026-03-29', '2026-04-01', '2026-04-04']);
  });

  test('a weekly Sunday dose falls on both DST Sundays in 2026', () => {
    const regimen = buildRegimen({ startDate: '2026-01-01', schedule: { kind: 'weekly', weekdays: [7] } });
    expect(isDoseDueOn(regimen, '2026-03-29')).toBe(true);
    expect(isDoseDueOn(regimen, '2026-10-25')).toBe(true);
    expect(isDoseDueOn(regimen, '2026-10-26')).toBe(false);
  });
});
