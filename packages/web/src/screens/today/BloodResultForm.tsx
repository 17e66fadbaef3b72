import { unusualBloodLevel } from '@sunlog/core/plausibility';
import type { LabResultCreate, VitaminDLabResult } from '@sunlog/core/records/lab-result';
import { latestResult } from '@sunlog/core/records/lab-result-order';
import type { BloodUnit, Profile } from '@sunlog/core/records/profile';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { createRecord, recordsQueryKey } from '../../api/records.ts';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import type { FieldErrors } from '../../forms/field-errors.ts';
import { numberProblem, parseNumberOrUndefined } from '../../forms/parse-number.ts';
import { UnusualConfirm, useUnusualConfirm } from '../../forms/UnusualConfirm.tsx';
import { CardFormActions } from './CardFormActions.tsx';
import { todayStrings as t } from './strings.ts';
import { todayKeys } from './today-data.ts';
import { useCardForm } from './use-card-form.ts';

const BLOOD_UNITS: readonly Choice<BloodUnit>[] = [
  { value: 'ng/mL', name: 'ng/mL', detail: 'nanograms per millilitre' },
  { value: 'nmol/L', name: 'nmol/L', detail: 'nanomoles per litre' },
];

export function BloodResultForm({
  profile,
  today,
  onDone,
}: {
  profile: Profile;
  today: string;
  onDone: (message?: string, saved?: VitaminDLabResult) => void;
}) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState<BloodUnit>(profile.bloodUnit);
  const [sampleDate, setSampleDate] = useState(today);
  const [labName, setLabName] = useState('');
  const valueRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const { errors, formError, isSaving, check, save, clearError } = useCardForm(['value', 'sampleDate'], {
    value: valueRef,
    sampleDate: dateRef,
  });
  const unusual = useUnusualConfirm(`${value}|${unit}`);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const number = parseNumberOrUndefined(value);
    const found: FieldErrors = {};
    if (number === undefined || number <= 0)
      found.value = numberProblem(value, t.bloodValueInvalid) ?? t.bloodValueInvalid;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(sampleDate)) found.sampleDate = t.bloodDateInvalid;
    else if (sampleDate > today) found.sampleDate = t.bloodDateFuture;
    if (!check(found) || number === undefined) return;
    const body = {
      id: crypto.randomUUID(),
      analyte: '25-hydroxyvitamin-d-total' as const,
      level: { value: number, unit },
      sampleDate,
      ...(labName.trim() === '' ? {} : { labName: labName.trim() }),
    };
    unusual.askOrProceed(unusualBloodLevel(body.level, displayLocale()), () => write(body));
  };

  const write = (body: LabResultCreate) => {
    void save(async () => {
      const saved = await createRecord('lab-results', body);
      const vitaminD = saved.analyte === '25-hydroxyvitamin-d-total' ? saved : undefined;
      if (vitaminD !== undefined) {
        queryClient.setQueryData(todayKeys.latestLab, (old: VitaminDLabResult | null | undefined) =>
          latestResult(old === undefined || old === null ? [vitaminD] : [old, vitaminD]),
        );
      }
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('lab-results') });
      onDone(t.bloodSaved, vitaminD);
    });
  };

  return (
    <form className="form today-card__form" noValidate onSubmit={submit} aria-label={t.bloodAdd}>
      <p>{t.bloodLead}</p>
      <NativeInput
        label={t.bloodValueLabel}
        name="value"
        type="decimal"
        value={value}
        onChange={(text) => {
          setValue(text);
          clearError('value');
        }}
        error={errors.value}
        inputRef={valueRef}
      />
      <ChoiceGroup
        label={t.bloodUnitLabel}
        name="bloodUnit"
        choices={BLOOD_UNITS}
        value={unit}
        onChange={setUnit}
      />
      <NativeInput
        label={t.bloodDateLabel}
        name="sampleDate"
        type="date"
        value={sampleDate}
        max={today}
        onChange={(date) => {
          setSampleDate(date);
          clearError('sampleDate');
        }}
        error={errors.sampleDate}
        inputRef={dateRef}
      />
      <NativeInput
        label={t.bloodLabLabel}
        name="labName"
        type="text"
        isOptional
        value={labName}
        onChange={setLabName}
      />
      <UnusualConfirm state={unusual} fieldRef={valueRef} />
      <CardFormActions
        formError={formError}
        isSaving={isSaving}
        saveLabel={t.bloodSave}
        onCancel={() => onDone()}
      />
    </form>
  );
}
