import type { RecordCollection, StoredRecordOf } from '../../records/collections.ts';
import { SYMPTOM_SCALES } from '../../records/symptom-scales.ts';
import { type CsvCell, csvText } from './write.ts';

/**
 * One CSV per kind of record, for spreadsheets: a header row, ISO dates (YYYY-MM-DD) and times, numbers
 * with a point for decimals, units in their own column, lists joined with "; ". The `id` column lets
 * a CSV made here be imported again without doubling anything. Columns are documented in
 * docs/data-portability.md.
 */

interface Column<R> {
  header: string;
  value: (record: R) => CsvCell;
}

type Columns<C extends RecordCollection> = readonly Column<StoredRecordOf<C>>[];

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const list = (items: readonly string[] | undefined) => (items === undefined ? '' : items.join('; '));

const regimenColumns: Columns<'regimens'> = [
  { header: 'id', value: (r) => r.id },
  { header: 'product', value: (r) => r.productName },
  { header: 'form', value: (r) => r.form },
  { header: 'amount_per_dose', value: (r) => r.amountPerDose.value },
  { header: 'unit', value: (r) => r.amountPerDose.unit },
  {
    header: 'schedule',
    value: ({ schedule }) =>
      schedule.kind === 'daily'
        ? 'daily'
        : schedule.kind === 'every-n-days'
          ? `every ${schedule.everyDays} days`
          : `weekly: ${schedule.weekdays.map((day) => WEEKDAYS[day - 1]).join(' ')}`,
  },
  { header: 'start_date', value: (r) => r.startDate },
  { header: 'end_date', value: (r) => r.endDate },
  { header: 'reminder_times', value: (r) => list(r.reminderTimes) },
  { header: 'note', value: (r) => r.note },
];

const intakeColumns: Columns<'intakes'> = [
  { header: 'id', value: (r) => r.id },
  { header: 'date', value: (r) => r.localDate },
  { header: 'taken_at', value: (r) => r.takenAt },
  { header: 'status', value: (r) => r.status },
  { header: 'amount', value: (r) => r.amount.value },
  { header: 'unit', value: (r) => r.amount.unit },
  { header: 'regimen_id', value: (r) => r.regimenId },
  { header: 'note', value: (r) => r.note },
];

const labResultColumns: Columns<'labResults'> = [
  { header: 'id', value: (r) => r.id },
  { header: 'date', value: (r) => r.sampleDate },
  { header: 'analyte', value: (r) => r.analyte },
  { header: 'value', value: (r) => r.level.value },
  { header: 'unit', value: (r) => r.level.unit },
  { header: 'reference_low', value: (r) => r.referenceRange?.low },
  { header: 'reference_high', value: (r) => r.referenceRange?.high },
  { header: 'reference_unit', value: (r) => r.referenceRange?.unit },
  { header: 'lab', value: (r) => r.labName },
  { header: 'loinc_code', value: (r) => r.loincCode },
  { header: 'note', value: (r) => r.note },
];

/** Snake-case headers for the built-in scales: `overall_wellness`. */
export const SCALE_HEADERS: Readonly<Record<(typeof SYMPTOM_SCALES)[number], string>> = {
  fatigue: 'fatigue',
  energy: 'energy',
  mobility: 'mobility',
  mood: 'mood',
  sleep: 'sleep',
  pain: 'pain',
  overallWellness: 'overall_wellness',
};

const symptomCheckColumns: Columns<'symptomChecks'> = [
  { header: 'id', value: (r) => r.id },
  { header: 'date', value: (r) => r.localDate },
  ...SYMPTOM_SCALES.map((scale) => ({
    header: SCALE_HEADERS[scale],
    value: (r: StoredRecordOf<'symptomChecks'>) => r.scores[scale],
  })),
  { header: 'custom', value: (r) => list(r.custom.map((item) => `${item.name}: ${item.score}`)) },
  { header: 'note', value: (r) => r.note },
];

const flareColumns: Columns<'flares'> = [
  { header: 'id', value: (r) => r.id },
  { header: 'start_date', value: (r) => r.startDate },
  { header: 'end_date', value: (r) => r.endDate },
  { header: 'symptoms', value: (r) => list(r.symptoms) },
  { header: 'severity', value: (r) => r.severity },
  { header: 'steroid_treatment', value: (r) => (r.steroidTreatment ? 'yes' : 'no') },
  { header: 'suspected_trigger', value: (r) => r.suspectedTrigger },
  { header: 'note', value: (r) => r.note },
];

const checkInColumns: Columns<'checkIns'> = [
  { header: 'id', value: (r) => r.id },
  { header: 'month', value: (r) => r.month },
  { header: 'intake_consistency', value: (r) => r.answers.intakeConsistency },
  { header: 'symptom_change', value: (r) => r.answers.symptomChange },
  { header: 'blood_result_note', value: (r) => r.answers.bloodResultNote },
  { header: 'flare_note', value: (r) => r.answers.flareNote },
  { header: 'free_text', value: (r) => r.answers.freeText },
  { header: 'questions_for_doctor', value: (r) => list(r.questionsForDoctor) },
];

const COLUMNS: { readonly [C in RecordCollection]: Columns<C> } = {
  regimens: regimenColumns,
  intakes: intakeColumns,
  labResults: labResultColumns,
  symptomChecks: symptomCheckColumns,
  flares: flareColumns,
  checkIns: checkInColumns,
};

/** The header row of a kind's CSV. */
export function csvHeader(collection: RecordCollection): string[] {
  return COLUMNS[collection].map((column) => column.header);
}

/** A kind's records as CSV text, in the order given. */
export function recordsToCsv<C extends RecordCollection>(
  collection: C,
  records: readonly StoredRecordOf<C>[],
): string {
  const columns: Columns<C> = COLUMNS[collection];
  return csvText(
    columns.map((column) => column.header),
    records.map((record) => columns.map((column) => column.value(record))),
  );
}
