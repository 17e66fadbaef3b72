import {
  addDays,
  datesInRange,
  daysBetween,
  type Instant,
  instantMs,
  type LocalDate,
  type LocalTime,
  localDateOf,
  localMonthOf,
} from '../calendar.ts';
import type { CheckIn } from '../records/check-in.ts';
import type { Intake } from '../records/intake.ts';
import type { ReminderPreferences } from '../records/profile.ts';
import type { Regimen } from '../records/regimen.ts';
import { isDoseDueOn } from '../regimen-schedule.ts';
import { reminderInstant } from './zone.ts';

/**
 * Which reminders fall due, and when. Pure: everything, including the window and "now", is an argument.
 *
 * - Dose reminders: when `preferences.dailyDose` is on, at each of a regimen's `reminderTimes` on every
 *   local date its schedule has a dose (the regimen's `reminderTimes` are the one source of truth;
 *   `preferences.dailyDoseTimes` is not read). A dose logged (taken or skipped) for that regimen and local
 *   date suppresses that day's reminders; a regimen stops after its end date.
 * - Check-in: when `preferences.monthlyCheckIn` is on, on `checkInDayOfMonth` (1–28) at `checkInTime`,
 *   unless that month's check-in is already done: a saved check-in for the reminder's month, or for the
 *   month before it (the month just ended, which the check-in screen opens on), suppresses it.
 * - Blood test: when `preferences.labTestEveryWeeks` is N, every N weeks counted from the last blood
 *   result's date, at `labTestTime`. Without a result there is nothing to count from, so no reminder.
 *
 * Times are local wall-clock times in the person's zone and stay so across daylight-saving changes: a
 * repeated time fires once (its first occurrence), a skipped time at the first valid minute after it.
 */

export type ReminderKind = 'dose' | 'check-in' | 'blood-test';

export interface DueReminder {
  kind: ReminderKind;
  /** For a dose: the regimen it reminds of. */
  regimenId?: string;
  /** The local date the reminder belongs to (for a dose, the date the dose counts for). */
  localDate: LocalDate;
  /** The local time it was set for, "HH:MM" (the reminder may fire later when a clock change skips it). */
  localTime: LocalTime;
  /** When it falls due, UTC ISO-8601. */
  dueAt: string;
}

export const DEFAULT_CHECK_IN_DAY = 1;
export const DEFAULT_CHECK_IN_TIME = '19:00';
export const DEFAULT_LAB_TEST_TIME = '09:00';

export type ScheduleRegimen = Pick<Regimen, 'id' | 'schedule' | 'startDate' | 'endDate' | 'reminderTimes'>;
export type ScheduleIntake = Pick<Intake, 'regimenId' | 'localDate'>;
export type ScheduleCheckIn = Pick<CheckIn, 'month'>;

export interface ScheduleInput {
  preferences: ReminderPreferences;
  regimens: readonly ScheduleRegimen[];
  /** The person's IANA zone. */
  timeZone: string;
  /** Logged doses; only `regimenId` and `localDate` are read. */
  intakes: readonly ScheduleIntake[];
  /** The local date of the latest blood result, or null when there is none. */
  lastBloodTestDate?: LocalDate | null;
  /** Saved check-ins; only `month` is read. A check-in done for the month suppresses its reminder. */
  checkIns?: readonly ScheduleCheckIn[];
}

/** Upper bound on a window, so a mistaken call cannot enumerate centuries. */
const MAX_WINDOW_DAYS = 800;
const MS_PER_DAY = 86_400_000;

/** The dates among `dates` that are day `day` of their month. */
function checkInDates(dates: readonly LocalDate[], day: number): LocalDate[] {
  const suffix = `-${String(day).padStart(2, '0')}`;
  return dates.filter((date) => date.endsWith(suffix));
}

