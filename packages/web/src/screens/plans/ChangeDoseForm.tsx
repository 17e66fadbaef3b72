import { addDays, type LocalDate } from '@sunlog/core/calendar';
import { changeDose } from '@sunlog/core/dose-change';
import { unusualPlan } from '@sunlog/core/plausibility';
import type { IntakeUnit, Profile } from '@sunlog/core/records/profile';
import type { Regimen } from '@sunlog/core/records/regimen';
import { convertIntake, formatQuantity } from '@sunlog/core/units';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { createRecord, recordsQueryKey, updateRecord } from '../../api/records.ts';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { dateTimeFormat } from '../../format/locale-format.ts';
import type { FieldErrors } from '../../forms/field-errors.ts';
import { numberProblem, parseNumberOrUndefined } from '../../forms/parse-number.ts';
import { UnusualConfirm, useUnusualConfirm } from '../../forms/UnusualConfirm.tsx';
import { planStrings as t } from './strings.ts';

const UNITS: readonly Choice<IntakeUnit>[] = [
  { value: 'IU', name: 'IU', detail: 'international units' },
  { value: 'ug', name: 'µg', detail: 'micrograms (mcg)' },
];

/** The first day offered: today, or the day after the plan began when it began today or later. */
function firstDayOffered(regimen: Regimen, today: LocalDate): LocalDate {
  return today > regimen.startDate ? today : addDays(regimen.startDate, 1);
}

/**
 * "Change my dose": a new amount from a chosen day. The current plan ends the day before and a new
 * one, same product and unit to start with, begins that day (core dose-change.ts), so the person never
 * has two plans running at once.
 */
export function ChangeDoseForm({
  regimens,
  profile,
  today,
  onDone,
}: {
  /** The plans running today; the person picks one when there are several. */
  regimens: readonly Regimen[];
  profile: Profile;
  today: LocalDate;
  onDone: (message?: string) => void;
}) {
  const queryClient = useQueryClient();
  const dates = dateTimeFormat(profile.timeZone);
  const [regimenId, setRegimenId] = useState(regimens[0]?.id ?? '');
  const regimen = regimens.find((plan) => plan.id === regimenId) ?? regimens[0];
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<IntakeUnit>(regimen?.amountPerDose.unit ?? profile.intakeUnit);
  const [startDate, setStartDate] = useState(regimen === undefined ? today : firstDayOffered(regimen, today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [isSaving, setSaving] = useState(false);
  // One id for the new plan, so pressing Save again after a lost answer never adds a second plan.
  const [newId] = useState(() => crypto.randomUUID());
  const amountRef = useRef<HTMLInputElement>(null);
  const startRef = useRef<HTMLInputElement>(null);
  const amountValue = parseNumberOrUndefined(amount);
  const unusual = useUnusualConfirm(`${regimenId}|${amount}|${unit}`);
  // The button that opened the form is gone: focus moves to the form's heading, which is announced.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  if (regimen === undefined) return null;

  const quantity = (value: Regimen['amountPerDose']) => formatQuantity(value, dates.locale);
  const validStart = /^\d{4}-\d{2}-\d{2}$/.test(startDate);

  const pickPlan = (id: string) => {
    const next = regimens.find((plan) => plan.id === id);
    setRegimenId(id);
    if (next !== undefined) {
      setUnit(next.amountPerDose.unit);
      setStartDate(firstDayOffered(next, today));
    }
    setErrors({});
  };

  const write = async (ended: Regimen | Omit<Regimen, 'createdAt' | 'updatedAt'>, started: typeof ended) => {
    setSaving(true);
    setFormError(undefined);
    try {
      // End the old plan first: if the second request fails, Save again repeats both with the same ids.
      await updateRecord('regimens', ended);
      await createRecord('regimens', started);
      await queryClient.invalidateQueries({ queryKey: recordsQueryKey('regimens') });
      onDone(t.saved(quantity(started.amountPerDose), dates.longDate(started.startDate)));
    } catch (caught) {
      setFormError(failureMessage(caught));
      setSaving(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const next: FieldErrors = {};
    if (amountValue === undefined || amountValue <= 0) {
      next.amount = numberProblem(amount, t.amountInvalid) ?? t.amountInvalid;
    }
    if (!validStart) next.startDate = t.startInvalid;
    if (Object.keys(next).length === 0 && amountValue !== undefined) {
      const result = changeDose(regimen, { newId, amountPerDose: { value: amountValue, unit }, startDate });
      if (result.ok) {
        setErrors({});
        unusual.askOrProceed(
          unusualPlan(result.started, dates.locale),
          () => void write(result.ended, result.started),
        );
        return;
      }
      if (result.problem === 'same-amount') next.amount = t.sameAmount;
      else if (result.problem === 'start-not-after-plan-start') {
        next.startDate = t.startTooEarly(dates.longDate(regimen.startDate));
      } else if (result.problem === 'plan-already-ended' && regimen.endDate !== undefined) {
        next.startDate = t.planEnded(dates.longDate(regimen.endDate));
      } else next.startDate = t.startInvalid;
    }
    setErrors(next);
    (next.amount !== undefined ? amountRef : startRef).current?.focus();
  };

  return (
    <div className="today-card__form">
      <h3 ref={headingRef} tabIndex={-1}>
        {t.changeHeading}
      </h3>
      <p>{t.changeLead}</p>
      <form className="form" noValidate onSubmit={submit} aria-label={t.changeHeading}>
        {regimens.length > 1 ? (
          <ChoiceGroup
            label={t.whichPlan}
            name="regimen"
            choices={regimens.map((plan) => ({
              value: plan.id,
              name: t.planLine(plan.productName, quantity(plan.amountPerDose)),
            }))}
            value={regimenId}
            onChange={pickPlan}
          />
        ) : null}
        <p className="lead">
          {t.current(regimen.productName, quantity(regimen.amountPerDose), dates.longDate(regimen.startDate))}
        </p>
        <NativeInput
          label={t.amountLabel}
          name="newAmount"
          type="decimal"
          hint={t.amountHint}
          value={amount}
          onChange={(text) => {
            setAmount(text);
            setErrors((old) => ({ ...old, amount: undefined }));
          }}
          error={errors.amount}
          inputRef={amountRef}
          after={
            <output className="field__beside" aria-live="polite">
              {amountValue !== undefined && amountValue > 0
                ? `= ${quantity(convertIntake({ value: amountValue, unit }, unit === 'IU' ? 'ug' : 'IU'))}`
                : null}
            </output>
          }
        />
        <ChoiceGroup
          label={t.unitLabel}
          name="newUnit"
          hint={t.unitHint}
          choices={UNITS}
          value={unit}
          onChange={(next) => {
            setUnit(next);
            setErrors((old) => ({ ...old, amount: undefined }));
          }}
          isRequired
        />
        <NativeInput
          label={t.startLabel}
          name="newStartDate"
          type="date"
          min={addDays(regimen.startDate, 1)}
          {...(regimen.endDate === undefined ? {} : { max: regimen.endDate })}
          hint={validStart ? t.endsOn(dates.longDate(addDays(startDate, -1))) : undefined}
          value={startDate}
          onChange={(text) => {
            setStartDate(text);
            setErrors((old) => ({ ...old, startDate: undefined }));
          }}
          error={errors.startDate}
          inputRef={startRef}
        />
        <UnusualConfirm state={unusual} fieldRef={amountRef} />
        <FormAlert message={formError} />
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isSaving ? t.saving : t.save}
          </Button>
          <Button className="button" onPress={() => onDone()}>
            {t.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
