/** ISO weekday numbers in week order: 1 Monday … 7 Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Names ISO weekday numbers (1 Monday … 7 Sunday) in full, in the person's language. */
export function weekdayNamer(locale: string): (day: number) => string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday, so ISO weekday N falls on N January 2024.
  return (day) => format.format(Date.UTC(2024, 0, day));
}
