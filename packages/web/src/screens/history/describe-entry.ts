import { ANALYTE_LABELS } from '@sunlog/core/records/lab-result';
import type { Schedule } from '@sunlog/core/records/regimen';
import { SYMPTOM_SCALES } from '@sunlog/core/records/symptom-scales';
import { formatQuantity } from '@sunlog/core/units';
import type { HistoryFormat } from './format.ts';
import { SYMPTOM_NAMES, historyStrings as t } from './strings.ts';
import type { TimelineEntry } from './timeline-entries.ts';
import { weekdayNamer } from './weekday-names.ts';

const SEVERITY = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as const;

function describeSchedule(schedule: Schedule, locale: string): string {
  switch (schedule.kind) {
    case 'daily':
      return 'every day';
    case 'every-n-days':
      return `every ${schedule.everyDays} days`;
    case 'weekly': {
      const names = [...schedule.weekdays].sort((a, b) => a - b).map(weekdayNamer(locale));
      return `every ${new Intl.ListFormat(locale, { type: 'conjunction' }).format(names)}`;
    }
    default: {
      const unknown: never = schedule;
      return unknown;
    }
  }
}

/** The entry's short title and its detail lines, in the person's units, locale and time zone. */
export function describeEntry(
  entry: TimelineEntry,
  format: HistoryFormat,
): { title: string; lines: string[] } {
  const title = t.kinds[entry.kind];
  const withNote = (lines: (string | null)[], note: string | undefined) =>
    [...lines, note === undefined || note === '' ? null : t.note(note)].filter((line) => line !== null);
  switch (entry.kind) {
    case 'intakes': {
      const { record } = entry;
      const shown = format.intake(record.amount);
      const asEntered = formatQuantity(record.amount, format.locale);
      const amount =
        record.amount.unit === format.intakeUnit ? shown : `${shown} (${t.enteredAs(asEntered)})`;
      return {
        title,
        lines: withNote(
          [
            record.status === 'taken'
              ? t.intakeTakenLine(amount, format.time(record.takenAt))
              : t.intakeSkippedLine(amount),
          ],
          record.note,
        ),
      };
    }
    case 'symptom-checks': {
      const { record } = entry;
      const ratings = [
        ...SYMPTOM_SCALES.flatMap((scale) => {
          const score = record.scores[scale];
          return score === undefined ? [] : [`${SYMPTOM_NAMES[scale]} ${score}`];
        }),
        ...record.custom.map((custom) => `${custom.name} ${custom.score}`),
      ];
      return { title, lines: withNote([ratings.join(', ')], record.note) };
    }
    case 'lab-results': {
      const { record } = entry;
      const value =
        record.analyte === '25-hydroxyvitamin-d-total'
          ? format.blood(record.level)
          : formatQuantity(record.level, format.locale);
      return {
        title,
        lines: withNote(
          [
            t.labLine(ANALYTE_LABELS[record.analyte], value),
            record.labName === undefined ? null : t.atLab(record.labName),
          ],
          record.note,
        ),
      };
    }
    case 'flares': {
      const { record } = entry;
      return {
        title,
        lines: withNote(
          [
            t.flareLine(SEVERITY[record.severity], record.symptoms.join(', ')),
            t.flareDates(
              format.date(record.startDate),
              record.endDate === undefined ? undefined : format.date(record.endDate),
            ),
            record.steroidTreatment ? t.steroids : null,
          ],
          record.note,
        ),
      };
    }
    case 'regimens': {
      const { record } = entry;
      return {
        title,
        lines: withNote(
          [
            t.regimenLine(
              record.productName,
              record.form,
              `${format.intake(record.amountPerDose)}`,
              describeSchedule(record.schedule, format.locale),
            ),
            record.endDate === undefined ? null : `Until ${format.date(record.endDate)}`,
          ],
          record.note,
        ),
      };
    }
    case 'check-ins': {
      const { record } = entry;
      const month = new Intl.DateTimeFormat(format.locale, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${record.month}-01T00:00:00Z`));
      return {
        title,
        lines: [
          t.checkInLine(month),
          record.questionsForDoctor.length === 0 ? null : t.questionsCount(record.questionsForDoctor.length),
        ].filter((line) => line !== null),
      };
    }
    default: {
      const unknown: never = entry;
      return unknown;
    }
  }
}

/** Words that identify an entry in a button name or a confirmation, e.g. "20 Nov 2026, 08:30". */
export function entryWhen(entry: TimelineEntry, format: HistoryFormat): string {
  return entry.kind === 'intakes'
    ? `${format.date(entry.date)}, ${format.time(entry.record.takenAt)}`
    : format.date(entry.date);
}
