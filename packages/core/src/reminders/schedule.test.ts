import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, epochDay, fromEpochDay, localDateTimeOf } from '../calendar.ts';
import type { ReminderPreferences } from '../records/profile.ts';
import {
  dueReminders,
  isStillDue,
  type ScheduleInput,
  type ScheduleRegimen,
  todaysReminders,
} from './schedule.ts';
import { reminderInstant } from './zone.ts';

const HOUR = 3_600_000;

const prefs = (overrides: Partial<ReminderPreferences> = {}): ReminderPreferences => ({
  dailyDose: true,
  dailyDoseTimes: [],
  monthlyCheckIn: false,
  labTestEveryWeeks: null,
  ...overrides,
});

const regimen = (overrides: Partial<ScheduleRegimen> = {}): ScheduleRegimen => ({
  id: 'reg-1',
  schedule: { kind: 'daily' },
  startDate: '2000-01-01',
  reminderTimes: ['08:00'],
  ...overrides,
});

const input = (overrides: Partial<ScheduleInput> = {}): ScheduleInput => ({
  preferences: prefs(),
  regimens: [regimen()],
  timeZone: 'Europe/London',
  intakes: [],
  ...overrides,
});

/** Reminders on the local dates [first, last] in the input's zone. */
function onDates(scheduleInput: ScheduleInput, first: string, last: string) {
  const zone = scheduleInput.timeZone;
  return dueReminders(
    scheduleInput,
    reminderInstant(first, '00:00', zone).ms,
    reminderInstant(addDays(last, 1), '00:00', zone).ms,
  );
}

describe('dose reminders across daylight-saving changes', () => {
  const cases: [zone: string, change: string][] = [
    ['Europe/London', '2026-03-29'],
    ['Europe/London', '2026-10-25'],
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Australia/Sydney', '2026-04-05'],
    ['Australia/Sydney', '2026-10-04'],
    ['America/Sao_Paulo', '2018-11-04'],
    ['America/Sao_Paulo', '2026-11-01'],
    ['Asia/Kolkata', '2026-03-29'],
  ];
  test.each(cases)('08:00 stays 08:00 local on both sides of %s %s', (timeZone, change) => {
    const due = onDates(input({ timeZone }), addDays(change, -2), addDays(change, 2));
    expect(due.map((r) => r.localDate)).toEqual([-2, -1, 0, 1, 2].map((n) => addDays(change, n)));
    for (const reminder of due) {
      expect(reminder).toMatchObject({ kind: 'dose', regimenId: 'reg-1', localTime: '08:00' });
      expect(localDateTimeOf(reminder.dueAt, timeZone)).toEqual({ date: reminder.localDate, time: '08:00' });
    }
  });

  test('the UTC gap between two 08:00 reminders is 23 or 25 hours across a change, 24 otherwise', () => {
    const gaps = (timeZone: string, from: string) => {
      const due = onDates(input({ timeZone }), from, addDays(from, 2));
      return due.slice(1).map((r, i) => (Date.parse(r.dueAt) - Date.parse(due[i]?.dueAt ?? '')) / HOUR);
    };
    expect(gaps('Europe/London', '2026-03-28')).toEqual([23, 24]);
    expect(gaps('Europe/London', '2026-10-24')).toEqual([25, 24]);
    expect(gaps('America/New_York', '2026-03-07')).toEqual([23, 24]);
    expect(gaps('Australia/Sydney', '2026-04-04')).toEqual([25, 24]);
    expect(gaps('America/Sao_Paulo', '2026-10-31')).toEqual([24, 24]);
    expect(gaps('Asia/Kolkata', '2026-10-24')).toEqual([24, 24]);
  });

  test('a time skipped by the change fires once, at the first valid minute after the gap', () => {
    const due = onDates(
      input({ timeZone: 'America/New_York', regimens: [regimen({ reminderTimes: ['02:30'] })] }),
      '2026-03-07',
      '2026-03-09',
    );
    expect(due.map((r) => r.dueAt)).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:00:00.000Z', // 03:00 EDT
      '2026-03-09T06:30:00.000Z',
    ]);
    expect(due[1]).toMatchObject({ localDate: '2026-03-08', localTime: '02:30' });
  });

  test('a time repeated by the change fires once', () => {
    const due = onDates(
      input({ timeZone: 'Europe/London', regimens: [regimen({ reminderTimes: ['01:30'] })] }),
      '2026-10-25',
      '2026-10-25',
    );
    expect(due.map((r) => r.dueAt)).toEqual(['2026-10-25T00:30:00.000Z']);
    // And a window holding only the second 01:30 has nothing.
    expect(
      dueReminders(
        input({ regimens: [regimen({ reminderTimes: ['01:30'] })] }),
        '2026-10-25T01:00:00Z',
        '2026-10-25T02:00:00Z',
      ),
    ).toEqual([]);
  });
});

