import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildIntake, buildRegimen, testId } from '../test/factories.ts';
import { adherence, adherenceAsOf, dailyIuSeries } from './adherence.ts';
import {
  addDays,
  datesInRange,
  epochDay,
  fromEpochDay,
  type LocalDate,
  localDateOf,
  toOffsetDateTime,
  zonedInstant,
} from './calendar.ts';
import type { Intake } from './records/intake.ts';

const REGIMEN_ID = testId(1);

/** An intake logged at `time` local time on `date` in `zone`, the way the app records it. */
function loggedAt(date: LocalDate, time: string, zone: string, overrides: Partial<Intake> = {}): Intake {
  const instant = zonedInstant(date, time, zone);
  return buildIntake({
    id: testId(epochDay(date)),
    takenAt: toOffsetDateTime(instant, zone),
    localDate: localDateOf(instant, zone),
    ...overrides,
  });
}

describe('adherence to a daily regimen', () => {
  const regimen = buildRegimen({ id: REGIMEN_ID, startDate: '2026-01-01' });

  test('counts taken, skipped and missed scheduled days and the proportion covered', () => {
    const intakes = [
      loggedAt('2026-01-01', '08:00', 'Europe/Berlin'),
      loggedAt('2026-01-02', '08:00', 'Europe/Berlin'),
      loggedAt('2026-01-03', '08:00', 'Europe/Berlin', { status: 'skipped' }),
      loggedAt('2026-01-05', '08:00', 'Europe/Berlin'),
    ];
    const result = adherence(regimen, intakes, { start: '2026-01-01', end: '2026-01-05' });
    expect(result).toMatchObject({ scheduled: 5, taken: 3, skipped: 1, missed: 1, pending: 0 });
    expect(result.proportionOfDaysCovered).toBeCloseTo(0.6, 10);
    expect(result.days.map((day) => day.status)).toEqual(['taken', 'taken', 'skipped', 'missed', 'taken']);
  });

  test('a taken dose wins over a skip logged for the same day', () => {
    const intakes = [
      loggedAt('2026-01-01', '08:00', 'UTC', { id: testId(7), status: 'skipped' }),
      loggedAt('2026-01-01', '21:00', 'UTC', { id: testId(8) }),
    ];
    expect(adherence(regimen, intakes, { start: '2026-01-01', end: '2026-01-01' }).taken).toBe(1);
  });

  test('intakes for another regimen or for none do not count', () => {
    const { regimenId: _linked, ...oneOff } = buildIntake({ localDate: '2026-01-02' });
    const intakes = [loggedAt('2026-01-01', '08:00', 'UTC', { regimenId: testId(2) }), oneOff];
    const result = adherence(regimen, intakes, { start: '2026-01-01', end: '2026-01-02' });
    expect(result.taken).toBe(0);
  });

  test('with no scheduled day in the period the proportion is null, not 0', () => {
    const result = adherence(regimen, [], { start: '2025-12-01', end: '2025-12-31' });
    expect(result.scheduled).toBe(0);
    expect(result.proportionOfDaysCovered).toBeNull();
    expect(result.days).toEqual([]);
  });

  test('today without a log is pending, not missed, and days after today are not due yet', () => {
    const intakes = [loggedAt('2026-01-01', '08:00', 'UTC'), loggedAt('2026-01-02', '08:00', 'UTC')];
    const result = adherence(regimen, intakes, {
      start: '2026-01-01',
      end: '2026-01-31',
      today: '2026-01-03',
    });
    expect(result).toMatchObject({ scheduled: 2, taken: 2, missed: 0, pending: 1, currentStreak: 2 });
    expect(result.proportionOfDaysCovered).toBe(1);
    expect(result.end).toBe('2026-01-03');
  });

  test('the current streak counts back from the latest finished day; a skip ends a streak', () => {
    const taken = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-07', '2026-01-08'];
    const intakes = [
      ...taken.map((date) => loggedAt(date, '08:00', 'UTC')),
      loggedAt('2026-01-06', '08:00', 'UTC', { status: 'skipped' }),
    ];
    const result = adherence(regimen, intakes, { start: '2026-01-01', end: '2026-01-08' });
    expect(result.longestStreak).toBe(4);
    expect(result.currentStreak).toBe(2);
    const broken = adherence(regimen, intakes, { start: '2026-01-01', end: '2026-01-09' });
    expect(broken.currentStreak).toBe(0);
    expect(broken.longestStreak).toBe(4);
  });
});

