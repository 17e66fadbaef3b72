import { localDateOf } from '@sunlog/core/calendar';
import type { Profile, ReminderPreferences } from '@sunlog/core/records/profile';
import type { Regimen } from '@sunlog/core/records/regimen';
import {
  DEFAULT_CHECK_IN_DAY,
  DEFAULT_CHECK_IN_TIME,
  DEFAULT_LAB_TEST_TIME,
} from '@sunlog/core/reminders/schedule';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Me } from '../../api/accounts.ts';
import { failureMessage } from '../../api/api-error.ts';
import { getCalendarUrl, rotateCalendarUrl } from '../../api/calendar.ts';
import { updateProfile } from '../../api/profile.ts';
import { isPushSupported } from '../../api/push.ts';
import { queryKeys } from '../../api/queries.ts';
import { listAllRecords, recordsQueryKey, updateRecord } from '../../api/records.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { SelectInput } from '../../components/SelectInput.tsx';
import { parseNumberOrUndefined } from '../../forms/parse-number.ts';
import { DeviceNotifications } from './DeviceNotifications.tsx';
import { remindersStrings as t } from './strings.ts';
import { type DevicePush, useDevicePush } from './use-device-push.ts';
import './reminders.css';

const MAX_TIMES = 6;
const DAYS = Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Plans that still remind: not ended before today. */
function useRemindingRegimens(today: string) {
  return useQuery({
    queryKey: [...recordsQueryKey('regimens'), 'reminding', today],
    queryFn: async () =>
      (await listAllRecords('regimens')).filter((r) => r.endDate === undefined || r.endDate >= today),
    networkMode: 'always',
  });
}

/**
 * Settings → Reminders: dose reminder times per plan (each plan's own `reminderTimes`), the monthly
 * check-in and the blood-test reminder, saved to the profile and plan APIs; then notifications on this
 * device and the calendar feed.
 */
export function RemindersSection({ me }: { me: Me }) {
  const { profile } = me;
  const today = localDateOf(Date.now(), profile.timeZone);
  const regimens = useRemindingRegimens(today);
  const push = useDevicePush();
  const saved = profile.reminders;
  const anyReminderOn = saved.dailyDose || saved.monthlyCheckIn || saved.labTestEveryWeeks !== null;
  return (
    <section className="card reminders" aria-labelledby="settings-reminders">
      <h2 id="settings-reminders">{t.heading}</h2>
      <p className="muted">{t.lead(profile.timeZone)}</p>
      {regimens.isSuccess ? (
        <RemindersForm profile={profile} regimens={regimens.data} push={push} />
      ) : regimens.isError ? (
        <FormAlert message={failureMessage(regimens.error)} />
      ) : (
        <p className="muted">{t.saving}</p>
      )}
      <DeviceNotifications push={push} anyReminderOn={anyReminderOn} />
      <CalendarFeed />
    </section>
  );
}