describe('what stops a dose reminder', () => {
  test('a dose logged for the local date suppresses that day only, for that regimen only', () => {
    const second = regimen({ id: 'reg-2', reminderTimes: ['20:00'] });
    const due = onDates(
      input({
        regimens: [regimen({ reminderTimes: ['08:00', '12:00'] }), second],
        intakes: [
          { regimenId: 'reg-1', localDate: '2026-06-02' },
          { localDate: '2026-06-03' }, // a one-off dose belongs to no regimen
        ],
      }),
      '2026-06-01',
      '2026-06-03',
    );
    expect(due.map((r) => `${r.regimenId} ${r.localDate} ${r.localTime}`)).toEqual([
      'reg-1 2026-06-01 08:00',
      'reg-1 2026-06-01 12:00',
      'reg-2 2026-06-01 20:00',
      'reg-2 2026-06-02 20:00',
      'reg-1 2026-06-03 08:00',
      'reg-1 2026-06-03 12:00',
      'reg-2 2026-06-03 20:00',
    ]);
  });

  test('a regimen reminds from its start date to its end date, and only on its dose days', () => {
    const due = onDates(
      input({
        regimens: [
          regimen({ startDate: '2026-06-03', endDate: '2026-06-05' }),
          regimen({ id: 'weekly', schedule: { kind: 'weekly', weekdays: [1] }, reminderTimes: ['09:00'] }),
        ],
      }),
      '2026-06-01',
      '2026-06-10',
    );
    expect(due.filter((r) => r.regimenId === 'reg-1').map((r) => r.localDate)).toEqual([
      '2026-06-03',
      '2026-06-04',
      '2026-06-05',
    ]);
    expect(due.filter((r) => r.regimenId === 'weekly').map((r) => r.localDate)).toEqual([
      '2026-06-01',
      '2026-06-08',
    ]);
  });

  test('dose reminders turned off give none; a regimen without times gives none', () => {
    expect(onDates(input({ preferences: prefs({ dailyDose: false }) }), '2026-06-01', '2026-06-30')).toEqual(
      [],
    );
    expect(
      onDates(input({ regimens: [regimen({ reminderTimes: [] })] }), '2026-06-01', '2026-06-30'),
    ).toEqual([]);
  });
});

describe('check-in and blood-test reminders', () => {
  test('the monthly check-in falls on its day at its time, each month', () => {
    const due = onDates(
      input({
        regimens: [],
        preferences: prefs({ monthlyCheckIn: true, checkInDayOfMonth: 28, checkInTime: '18:30' }),
        timeZone: 'America/New_York',
      }),
      '2026-01-01',
      '2026-03-31',
    );
    expect(due.map((r) => [r.kind, r.localDate, r.localTime, r.dueAt])).toEqual([
      ['check-in', '2026-01-28', '18:30', '2026-01-28T23:30:00.000Z'],
      ['check-in', '2026-02-28', '18:30', '2026-02-28T23:30:00.000Z'],
      ['check-in', '2026-03-28', '18:30', '2026-03-28T22:30:00.000Z'],
    ]);
  });

  test("a check-in done for the month (or for the month just ended) suppresses that month's reminder only", () => {
    const checkInInput = input({
      regimens: [],
      preferences: prefs({ monthlyCheckIn: true, checkInDayOfMonth: 5 }),
    });
    const months = (checkIns: ScheduleInput['checkIns']) =>
      onDates({ ...checkInInput, ...(checkIns ? { checkIns } : {}) }, '2026-01-01', '2026-05-31').map(
        (r) => r.localDate,
      );
    expect(months(undefined)).toEqual(['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05']);
    // February's check-in covers February's reminder and March's, which asks about the month just ended.
    expect(months([{ month: '2026-02' }])).toEqual(['2026-01-05', '2026-04-05', '2026-05-05']);
    // A check-in for the reminder's own month counts too.
    expect(months([{ month: '2026-05' }])).toEqual(['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05']);
  });

  test('the blood test falls every N weeks from the last result, and not without one', () => {
    const bloodInput = input({ regimens: [], preferences: prefs({ labTestEveryWeeks: 12 }) });
    const due = onDates({ ...bloodInput, lastBloodTestDate: '2026-01-05' }, '2026-01-01', '2026-12-31');
    expect(due.map((r) => [r.kind, r.localDate, r.localTime])).toEqual([
      ['blood-test', '2026-03-30', '09:00'],
      ['blood-test', '2026-06-22', '09:00'],
      ['blood-test', '2026-09-14', '09:00'],
      ['blood-test', '2026-12-07', '09:00'],
    ]);
    expect(onDates(bloodInput, '2026-01-01', '2026-12-31')).toEqual([]);
  });

  test('a window is half-open and refuses to span years of reminders', () => {
    const at = '2026-06-01T07:00:00.000Z'; // 08:00 BST
    expect(dueReminders(input(), at, '2026-06-01T07:00:01Z')).toHaveLength(1);
    expect(dueReminders(input(), '2026-06-01T06:00:00Z', at)).toEqual([]);
    expect(() => dueReminders(input(), '2026-01-01T00:00:00Z', '2029-01-01T00:00:00Z')).toThrow(RangeError);
  });
});