/** Every reminder due in [from, to), ordered by due instant (then kind and regimen, for ties). */
export function dueReminders(input: ScheduleInput, from: Instant, to: Instant): DueReminder[] {
  const fromMs = instantMs(from);
  const toMs = instantMs(to);
  if (toMs <= fromMs) {
    return [];
  }
  if (toMs - fromMs > MAX_WINDOW_DAYS * MS_PER_DAY) {
    throw new RangeError(`A reminder window is at most ${MAX_WINDOW_DAYS} days`);
  }
  const { preferences, timeZone } = input;
  // One local date either side: a reminder of a local date can fall outside its UTC day.
  const dates = datesInRange(
    addDays(localDateOf(fromMs, timeZone), -1),
    addDays(localDateOf(toMs, timeZone), 1),
  );
  const due: DueReminder[] = [];
  const add = (kind: ReminderKind, localDate: LocalDate, localTime: LocalTime, regimenId?: string) => {
    const { ms } = reminderInstant(localDate, localTime, timeZone);
    if (ms >= fromMs && ms < toMs) {
      due.push({
        kind,
        ...(regimenId === undefined ? {} : { regimenId }),
        localDate,
        localTime,
        dueAt: new Date(ms).toISOString(),
      });
    }
  };

  if (preferences.dailyDose) {
    const logged = new Set(
      input.intakes.flatMap((intake) =>
        intake.regimenId === undefined ? [] : [`${intake.regimenId} ${intake.localDate}`],
      ),
    );
    for (const regimen of input.regimens) {
      const times = [...new Set(regimen.reminderTimes)];
      for (const date of dates) {
        if (!isDoseDueOn(regimen, date) || logged.has(`${regimen.id} ${date}`)) {
          continue;
        }
        for (const time of times) {
          add('dose', date, time, regimen.id);
        }
      }
    }
  }

  if (preferences.monthlyCheckIn) {
    const day = preferences.checkInDayOfMonth ?? DEFAULT_CHECK_IN_DAY;
    const done = new Set((input.checkIns ?? []).map((checkIn) => checkIn.month));
    for (const date of checkInDates(dates, day)) {
      const month = localMonthOf(date);
      if (done.has(month) || done.has(localMonthOf(addDays(`${month}-01`, -1)))) {
        continue;
      }
      add('check-in', date, preferences.checkInTime ?? DEFAULT_CHECK_IN_TIME);
    }
  }

  const everyWeeks = preferences.labTestEveryWeeks;
  const last = input.lastBloodTestDate ?? null;
  if (everyWeeks !== null && last !== null) {
    const period = everyWeeks * 7;
    for (const date of dates) {
      const since = daysBetween(last, date);
      if (since > 0 && since % period === 0) {
        add('blood-test', date, preferences.labTestTime ?? DEFAULT_LAB_TEST_TIME);
      }
    }
  }

  const kindOrder: Record<ReminderKind, number> = { dose: 0, 'check-in': 1, 'blood-test': 2 };
  return due.sort(
    (a, b) =>
      a.dueAt.localeCompare(b.dueAt) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      (a.regimenId ?? '').localeCompare(b.regimenId ?? ''),
  );
}

/** What identifies one reminder of one day (a delivery row keeps these). */
export type ReminderOccurrence = Pick<DueReminder, 'kind' | 'regimenId' | 'localDate' | 'localTime'>;

/**
 * Whether a reminder scheduled earlier is still wanted now: the schedule, run again on today's data at
 * that reminder's local date and time, still has it. False once its dose was logged, its regimen ended
 * or was deleted, its check-in was done, or the person turned that reminder off or changed its time.
 */
export function isStillDue(input: ScheduleInput, reminder: ReminderOccurrence): boolean {
  const at = reminderInstant(reminder.localDate, reminder.localTime, input.timeZone).ms;
  return dueReminders(input, at, at + 1).some(
    (due) =>
      due.kind === reminder.kind &&
      (due.regimenId ?? null) === (reminder.regimenId ?? null) &&
      due.localDate === reminder.localDate &&
      due.localTime === reminder.localTime,
  );
}

/** How long after its due instant a reminder still counts as "due now" rather than missed. */
export const DUE_NOW_GRACE_MS = 3_600_000;

export interface TodaysReminders {
  /** Due within the last hour (or exactly now): act on these. */
  dueNow: DueReminder[];
  /** Due earlier today, more than an hour ago, and not yet done. */
  missed: DueReminder[];
  /** Still to come today. */
  later: DueReminder[];
}

/**
 * Today's reminders for the Today screen, in the person's zone: what is due now, what was missed earlier
 * today, and what is still to come. A dose logged for today has already dropped out (see `dueReminders`).
 */
export function todaysReminders(input: ScheduleInput, now: Instant): TodaysReminders {
  const nowMs = instantMs(now);
  const today = localDateOf(nowMs, input.timeZone);
  const start = reminderInstant(today, '00:00', input.timeZone).ms;
  const end = reminderInstant(addDays(today, 1), '00:00', input.timeZone).ms;
  const result: TodaysReminders = { dueNow: [], missed: [], later: [] };
  for (const reminder of dueReminders(input, start, end)) {
    if (reminder.localDate !== today) {
      continue;
    }
    const dueMs = Date.parse(reminder.dueAt);
    if (dueMs > nowMs) {
      result.later.push(reminder);
    } else if (nowMs - dueMs < DUE_NOW_GRACE_MS) {
      result.dueNow.push(reminder);
    } else {
      result.missed.push(reminder);
    }
  }
  return result;
}