function RemindersForm({
  profile,
  regimens,
  push,
}: {
  profile: Profile;
  regimens: readonly Regimen[];
  push: DevicePush;
}) {
  const queryClient = useQueryClient();
  const prefs = profile.reminders;
  const [dailyDose, setDailyDose] = useState(prefs.dailyDose);
  const [times, setTimes] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(regimens.map((r) => [r.id, [...r.reminderTimes]])),
  );
  const [checkIn, setCheckIn] = useState(prefs.monthlyCheckIn);
  const [checkInDay, setCheckInDay] = useState(String(prefs.checkInDayOfMonth ?? DEFAULT_CHECK_IN_DAY));
  const [checkInTime, setCheckInTime] = useState(prefs.checkInTime ?? DEFAULT_CHECK_IN_TIME);
  const [blood, setBlood] = useState(prefs.labTestEveryWeeks !== null);
  const [weeks, setWeeks] = useState(String(prefs.labTestEveryWeeks ?? 12));
  const [bloodTime, setBloodTime] = useState(prefs.labTestTime ?? DEFAULT_LAB_TEST_TIME);
  const [error, setError] = useState<string>();
  const [weeksError, setWeeksError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [isSaving, setSaving] = useState(false);
  const weeksRef = useRef<HTMLInputElement>(null);

  const changed = () => setStatus(undefined);
  /** Any edit makes the last "saved" message stale. */
  const edit =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      set(value);
      changed();
    };
  /**
   * Turning a reminder on is the one moment Sunlog asks the browser for permission to notify (never on
   * load): the person has just said they want reminders, and the press lets the browser ask.
   */
  const toggle = (set: (value: boolean) => void) => (value: boolean) => {
    set(value);
    changed();
    if (value && (push.state === 'off' || push.state === undefined) && !push.isBusy) void push.turnOn();
  };
  const setTimesOf = (id: string, next: string[]) => {
    setTimes((old) => ({ ...old, [id]: next }));
    changed();
  };

  /** No reminder left: this device stops receiving them. Some on, permission already given: it receives them. */
  const matchDeviceToReminders = async (anyOn: boolean) => {
    if (!anyOn && push.state === 'on') await push.turnOff();
    else if (anyOn && push.state === 'off' && isPushSupported() && Notification.permission === 'granted')
      await push.turnOn();
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    setError(undefined);
    setWeeksError(undefined);
    setStatus(undefined);
    const everyWeeks = parseNumberOrUndefined(weeks);
    if (
      blood &&
      (everyWeeks === undefined || !Number.isInteger(everyWeeks) || everyWeeks < 4 || everyWeeks > 104)
    ) {
      setWeeksError(t.weeksInvalid);
      weeksRef.current?.focus();
      return;
    }
    const badTimes = Object.values(times).some(
      (list) => list.some((time) => !TIME.test(time)) || new Set(list).size !== list.length,
    );
    if (badTimes || !TIME.test(checkInTime) || !TIME.test(bloodTime)) {
      setError(t.timesInvalid);
      return;
    }
    const reminders: ReminderPreferences = {
      ...prefs,
      dailyDose,
      monthlyCheckIn: checkIn,
      checkInDayOfMonth: Number(checkInDay),
      checkInTime,
      labTestEveryWeeks: blood && everyWeeks !== undefined ? everyWeeks : null,
      labTestTime: bloodTime,
    };
    setSaving(true);
    try {
      const saved = await updateProfile({ reminders });
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) => (old ? { ...old, profile: saved } : old));
      for (const regimen of regimens) {
        // A plan that arrived after the form opened and was not edited here keeps its times.
        const edited = times[regimen.id];
        if (edited === undefined) continue;
        const next = [...edited].sort();
        if (next.join() === [...regimen.reminderTimes].sort().join()) continue;
        const { createdAt: _created, updatedAt: _updated, ...body } = regimen;
        await updateRecord('regimens', { ...body, reminderTimes: next });
      }
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('regimens') });
      setStatus(t.saved);
      await matchDeviceToReminders(dailyDose || checkIn || blood);
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby="settings-reminders"
    >
      <CheckboxField isSelected={dailyDose} onChange={toggle(setDailyDose)}>
        {t.doseToggle}
      </CheckboxField>
      {dailyDose && regimens.length === 0 ? <p className="muted">{t.noPlans}</p> : null}
      {dailyDose
        ? regimens.map((regimen) => {
            const list = times[regimen.id] ?? [...regimen.reminderTimes];
            return (
              <fieldset key={regimen.id} className="reminders__times">
                <legend>{t.timesFor(regimen.productName)}</legend>
                {list.map((time, index) => (
                  // Times may repeat while being typed, so the position is the key.
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  <div className="reminders__time" key={index}>
                    <NativeInput
                      label={t.timeLabel(index + 1)}
                      name={`time-${regimen.id}-${index}`}
                      type="time"
                      value={time}
                      onChange={(value) =>
                        setTimesOf(
                          regimen.id,
                          list.map((old, i) => (i === index ? value : old)),
                        )
                      }
                    />
                    <Button
                      className="button"
                      onPress={() =>
                        setTimesOf(
                          regimen.id,
                          list.filter((_, i) => i !== index),
                        )
                      }
                    >
                      {t.removeTime(time)}
                    </Button>
                  </div>
                ))}
                {list.length < MAX_TIMES ? (
                  <div className="button-row">
                    <Button className="button" onPress={() => setTimesOf(regimen.id, [...list, '08:00'])}>
                      {t.addTime}
                    </Button>
                  </div>
                ) : (
                  <p className="muted">{t.timesMax}</p>
                )}
              </fieldset>
            );
          })
        : null}

      <CheckboxField isSelected={checkIn} onChange={toggle(setCheckIn)}>
        {t.checkInToggle}
      </CheckboxField>
      {checkIn ? (
        <div className="reminders__pair">
          <SelectInput
            label={t.checkInDay}
            name="checkInDay"
            hint={t.checkInDayHint}
            value={checkInDay}
            onChange={edit(setCheckInDay)}
            options={DAYS}
          />
          <NativeInput
            label={t.checkInTime}
            name="checkInTime"
            type="time"
            value={checkInTime}
            onChange={edit(setCheckInTime)}
          />
        </div>
      ) : null}

      <CheckboxField isSelected={blood} onChange={toggle(setBlood)}>
        {t.bloodToggle}
      </CheckboxField>
      {blood ? (
        <div className="reminders__pair">
          <NativeInput
            label={t.bloodWeeks}
            name="labTestEveryWeeks"
            type="whole-number"
            hint={t.bloodWeeksHint}
            value={weeks}
            error={weeksError}
            inputRef={weeksRef}
            onChange={edit(setWeeks)}
          />
          <NativeInput
            label={t.bloodTime}
            name="labTestTime"
            type="time"
            value={bloodTime}
            onChange={edit(setBloodTime)}
          />
        </div>
      ) : null}

      <FormAlert message={error} />
      <StatusMessage message={status} />
      <div className="button-row">
        <Button type="submit" className="button button--primary">
          {isSaving ? t.saving : t.save}
        </Button>
      </div>
    </form>
  );
}

