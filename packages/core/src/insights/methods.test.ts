import { describe, expect, test } from 'vitest';
import { adherenceByMonth, countAdherenceByMonth } from './adherence-by-month.ts';
import { beforeAfter } from './before-after.ts';
import { buildDailySeries, trailingAdherence } from './daily-series.ts';
import { flareRate, mergeFlares } from './flare-rate.ts';
import type { InsightsInput, IntakeDay, SymptomDay } from './input.ts';
import { laggedAssociations } from './lagged-association.ts';
import { levelTrend } from './level-trend.ts';
import { addDays, daysBetween, fromDayNumber, isLocalDate, monthOf, toDayNumber } from './local-date.ts';
import { levelBySeason, seasonOfMonth } from './season.ts';
import { expectedRiseNgPerMl, steadyState } from './steady-state.ts';
import { symptomTrends } from './symptom-trends.ts';

function input(overrides: Partial<InsightsInput>): InsightsInput {
  return {
    today: '2026-03-31',
    regimenStart: null,
    days: [],
    symptoms: [],
    labs: [],
    flares: [],
    ...overrides,
  };
}

function dailyDoses(from: string, count: number, doseIu: number, taken: (i: number) => boolean): IntakeDay[] {
  return Array.from({ length: count }, (_, i) => ({
    date: addDays(from, i),
    scheduled: true,
    taken: taken(i),
    doseIu: taken(i) ? doseIu : null,
  }));
}

