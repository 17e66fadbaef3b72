import { localDateTimeOf, toOffsetDateTime, zonedInstant } from '@sunlog/core/calendar';
import { unusualDose } from '@sunlog/core/plausibility';
import type { IntakeStatus } from '@sunlog/core/records/intake';
import type { IntakeUnit } from '@sunlog/core/records/profile';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { ChoiceGroup } from '../../../components/ChoiceGroup.tsx';
import { numberProblem } from '../../../forms/parse-number.ts';
import { UnusualConfirm, useUnusualConfirm } from '../../../forms/UnusualConfirm.tsx';
import { FormFrame } from './FormFrame.tsx';
import { InputField, numberForInput, parseDecimal } from './fields.tsx';
import { DayField, IntakeAmountFields, NoteTextArea } from './record-fields.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

export interface EditFormProps<R> {
  record: R;
  locale: string;
  timeZone: string;
  onSaved: () => void;
  onCancel: () => void;
}

/** Edits a logged dose: day, time, amount as entered, taken or skipped, note. */
export function IntakeForm({
  record,
  locale,
  timeZone,
  onSaved,
  onCancel,
}: EditFormProps<RecordOf<'intakes'>>) {
  const [localDate, setLocalDate] = useState(record.localDate);
  const [time, setTime] = useState(() => localDateTimeOf(record.takenAt, timeZone).time);
  const [amount, setAmount] = useState(() => numberForInput(record.amount.value));
  const [unit, setUnit] = useState<IntakeUnit>(record.amount.unit);
  const [status, setStatus] = useState<IntakeStatus>(record.status);
  const [note, setNote] = useState(record.note ?? '');
  const saving = useSaveRecord('intakes', onSaved);
  const { errors } = saving;
  const unusual = useUnusualConfirm(`${amount}|${unit}`);

  const submit = () => {
    let takenAt = record.takenAt;
    try {
      takenAt = toOffsetDateTime(zonedInstant(localDate, time, timeZone), timeZone);
    } catch {
      // An unreadable date or time keeps the old instant; the schema reports the date itself.
    }
    const typed = { value: parseDecimal(amount), unit };
    unusual.askOrProceed(unusualDose(typed, record.amount, locale), () =>
      saving.save(
        {
          id: record.id,
          ...(record.regimenId === undefined ? {} : { regimenId: record.regimenId }),
          takenAt,
          localDate,
          amount: typed,
          status,
          ...(note.trim() === '' ? {} : { note }),
        },
        { 'amount.value': numberProblem(amount, t.amountInvalid) ?? t.amountInvalid },
      ),
    );
  };

  return (
    <FormFrame
      saving={saving}
      onSubmit={submit}
      onCancel={onCancel}
      confirm={<UnusualConfirm state={unusual} />}
    >
      <DayField value={localDate} onChange={setLocalDate} error={errors.localDate} />
      <InputField
        label={t.time}
        name="time"
        type="time"
        hint={t.timeHint}
        value={time}
        onChange={setTime}
        error={errors.takenAt}
      />
      <IntakeAmountFields
        label={t.amount}
        name="amount"
        value={amount}
        onChange={(text) => {
          setAmount(text);
          saving.clearError('amount.value');
        }}
        error={errors['amount.value']}
        unit={unit}
        onUnitChange={setUnit}
      />
      <ChoiceGroup
        label={t.status}
        name="status"
        value={status}
        onChange={setStatus}
        choices={[
          { value: 'taken', name: t.statuses.taken },
          { value: 'skipped', name: t.statuses.skipped },
        ]}
        error={errors.status}
      />
      <NoteTextArea value={note} onChange={setNote} error={errors.note} />
    </FormFrame>
  );
}
