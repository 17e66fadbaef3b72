import { localDateOf } from '@sunlog/core/calendar';
import {
  type BloodUnit,
  DisplayNameSchema,
  type IntakeUnit,
  type Profile,
  type ProfilePatch,
} from '@sunlog/core/records/profile';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Me } from '../../api/accounts.ts';
import { failureMessage } from '../../api/api-error.ts';
import { updateProfile } from '../../api/profile.ts';
import { queryKeys } from '../../api/queries.ts';
import { createRecord, recordsQueryKey } from '../../api/records.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { SelectInput } from '../../components/SelectInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { displayLocale } from '../../format/locale-format.ts';
import { navigate } from '../../router.ts';
import { deviceTimeZone, timeZoneOptions } from '../../time-zones.ts';
import { type RegimenDraft, RegimenForm } from './RegimenForm.tsx';
import { StepProgress } from './StepProgress.tsx';
import { onboardingStrings as t } from './strings.ts';

const TOTAL_STEPS = 4;

const INTAKE_UNITS: readonly Choice<IntakeUnit>[] = [
  { value: 'IU', name: 'IU', detail: 'international units' },
  { value: 'ug', name: 'µg', detail: 'micrograms, also written mcg' },
];

const BLOOD_UNITS: readonly Choice<BloodUnit>[] = [
  { value: 'ng/mL', name: 'ng/mL', detail: 'nanograms per millilitre' },
  { value: 'nmol/L', name: 'nmol/L', detail: 'nanomoles per litre' },
];

/**
 * First run: what Sunlog is and is not, consent, units and time zone, and a first supplement plan
 * (or "Skip for now"). Someone who has already consented starts at the units step.
 */
export function OnboardingScreen({ me }: { me: Me }) {
  const [step, setStep] = useState(me.profile.consentedAt === null ? 1 : 3);
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each new step moves focus to its heading, so a screen reader announces where the person is.
  useEffect(() => {
    if (step > 1 || me.profile.consentedAt !== null) headingRef.current?.focus();
  }, [step, me.profile.consentedAt]);

  const saveProfile = async (patch: ProfilePatch): Promise<Profile> => {
    const saved = await updateProfile(patch);
    queryClient.setQueryData<Me | null>(queryKeys.me, (old) => (old ? { ...old, profile: saved } : old));
    return saved;
  };

  return (
    <Page title={t.title}>
      <StepProgress step={step} total={TOTAL_STEPS} />
      {step === 1 ? <AboutStep headingRef={headingRef} onNext={() => setStep(2)} /> : null}
      {step === 2 ? (
        <ConsentStep
          headingRef={headingRef}
          onBack={() => setStep(1)}
          onNext={() => setStep(3)}
          save={saveProfile}
        />
      ) : null}
      {step === 3 ? (
        <UnitsStep me={me} headingRef={headingRef} onNext={() => setStep(4)} save={saveProfile} />
      ) : null}
      {step === 4 ? (
        <PlanStep profile={me.profile} headingRef={headingRef} save={saveProfile} queryClient={queryClient} />
      ) : null}
    </Page>
  );
}

type HeadingRef = React.RefObject<HTMLHeadingElement | null>;

