import {
  type BloodUnit,
  type IntakeUnit,
  type Profile,
  type ProfilePatch,
  ProfilePatchSchema,
} from '@sunlog/core/records/profile';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Me } from '../../api/accounts.ts';
import { updateProfile } from '../../api/profile.ts';
import { queryKeys } from '../../api/queries.ts';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { SelectInput } from '../../components/SelectInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useCheckedForm } from '../../forms/use-checked-form.ts';
import { deviceTimeZone, timeZoneOptions } from '../../time-zones.ts';
import { settingsStrings as t } from './strings.ts';

const INTAKE_UNITS: readonly Choice<IntakeUnit>[] = [
  { value: 'IU', name: 'IU', detail: 'international units' },
  { value: 'ug', name: 'µg', detail: 'micrograms, also written mcg' },
];

const BLOOD_UNITS: readonly Choice<BloodUnit>[] = [
  { value: 'ng/mL', name: 'ng/mL', detail: 'nanograms per millilitre' },
  { value: 'nmol/L', name: 'nmol/L', detail: 'nanomoles per litre' },
];

const FIELDS = ['displayName', 'timeZone', 'intakeUnit', 'bloodUnit'] as const;

/** Name, time zone and units; saved together with one button. */
export function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const { profile } = me;
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [timeZone, setTimeZone] = useState(profile.timeZone);
  const [intakeUnit, setIntakeUnit] = useState(profile.intakeUnit);
  const [bloodUnit, setBloodUnit] = useState(profile.bloodUnit);
  const [saved, setSaved] = useState<string>();
  const displayNameRef = useRef<HTMLInputElement>(null);
  const timeZoneRef = useRef<HTMLSelectElement>(null);

  const device = deviceTimeZone();
  const zones = useMemo(
    () => timeZoneOptions(device === undefined ? [profile.timeZone] : [profile.timeZone, device]),
    [profile.timeZone, device],
  );

  /** Any edit makes the last "saved" message stale. */
  const edit =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      set(value);
      setSaved(undefined);
    };

  const { errors, formError, isPending, submit } = useCheckedForm({
    schema: ProfilePatchSchema,
    messages: { displayName: t.displayNameInvalid },
    fields: FIELDS,
    refs: { displayName: displayNameRef, timeZone: timeZoneRef },
    send: updateProfile,
    onSuccess: (saved: Profile) => {
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) => (old ? { ...old, profile: saved } : old));
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
      setDisplayName(saved.displayName);
      setSaved(t.saved);
    },
  });

  const save = (event: FormEvent<HTMLFormElement>) => {
    setSaved(undefined);
    const patch: ProfilePatch = { displayName, timeZone, intakeUnit, bloodUnit };
    submit(event, patch);
  };

  return (
    <section className="card" aria-labelledby="settings-details">
      <h2 id="settings-details">{t.detailsHeading}</h2>
      <p className="muted">{t.signedInAs(me.user.email)}</p>
      <form className="form" noValidate onSubmit={save} aria-labelledby="settings-details">
        <TextInput
          label={t.displayNameLabel}
          name="displayName"
          autoComplete="nickname"
          hint={t.displayNameHint}
          value={displayName}
          onChange={edit(setDisplayName)}
          error={errors.displayName}
          isRequired
          inputRef={displayNameRef}
        />
        <div className="field">
          <SelectInput
            label={t.timeZoneLabel}
            name="timeZone"
            hint={t.timeZoneHint}
            value={timeZone}
            onChange={edit(setTimeZone)}
            options={zones}
            error={errors.timeZone}
            selectRef={timeZoneRef}
          />
          {device === undefined || device === timeZone ? null : (
            <div>
              <Button className="button" onPress={() => edit(setTimeZone)(device)}>
                {t.deviceZoneAction(device)}
              </Button>
            </div>
          )}
        </div>
        <ChoiceGroup
          label={t.intakeUnitLabel}
          name="intakeUnit"
          hint={t.intakeUnitHint}
          choices={INTAKE_UNITS}
          value={intakeUnit}
          onChange={edit(setIntakeUnit)}
          error={errors.intakeUnit}
        />
        <ChoiceGroup
          label={t.bloodUnitLabel}
          name="bloodUnit"
          hint={t.bloodUnitHint}
          choices={BLOOD_UNITS}
          value={bloodUnit}
          onChange={edit(setBloodUnit)}
          error={errors.bloodUnit}
        />
        <FormAlert message={formError} />
        <StatusMessage message={saved} />
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isPending ? t.saving : t.save}
          </Button>
        </div>
      </form>
    </section>
  );
}
