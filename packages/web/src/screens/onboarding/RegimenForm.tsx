import { regimenCautions } from '@sunlog/core/cautions';
import { unusualPlan } from '@sunlog/core/plausibility';
import type { IntakeUnit, Profile } from '@sunlog/core/records/profile';
import {
  EVERY_N_DAYS_MAX,
  EVERY_N_DAYS_MIN,
  type RegimenCreate,
  type Schedule,
} from '@sunlog/core/records/regimen';
import { convertIntake, formatQuantity } from '@sunlog/core/units';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import { type FieldErrors, focusFirstInvalid } from '../../forms/field-errors.ts';
import { numberProblem, parseNumberOrUndefined } from '../../forms/parse-number.ts';
import { UnusualConfirm, useUnusualConfirm } from '../../forms/UnusualConfirm.tsx';
import { regimenStrings as t, WEEKDAYS } from './strings.ts';

const FORMS: readonly Choice<'D3' | 'D2'>[] = [
  { value: 'D3', name: 'D3', detail: 'cholecalciferol' },
  { value: 'D2', name: 'D2', detail: 'ergocalciferol' },
];

const UNITS: readonly Choice<IntakeUnit>[] = [
  { value: 'IU', name: 'IU', detail: 'international units' },
  { value: 'ug', name: 'µg', detail: 'micrograms (mcg)' },
];

type ScheduleKind = Schedule['kind'];

const SCHEDULES: readonly Choice<ScheduleKind>[] = [
  { value: 'daily', name: t.daily },
  { value: 'every-n-days', name: t.everyNDays },
  { value: 'weekly', name: t.weekly },
];

export interface RegimenDraft {
  regimen: RegimenCreate;
  /** A daily reminder time ("HH:MM"), or undefined for none. */
  reminderTime: string | undefined;
}

export interface RegimenFormProps {
  profile: Profile;
  today: string;
  submitLabel: string;
  isSaving: boolean;
  onSubmit: (draft: RegimenDraft) => void;
  /** Shown beside the submit button, such as "Skip for now" or "Cancel". */
  secondaryAction?: ReactNode;
  formError?: string | undefined;
}

