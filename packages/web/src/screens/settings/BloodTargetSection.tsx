import type { BloodTarget, BloodUnit, Profile } from '@sunlog/core/records/profile';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Me } from '../../api/accounts.ts';
import { failureMessage } from '../../api/api-error.ts';
import { updateProfile } from '../../api/profile.ts';
import { queryKeys } from '../../api/queries.ts';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import { type BloodTargetErrors, checkTarget, draftOf, targetInBothUnits } from './blood-target.ts';
import { bloodTargetStrings as t } from './blood-target-strings.ts';

const UNITS: readonly Choice<BloodUnit>[] = [
  { value: 'ng/mL', name: 'ng/mL', detail: 'nanograms per millilitre' },
  { value: 'nmol/L', name: 'nmol/L', detail: 'nanomoles per litre' },
];

function sameTarget(a: BloodTarget, b: BloodTarget | null): boolean {
  return b !== null && a.low === b.low && a.high === b.high && a.unit === b.unit;
}

/**
 * The personal 25(OH)D target agreed with the clinician: set, changed or removed. It is empty until
 * the person enters it (docs/medical-reference.md §2.2).
 */
export function BloodTargetSection({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const saved = me.profile.bloodTarget ?? null;
  const [draft, setDraft] = useState(() => draftOf(saved, me.profile.bloodUnit));
  const [errors, setErrors] = useState<BloodTargetErrors>({});
  const [status, setStatus] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [isSaving, setSaving] = useState(false);
  const lowRef = useRef<HTMLInputElement>(null);
  const highRef = useRef<HTMLInputElement>(null);
  const locale = displayLocale();
  const checked = checkTarget(draft);

  const edit = (key: 'low' | 'high' | 'unit') => (value: string) => {
    setDraft((old) => ({ ...old, [key]: value }));
    // A fixed field loses its error at once; the other keeps its own.
    if (key !== 'unit') setErrors((old) => ({ ...old, [key]: undefined }));
    else setErrors({});
    setStatus(undefined);
    setFormError(undefined);
  };

  const send = async (bloodTarget: Profile['bloodTarget'], message: string) => {
    setSaving(true);
    setFormError(undefined);
    try {
      const profile = await updateProfile({ bloodTarget });
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) => (old ? { ...old, profile } : old));
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
      setDraft(draftOf(profile.bloodTarget, profile.bloodUnit));
      setStatus(message);
    } catch (caught) {
      setFormError(failureMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    if (!checked.ok) {
      setErrors(checked.errors);
      (checked.errors.low !== undefined ? lowRef : highRef).current?.focus();
      return;
    }
    void send(checked.target, t.saved);
  };

  return (
    <section className="card" aria-labelledby="settings-blood-target">
      <h2 id="settings-blood-target">{t.heading}</h2>
      <p>{t.lead}</p>
      <p className="lead">{saved === null ? t.none : t.current(targetInBothUnits(saved, locale))}</p>
      <form className="form" noValidate onSubmit={save} aria-labelledby="settings-blood-target">
        <NativeInput
          label={t.lowLabel}
          name="targetLow"
          type="decimal"
          isOptional
          hint={t.boundHint}
          value={draft.low}
          onChange={edit('low')}
          error={errors.low}
          inputRef={lowRef}
        />
        <NativeInput
          label={t.highLabel}
          name="targetHigh"
          type="decimal"
          isOptional
          hint={t.boundHint}
          value={draft.high}
          onChange={edit('high')}
          error={errors.high}
          inputRef={highRef}
        />
        <ChoiceGroup
          label={t.unitLabel}
          name="targetUnit"
          hint={t.unitHint}
          choices={UNITS}
          value={draft.unit}
          onChange={edit('unit')}
        />
        <output className="muted" aria-live="polite">
          {checked.ok && !sameTarget(checked.target, saved)
            ? t.both(targetInBothUnits(checked.target, locale))
            : null}
        </output>
        <FormAlert message={formError} />
        <StatusMessage message={status} />
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isSaving ? t.saving : t.save}
          </Button>
          {saved === null ? null : (
            <Button className="button" onPress={() => void send(null, t.cleared)}>
              {t.clear}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
