import { type Profile, type TrackedRatings, TrackedRatingsSchema } from '@sunlog/core/records/profile';
import { SYMPTOM_SCALES, type SymptomScale } from '@sunlog/core/records/symptom-scales';
import { orderTrackedRatings } from '@sunlog/core/records/tracked-ratings';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Me } from '../../api/accounts.ts';
import { failureMessage } from '../../api/api-error.ts';
import { updateProfile } from '../../api/profile.ts';
import { queryKeys } from '../../api/queries.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { SCALE_TEXT, todayStrings as t } from './strings.ts';

/**
 * "Choose what you rate": one checkbox per built-in rating; the ones ticked are saved in the profile
 * (so every device shows the same) and Today shows them first. At least one stays ticked.
 */
export function TrackedRatingsChooser({
  tracked,
  onDone,
}: {
  tracked: readonly SymptomScale[];
  onDone: (message?: string) => void;
}) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<ReadonlySet<SymptomScale>>(new Set(tracked));
  const [error, setError] = useState<string>();
  const [isSaving, setSaving] = useState(false);

  const toggle = (scale: SymptomScale, isSelected: boolean) => {
    const next = new Set(chosen);
    if (isSelected) next.add(scale);
    else next.delete(scale);
    setChosen(next);
    setError(undefined);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const parsed = TrackedRatingsSchema.safeParse(orderTrackedRatings(chosen));
    if (!parsed.success) {
      setError(t.chooseRatingsEmpty);
      return;
    }
    setSaving(true);
    try {
      const saved: Profile = await updateProfile({ trackedRatings: parsed.data satisfies TrackedRatings });
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) => (old ? { ...old, profile: saved } : old));
      onDone(t.chooseRatingsSaved);
    } catch (caught) {
      setError(failureMessage(caught));
      setSaving(false);
    }
  };

  return (
    <form
      className="form today-card__form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t.chooseRatings}
    >
      <fieldset className="fieldset">
        <legend className="field__label">{t.chooseRatingsLegend}</legend>
        <p className="muted">{t.chooseRatingsHint}</p>
        <div className="check-list">
          {SYMPTOM_SCALES.map((scale) => (
            <CheckboxField
              key={scale}
              name="trackedRatings"
              value={scale}
              isSelected={chosen.has(scale)}
              onChange={(on) => toggle(scale, on)}
            >
              {SCALE_TEXT[scale].label}
            </CheckboxField>
          ))}
        </div>
      </fieldset>
      <FormAlert message={error} />
      <div className="button-row">
        <Button type="submit" className="button button--primary">
          {isSaving ? t.saving : t.chooseRatingsSave}
        </Button>
        <Button className="button" onPress={() => onDone()}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