describe('adherence to weekly and every-N-days regimens', () => {
  test('a weekly dose taken a day late is a missed day plus an off-schedule dose', () => {
    const regimen = buildRegimen({ id: REGIMEN_ID, schedule: { kind: 'weekly', weekdays: [1] } });
    // Mondays in January 2026: 5, 12, 19, 26.
    const intakes = ['2026-01-05', '2026-01-13', '2026-01-19', '2026-01-26'].map((date) =>
      loggedAt(date, '09:00', 'Europe/Berlin'),
    );
    const result = adherence(regimen, intakes, { start: '2026-01-01', end: '2026-01-31' });
    expect(result.days.map((day) => day.date)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ]);
    expect(result).toMatchObject({ scheduled: 4, taken: 3, missed: 1, offSchedule: 1, currentStreak: 2 });
  });

  test('the period is clipped to the regimen start and end dates', () => {
    const regimen = buildRegimen({
      id: REGIMEN_ID,
      startDate: '2026-01-10',
      endDate: '2026-01-20',
      schedule: { kind: 'every-n-days', everyDays: 5 },
    });
    const result = adherence(regimen, [], { start: '2026-01-01', end: '2026-01-31' });
    expect(result.days.map((day) => day.date)).toEqual(['2026-01-10', '2026-01-15', '2026-01-20']);
    expect(result).toMatchObject({ start: '2026-01-10', end: '2026-01-20', missed: 3 });
  });
});

