import {
  addDays,
  earlierDate,
  type LocalDate,
  type LocalTime,
  laterDate,
  localDateOf,
  offsetMsAt,
} from '@sunlog/core/calendar';
import type { IntakeUnit, ReminderPreferences } from '@sunlog/core/records/profile';
import type { Regimen } from '@sunlog/core/records/regimen';
import { isDoseDueOn } from '@sunlog/core/regimen-schedule';
import {
  DEFAULT_CHECK_IN_DAY,
  DEFAULT_CHECK_IN_TIME,
  DEFAULT_LAB_TEST_TIME,
} from '@sunlog/core/reminders/schedule';
import { offsetTransitions, reminderInstant } from '@sunlog/core/reminders/zone';
import { convertIntake, formatQuantity } from '@sunlog/core/units';

/**
 * A person's reminders as an iCalendar feed (RFC 5545): one recurring VEVENT per dose time, the monthly
 * check-in and the blood test, in the person's zone, with a VTIMEZONE for it written from Intl's own
 * offset changes. It carries no health values beyond the dose amount, and each event says so.
 */

export interface CalendarFeedInput {
  preferences: ReminderPreferences;
  regimens: readonly Pick<
    Regimen,
    'id' | 'productName' | 'amountPerDose' | 'schedule' | 'startDate' | 'endDate' | 'reminderTimes'
  >[];
  timeZone: string;
  intakeUnit: IntakeUnit;
  locale: string;
  /** Logged doses, to leave those days out (EXDATE). */
  intakes: readonly { regimenId?: string | undefined; localDate: LocalDate }[];
  lastBloodTestDate: LocalDate | null;
  /** Now, for DTSTAMP and for where the series start. */
  now: number;
}

const MS_PER_DAY = 86_400_000;
const PRODID = '-//Sunlog//Reminders//EN';
/** Years of offset changes written into the VTIMEZONE after now; calendars read beyond them with the last offset. */
const ZONE_YEARS_AHEAD = 30;
const PRIVACY_NOTE =
  'A reminder from Sunlog. This calendar holds no health values other than the dose amount: no blood results, symptoms or notes.';

