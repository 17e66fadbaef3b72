import { describe, expect, test } from 'vitest';
import { buildDailySeries } from './daily-series.ts';
import { flareRate } from './flare-rate.ts';
import type { InsightsInput, IntakeDay, SymptomDay } from './input.ts';
import { laggedAssociations } from './lagged-association.ts';
import { levelTrend } from './level-trend.ts';
import { addDays } from './local-date.ts';
import { simulatedJournal } from './simulated-journal.ts';
import { BASELINE_MAX_AGE_DAYS, steadyState } from './steady-state.ts';
import { symptomTrends } from './symptom-trends.ts';
import { formatInterval, intervalDigits, pluralNumber, withArticle } from './wording.ts';

/**
 * Every sentence template's singular, plural and rounding cases, written out as a person would read
 * them. The expected strings are typed by hand, not built from the templates.
 */

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

function dailyDoses(from: string, count: number, doseIu: number): IntakeDay[] {
  return Array.from({ length: count }, (_, i) => ({
    date: addDays(from, i),
    scheduled: true,
    taken: true,
    doseIu,
  }));
}

describe('numbers in sentences', () => {
  test('an interval whose ends round alike gets the decimals that tell them apart', () => {
    expect(formatInterval(-0.035, 0.039)).toBe('−0.04 to 0.04');
    expect(formatInterval(-0.0035, 0.0039)).toBe('−0.004 to 0.004');
    expect(formatInterval(1.2, 3.4)).toBe('1.2 to 3.4');
    expect(formatInterval(0.12, 0.34, 2)).toBe('0.12 to 0.34');
    expect(intervalDigits(2, 2)).toBe(1);
  });

  test('the noun agrees with the number as written', () => {
    expect(pluralNumber(1, 1, 'year')).toBe('1 year');
    expect(pluralNumber(0.999, 1, 'year')).toBe('1 year');
    expect(pluralNumber(1.5, 1, 'year')).toBe('1.5 years');
    expect(pluralNumber(0.4, 1, 'point')).toBe('0.4 points');
  });

  test('a or an by the first sound', () => {
    expect(withArticle('energy check')).toBe('an energy check');
    expect(withArticle('overall wellness check')).toBe('an overall wellness check');
    expect(withArticle('fatigue check')).toBe('a fatigue check');
  });
});