/** A supplement plan: product, D3 or D2, amount and unit, schedule, first day and a reminder time. */
export function RegimenForm({
  profile,
  today,
  submitLabel,
  isSaving,
  onSubmit,
  secondaryAction,
  formError,
}: RegimenFormProps) {
  const [productName, setProductName] = useState('');
  const [form, setForm] = useState<'D3' | 'D2'>('D3');
  const [amount, setAmount] = useState('');
  // No unit is chosen for the person: typing "2000" from an IU pack with µg already selected would log
  // 80,000 IU. The unit is a required choice, and the amount is shown in the other unit as they type.
  const [unit, setUnit] = useState<IntakeUnit | null>(null);
  const [scheduleKind, setScheduleKind] = useState<ScheduleKind>('daily');
  const [everyDays, setEveryDays] = useState('7');
  const [weekdays, setWeekdays] = useState<ReadonlySet<number>>(new Set());
  const [startDate, setStartDate] = useState(today);
  const [reminderTime, setReminderTime] = useState(profile.reminders.dailyDoseTimes[0] ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const productRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const unitRef = useRef<HTMLDivElement>(null);
  const everyDaysRef = useRef<HTMLInputElement>(null);
  const startRef = useRef<HTMLInputElement>(null);

  const amountValue = parseNumberOrUndefined(amount);
  const unusual = useUnusualConfirm(
    `${amount}|${unit}|${JSON.stringify(scheduleKind)}|${everyDays}|${[...weekdays]}`,
  );
  const everyDaysValue = parseNumberOrUndefined(everyDays);
  const schedule: Schedule | undefined =
    scheduleKind === 'daily'
      ? { kind: 'daily' }
      : scheduleKind === 'every-n-days'
        ? everyDaysValue !== undefined &&
          Number.isInteger(everyDaysValue) &&
          everyDaysValue >= EVERY_N_DAYS_MIN &&
          everyDaysValue <= EVERY_N_DAYS_MAX
          ? { kind: 'every-n-days', everyDays: everyDaysValue }
          : undefined
        : weekdays.size > 0
          ? { kind: 'weekly', weekdays: [...weekdays].sort() as (1 | 2 | 3 | 4 | 5 | 6 | 7)[] }
          : undefined;

  // Cautions inform as the person types; they never stop the plan being saved. See: core cautions.ts.
  const cautions =
    amountValue !== undefined && amountValue > 0 && schedule !== undefined && unit !== null
      ? regimenCautions([{ amountPerDose: { value: amountValue, unit }, schedule, startDate: today }], today)
      : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const next: FieldErrors = {};
    if (productName.trim() === '') next.productName = t.productRequired;
    if (amountValue === undefined || amountValue <= 0)
      next.amount = numberProblem(amount, t.amountInvalid) ?? t.amountInvalid;
    if (unit === null) next.unit = t.unitRequired;
    if (schedule === undefined)
      next.schedule = scheduleKind === 'weekly' ? t.weekdaysInvalid : t.everyDaysInvalid;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) next.startDate = t.startInvalid;
    setErrors(next);
    if (
      Object.keys(next).length > 0 ||
      amountValue === undefined ||
      schedule === undefined ||
      unit === null
    ) {
      focusFirstInvalid(next, [
        ['productName', productRef.current],
        ['amount', amountRef.current],
        ['unit', unitRef.current?.querySelector('input') ?? null],
        ['schedule', everyDaysRef.current],
        ['startDate', startRef.current],
      ]);
      return;
    }
    const draft: RegimenDraft = {
      regimen: {
        id: crypto.randomUUID(),
        productName: productName.trim(),
        form,
        amountPerDose: { value: amountValue, unit },
        schedule,
        startDate,
        reminderTimes: reminderTime === '' ? [] : [reminderTime],
      },
      reminderTime: reminderTime === '' ? undefined : reminderTime,
    };
    unusual.askOrProceed(unusualPlan(draft.regimen, displayLocale()), () => onSubmit(draft));
  };

  const toggleWeekday = (day: number, isSelected: boolean) => {
    const next = new Set(weekdays);
    if (isSelected) next.add(day);
    else next.delete(day);
    setWeekdays(next);
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-label="Supplement plan">
      <NativeInput
        label={t.productLabel}
        name="productName"
        type="text"
        hint={t.productHint}
        value={productName}
        onChange={(text) => {
          setProductName(text);
          if (errors.productName !== undefined) setErrors({ ...errors, productName: undefined });
        }}
        error={errors.productName}
        inputRef={productRef}
      />
      <ChoiceGroup
        label={t.formLabel}
        name="form"
        hint={t.formHint}
        choices={FORMS}
        value={form}
        onChange={setForm}
      />
      <NativeInput
        label={t.amountLabel}
        name="amount"
        type="decimal"
        hint={t.amountHint}
        value={amount}
        onChange={(text) => {
          setAmount(text);
          if (errors.amount !== undefined) setErrors({ ...errors, amount: undefined });
        }}
        error={errors.amount}
        inputRef={amountRef}
        after={
          <output className="field__beside" aria-live="polite">
            {amountValue !== undefined && amountValue > 0 && unit !== null
              ? `= ${formatQuantity(convertIntake({ value: amountValue, unit }, unit === 'IU' ? 'ug' : 'IU'), displayLocale())}`
              : null}
          </output>
        }
      />
      <ChoiceGroup
        label={t.unitLabel}
        name="unit"
        hint={t.unitHint}
        choices={UNITS}
        value={unit}
        onChange={(next) => {
          setUnit(next);
          if (errors.unit !== undefined) setErrors({ ...errors, unit: undefined });
        }}
        error={errors.unit}
        isRequired
        groupRef={unitRef}
      />
      <ChoiceGroup
        label={t.scheduleLabel}
        name="schedule"
        choices={SCHEDULES}
        value={scheduleKind}
        onChange={setScheduleKind}
      />
      {scheduleKind === 'every-n-days' ? (
        <NativeInput
          label={t.everyDaysLabel}
          name="everyDays"
          type="whole-number"
          hint={t.everyDaysHint}
          value={everyDays}
          onChange={setEveryDays}
          error={errors.schedule}
          inputRef={everyDaysRef}
        />
      ) : null}
      {scheduleKind === 'weekly' ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t.weekdaysLabel}</legend>
          <div className="check-list">
            {WEEKDAYS.map(({ day, name }) => (
              <CheckboxField
                key={day}
                isSelected={weekdays.has(day)}
                onChange={(isSelected) => toggleWeekday(day, isSelected)}
              >
                {name}
              </CheckboxField>
            ))}
          </div>
          {errors.schedule === undefined ? null : <div className="field__error">{errors.schedule}</div>}
        </fieldset>
      ) : null}
      <NativeInput
        label={t.startLabel}
        name="startDate"
        type="date"
        value={startDate}
        onChange={setStartDate}
        error={errors.startDate}
        inputRef={startRef}
      />
      <NativeInput
        label={t.reminderLabel}
        name="reminderTime"
        type="time"
        isOptional
        hint={t.reminderHint}
        value={reminderTime}
        onChange={setReminderTime}
      />
      {cautions.length === 0 ? null : (
        <aside className="note" aria-labelledby="regimen-cautions">
          <h3 id="regimen-cautions">{t.cautionsHeading}</h3>
          {cautions.map((caution) => (
            <p key={caution.code}>
              {caution.message} <span className="muted">{t.cautionSource(caution.source.name)}</span>
            </p>
          ))}
        </aside>
      )}
      <UnusualConfirm state={unusual} fieldRef={amountRef} />
      <FormAlert message={formError} />
      <div className="button-row">
        <Button type="submit" className="button button--primary">
          {isSaving ? 'Saving…' : submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
