import type { LocalDate } from '@sunlog/core/calendar';

/**
 * How every screen writes dates and times: in the browser's language (so an en-GB reader gets
 * "20 Nov 2026, 22:53" and an en-US reader "Nov 20, 2026, 10:53 PM"), in the person's own time zone.
 *
 * The language comes from the browser, not from `profile.locale`: the server gives every new account
 * "en" and no screen lets a person choose another, so the stored value says nothing about the person.
 * See docs/decisions.md ("Dates and times follow the browser's language").
 */

/** The language to write dates, times and numbers in: the browser's first choice, else "en". */
export function displayLocale(
  languages: readonly string[] | undefined = globalThis.navigator?.languages,
  language: string | undefined = globalThis.navigator?.language,
): string {
  for (const tag of [...(languages ?? []), language]) {
    if (tag !== undefined && isFormattable(tag)) return Intl.getCanonicalLocales(tag)[0] ?? tag;
  }
  return 'en';
}

function isFormattable(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length === 1;
  } catch {
    return false;
  }
}

/** Calendar dates are formatted at noon UTC, so no reader's clock can move them to another day. */
function atNoonUtc(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

export interface DateTimeFormat {
  locale: string;
  timeZone: string;
  /** "20 Nov 2026" / "Nov 20, 2026". */
  date: (date: LocalDate) => string;
  /** "20 Nov" / "Nov 20", for tight spaces such as chart rows. */
  dayMonth: (date: LocalDate) => string;
  /** "Friday 20 November 2026" / "Friday, November 20, 2026". */
  fullDate: (date: LocalDate) => string;
  /** "20 November 2026" / "November 20, 2026". */
  longDate: (date: LocalDate) => string;
  /** "November 2026" for "2026-11". */
  month: (month: string) => string;
  /** "22:53" / "10:53 PM": the clock time of an instant in the person's time zone. */
  time: (instant: string | number) => string;
  /** "22:53" / "10:53 PM" for a local "HH:MM" (a reminder time), with no time zone to apply. */
  localTime: (hhmm: string) => string;
  /** "20 November 2026, 22:53": an instant's date and time in the person's time zone. */
  dateTime: (instant: string | number) => string;
}

/** The formatters for one reader: their language and their time zone. */
export function dateTimeFormat(timeZone: string, locale: string = displayLocale()): DateTimeFormat {
  const inUtc = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  const short = inUtc({ dateStyle: 'medium' });
  const dayMonth = inUtc({ day: 'numeric', month: 'short' });
  const full = inUtc({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const long = inUtc({ day: 'numeric', month: 'long', year: 'numeric' });
  const month = inUtc({ month: 'long', year: 'numeric' });
  const clockUtc = inUtc({ timeStyle: 'short' });
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  return {
    locale,
    timeZone,
    date: (date) => short.format(atNoonUtc(date)),
    dayMonth: (date) => dayMonth.format(atNoonUtc(date)),
    fullDate: (date) => full.format(atNoonUtc(date)),
    longDate: (date) => long.format(atNoonUtc(date)),
    month: (value) => month.format(atNoonUtc(`${value}-01`)),
    time: (instant) => clock.format(new Date(instant)),
    localTime: (hhmm) => clockUtc.format(new Date(`1970-01-01T${hhmm}:00Z`)),
    dateTime: (instant) => stamp.format(new Date(instant)),
  };
}