describe('properties over random zones and dates', () => {
  const zones = Intl.supportedValuesOf('timeZone');
  test('a daily regimen reminds exactly once per local date and time, in order, never twice at once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: epochDay('2016-01-01'), max: epochDay('2036-12-31') }).map(fromEpochDay),
        fc.integer({ min: 1, max: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 1, maxLength: 6 }),
        (timeZone, first, days, minutes) => {
          const times = minutes.map(
            (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
          );
          const last = addDays(first, days - 1);
          const due = onDates(
            input({ timeZone, regimens: [regimen({ reminderTimes: times })] }),
            first,
            last,
          );
          const keys = due.map((r) => `${r.localDate} ${r.localTime}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(due.length).toBe(days * times.length);
          for (const reminder of due) {
            expect(reminder.localDate >= first && reminder.localDate <= last).toBe(true);
            expect(reminder.dueAt).toBe(
              new Date(reminderInstant(reminder.localDate, reminder.localTime, timeZone).ms).toISOString(),
            );
          }
          const instants = due.map((r) => Date.parse(r.dueAt));
          expect([...instants].sort((a, b) => a - b)).toEqual(instants);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('logging a dose on any set of dates removes exactly those dates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 0, max: 13 }), { maxLength: 14 }),
        (timeZone, loggedDays) => {
          const intakes = loggedDays.map((n) => ({
            regimenId: 'reg-1',
            localDate: addDays('2026-03-20', n),
          }));
          const due = onDates(input({ timeZone, intakes }), '2026-03-20', '2026-04-02');
          const logged = new Set(intakes.map((i) => i.localDate));
          expect(due.map((r) => r.localDate)).toEqual(
            Array.from({ length: 14 }, (_, n) => addDays('2026-03-20', n)).filter((d) => !logged.has(d)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('a reminder still due when it is sent', () => {
  const dose = { kind: 'dose', regimenId: 'reg-1', localDate: '2026-06-03', localTime: '08:00' } as const;
  test('until its dose is logged, its regimen ends or the reminder is turned off', () => {
    expect(isStillDue(input(), dose)).toBe(true);
    expect(isStillDue(input({ intakes: [{ regimenId: 'reg-1', localDate: '2026-06-03' }] }), dose)).toBe(
      false,
    );
    expect(isStillDue(input({ regimens: [regimen({ endDate: '2026-06-02' })] }), dose)).toBe(false);
    expect(isStillDue(input({ regimens: [] }), dose)).toBe(false);
    expect(isStillDue(input({ preferences: prefs({ dailyDose: false }) }), dose)).toBe(false);
    expect(isStillDue(input(), { ...dose, localTime: '09:00' })).toBe(false);
  });

  test('a check-in is no longer due once that month is done', () => {
    const checkIn = { kind: 'check-in', localDate: '2026-06-01', localTime: '19:00' } as const;
    const on = input({ preferences: prefs({ monthlyCheckIn: true }) });
    expect(isStillDue(on, checkIn)).toBe(true);
    expect(isStillDue({ ...on, checkIns: [{ month: '2026-05' }] }, checkIn)).toBe(false);
  });
});

describe("today's reminders", () => {
  const today = input({ regimens: [regimen({ reminderTimes: ['07:00', '09:30', '20:00'] })] });
  test('sorts today into due now (under an hour), missed (earlier) and later', () => {
    const now = '2026-06-01T09:00:00Z'; // 10:00 BST
    const result = todaysReminders(today, now);
    expect(result.missed.map((r) => r.localTime)).toEqual(['07:00']);
    expect(result.dueNow.map((r) => r.localTime)).toEqual(['09:30']);
    expect(result.later.map((r) => r.localTime)).toEqual(['20:00']);
  });

  test('a dose logged today empties the list; exactly an hour late counts as missed', () => {
    expect(
      todaysReminders(
        { ...today, intakes: [{ regimenId: 'reg-1', localDate: '2026-06-01' }] },
        '2026-06-01T09:00:00Z',
      ),
    ).toEqual({ dueNow: [], missed: [], later: [] });
    const result = todaysReminders(today, '2026-06-01T09:30:00Z'); // 10:30 BST
    expect(result.missed.map((r) => r.localTime)).toEqual(['07:00', '09:30']);
  });

  test('uses the local date of the zone, not of UTC', () => {
    // 23:30 UTC on 1 June is 09:30 on 2 June in Sydney.
    const result = todaysReminders({ ...today, timeZone: 'Australia/Sydney' }, '2026-06-01T23:30:00Z');
    expect(result.dueNow.map((r) => [r.localDate, r.localTime])).toEqual([['2026-06-02', '09:30']]);
    expect(result.missed.map((r) => [r.localDate, r.localTime])).toEqual([['2026-06-02', '07:00']]);
  });
});
