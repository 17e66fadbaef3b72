import { describe, expect, test } from 'vitest';
import { dateTimeFormat, displayLocale } from './locale-format.ts';

describe('displayLocale', () => {
  test('takes the browser’s first language, written the way Intl writes it', () => {
    expect(displayLocale(['en-gb', 'de'], 'en-gb')).toBe('en-GB');
    expect(displayLocale(['de-CH'], 'de-CH')).toBe('de-CH');
  });

  test('skips tags that are not languages and falls back to "en"', () => {
    expect(displayLocale(['not a tag', 'fr-FR'], undefined)).toBe('fr-FR');
    expect(displayLocale([], '!!')).toBe('en');
    expect(displayLocale(undefined, undefined)).toBe('en');
  });
});

describe('dateTimeFormat', () => {
  // 21:53 UTC is 22:53 in Berlin in November (UTC+1).
  const instant = '2026-11-20T21:53:00Z';

  test('en-GB reads a 24-hour clock and day before month; en-US a 12-hour clock and month first', () => {
    const gb = dateTimeFormat('Europe/Berlin', 'en-GB');
    const us = dateTimeFormat('Europe/Berlin', 'en-US');
    expect(gb.time(instant)).toBe('22:53');
    expect(us.time(instant)).toMatch(/^10:53\s?PM$/);
    expect(gb.date('2026-11-20')).toBe('20 Nov 2026');
    expect(us.date('2026-11-20')).toBe('Nov 20, 2026');
    expect(gb.dayMonth('2026-11-20')).toBe('20 Nov');
    expect(us.dayMonth('2026-11-20')).toBe('Nov 20');
    expect(gb.fullDate('2026-11-20')).toMatch(/^Friday,? 20 November 2026$/);
    expect(us.fullDate('2026-11-20')).toBe('Friday, November 20, 2026');
    expect(gb.longDate('2026-11-20')).toBe('20 November 2026');
    expect(gb.month('2026-11')).toBe('November 2026');
  });

  test('times are read in the person’s time zone, not the machine’s', () => {
    expect(dateTimeFormat('America/New_York', 'en-GB').time(instant)).toBe('16:53');
    expect(dateTimeFormat('Asia/Tokyo', 'en-GB').dateTime(instant)).toMatch(
      /^21 November 2026(,| at) 06:53$/,
    );
  });

  test('a calendar date stays the same day in every time zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      expect(dateTimeFormat(zone, 'en-GB').date('2026-01-01')).toBe('1 Jan 2026');
    }
  });

  test('a local reminder time follows the clock of the language', () => {
    expect(dateTimeFormat('Europe/Berlin', 'en-GB').localTime('08:30')).toBe('08:30');
    expect(dateTimeFormat('Europe/Berlin', 'en-US').localTime('20:05')).toMatch(/^8:05\s?PM$/);
  });
});
