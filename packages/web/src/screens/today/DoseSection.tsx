import { localDateTimeOf, toOffsetDateTime, zonedInstant } from '@sunlog/core/calendar';
import type { Intake } from '@sunlog/core/records/intake';
import type { Profile } from '@sunlog/core/records/profile';
import type { Regimen } from '@sunlog/core/records/regimen';
import { isDoseDueOn } from '@sunlog/core/regimen-schedule';
import { type DueReminder, todaysReminders } from '@sunlog/core/reminders/schedule';
import { convertIntake, formatQuantity } from '@sunlog/core/units';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { createRecord, deleteRecord, recordsQueryKey } from '../../api/records.ts';
import { Deferred } from '../../components/Deferred.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { SyncBadge } from '../../components/SyncStatus.tsx';
import { type DateTimeFormat, dateTimeFormat } from '../../format/locale-format.ts';
import { lazyRetrying } from '../../lazy-retrying.tsx';
import type { OutboxView } from '../../offline/use-outbox.ts';
import type { RegimenDraft } from '../onboarding/RegimenForm.tsx';
import { planStrings } from '../plans/strings.ts';
import { todayStrings as t } from './strings.ts';
import { dropFromList, putInList, todayKeys, useActiveRegimens, useRecordsOn } from './today-data.ts';

/** The plan forms open from a button, so they (and the regimen schema) load then, not with Today. */
const RegimenForm = lazyRetrying(() =>
  import('../onboarding/RegimenForm.tsx').then((module) => ({ default: module.RegimenForm })),
);
const ChangeDoseForm = lazyRetrying(() =>
  import('../plans/ChangeDoseForm.tsx').then((module) => ({ default: module.ChangeDoseForm })),
);

/**
 * Each dose due on the day being filled in, with one big "Taken" button; then, on today, the way to add
 * a plan. On a past day there are no reminders, and a dose is stored at midday of that day (the time is
 * not known) and shown without a time.
 */
export function DoseSection({
  profile,
  day,
  today,
  dayName,
  outbox,
}: {
  profile: Profile;
  day: string;
  today: string;
  dayName: string;
  outbox: OutboxView;
}) {
  const regimens = useActiveRegimens(day);
  const intakes = useRecordsOn('intakes', day);
  const [status, setStatus] = useState<string>();
  const [form, setForm] = useState<'none' | 'add' | 'change'>('none');
  const [planOpen, setPlanOpen] = useState(false);
  const isToday = day === today;
  const due = (regimens.data ?? []).filter((regimen) => isDoseDueOn(regimen, day));
  const now = useMinute();
  const dates = dateTimeFormat(profile.timeZone);
  const sectionId = useId();
  const closeForm = (message?: string) => {
    setForm('none');
    setStatus(message);
  };
  const reminders = isToday
    ? todaysReminders(
        {
          preferences: profile.reminders,
          regimens: due,
          timeZone: profile.timeZone,
          intakes: intakes.data ?? [],
        },
        now,
      )
    : { dueNow: [], missed: [] };

  return (
    <section className="card today-card" aria-labelledby="today-dose">
      <h2 id="today-dose">{isToday ? t.doseHeading : t.doseHeadingOn(dayName)}</h2>
      {regimens.isPending || intakes.isPending ? <p className="muted">{t.loading}</p> : null}
      {regimens.isError || intakes.isError ? <FormAlert message={t.loadFailed} /> : null}
      {regimens.isSuccess && regimens.data.length === 0 ? <p>{isToday ? t.noPlan : t.noPlanOn}</p> : null}
      {regimens.isSuccess && regimens.data.length > 0 && due.length === 0 ? (
        <p>{isToday ? t.nothingDue : t.nothingDueOn}</p>
      ) : null}
      {intakes.isSuccess ? (
        <ul className="list-plain dose-list">
          {due.map((regimen) => (
            <DoseItem
              key={regimen.id}
              regimen={regimen}
              intake={intakes.data.find((intake) => intake.regimenId === regimen.id)}
              reminder={reminderNote(reminders, regimen.id, dates)}
              profile={profile}
              day={day}
              isToday={isToday}
              dayName={dayName}
              outbox={outbox}
              onStatus={setStatus}
            />
          ))}
        </ul>
      ) : null}
      <StatusMessage message={status} />
      {!isToday ? null : form === 'add' ? (
        <AddPlan profile={profile} today={today} onDone={closeForm} />
      ) : form === 'change' && regimens.data !== undefined ? (
        <Deferred>
          <ChangeDoseForm regimens={regimens.data} profile={profile} today={today} onDone={closeForm} />
        </Deferred>
      ) : regimens.isSuccess && regimens.data.length > 0 ? (
        // With a plan running, a different amount is a change of dose, not a second plan: that is the
        // main button, and adding a second supplement is the quieter one below it. Both are rare, so they
        // sit folded under one button and Today keeps Taken, the ratings and Save within two phone screens.
        <div className="today-card__more">
          <Button
            className="button"
            aria-expanded={planOpen}
            aria-controls={`${sectionId}-plan`}
            onPress={() => setPlanOpen((open) => !open)}
          >
            <span aria-hidden="true">{planOpen ? '▾ ' : '▸ '}</span>
            {planStrings.changePlan}
          </Button>
          <div id={`${sectionId}-plan`} className="today-card__plan" hidden={!planOpen}>
            <div className="button-row">
              <Button className="button" onPress={() => setForm('change')}>
                {planStrings.changeDose}
              </Button>
            </div>
            <p className="muted" id={`${sectionId}-another`}>
              {planStrings.addAnotherHint}
            </p>
            <div className="button-row">
              <Button
                className="button"
                onPress={() => setForm('add')}
                aria-describedby={`${sectionId}-another`}
              >
                {planStrings.addAnother}
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <div className="button-row today-card__more">
          <Button className="button" onPress={() => setForm('add')}>
            {t.addPlan}
          </Button>
        </div>
      )}
    </section>
  );
}