describe('adherence across time zones and DST', () => {
  test('Europe/Berlin: a daily 08:00 dose through both 2026 DST changes covers every day', () => {
    const regimen = buildRegimen({ id: REGIMEN_ID, startDate: '2026-03-01' });
    for (const [start, end] of [
      ['2026-03-25', '2026-04-02'],
      ['2026-10-21', '2026-10-29'],
    ] as const) {
      const intakes = datesInRange(start, end).map((date) => loggedAt(date, '08:00', 'Europe/Berlin'));
      const result = adherence(regimen, intakes, { start, end });
      expect(result).toMatchObject({ scheduled: 9, taken: 9, missed: 0, currentStreak: 9 });
    }
  });

  test('Europe/Berlin: a dose at 00:30 and 23:30 on the short and the long day each count for that day', () => {
    const regimen = buildRegimen({ id: REGIMEN_ID, startDate: '2026-03-01' });
    const intakes = [
      loggedAt('2026-03-29', '00:30', 'Europe/Berlin'),
      loggedAt('2026-03-30', '23:30', 'Europe/Berlin'),
      loggedAt('2026-10-25', '23:30', 'Europe/Berlin'),
      loggedAt('2026-10-26', '00:30', 'Europe/Berlin'),
    ];
    expect(intakes.map((intake) => intake.localDate)).toEqual([
      '2026-03-29',
      '2026-03-30',
      '2026-10-25',
      '2026-10-26',
    ]);
    expect(adherence(regimen, intakes, { start: '2026-03-29', end: '2026-03-30' }).taken).toBe(2);
    expect(adherence(regimen, intakes, { start: '2026-10-25', end: '2026-10-26' }).taken).toBe(2);
  });

  test('Europe/Berlin: just after midnight on the DST Sunday, "today" is that Sunday and still pending', () => {
    const regimen = buildRegimen({ id: REGIMEN_ID, startDate: '2026-03-01' });
    const intakes = datesInRange('2026-03-22', '2026-03-28').map((date) =>
      loggedAt(date, '08:00', 'Europe/Berlin'),
    );
    const result = adherenceAsOf(regimen, intakes, {
      start: '2026-03-22',
      now: '2026-03-28T23:30:00Z',
      timeZone: 'Europe/Berlin',
    });
    expect(result.days.at(-1)).toEqual({ date: '2026-03-29', status: 'pending' });
    expect(result).toMatchObject({ scheduled: 7, taken: 7, currentStreak: 7 });
  });

  test('America/New_York: an every-2-days regimen keeps its rhythm across 2026-03-08 and 2026-11-01', () => {
    const regimen = buildRegimen({
      id: REGIMEN_ID,
      startDate: '2026-03-04',
      schedule: { kind: 'every-n-days', everyDays: 2 },
    });
    const spring = adherence(regimen, [], { start: '2026-03-04', end: '2026-03-12' });
    expect(spring.days.map((day) => day.date)).toEqual([
      '2026-03-04',
      '2026-03-06',
      '2026-03-08',
      '2026-03-10',
      '2026-03-12',
    ]);
    const fallDates = adherence(regimen, [], { start: '2026-10-29', end: '2026-11-04' }).days.map(
      (d) => d.date,
    );
    const intakes = fallDates.map((date) => loggedAt(date, '21:00', 'America/New_York'));
    const fall = adherence(regimen, intakes, { start: '2026-10-29', end: '2026-11-04' });
    expect(fall.days.map((day) => day.date)).toContain('2026-11-01');
    expect(fall).toMatchObject({ taken: fallDates.length, missed: 0, offSchedule: 0 });
  });

  test('someone who moves from Europe/London to Asia/Tokyo keeps the days they logged', () => {
    const regimen = buildRegimen({ id: REGIMEN_ID, startDate: '2026-05-01' });
    const intakes = [
      ...datesInRange('2026-05-01', '2026-05-10').map((date) => loggedAt(date, '08:00', 'Europe/London')),
      ...datesInRange('2026-05-11', '2026-05-20').map((date) => loggedAt(date, '08:00', 'Asia/Tokyo')),
    ];
    // 08:00 in Tokyo on 05-11 is 23:00 UTC on 05-10: by UTC date two doses would land on 05-10.
    const utcDates = intakes.map((intake) => localDateOf(intake.takenAt, 'UTC'));
    expect(utcDates.filter((date) => date === '2026-05-10')).toHaveLength(2);

    const result = adherence(regimen, intakes, { start: '2026-05-01', end: '2026-05-20' });
    expect(result).toMatchObject({ scheduled: 20, taken: 20, missed: 0, longestStreak: 20 });

    const afterMove = adherenceAsOf(regimen, intakes, {
      start: '2026-05-01',
      now: '2026-05-20T16:00:00Z',
      timeZone: 'Asia/Tokyo',
    });
    // 16:00 UTC on 05-20 is 01:00 on 05-21 in Tokyo: today is 05-21 and not yet logged.
    expect(afterMove).toMatchObject({ scheduled: 20, taken: 20, pending: 1, currentStreak: 20 });
  });
});

