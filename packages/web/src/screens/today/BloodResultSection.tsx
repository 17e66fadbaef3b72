import { bloodLevelCautions, type Caution } from '@sunlog/core/cautions';
import { unusualBloodLevel } from '@sunlog/core/plausibility';
import { classifyVitaminDAll, compareWithTarget } from '@sunlog/core/ranges';
import type { LabResultCreate, VitaminDLabResult } from '@sunlog/core/records/lab-result';
import { latestResult } from '@sunlog/core/records/lab-result-order';
import type { BloodUnit, Profile } from '@sunlog/core/records/profile';
import { convertBlood, formatQuantity } from '@sunlog/core/units';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { createRecord, recordsQueryKey } from '../../api/records.ts';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { SyncBadge } from '../../components/SyncStatus.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import type { FieldErrors } from '../../forms/field-errors.ts';
import { numberProblem, parseNumberOrUndefined } from '../../forms/parse-number.ts';
import { UnusualConfirm, useUnusualConfirm } from '../../forms/UnusualConfirm.tsx';
import type { OutboxView } from '../../offline/use-outbox.ts';
import { CardFormActions } from './CardFormActions.tsx';
import { todayStrings as t } from './strings.ts';
import { todayKeys, useLatestVitaminD } from './today-data.ts';
import { useCardForm } from './use-card-form.ts';

const BLOOD_UNITS: readonly Choice<BloodUnit>[] = [
  { value: 'ng/mL', name: 'ng/mL', detail: 'nanograms per millilitre' },
  { value: 'nmol/L', name: 'nmol/L', detail: 'nanomoles per litre' },
];

/** Enter a 25(OH)D result; the newest one is shown in the person's unit, classified per guideline. */
export function BloodResultSection({
  profile,
  today,
  formatDate,
  outbox,
}: {
  profile: Profile;
  today: string;
  formatDate: (date: string) => string;
  outbox: OutboxView;
}) {
  const latest = useLatestVitaminD();
  const [isAdding, setAdding] = useState(false);
  const [status, setStatus] = useState<string>();
  // The result just saved: when it is not the latest (an older report typed in later), its cautions are
  // still shown at once, so a dangerous value is never saved out of sight.
  const [justSaved, setJustSaved] = useState<VitaminDLabResult>();
  const savedCautions =
    justSaved === undefined || justSaved.id === latest.data?.id ? [] : bloodLevelCautions(justSaved.level);
  return (
    <section className="card today-card" aria-labelledby="today-blood">
      <h2 id="today-blood">{t.bloodHeading}</h2>
      {latest.isError ? <FormAlert message={t.loadFailed} /> : null}
      {latest.data ? (
        <LabResultSummary
          result={latest.data}
          profile={profile}
          formatDate={formatDate}
          isWaiting={outbox.isWaiting(latest.data.id)}
        />
      ) : null}
      {savedCautions.length > 0 && justSaved !== undefined ? (
        <section className="lab-result" aria-labelledby="today-saved-lab">
          <h3 id="today-saved-lab">{t.justSavedHeading(formatDate(justSaved.sampleDate))}</h3>
          <CautionList cautions={savedCautions} />
        </section>
      ) : null}
      <StatusMessage message={status} />
      {isAdding ? (
        <BloodResultForm
          profile={profile}
          today={today}
          onDone={(message, saved) => {
            setAdding(false);
            setJustSaved(saved);
            setStatus(
              saved !== undefined && bloodLevelCautions(saved.level).length > 0
                ? `${message ?? ''} ${t.bloodSavedSeeCaution}`.trim()
                : message,
            );
          }}
        />
      ) : (
        <div className="button-row today-card__more">
          <Button
            className="button"
            onPress={() => {
              setStatus(undefined);
              setJustSaved(undefined);
              setAdding(true);
            }}
          >
            {t.bloodAdd}
          </Button>
        </div>
      )}
    </section>
  );
}

/** A result in the preferred unit (the value as entered beside it), its bands per source, cautions and target. */
export function LabResultSummary({
  result,
  profile,
  formatDate,
  isWaiting,
}: {
  result: VitaminDLabResult;
  profile: Profile;
  formatDate: (date: string) => string;
  isWaiting: boolean;
}) {
  const level = result.level;
  const shown = formatQuantity(convertBlood(level, profile.bloodUnit), displayLocale());
  const entered = formatQuantity(level, displayLocale());
  const classifications = classifyVitaminDAll(level);
  const cautions = bloodLevelCautions(level);
  const target = compareWithTarget(level, profile.bloodTarget);
  return (
    <section className="lab-result" aria-labelledby="today-latest-lab">
      <h3 id="today-latest-lab">{t.latestHeading}</h3>
      <p className="lab-result__value">
        <span className="lab-result__number">{shown}</span>{' '}
        {level.unit === profile.bloodUnit ? null : <span className="muted">({t.enteredAs(entered)})</span>}{' '}
        <SyncBadge isWaiting={isWaiting} />
      </p>
      <p className="muted">
        {t.sampledOn(formatDate(result.sampleDate))}
        {result.labName === undefined ? '' : ` ${t.atLab(result.labName)}`}.
      </p>
      <CautionList cautions={cautions} />
      {target === null ? null : <p className="lab-result__target">{t.target[target]}</p>}
      <ul className="list-plain classifications">
        {classifications.map(({ guideline, category }) => (
          <li key={guideline.id} className="classification">
            <p className="classification__source">{t.perGuideline(guideline.name)}</p>
            <p className="classification__label">{category.label}</p>
            <p className="classification__detail">{category.description}</p>
            {guideline.context === undefined ? null : (
              <p className="classification__detail">{guideline.context}</p>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">{t.guidelineNote}</p>
    </section>
  );
}

function CautionList({ cautions }: { cautions: readonly Caution[] }) {
  return cautions.map((caution) => (
    <div key={caution.code} className={caution.severity === 'urgent' ? 'alert' : 'note'} role="note">
      <p>{caution.message}</p>
      <p className="muted">{t.cautionSource(caution.source.name)}</p>
    </div>
  ));
}

function BloodResultForm({
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