/** Now, moved on each minute so "due now" becomes "missed" without a reload. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What the reminders say about a plan's dose today: due now, or missed earlier (the latest of each). */
function reminderNote(
  reminders: { dueNow: DueReminder[]; missed: DueReminder[] },
  regimenId: string,
  dates: DateTimeFormat,
): string | undefined {
  const dueNow = reminders.dueNow.filter((r) => r.regimenId === regimenId).at(-1);
  if (dueNow !== undefined) return t.reminderDueNow(dates.localTime(dueNow.localTime));
  const missed = reminders.missed.filter((r) => r.regimenId === regimenId).at(-1);
  return missed === undefined ? undefined : t.reminderMissed(dates.localTime(missed.localTime));
}

function DoseItem({
  regimen,
  intake,
  reminder,
  profile,
  day,
  isToday,
  dayName,
  outbox,
  onStatus,
}: {
  regimen: Regimen;
  intake: Intake | undefined;
  reminder: string | undefined;
  profile: Profile;
  day: string;
  isToday: boolean;
  dayName: string;
  outbox: OutboxView;
  onStatus: (message: string | undefined) => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [error, setError] = useState<string>();
  const [isBusy, setBusy] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  const takeRef = useRef<HTMLButtonElement>(null);
  const dates = dateTimeFormat(profile.timeZone);
  const amount = formatQuantity(convertIntake(regimen.amountPerDose, profile.intakeUnit), dates.locale);
  const key = todayKeys.intakes(day);

  const log = async (status: 'taken' | 'skipped') => {
    if (isBusy) return;
    setBusy(true);
    setError(undefined);
    const now = Date.now();
    // A past day's dose: the time is not known, so midday of that day stands for it.
    const at = isToday ? now : zonedInstant(day, '12:00', profile.timeZone);
    const body = {
      id: crypto.randomUUID(),
      regimenId: regimen.id,
      takenAt: toOffsetDateTime(at, profile.timeZone),
      localDate: day,
      amount: regimen.amountPerDose,
      status,
    } as const;
    // Shown at once; the outbox keeps it until the server has it.
    const entered = new Date(now).toISOString();
    putInList<'intakes'>(queryClient, key, { ...body, createdAt: entered, updatedAt: entered });
    try {
      await createRecord('intakes', body);
      const time = dates.time(now);
      if (!isToday) {
        onStatus(
          status === 'taken'
            ? t.takenStatusOn(regimen.productName, dayName)
            : t.skippedStatusOn(regimen.productName, dayName),
        );
      } else {
        onStatus(
          status === 'taken'
            ? t.takenStatus(regimen.productName, time)
            : t.skippedStatus(regimen.productName),
        );
      }
      requestAnimationFrame(() => undoRef.current?.focus());
    } catch (caught) {
      dropFromList(queryClient, key, body.id);
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('intakes') });
    }
  };

  const undo = async () => {
    if (intake === undefined || isBusy) return;
    setBusy(true);
    setError(undefined);
    dropFromList(queryClient, key, intake.id);
    try {
      await deleteRecord('intakes', intake.id);
      onStatus(t.undone);
      requestAnimationFrame(() => takeRef.current?.focus());
    } catch (caught) {
      putInList<'intakes'>(queryClient, key, intake);
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('intakes') });
    }
  };

  const time = intake === undefined ? '' : dates.time(intake.takenAt);
  return (
    <li className="dose">
      <div className="dose__what" id={`${id}-what`}>
        <p className="dose__amount">{amount}</p>
        <p className="dose__product">
          {regimen.productName} <span className="muted">· {t.doseDetail(regimen.form)}</span>
        </p>
      </div>
      {intake === undefined && reminder !== undefined ? (
        <p className="dose__reminder" id={`${id}-reminder`}>
          {reminder}
        </p>
      ) : null}
      {intake === undefined ? (
        <div className="dose__actions">
          <Button
            ref={takeRef}
            className="button button--primary button--huge"
            onPress={() => void log('taken')}
            aria-describedby={`${id}-what`}
          >
            {t.taken}
          </Button>
          <Button className="button" onPress={() => void log('skipped')} aria-describedby={`${id}-what`}>
            {t.skipped}
          </Button>
        </div>
      ) : (
        <div className="dose__done">
          <p className={intake.status === 'taken' ? 'dose__state dose__state--taken' : 'dose__state'}>
            {doneText(intake, time, profile.timeZone)} <SyncBadge isWaiting={outbox.isWaiting(intake.id)} />
          </p>
          <Button
            ref={undoRef}
            className="button"
            onPress={() => void undo()}
            aria-describedby={`${id}-what`}
          >
            {t.undo}
          </Button>
        </div>
      )}
      {error === undefined ? null : <FormAlert message={error} />}
    </li>
  );
}

