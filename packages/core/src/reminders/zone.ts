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

/** A change of a zone's UTC offset: at `at` (epoch ms) the offset goes from `before` to `after` (ms). */
export interface OffsetTransition {
  at: number;
  before: number;
  after: number;
}

const SCAN_STEP_MS = 7 * MS_PER_DAY;

/**
 * The zone's offset changes in [fromMs, toMs), found from Intl alone: the offset is sampled weekly and
 * each change is narrowed to the minute. Two changes less than a week apart that cancel out are not
 * seen; no zone in use changes that often.
 */
export function offsetTransitions(timeZone: string, fromMs: number, toMs: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  let previousMs = fromMs;
  let previousOffset = offsetMsAt(fromMs, timeZone);
  while (previousMs < toMs) {
    const nextMs = Math.min(previousMs + SCAN_STEP_MS, toMs);
    const nextOffset = offsetMsAt(nextMs, timeZone);
    if (nextOffset !== previousOffset) {
      let low = previousMs;
      let high = nextMs;
      while (high - low > MS_PER_MINUTE) {
        const half = Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
        const middle = low + Math.max(MS_PER_MINUTE, half);
        if (offsetMsAt(middle, timeZone) === previousOffset) {
          low = middle;
        } else {
          high = middle;
        }
      }
      transitions.push({ at: high, before: previousOffset, after: nextOffset });
    }
    previousMs = nextMs;
    previousOffset = nextOffset;
  }
  return transitions;
}
