import type { IntakeUnit } from '@sunlog/core/records/profile';
import type { Schedule, VitaminDForm } from '@sunlog/core/records/regimen';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { FormFrame } from './FormFrame.tsx';
import {
  CheckboxField,
  InputField,
  numberForInput,
  parseDecimal,
  SelectField,
  TextAreaField,
} from './fields.tsx';
import type { EditFormProps } from './IntakeForm.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

const WEEKDAY_DATES = [
  '2024-01-01',
  '2024-01-02',
  '2024-01-03',
  '2024-01-04',
  '2024-01-05',
  '2024-01-06',
  '2024-01-07',
];

/** Edits a supplement plan: product, form, dose, schedule, dates and reminder times. */
export function RegimenForm({ record, locale, onSaved, onCancel }: EditFormProps<RecordOf<'regimens'>>) {
  const [productName, setProductName] = useState(record.productName);
  const [form, setForm] = useState<VitaminDForm>(record.form);
  const [amount, setAmount] = useState(() => numberForInput(record.amountPerDose.value, locale));
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
  const { save, errors, formError, isSaving } = useSaveRecord('regimens', onSaved);
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });

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
    save(
      {
        id: record.id,
        productName,
        form,
        amountPerDose: { value: parseDecimal(amount, locale), unit },
        schedule,
        startDate,
        ...(endDate === '' ? {} : { endDate }),
        reminderTimes: reminderTimes
          .split(/[,\s]+/)
          .map((time) => time.trim())
          .filter((time) => time !== ''),
        ...(note.trim() === '' ? {} : { note }),
      },
      { 'amountPerDose.value': t.amountInvalid, 'schedule.everyDays': t.everyDaysInvalid },
    );
  };

  return (
    <FormFrame
      onSubmit={submit}
      onCancel={onCancel}
      errors={errors}
      formError={formError}
      isSaving={isSaving}
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
      <div className="form-pair">
        <InputField
          label={t.amountPerDose}
          name="amountPerDose"
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          error={errors['amountPerDose.value']}
        />
        <SelectField
          label={t.unit}
          name="unit"
          value={unit}
          onChange={setUnit}
          options={[
            { value: 'IU', label: t.units.IU },
            { value: 'ug', label: t.units.ug },
          ]}
        />
      </div>
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
            {WEEKDAY_DATES.map((date, index) => {
              const day = index + 1;
              return (
                <CheckboxField
                  key={date}
                  name={`weekday-${day}`}
                  label={weekdayName.format(new Date(`${date}T00:00:00Z`))}
                  checked={weekdays.includes(day)}
                  onChange={(checked) =>
                    setWeekdays((current) =>
                      checked ? [...current, day] : current.filter((other) => other !== day),
                    )
                  }
                />
              );
            })}
          </div>
        </fieldset>
      ) : null}
      <InputField
        label={t.startDate}
        name="startDate"
        type="date"
        value={startDate}
        onChange={setStartDate}
        error={errors.startDate}
      />
      <InputField
        label={t.regimenEnd}
        name="endDate"
        type="date"
        isOptional
        hint={t.endHint}
        value={endDate}
        onChange={setEndDate}
        error={errors.endDate}
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
      <TextAreaField
        label={t.note}
        name="note"
        isOptional
        value={note}
        onChange={setNote}
        error={errors.note}
      />
    </FormFrame>
  );
}