/**
 * "Taken at 08:12 ✓" for a dose logged on its day; one added on a later day has no time anyone
 * remembers (Today stores midday), so it says "added later" instead of claiming one.
 */
function doneText(intake: Intake, time: string, timeZone: string): string {
  const isAddedLater = localDateTimeOf(intake.createdAt, timeZone).date > intake.localDate;
  if (!isAddedLater) return intake.status === 'taken' ? t.takenAt(time) : t.skippedAt(time);
  return `${intake.status === 'taken' ? t.takenLater : t.skippedLater} ${t.loggedLater}`;
}

function AddPlan({
  profile,
  today,
  onDone,
}: {
  profile: Profile;
  today: string;
  onDone: (message?: string) => void;
}) {
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const save = async (draft: RegimenDraft) => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await createRecord('regimens', draft.regimen);
      putInList<'regimens'>(queryClient, todayKeys.regimens(today), saved);
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('regimens') });
      onDone(t.planSaved);
    } catch (caught) {
      setError(failureMessage(caught));
      setSaving(false);
    }
  };
  return (
    <div className="today-card__form">
      <h3>{t.addPlanHeading}</h3>
      <Deferred>
        <RegimenForm
          profile={profile}
          today={today}
          submitLabel={t.savePlan}
          isSaving={isSaving}
          onSubmit={(draft) => void save(draft)}
          formError={error}
          secondaryAction={
            <Button className="button" onPress={() => onDone()}>
              {t.cancel}
            </Button>
          }
        />
      </Deferred>
    </div>
  );
}