function CalendarFeed() {
  const [url, setUrl] = useState<string>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);

  const run = async (action: () => Promise<string>, message?: string) => {
    if (isBusy) return;
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      setUrl(await action());
      if (message !== undefined) setStatus(message);
      requestAnimationFrame(() => inputRef.current?.focus());
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (url === undefined) return;
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t.calendarCopied);
    } catch {
      inputRef.current?.select();
      setStatus(t.calendarCopyFailed);
    }
  };

  return (
    <section className="reminders__calendar" aria-labelledby="settings-calendar">
      <h3 id="settings-calendar">{t.calendarHeading}</h3>
      <p className="muted">{t.calendarLead}</p>
      {url === undefined ? (
        <div className="button-row">
          <Button className="button" onPress={() => void run(getCalendarUrl)}>
            {isBusy ? t.calendarLoading : t.calendarShow}
          </Button>
        </div>
      ) : (
        <>
          <div className="field">
            <label className="field__label" htmlFor="calendar-url">
              {t.calendarLabel}
            </label>
            <input
              id="calendar-url"
              ref={inputRef}
              className="input reminders__url"
              readOnly
              value={url}
              onFocus={(event) => event.target.select()}
            />
          </div>
          <div className="button-row">
            <Button className="button button--primary" onPress={() => void copy()}>
              {t.calendarCopy}
            </Button>
            <Button
              className="button"
              aria-describedby="calendar-rotate-hint"
              onPress={() => void run(rotateCalendarUrl, t.calendarRotated)}
            >
              {t.calendarRotate}
            </Button>
          </div>
          <p className="muted" id="calendar-rotate-hint">
            {t.calendarRotateHint}
          </p>
        </>
      )}
      <FormAlert message={error} />
      <StatusMessage message={status} />
    </section>
  );
}