/** Text escaped for a TEXT value (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines folded at 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: LocalDate) => date.replaceAll('-', '');
const localDateTime = (date: LocalDate, time: LocalTime) => `${compactDate(date)}T${time.replace(':', '')}00`;
const utcDateTime = (ms: number) => `${new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/** A wall-clock "YYYYMMDDTHHMMSS" for an instant read at a fixed offset. */
function wallAt(ms: number, offset: number): string {
  return new Date(ms + offset).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * The VTIMEZONE for `timeZone` from `fromMs` to ZONE_YEARS_AHEAD years after `nowMs`: one STANDARD or
 * DAYLIGHT component per kind of change (same offsets before and after), its onsets as DTSTART and RDATEs.
 */
export function vtimezone(timeZone: string, fromMs: number, nowMs: number): string[] {
  const toMs = nowMs + ZONE_YEARS_AHEAD * 366 * MS_PER_DAY;
  const transitions = offsetTransitions(timeZone, fromMs, toMs);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (transitions.length === 0) {
    const offset = formatOffset(offsetMsAt(fromMs, timeZone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`);
    lines.push('END:STANDARD');
  } else {
    // The offset in force before the first change, so times before it read correctly too.
    const first = transitions[0];
    const groups = new Map<string, typeof transitions>();
    if (first !== undefined) {
      const before = formatOffset(first.before);
      lines.push(
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        `TZOFFSETFROM:${before}`,
        `TZOFFSETTO:${before}`,
      );
      lines.push('END:STANDARD');
    }
    for (const transition of transitions) {
      const key = `${transition.before} ${transition.after}`;
      groups.set(key, [...(groups.get(key) ?? []), transition]);
    }
    for (const group of groups.values()) {
      const [onset, ...rest] = group;
      if (onset === undefined) continue;
      const kind = onset.after > onset.before ? 'DAYLIGHT' : 'STANDARD';
      lines.push(`BEGIN:${kind}`, `DTSTART:${wallAt(onset.at, onset.before)}`);
      for (const later of rest) lines.push(`RDATE:${wallAt(later.at, later.before)}`);
      lines.push(`TZOFFSETFROM:${formatOffset(onset.before)}`, `TZOFFSETTO:${formatOffset(onset.after)}`);
      lines.push(`END:${kind}`);
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

interface EventSpec {
  uid: string;
  summary: string;
  date: LocalDate;
  time: LocalTime;
  rrule: string;
  exdates: LocalDate[];
}

/** The whole feed, CRLF line ends (RFC 5545 §3.1). */
export function calendarFeed(input: CalendarFeedInput): string {
  const { preferences, timeZone } = input;
  const today = localDateOf(input.now, timeZone);
  const events: EventSpec[] = [];

  if (preferences.dailyDose) {
    for (const regimen of input.regimens) {
      if (regimen.endDate !== undefined && regimen.endDate < today) continue;
      // The series starts at the first dose day on or after a week ago (or the start date).
      let first = laterDate(regimen.startDate, addDays(today, -7));
      for (let i = 0; i < 400 && !isDoseDueOn(regimen, first); i += 1) first = addDays(first, 1);
      if (!isDoseDueOn(regimen, first)) continue;
      const amount = formatQuantity(convertIntake(regimen.amountPerDose, input.intakeUnit), input.locale);
      const logged = input.intakes
        .filter((intake) => intake.regimenId === regimen.id && intake.localDate >= first)
        .map((intake) => intake.localDate);
      for (const time of regimen.reminderTimes) {
        const rule =
          regimen.schedule.kind === 'daily'
            ? 'FREQ=DAILY'
            : regimen.schedule.kind === 'every-n-days'
              ? `FREQ=DAILY;INTERVAL=${regimen.schedule.everyDays}`
              : `FREQ=WEEKLY;BYDAY=${[...regimen.schedule.weekdays]
                  .sort()
                  .map((day) => WEEKDAYS[day - 1])
                  .join(',')}`;
        const until =
          regimen.endDate === undefined
            ? ''
            : `;UNTIL=${utcDateTime(reminderInstant(regimen.endDate, time, timeZone).ms)}`;
        events.push({
          uid: `dose-${regimen.id}-${time.replace(':', '')}@sunlog`,
          summary: `Vitamin D: ${amount} (${regimen.productName})`,
          date: first,
          time,
          rrule: `${rule}${until}`,
          exdates: logged,
        });
      }
    }
  }

  if (preferences.monthlyCheckIn) {
    const day = preferences.checkInDayOfMonth ?? DEFAULT_CHECK_IN_DAY;
    events.push({
      uid: 'check-in@sunlog',
      summary: 'Sunlog monthly check-in',
      date: `${today.slice(0, 8)}${String(day).padStart(2, '0')}`,
      time: preferences.checkInTime ?? DEFAULT_CHECK_IN_TIME,
      rrule: `FREQ=MONTHLY;BYMONTHDAY=${day}`,
      exdates: [],
    });
  }

  if (preferences.labTestEveryWeeks !== null && input.lastBloodTestDate !== null) {
    events.push({
      uid: 'blood-test@sunlog',
      summary: 'Vitamin D blood test due',
      date: addDays(input.lastBloodTestDate, preferences.labTestEveryWeeks * 7),
      time: preferences.labTestTime ?? DEFAULT_LAB_TEST_TIME,
      rrule: `FREQ=WEEKLY;INTERVAL=${preferences.labTestEveryWeeks}`,
      exdates: [],
    });
  }

  const earliest = events.reduce((min, event) => earlierDate(event.date, min), today);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Sunlog reminders',
    `X-WR-TIMEZONE:${timeZone}`,
    ...vtimezone(timeZone, Date.parse(`${addDays(earliest, -366)}T00:00:00Z`), input.now),
  ];
  const stamp = utcDateTime(input.now);
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${timeZone}:${localDateTime(event.date, event.time)}`,
      'DURATION:PT15M',
      `RRULE:${event.rrule}`,
      ...event.exdates.map((date) => `EXDATE;TZID=${timeZone}:${localDateTime(date, event.time)}`),
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(PRIVACY_NOTE)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(event.summary)}`,
      'TRIGGER:PT0M',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
