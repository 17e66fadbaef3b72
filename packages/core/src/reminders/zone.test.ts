import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { epochDay, fromEpochDay, localDateTimeOf, offsetMsAt } from '../calendar.ts';
import { localTimeExists, offsetTransitions, reminderInstant } from './zone.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const ZONES = Intl.supportedValuesOf('timeZone');
const zoneArb = fc.constantFrom(...ZONES);
const dateArb = fc.integer({ min: epochDay('2015-01-01'), max: epochDay('2037-12-31') }).map(fromEpochDay);
const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const wall = (ms: number, zone: string) => ms + offsetMsAt(ms, zone);
const target = (date: string, time: string) =>
  epochDay(date) * DAY + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MINUTE;

describe('reminderInstant', () => {
  test('is the first minute whose wall clock reads the time or later, in any zone on any date', () => {
    fc.assert(
      fc.property(zoneArb, dateArb, timeArb, (zone, date, time) => {
        const { ms, exact } = reminderInstant(date, time, zone);
        const goal = target(date, time);
        expect(ms % MINUTE).toBe(0);
        expect(wall(ms, zone)).toBeGreaterThanOrEqual(goal);
        // Nothing earlier (within three hours, longer than any overlap in use) already reads it.
        for (let back = 1; back <= 180; back += 1) {
          expect(wall(ms - back * MINUTE, zone)).toBeLessThan(goal);
        }
        expect(exact).toBe(wall(ms, zone) === goal);
        if (exact) {
          expect(localDateTimeOf(ms, zone)).toEqual({ date, time });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a skipped time fires at the first valid minute after the gap', () => {
    // Europe/London 2026-03-29: 01:00 GMT becomes 02:00 BST.
    expect(iso(reminderInstant('2026-03-29', '01:30', 'Europe/London').ms)).toBe('2026-03-29T01:00:00.000Z');
    expect(localTimeExists('2026-03-29', '01:30', 'Europe/London')).toBe(false);
    // America/New_York 2026-03-08: 02:00 EST becomes 03:00 EDT.
    expect(iso(reminderInstant('2026-03-08', '02:30', 'America/New_York').ms)).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // Australia/Sydney 2026-10-04: 02:00 AEST becomes 03:00 AEDT.
    expect(iso(reminderInstant('2026-10-04', '02:59', 'Australia/Sydney').ms)).toBe(
      '2026-10-03T16:00:00.000Z',
    );
    // America/Sao_Paulo 2018-11-04 (its last spring-forward): midnight became 01:00.
    expect(iso(reminderInstant('2018-11-04', '00:30', 'America/Sao_Paulo').ms)).toBe(
      '2018-11-04T03:00:00.000Z',
    );
    expect(
      localDateTimeOf(reminderInstant('2018-11-04', '00:30', 'America/Sao_Paulo').ms, 'America/Sao_Paulo'),
    ).toEqual({ date: '2018-11-04', time: '01:00' });
  });

  test('a repeated time fires at its first occurrence', () => {
    // Europe/London 2026-10-25: 02:00 BST becomes 01:00 GMT; 01:30 happens at 00:30Z and 01:30Z.
    expect(reminderInstant('2026-10-25', '01:30', 'Europe/London')).toEqual({
      ms: Date.parse('2026-10-25T00:30:00Z'),
      exact: true,
    });
    expect(iso(reminderInstant('2026-11-01', '01:30', 'America/New_York').ms)).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // Australia/Sydney 2026-04-05: 03:00 AEDT becomes 02:00 AEST; 02:30 first at +11:00.
    expect(iso(reminderInstant('2026-04-05', '02:30', 'Australia/Sydney').ms)).toBe(
      '2026-04-04T15:30:00.000Z',
    );
  });

  test('zones without a change keep their offset', () => {
    for (const date of ['2026-01-15', '2026-03-29', '2026-07-01', '2026-10-25', '2026-11-01']) {
      expect(iso(reminderInstant(date, '08:00', 'Asia/Kolkata').ms)).toBe(`${date}T02:30:00.000Z`);
      expect(iso(reminderInstant(date, '08:00', 'America/Sao_Paulo').ms)).toBe(`${date}T11:00:00.000Z`);
    }
    expect(iso(reminderInstant('2026-11-01', '00:30', 'America/Sao_Paulo').ms)).toBe(
      '2026-11-01T03:30:00.000Z',
    );
  });
});

describe('offsetTransitions', () => {
  test('finds the two changes of a year to the minute, and none where there are none', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-01-01T00:00:00Z');
    expect(offsetTransitions('Europe/London', from, to)).toEqual([
      { at: Date.parse('2026-03-29T01:00:00Z'), before: 0, after: 3_600_000 },
      { at: Date.parse('2026-10-25T01:00:00Z'), before: 3_600_000, after: 0 },
    ]);
    expect(offsetTransitions('Australia/Sydney', from, to).map((t) => new Date(t.at).toISOString())).toEqual([
      '2026-04-04T16:00:00.000Z',
      '2026-10-03T16:00:00.000Z',
    ]);
    expect(offsetTransitions('Asia/Kolkata', from, to)).toEqual([]);
    expect(offsetTransitions('America/Sao_Paulo', from, to)).toEqual([]);
  });

  test('every transition found in any zone is a real change of offset at that minute', () => {
    fc.assert(
      fc.property(zoneArb, fc.integer({ min: 2015, max: 2035 }), (zone, year) => {
        const from = Date.UTC(year, 0, 1);
        for (const t of offsetTransitions(zone, from, Date.UTC(year + 1, 0, 1))) {
          expect(offsetMsAt(t.at - MINUTE, zone)).toBe(t.before);
          expect(offsetMsAt(t.at, zone)).toBe(t.after);
          expect(t.before).not.toBe(t.after);
        }
      }),
      { numRuns: 60 },
    );
  });
});