describe('local dates', () => {
  test('count days across a month end, a leap day and a DST change without reading the clock', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(fromDayNumber(toDayNumber('2026-10-25'))).toBe('2026-10-25');
    expect(monthOf('2026-10-25')).toBe('2026-10');
  });

  test('reject impossible dates', () => {
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});

describe('adherence by month', () => {
  test('buckets scheduled and taken doses by calendar month, including the last day of each month', () => {
    const days = dailyDoses('2026-01-30', 4, 1000, (i) => i !== 1);
    const series = buildDailySeries(input({ days }), '2026-01-30', '2026-02-02');
    expect(countAdherenceByMonth(series)).toEqual([
      { month: '2026-01', scheduled: 2, taken: 1 },
      { month: '2026-02', scheduled: 2, taken: 2 },
    ]);
    const [january, february] = adherenceByMonth(series);
    expect(january?.estimate).toBe(0.5);
    expect(february?.estimate).toBe(1);
    expect(january?.sentence).toBe('In 2026-01 you marked 1 of 2 scheduled doses as taken (50%).');
  });

  test('says no doses were scheduled in a month without a regimen instead of showing 0%', () => {
    const series = buildDailySeries(input({}), '2026-03-01', '2026-03-31');
    const [march] = adherenceByMonth(series);
    expect(march?.status).toBe('not-enough-data');
    expect(march?.estimate).toBeNull();
  });

  test('trailing 7-day share counts only scheduled days', () => {
    const days = dailyDoses('2026-01-01', 10, 1000, (i) => i % 2 === 0);
    const series = buildDailySeries(input({ days }), '2026-01-01', '2026-01-10');
    const share = trailingAdherence(series);
    expect(Number.isNaN(share[5] ?? 0)).toBe(true);
    expect(share[6]).toBeCloseTo(4 / 7, 12);
    expect(share[7]).toBeCloseTo(3 / 7, 12);
  });
});

describe('blood level trend', () => {
  test('is not given from two results, and names what is missing', () => {
    const trend = levelTrend([
      { date: '2026-01-01', ngPerMl: 20 },
      { date: '2026-03-01', ngPerMl: 30 },
    ]);
    expect(trend.status).toBe('not-enough-data');
    expect(trend.missing).toBe('needs 1 more blood result');
  });

  test('gives the least-squares slope per 30 days for three results on a line', () => {
    const trend = levelTrend([
      { date: '2026-01-01', ngPerMl: 20 },
      { date: '2026-01-31', ngPerMl: 23 },
      { date: '2026-03-02', ngPerMl: 26 },
    ]);
    expect(trend.estimate).toBeCloseTo(3, 10);
    expect(trend.uncertainty?.low).toBeCloseTo(3, 6);
  });
});

describe('steady state (Ekwaru 2014 curve)', () => {
  test('rises 0.5 ng/mL per 100 IU/day up to 1,000 IU/day', () => {
    expect(expectedRiseNgPerMl(400)).toBeCloseTo(2, 10);
    expect(expectedRiseNgPerMl(1000)).toBeCloseTo(5, 10);
  });

  test('flattens above 1,000 IU/day: 2,000 IU gives 5 + 1,000 × mean per-IU rise on the taper', () => {
    const perIuAt2000 = 0.005 - (0.005 - 0.0004) * (1000 / 14000);
    expect(expectedRiseNgPerMl(2000)).toBeCloseTo(5 + (1000 * (0.005 + perIuAt2000)) / 2, 10);
    const at15k = expectedRiseNgPerMl(15000);
    expect(expectedRiseNgPerMl(20000) - at15k).toBeCloseTo(5000 * 0.0004, 10);
  });

  test('shows a wide range from a pre-regimen baseline and average dose, with its source and the lab-wins sentence', () => {
    const days = dailyDoses('2026-01-01', 90, 2000, (i) => i % 4 !== 3);
    const data = input({
      today: '2026-03-31',
      regimenStart: '2026-01-01',
      days,
      labs: [{ date: '2025-12-20', ngPerMl: 18 }],
    });
    const series = buildDailySeries(data, '2026-01-01', '2026-03-31');
    const result = steadyState(series, data.labs, data.regimenStart, data.today);
    expect(result.status).toBe('ok');
    const averageIu = (68 * 2000) / 90;
    expect(result.detail.averageDailyIu).toBeCloseTo(averageIu, 10);
    const rise = expectedRiseNgPerMl(averageIu);
    expect(result.estimate).toBeCloseTo(18 + rise, 10);
    // Widened by 10% of the baseline for measurement, 20% a year for its age (12 days) and 15% for the
    // change of season (drawn in December, winter; settles from March, spring).
    const allowance = 18 * (0.1 + (0.2 * 12) / 365 + 0.15);
    expect(result.uncertainty).toEqual({
      kind: 'range',
      low: expect.closeTo(18 + rise * 0.5 - allowance, 10),
      high: expect.closeTo(18 + rise * 2 + allowance, 10),
      source: expect.stringContaining('Ekwaru 2014'),
    });
    expect(result.detail.settlesAfterDays).toEqual({ low: 60, high: 76 });
    expect(result.sentence).toContain('your own lab result is the one that counts');
  });

  test('asks for a baseline when the only result is from after the regimen began', () => {
    const data = input({ regimenStart: '2026-01-01', labs: [{ date: '2026-03-01', ngPerMl: 30 }] });
    const series = buildDailySeries(data, '2026-01-01', '2026-03-31');
    const result = steadyState(series, data.labs, data.regimenStart, data.today);
    expect(result.status).toBe('not-enough-data');
    expect(result.missing).toBe('needs a blood result from before the regimen started');
  });
});

describe('symptom trends', () => {
  test('give each month a mean with an interval, and ask for more checks in a thin month', () => {
    const symptoms: SymptomDay[] = [];
    for (let i = 0; i < 31; i++)
      symptoms.push({ date: addDays('2026-01-01', i), scores: { fatigue: i % 2 ? 4 : 6 } });
    symptoms.push({ date: '2026-02-03', scores: { fatigue: 5 } });
    const series = buildDailySeries(input({ symptoms }), '2026-01-01', '2026-02-28');
    const fatigue = symptomTrends(series).filter((s) => s.detail.symptom === 'fatigue');
    expect(fatigue[0]?.estimate).toBeCloseTo((16 * 6 + 15 * 4) / 31, 10);
    expect(fatigue[0]?.uncertainty?.kind).toBe('ci');
    expect(fatigue[1]?.status).toBe('not-enough-data');
    expect(fatigue[1]?.missing).toBe('needs 6 more days of fatigue checks in 2026-02');
  });

  test('keep a month’s interval on the 0–10 scale even when slow drift leaves few effective days', () => {
    const symptoms: SymptomDay[] = [];
    // Ten days at 0, then a slow climb: strong day-to-day persistence, so a raw interval would spill below 0.
    for (let i = 0; i < 31; i++)
      symptoms.push({ date: addDays('2026-01-01', i), scores: { pain: i < 10 ? 0 : Math.min(10, i - 10) } });
    const series = buildDailySeries(input({ symptoms }), '2026-01-01', '2026-01-31');
    const pain = symptomTrends(series).find((s) => s.detail.symptom === 'pain');
    const interval = pain?.uncertainty;
    expect(interval?.kind).toBe('ci');
    expect(interval?.low).toBeGreaterThanOrEqual(0);
    expect(interval?.high).toBeLessThanOrEqual(10);
    expect(pain?.sentence).not.toMatch(/CI −/);
  });
});

describe('before and after the regimen start', () => {
  test('compares 8 weeks before with weeks 3–10 after, skipping the washout', () => {
    const symptoms: SymptomDay[] = [];
    for (let i = -56; i < 70; i++) {
      const washout = i >= 0 && i < 14;
      symptoms.push({
        date: addDays('2026-03-01', i),
        scores: { mood: i < 0 ? 4 + Math.abs(i % 2) : washout ? 10 : 6 + (i % 2) },
      });
    }
    const data = input({ today: '2026-05-15', regimenStart: '2026-03-01', symptoms });
    const series = buildDailySeries(data, '2026-01-01', '2026-05-15');
    const mood = beforeAfter(series, data.regimenStart).find((b) => b.subject === 'mood');
    expect(mood?.status).toBe('ok');
    expect(mood?.estimate).toBeCloseTo(2, 1);
    expect(mood?.detail.after.days).toBe(56);
  });

  test('says what is missing when there is no record before the start', () => {
    const data = input({ regimenStart: '2026-01-01' });
    const series = buildDailySeries(data, '2026-01-01', '2026-03-31');
    const [first] = beforeAfter(series, data.regimenStart);
    expect(first?.status).toBe('not-enough-data');
    expect(first?.missing).toContain('before the regimen started');
  });
});

describe('lagged associations without enough data', () => {
  test('say how many more weeks of checks are needed', () => {
    const days = dailyDoses('2026-01-01', 60, 1000, (i) => i % 3 !== 0);
    const symptoms = Array.from({ length: 40 }, (_, i) => ({
      date: addDays('2026-01-01', i),
      scores: { pain: 3 },
    }));
    const data = input({ today: '2026-03-01', regimenStart: '2026-01-01', days, symptoms });
    const series = buildDailySeries(data, '2026-01-01', '2026-03-01');
    const pain = laggedAssociations(series).insights.find((a) => a.subject === 'pain');
    expect(pain?.status).toBe('not-enough-data');
    expect(pain?.missing).toMatch(/^needs \d+ more weeks of pain checks$/);
  });
});

describe('season', () => {
  test('uses meteorological seasons, flipped in the southern hemisphere', () => {
    expect(seasonOfMonth(12, 'northern')).toBe('winter');
    expect(seasonOfMonth(2, 'northern')).toBe('winter');
    expect(seasonOfMonth(3, 'northern')).toBe('spring');
    expect(seasonOfMonth(8, 'northern')).toBe('summer');
    expect(seasonOfMonth(11, 'northern')).toBe('autumn');
    expect(seasonOfMonth(1, 'southern')).toBe('summer');
    expect(seasonOfMonth(7, 'southern')).toBe('winter');
  });

  test('averages results per season and marks seasons without a result', () => {
    const seasons = levelBySeason(
      [
        { date: '2026-01-10', ngPerMl: 18 },
        { date: '2026-12-10', ngPerMl: 22 },
        { date: '2026-07-10', ngPerMl: 35 },
      ],
      'northern',
    );
    expect(seasons.find((s) => s.subject === 'winter')?.estimate).toBe(20);
    expect(seasons.find((s) => s.subject === 'spring')?.status).toBe('not-enough-data');
  });
});

describe('flare-up rate', () => {
  test('merges flare-ups starting under 30 days after the previous one began', () => {
    expect(
      mergeFlares([
        { start: '2026-01-01', end: '2026-01-05' },
        { start: '2026-01-20', end: null },
        { start: '2026-01-31', end: null },
        { start: '2026-03-15', end: null },
      ]),
    ).toEqual(['2026-01-01', '2026-01-31', '2026-03-15']);
  });

  test('gives count and period, not a rate, before 12 months of tracking', () => {
    const result = flareRate([{ start: '2026-02-01', end: '2026-02-10' }], '2026-01-01', '2026-04-30');
    expect(result.status).toBe('not-enough-data');
    expect(result.estimate).toBeNull();
    expect(result.sentence).toMatch(/^1 flare-up recorded in 3 months of tracking/);
  });

  test('gives an annualised rate with an exact interval after two years', () => {
    const result = flareRate(
      [
        { start: '2025-03-01', end: null },
        { start: '2025-09-01', end: null },
      ],
      '2024-06-01',
      '2026-05-31',
    );
    const years = 730 / 365.25;
    expect(result.estimate).toBeCloseTo(2 / years, 10);
    expect(result.uncertainty?.low).toBeCloseTo(0.2422 / years, 3);
    expect(result.uncertainty?.high).toBeCloseTo(7.2247 / years, 3);
  });
});
