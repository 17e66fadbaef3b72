import { unusualPlan } from '@sunlog/core/plausibility';
import type { IntakeUnit } from '@sunlog/core/records/profile';
import type { Schedule, VitaminDForm } from '@sunlog/core/records/regimen';
import { toIu } from '@sunlog/core/units';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { numberProblem } from '../../../forms/parse-number.ts';
import { UnusualConfirm, useUnusualConfirm } from '../../../forms/UnusualConfirm.tsx';
import { ISO_WEEKDAYS, weekdayNamer } from '../weekday-names.ts';
import { FormFrame } from './FormFrame.tsx';
import { CheckboxField, InputField, numberForInput, parseDecimal, SelectField } from './fields.tsx';
import type { EditFormProps } from './IntakeForm.tsx';
import { IntakeAmountFields, NoteTextArea, StartEndFields } from './record-fields.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

/** Edits a supplement plan: product, form, dose, schedule, dates and reminder times. */
export function RegimenForm({ record, locale, onSaved, onCancel }: EditFormProps<RecordOf<'regimens'>>) {
  const [productName, setProductName] = useState(record.productName);
  const [form, setForm] = useState<VitaminDForm>(record.form);
  const [amount, setAmount] = useState(() => numberForInput(record.amountPerDose.value));
  const [unit, setUnit] = useState<IntakeUnit>(record.amountPerDose.unit);
  const [scheduleKind, setScheduleKind] = useState<Schedule['kind']>(record.schedule.kind);
  const [everyDays, setEveryDays] = useState(
    record.schedule.kind === 'every-n-days' ? String(record.schedule.everyDays) : '2',
  );
  const [weekdays, setWeekdays] = useState<number[]>(
    record.schedule.kind === 'weekly' ? record.schedule.weekdays : [1],
  );
  const [startDate, setStartDate] = useState(record.startDate);
  const [endDate, setEndDate] = useState(record.endDate ?? '');
  const [reminderTimes, setReminderTimes] = useState(record.reminderTimes.join(', '));
  const [note, setNote] = useState(record.note ?? '');
  const saving = useSaveRecord('regimens', onSaved);
  const { errors } = saving;
  const unusual = useUnusualConfirm(`${amount}|${unit}|${scheduleKind}|${everyDays}|${[...weekdays]}`);
  const weekdayName = weekdayNamer(locale);

  const submit = () => {
    const schedule =
      scheduleKind === 'daily'
        ? { kind: 'daily' }
        : scheduleKind === 'every-n-days'
          ? {
              kind: 'every-n-days',
              everyDays: /^\d+$/.test(everyDays.trim()) ? Number(everyDays) : Number.NaN,
            }
          : { kind: 'weekly', weekdays: [...weekdays].sort((a, b) => a - b) };
    const amountPerDose = { value: parseDecimal(amount), unit };
    // Asked only when the amount or schedule changed: the stored plan was confirmed when it was saved.
    const isUnchanged =
      toIu(amountPerDose) === toIu(record.amountPerDose) &&
      JSON.stringify(schedule) === JSON.stringify(record.schedule);
    const unusualEntry = isUnchanged
      ? null
      : unusualPlan({ amountPerDose, schedule: schedule as Schedule }, locale);
    unusual.askOrProceed(unusualEntry, () =>
      saving.save(
        {
          id: record.id,
          productName,
          form,
          amountPerDose,
          schedule,
          startDate,
          ...(endDate === '' ? {} : { endDate }),
          reminderTimes: reminderTimes
            .split(/[,\s]+/)
            .map((time) => time.trim())
            .filter((time) => time !== ''),
          ...(note.trim() === '' ? {} : { note }),
        },
        {
          'amountPerDose.value': numberProblem(amount, t.amountInvalid) ?? t.amountInvalid,
          'schedule.everyDays': t.everyDaysInvalid,
        },
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
      <InputField
        label={t.product}
        name="productName"
        value={productName}
        onChange={setProductName}
        error={errors.productName}
      />
      <SelectField
        label={t.form}
        name="form"
        value={form}
        onChange={setForm}
        options={(['D3', 'D2'] as const).map((value) => ({ value, label: t.forms[value] }))}
      />
      <IntakeAmountFields
        label={t.amountPerDose}
        name="amountPerDose"
        value={amount}
        onChange={(text) => {
          setAmount(text);
          saving.clearError('amountPerDose.value');
        }}
        error={errors['amountPerDose.value']}
        unit={unit}
        onUnitChange={setUnit}
      />
      <SelectField
        label={t.schedule}
        name="schedule"
        value={scheduleKind}
        onChange={setScheduleKind}
        options={(['daily', 'every-n-days', 'weekly'] as const).map((value) => ({
          value,
          label: t.schedules[value],
        }))}
      />
      {scheduleKind === 'every-n-days' ? (
        <InputField
          label={t.everyDays}
          name="everyDays"
          inputMode="numeric"
          value={everyDays}
          onChange={setEveryDays}
          error={errors['schedule.everyDays']}
        />
      ) : null}
      {scheduleKind === 'weekly' ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t.weekdays}</legend>
          {errors['schedule.weekdays'] === undefined ? null : (
            <p className="field__error">{errors['schedule.weekdays']}</p>
          )}
          <div className="weekday-grid">
            {ISO_WEEKDAYS.map((day) => (
              <CheckboxField
                key={day}
                name={`weekday-${day}`}
                label={weekdayName(day)}
                checked={weekdays.includes(day)}
                onChange={(checked) =>
                  setWeekdays((current) =>
                    checked ? [...current, day] : current.filter((other) => other !== day),
                  )
                }
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <StartEndFields
        endLabel={t.regimenEnd}
        start={startDate}
        onStartChange={setStartDate}
        end={endDate}
        onEndChange={setEndDate}
        errors={errors}
      />
      <InputField
        label={t.reminderTimes}
        name="reminderTimes"
        isOptional
        hint={t.reminderHint}
        value={reminderTimes}
        onChange={setReminderTimes}
        error={
          errors.reminderTimes ??
          Object.entries(errors).find(([path]) => path.startsWith('reminderTimes.'))?.[1]
        }
      />
      <NoteTextArea value={note} onChange={setNote} error={errors.note} />
    </FormFrame>
  );
}
