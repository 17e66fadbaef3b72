import { z } from 'zod';

/** True when `name` is an IANA time zone this runtime knows (e.g. "Europe/London"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name. */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Unknown time zone: use an IANA name such as Europe/Berlin' });

/** The zone as Intl names it ("utc" → "UTC", "europe/berlin" → "Europe/Berlin"); the server stores this form. */
export function canonicalTimeZone(name: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return name;
  }
}
