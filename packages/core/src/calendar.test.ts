import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  datesInRange,
  daysBetween,
  epochDay,
  fromEpochDay,
  isLocalDate,
  isoWeekday,
  localDateOf,
  localDateOfOffsetDateTime,
  localDateTimeOf,
  monthRange,
  offsetMsAt,
  toOffsetDateTime,
  zonedInstant,
} from './calendar.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('local dates without a time zone', () => {
  test('day numbers agree with Date.UTC for every date from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDay('1900-01-01'), max: epochDay('2200-12-31') }), (day) => {
        const date = fromEpochDay(day);
        expect(
          Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
        ).toBe(day * 86_400_000);
        expect(epochDay(date)).toBe(day);
        expect(isoWeekday(date)).toBe(((new Date(day * 86_400_000).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  test('leap days exist only in leap years', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(() => epochDay('2026-02-30')).toThrow(RangeError);
  });

  test('adding days crosses month and year ends and DST dates alike', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-26', '2026-10-24')).toBe(-2);
  });

  test('2026-03-29 is a Sunday (ISO 7) and 2026-03-30 a Monday (ISO 1)', () => {
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
  });

  test('a range lists each date once, both ends included, and nothing when reversed', () => {
    expect(datesInRange('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(datesInRange('2026-10-26', '2026-10-24')).toEqual([]);
  });

  test('a month runs from its first to its last day', () => {
    expect(monthRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthRange('2026-12')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });
});

describe('instants in a time zone', () => {
  test('the local date of an instant depends on the zone', () => {
    const instant = '2026-03-28T23:30:00Z';
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-03-28');
    expect(localDateOf(instant, 'Asia/Tokyo')).toBe('2026-03-29');
    expect(localDateTimeOf(instant, 'Asia/Tokyo')).toEqual({ date: '2026-03-29', time: '08:30' });
  });

  test('Berlin is UTC+1 before 2026-03-29 01:00 UTC and UTC+2 after, until 2026-10-25 01:00 UTC', () => {
    expect(offsetMsAt('2026-03-29T00:59:59Z', 'Europe/Berlin')).toBe(HOUR);
    expect(offsetMsAt('2026-03-29T01:00:00Z', 'Europe/Berlin')).toBe(2 * HOUR);
    expect(offsetMsAt('2026-10-25T00:59:59Z', 'Europe/Berlin')).toBe(2 * HOUR);
    expect(offsetMsAt('2026-10-25T01:00:00Z', 'Europe/Berlin')).toBe(HOUR);
  });

  test('08:00 in Berlin is 07:00 UTC in winter and 06:00 UTC in summer, either side of the change', () => {
    expect(iso(zonedInstant('2026-03-28', '08:00', 'Europe/Berlin'))).toBe('2026-03-28T07:00:00.000Z');
    expect(iso(zonedInstant('2026-03-29', '08:00', 'Europe/Berlin'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '08:00', 'Europe/Berlin'))).toBe('2026-10-25T07:00:00.000Z');
  });

  test('a skipped time (Berlin 02:30 on 2026-03-29) moves forward by the gap unless "earlier" is asked', () => {
    expect(iso(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin', 'later'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(iso(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin', 'earlier'))).toBe(
      '2026-03-29T00:30:00.000Z',
    );
    expect(localDateTimeOf(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin'), 'Europe/Berlin')).toEqual({
      date: '2026-03-29',
      time: '03:30',
    });
  });

  test('a repeated time (Berlin 02:30 on 2026-10-25) takes the first occurrence unless "later" is asked', () => {
    expect(iso(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin', 'later'))).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  test('New York: 02:30 is skipped on 2026-03-08 and 01:30 repeats on 2026-11-01', () => {
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York', 'later'))).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });

  test('a local time on a date, read back in its zone, is that date (and that time unless skipped)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: epochDay('2025-01-01'), max: epochDay('2027-12-31') }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(
          'Europe/Berlin',
          'America/New_York',
          'Asia/Tokyo',
          'Europe/London',
          'Australia/Lord_Howe',
        ),
        (day, hour, minute, zone) => {
          const date = fromEpochDay(day);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const instant = zonedInstant(date, time, zone);
          const back = localDateTimeOf(instant, zone);
          expect(back.date).toBe(date);
          const skipped = zonedInstant(date, time, zone, 'earlier') !== instant;
          if (!skipped) {
            expect(back.time).toBe(time);
          }
        },
      ),
    );
  });

  test('an instant written with its zone offset names the same instant and the same local date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata', 'UTC'),
        (ms, zone) => {
          const text = toOffsetDateTime(ms, zone);
          expect(Date.parse(text)).toBe(ms);
          expect(localDateOfOffsetDateTime(text)).toBe(localDateOf(ms, zone));
        },
      ),
    );
  });

  test('offset date-times show the offset in force at that instant', () => {
    expect(toOffsetDateTime('2026-03-29T06:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T08:00:00+02:00');
    expect(toOffsetDateTime('2026-01-15T13:00:00.250Z', 'America/New_York')).toBe(
      '2026-01-15T08:00:00.250-05:00',
    );
    expect(toOffsetDateTime('2026-01-15T13:00:00Z', 'Asia/Kolkata')).toBe('2026-01-15T18:30:00+05:30');
  });
});
