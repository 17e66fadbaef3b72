import { epochDay, type LocalDate, type LocalTime, offsetMsAt, zonedInstant } from '../calendar.ts';

/**
 * When a reminder set for a local wall-clock time fires, using only Intl (through calendar.ts).
 *
 * Reminders read a local time differently from `zonedInstant`'s default:
 * - a time that occurs twice (autumn overlap) fires once, at its first occurrence;
 * - a time that does not exist that day (spring gap) fires at the first valid minute after it, i.e. the
 *   instant the clocks jump (02:30 in Europe/Berlin on 2026-03-29 fires at 03:00 CEST), not an hour later.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface ResolvedLocalTime {
  /** The instant, epoch milliseconds. */
  ms: number;
  /** False when the local time does not exist that day and the reminder moved to the end of the gap. */
  exact: boolean;
}

/** The wall-clock reading at an instant as milliseconds since 1970-01-01T00:00 local. */
function wallMs(ms: number, timeZone: string): number {
  return ms + offsetMsAt(ms, timeZone);
}

function minutesOf(time: LocalTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The instant a reminder for `time` on `date` in `timeZone` fires (see the rules above). */
export function reminderInstant(date: LocalDate, time: LocalTime, timeZone: string): ResolvedLocalTime {
  const target = epochDay(date) * MS_PER_DAY + minutesOf(time) * MS_PER_MINUTE;
  const earlier = zonedInstant(date, time, timeZone, 'earlier');
  if (wallMs(earlier, timeZone) === target) {
    return { ms: earlier, exact: true };
  }
  // A gap: `earlier` reads before the jump, `later` after it. The first instant whose wall clock is at or
  // past the target is the jump itself; find it to the minute (offsets change on whole minutes today).
  let low = Math.floor(earlier / MS_PER_MINUTE);
  let high = Math.ceil(zonedInstant(date, time, timeZone, 'later') / MS_PER_MINUTE);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallMs(middle * MS_PER_MINUTE, timeZone) >= target) {
      high = middle;
    } else {
      low = middle;
    }
  }
  return { ms: high * MS_PER_MINUTE, exact: false };
}

/** True when the local time occurs on that date in that zone (not skipped by a clock change). */
export function localTimeExists(date: LocalDate, time: LocalTime, timeZone: string): boolean {
  return reminderInstant(date, time, timeZone).exact;
}
