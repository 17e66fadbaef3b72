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

/**
 * The zone in its usual spelling, which the server stores: letter case as Intl writes it ("utc" → "UTC",
 * "europe/berlin" → "Europe/Berlin"). A name Intl knows only as an alias of an older one keeps the name
 * the person chose: Node's ICU would turn "Asia/Kolkata" into "Asia/Calcutta" and "Europe/Kyiv" into
 * "Europe/Kiev", the names those cities no longer use.
 */
export function canonicalTimeZone(name: string): string {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return name;
  }
}