describe('adherence properties', () => {
  const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Europe/London'] as const;
  const FIRST_DAY = epochDay('2026-01-01');

  const scheduleArb = fc.oneof(
    fc.constant({ kind: 'daily' as const }),
    fc.integer({ min: 2, max: 60 }).map((everyDays) => ({ kind: 'every-n-days' as const, everyDays })),
    fc
      .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
      .map((weekdays) => ({ kind: 'weekly' as const, weekdays })),
  );

  const logArb = fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      status: fc.constantFrom('taken' as const, 'skipped' as const),
      zone: fc.constantFrom(...ZONES),
    }),
    { maxLength: 120 },
  );

  function toIntakes(
    logs: readonly { day: number; minute: number; status: 'taken' | 'skipped'; zone: string }[],
  ): Intake[] {
    return logs.map((log, index) => {
      const time = `${String(Math.floor(log.minute / 60)).padStart(2, '0')}:${String(log.minute % 60).padStart(2, '0')}`;
      return loggedAt(fromEpochDay(FIRST_DAY + log.day), time, log.zone, {
        id: testId(index + 1),
        status: log.status,
      });
    });
  }

  test('the proportion of days covered is always between 0 and 1, or null with nothing scheduled', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        logArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (schedule, logs, a, b) => {
          const regimen = buildRegimen({ id: REGIMEN_ID, startDate: fromEpochDay(FIRST_DAY + 10), schedule });
          const start = fromEpochDay(FIRST_DAY + Math.min(a, b));
          const end = fromEpochDay(FIRST_DAY + Math.max(a, b));
          const result = adherence(regimen, toIntakes(logs), { start, end });
          expect(result.taken + result.skipped + result.missed).toBe(result.scheduled);
          if (result.scheduled === 0) {
            expect(result.proportionOfDaysCovered).toBeNull();
          } else {
            expect(result.proportionOfDaysCovered).toBeGreaterThanOrEqual(0);
            expect(result.proportionOfDaysCovered).toBeLessThanOrEqual(1);
          }
          expect(result.currentStreak).toBeLessThanOrEqual(result.longestStreak);
          expect(result.longestStreak).toBeLessThanOrEqual(result.taken);
        },
      ),
    );
  });

  test('moving each dose to another time on the same local day changes nothing', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        logArb,
        fc.array(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 120, maxLength: 120 }),
        (schedule, logs, newMinutes) => {
          const regimen = buildRegimen({ id: REGIMEN_ID, startDate: fromEpochDay(FIRST_DAY), schedule });
          const period = { start: fromEpochDay(FIRST_DAY), end: fromEpochDay(FIRST_DAY + 400) };
          const original = toIntakes(logs);
          const moved = toIntakes(logs.map((log, index) => ({ ...log, minute: newMinutes[index] ?? 0 })));
          expect(moved.map((intake) => intake.localDate)).toEqual(original.map((intake) => intake.localDate));
          expect(adherence(regimen, moved, period)).toEqual(adherence(regimen, original, period));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('daily IU series', () => {
  test('sums taken doses per local date in IU, ignores skips, and fills empty days with 0', () => {
    const intakes = [
      buildIntake({ id: testId(1), localDate: '2026-03-29', amount: { value: 1000, unit: 'IU' } }),
      buildIntake({ id: testId(2), localDate: '2026-03-29', amount: { value: 25, unit: 'ug' } }),
      buildIntake({ id: testId(3), localDate: '2026-03-30', status: 'skipped' }),
      buildIntake({ id: testId(4), localDate: '2026-03-31', amount: { value: 50000, unit: 'IU' } }),
      buildIntake({ id: testId(5), localDate: '2026-04-05' }),
    ];
    expect(dailyIuSeries(intakes, { start: '2026-03-28', end: '2026-03-31' })).toEqual([
      { date: '2026-03-28', iu: 0 },
      { date: '2026-03-29', iu: 2000 },
      { date: '2026-03-30', iu: 0 },
      { date: '2026-03-31', iu: 50000 },
    ]);
  });

  test('has one entry per local date, including the 23- and 25-hour DST days', () => {
    const series = dailyIuSeries([], { start: '2026-01-01', end: '2026-12-31' });
    expect(series).toHaveLength(365);
    expect(series.map((entry) => entry.date)).toContain('2026-03-29');
    expect(series.map((entry) => entry.date)).toContain('2026-10-25');
    expect(addDays(series[0]?.date ?? '', 364)).toBe(series.at(-1)?.date);
  });
});