function AboutStep({ headingRef, onNext }: { headingRef: HeadingRef; onNext: () => void }) {
  return (
    <section className="card" aria-labelledby="welcome-about">
      <h2 id="welcome-about" tabIndex={-1} ref={headingRef}>
        {t.aboutHeading}
      </h2>
      <p className="lead">{t.aboutLead}</p>
      <ul className="steps">
        {t.does.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>{t.doesNotHeading}</h3>
      <ul className="steps">
        {t.doesNot.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="note">{t.doctorNote}</p>
      <div className="button-row">
        <Button className="button button--primary" onPress={onNext}>
          {t.next}
        </Button>
      </div>
    </section>
  );
}

/** A step that saves part of the profile, then moves on; a failed save shows in the step's alert. */
function useStepSave(save: (patch: ProfilePatch) => Promise<Profile>, onNext: () => void) {
  const [error, setError] = useState<string>();
  const [isSaving, setSaving] = useState(false);
  const saveThenNext = async (patch: ProfilePatch) => {
    setSaving(true);
    setError(undefined);
    try {
      await save(patch);
      onNext();
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setSaving(false);
    }
  };
  return { error, setError, isSaving, saveThenNext };
}

function ConsentStep({
  headingRef,
  onBack,
  onNext,
  save,
}: {
  headingRef: HeadingRef;
  onBack: () => void;
  onNext: () => void;
  save: (patch: ProfilePatch) => Promise<Profile>;
}) {
  const [agreed, setAgreed] = useState(false);
  const { error, setError, isSaving, saveThenNext } = useStepSave(save, onNext);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    if (!agreed) {
      setError(t.consentRequired);
      return;
    }
    void saveThenNext({ consentedAt: new Date().toISOString() });
  };

  return (
    <section className="card" aria-labelledby="welcome-consent">
      <h2 id="welcome-consent" tabIndex={-1} ref={headingRef}>
        {t.consentHeading}
      </h2>
      <p>{t.consentLead}</p>
      <p className="note">{t.doctorNote}</p>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="welcome-consent">
        <CheckboxField isSelected={agreed} onChange={setAgreed} name="consent">
          {t.consentCheckbox}
        </CheckboxField>
        <FormAlert message={error} />
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isSaving ? t.saving : t.next}
          </Button>
          <Button className="button" onPress={onBack}>
            {t.back}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * The name starts empty when it is still the one the server made from the email address, so the
 * person is asked rather than greeted as "anna.schmidt74".
 */
function askedName(me: Me): string {
  const fromEmail = me.user.email.split('@')[0]?.trim() ?? '';
  return me.profile.displayName === fromEmail ? '' : me.profile.displayName;
}

function UnitsStep({
  me,
  headingRef,
  onNext,
  save,
}: {
  me: Me;
  headingRef: HeadingRef;
  onNext: () => void;
  save: (patch: ProfilePatch) => Promise<Profile>;
}) {
  const { profile } = me;
  const device = deviceTimeZone();
  const [displayName, setDisplayName] = useState(() => askedName(me));
  const [nameError, setNameError] = useState<string>();
  const nameRef = useRef<HTMLInputElement>(null);
  const [timeZone, setTimeZone] = useState(profile.timeZone);
  const [intakeUnit, setIntakeUnit] = useState(profile.intakeUnit);
  const [bloodUnit, setBloodUnit] = useState(profile.bloodUnit);
  const { error, isSaving, saveThenNext } = useStepSave(save, onNext);
  const zones = useMemo(
    () => timeZoneOptions(device === undefined ? [profile.timeZone] : [profile.timeZone, device]),
    [profile.timeZone, device],
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const name = DisplayNameSchema.safeParse(displayName);
    if (!name.success) {
      setNameError(t.nameInvalid);
      nameRef.current?.focus();
      return;
    }
    // The browser's language is stored too, for what the server writes without a browser (the calendar feed).
    void saveThenNext({ displayName: name.data, timeZone, intakeUnit, bloodUnit, locale: displayLocale() });
  };

  return (
    <section className="card" aria-labelledby="welcome-units">
      <h2 id="welcome-units" tabIndex={-1} ref={headingRef}>
        {t.unitsHeading}
      </h2>
      <p>{t.unitsLead}</p>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="welcome-units">
        <TextInput
          label={t.nameLabel}
          name="displayName"
          autoComplete="nickname"
          hint={t.nameHint}
          value={displayName}
          onChange={(value) => {
            setDisplayName(value);
            setNameError(undefined);
          }}
          error={nameError}
          isRequired
          inputRef={nameRef}
        />
        <SelectInput
          label="Time zone"
          name="timeZone"
          value={timeZone}
          onChange={setTimeZone}
          options={zones}
        />
        <ChoiceGroup
          label="Show vitamin D doses in"
          name="intakeUnit"
          hint="Supplement labels use either unit. 1 µg is 40 IU."
          choices={INTAKE_UNITS}
          value={intakeUnit}
          onChange={setIntakeUnit}
        />
        <ChoiceGroup
          label="Show blood test results in"
          name="bloodUnit"
          hint="Choose the unit printed on your lab report."
          choices={BLOOD_UNITS}
          value={bloodUnit}
          onChange={setBloodUnit}
        />
        <FormAlert message={error} />
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isSaving ? t.saving : t.next}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PlanStep({
  profile,
  headingRef,
  save,
  queryClient,
}: {
  profile: Profile;
  headingRef: HeadingRef;
  save: (patch: ProfilePatch) => Promise<Profile>;
  queryClient: ReturnType<typeof useQueryClient>;
}) {
  const today = localDateOf(Date.now(), profile.timeZone);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const finish = async (draft: RegimenDraft) => {
    setSaving(true);
    setError(undefined);
    try {
      await createRecord('regimens', draft.regimen);
      if (draft.reminderTime !== undefined) {
        await save({
          reminders: { ...profile.reminders, dailyDose: true, dailyDoseTimes: [draft.reminderTime] },
        });
      }
      await queryClient.invalidateQueries({ queryKey: recordsQueryKey('regimens') });
      setDone(t.saved);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(failureMessage(caught));
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby="welcome-plan">
      <h2 id="welcome-plan" tabIndex={-1} ref={headingRef}>
        {t.planHeading}
      </h2>
      <p>{t.planLead}</p>
      <RegimenForm
        profile={profile}
        today={today}
        submitLabel={t.finish}
        isSaving={isSaving}
        onSubmit={(draft) => void finish(draft)}
        formError={error}
        secondaryAction={
          <Button className="button" onPress={() => navigate('/', { replace: true })}>
            {t.skip}
          </Button>
        }
      />
      <StatusMessage message={done} />
    </section>
  );
}