describe('flare-up sentences', () => {
  test('one flare-up in one year is written in the singular', () => {
    const rate = flareRate([{ start: '2025-06-01', end: '2025-06-10' }], '2025-04-01', '2026-03-31');
    expect(rate.sentence).toMatch(/^1 flare-up in 1 year of tracking: about 1 a year \(95% CI /);
  });

  test('several flare-ups over more than a year are plural', () => {
    const flares = [
      { start: '2024-11-01', end: '2024-11-05' },
      { start: '2025-08-01', end: '2025-08-09' },
    ];
    const rate = flareRate(flares, '2024-10-01', '2026-03-31');
    expect(rate.sentence).toMatch(/^2 flare-ups in 1\.5 years of tracking/);
  });

  test('before a year of tracking, the count and period only', () => {
    const rate = flareRate([{ start: '2026-03-01', end: null }], '2026-03-01', '2026-03-31');
    expect(rate.sentence).toMatch(/^1 flare-up recorded in 31 days of tracking\./);
  });
});

describe('blood level trend sentences', () => {
  test('a flat trend says so and never prints an interval of "0 to 0"', () => {
    const labs = [
      { date: '2025-10-01', ngPerMl: 30 },
      { date: '2025-12-01', ngPerMl: 30.1 },
      { date: '2026-02-01', ngPerMl: 29.95 },
      { date: '2026-03-30', ngPerMl: 30.05 },
    ];
    const trend = levelTrend(labs);
    expect(trend.sentence).toContain('your level stayed about level');
    expect(trend.sentence).not.toMatch(/CI 0 to 0\b/);
    expect(trend.sentence).toMatch(/95% CI −\d+(\.\d+)? to \d+(\.\d+)? ng\/mL per 30 days/);
  });

  test('a clear rise names its size', () => {
    const labs = [
      { date: '2025-10-01', ngPerMl: 20 },
      { date: '2025-12-01', ngPerMl: 26 },
      { date: '2026-02-01', ngPerMl: 31 },
      { date: '2026-03-30', ngPerMl: 38 },
    ];
    expect(levelTrend(labs).sentence).toMatch(/your level rose by about \d+(\.\d)? ng\/mL per 30 days/);
  });
});

describe('symptom month sentences', () => {
  test('count days in the singular and plural', () => {
    const symptoms: SymptomDay[] = Array.from({ length: 8 }, (_, i) => ({
      date: addDays('2026-01-01', i),
      scores: { fatigue: 4 + (i % 3) },
    }));
    const series = buildDailySeries(input({ symptoms }), '2026-01-01', '2026-01-31');
    const january = symptomTrends(series).find((s) => s.detail.symptom === 'fatigue' && s.status === 'ok');
    expect(january?.sentence).toMatch(/over 8 days \(95% CI /);
  });
});

describe('pattern sentences', () => {
  test('too few checks: "an energy check", "a fatigue check", and "is 1" / "are 2"', () => {
    const days = dailyDoses('2026-01-01', 90, 1000);
    const symptoms: SymptomDay[] = [
      { date: '2026-03-30', scores: { energy: 5 } },
      { date: '2026-03-29', scores: { fatigue: 5 } },
      { date: '2026-03-30', scores: { fatigue: 5 } },
    ];
    const series = buildDailySeries(input({ days, symptoms }), '2026-01-01', '2026-03-31');
    const { insights } = laggedAssociations(series);
    const energy = insights.find((i) => i.subject === 'energy');
    const fatigue = insights.find((i) => i.subject === 'fatigue');
    expect(energy?.sentence).toContain('with an energy check and dose records');
    expect(energy?.sentence).toMatch(/there is 1 so far\.$/);
    expect(fatigue?.sentence).toContain('with a fatigue check and dose records');
    expect(fatigue?.sentence).toMatch(/there are 2 so far\.$/);
  });
});

describe('a claimed pattern', () => {
  test('names the delay, the best and worst third of weeks with their shares, the size and its interval', () => {
    const { input } = simulatedJournal({
      seed: 7,
      effect: { symptom: 'pain', points: 3, lagDays: 10, shape: 'five-of-seven' },
    });
    const series = buildDailySeries(input, input.trackingStart ?? input.today, input.today);
    const pain = laggedAssociations(series, { seed: 7 }).insights.find((i) => i.subject === 'pain');
    expect(pain?.estimate).not.toBeNull();
    expect(pain?.unit).toBe('points, best third of weeks for dose-taking against worst third');
    expect(pain?.sentence).toMatch(
      /^Your pain score tended to be higher about \d+ days after weeks in which you took more of your doses( \(likely between \d+ and \d+ days\))?\. After your best third of weeks for dose-taking \(about \d+% of doses taken\) it was about \d\.\d points higher than after your worst third \(about \d+%; 95% CI \d\.\d to \d\.\d\), across \d+ days\. This is a pattern in your own records; something else that changed at the same times could explain it\.$/,
    );
  });
});

describe('expected level sentences and band', () => {
  const regimenStart = '2026-01-01';
  const today = '2026-03-31';
  const days = dailyDoses(regimenStart, 90, 2000);

  function steadyFrom(baselineDate: string, options: Parameters<typeof steadyState>[4] = {}) {
    const data = input({ regimenStart, today, days, labs: [{ date: baselineDate, ngPerMl: 20 }] });
    const series = buildDailySeries(data, '2025-01-01', today);
    return steadyState(series, data.labs, regimenStart, today, options);
  }

  test('a baseline from more than a year before the regimen start is refused, saying why', () => {
    const old = steadyFrom(addDays(regimenStart, -(BASELINE_MAX_AGE_DAYS + 1)));
    expect(old.status).toBe('not-enough-data');
    expect(old.missing).toBe('needs a blood result from the year before the regimen started');
    expect(steadyFrom(addDays(regimenStart, -BASELINE_MAX_AGE_DAYS)).status).toBe('ok');
  });

  test('the band widens with the age of the baseline, and the wider band contains the narrower', () => {
    const fresh = steadyFrom('2025-12-28');
    const older = steadyFrom('2025-06-28');
    const width = (r: typeof fresh) => (r.uncertainty ? r.uncertainty.high - r.uncertainty.low : Number.NaN);
    expect(width(older)).toBeGreaterThan(width(fresh));
    expect(older.uncertainty?.low ?? 0).toBeLessThan(fresh.uncertainty?.low ?? 0);
    expect(older.uncertainty?.high ?? 0).toBeGreaterThan(fresh.uncertainty?.high ?? 0);
    expect(older.sentence).toContain('the age of that result');
    expect(fresh.sentence).not.toContain('the age of that result');
  });

  test('a baseline from another season than the one the level settles in widens the band', () => {
    // Same baseline age (10 days), same dose. Summer start: drawn in June, settles from late July
    // (summer). Winter start: drawn in December, settles from early March (spring).
    function band(start: string, drawn: string, hemisphere: 'northern' | 'southern') {
      const end = addDays(start, 120);
      const data = input({
        regimenStart: start,
        today: end,
        days: dailyDoses(start, 121, 2000),
        labs: [{ date: drawn, ngPerMl: 20 }],
      });
      const series = buildDailySeries(data, addDays(start, -30), end);
      return steadyState(series, data.labs, start, end, { hemisphere });
    }
    const summer = band('2026-06-11', '2026-06-01', 'northern');
    const winter = band('2026-01-01', '2025-12-22', 'northern');
    expect(summer.sentence).not.toContain('the change of season');
    expect(winter.sentence).toContain('the change of season');
    expect(winter.detail.allowanceNgPerMl ?? 0).toBeGreaterThan(summer.detail.allowanceNgPerMl ?? 0);
    // In the south the same June dates are winter throughout: no season allowance there either.
    expect(band('2026-06-11', '2026-06-01', 'southern').sentence).not.toContain('the change of season');
  });

  test('is written in the person’s own unit', () => {
    const nmol = steadyFrom('2025-12-28', { bloodUnit: 'nmol/L' });
    expect(nmol.sentence).toMatch(/^Starting from 50 nmol\/L on 2025-12-28/);
    expect(nmol.sentence).toMatch(/around \d+–\d+ nmol\/L/);
    expect(nmol.sentence).not.toContain('ng/mL');
    expect(steadyFrom('2025-12-28').sentence).toMatch(/^Starting from 20 ng\/mL/);
  });
});
