import { localDateOf } from '@sunlog/core/calendar';
import { isPastOrToday, logDayOrToday } from '@sunlog/core/records/log-day';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../api/accounts.ts';
import { loadRecordChecks } from '../../api/records.ts';
import { Page } from '../../components/Page.tsx';
import { SyncStatus } from '../../components/SyncStatus.tsx';
import { dateTimeFormat } from '../../format/locale-format.ts';
import { whenIdle } from '../../idle.ts';
import { useOutbox } from '../../offline/use-outbox.ts';
import { BloodResultSection } from './BloodResultSection.tsx';
import { DayBar } from './DayBar.tsx';
import { DoseSection } from './DoseSection.tsx';
import { FlareSection } from './FlareSection.tsx';
import { SymptomCheckSection } from './SymptomCheckSection.tsx';
import { todayStrings as t } from './strings.ts';
import { useActiveRegimens, useOpenFlares, useRecordsOn } from './today-data.ts';
import './today.css';

/** True while the browser reports a network connection; follows the online and offline events. */
function useIsOnline(): boolean {
  const [isOnline, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return isOnline;
}

/** The person's local date, in their profile's time zone, refreshed each minute so midnight moves it on. */
function useToday(timeZone: string): string {
  const [today, setToday] = useState(() => localDateOf(Date.now(), timeZone));
  useEffect(() => {
    setToday(localDateOf(Date.now(), timeZone));
    const timer = setInterval(() => setToday(localDateOf(Date.now(), timeZone)), 60_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  return today;
}

/**
 * The day Today fills in: today, one of the last few days, or an older day opened from History. It is
 * kept in the address (`/?day=…`), so a reload stays on it; a day ahead of today (or not a date) falls
 * back to today.
 */
function useLogDay(today: string): [string, (day: string) => void] {
  const [asked, setAsked] = useState(() => new URLSearchParams(window.location.search).get('day'));
  const day = logDayOrToday(asked, today);
  const choose = (next: string) => {
    const url = new URL(window.location.href);
    if (next === today || !isPastOrToday(next, today)) url.searchParams.delete('day');
    else url.searchParams.set('day', next);
    window.history.replaceState(window.history.state, '', url);
    setAsked(next);
  };
  return [day, choose];
}

/**
 * Whether the reads that set the height of the dose, ratings and flare-up cards have answered. They
 * always answer, with no network too (the device answers then, see today-data.ts). The same queries as
 * the cards' own, so nothing is fetched twice.
 */
function useCardsSettled(day: string, today: string): boolean {
  const hasSettled = useRef(false);
  const reads = [
    useActiveRegimens(day),
    useRecordsOn('intakes', day),
    useRecordsOn('symptom-checks', day),
    useOpenFlares(today),
  ];
  // Only the first time: another day's lists load inside each card, as before.
  if (reads.every((read) => !read.isPending)) hasSettled.current = true;
  return hasSettled.current;
}

/**
 * The home screen: the day's doses in one tap, a quick check of the ratings the person tracks,
 * flare-ups and blood results; the day can be stepped back to fill in one that was missed.
 */
export function TodayScreen({ me }: { me: Me }) {
  const { profile } = me;
  const today = useToday(profile.timeZone);
  const [day, setDay] = useLogDay(today);
  const isToday = day === today;
  const outbox = useOutbox(me.user.id);
  const isOnline = useIsOnline();
  const formatDate = dateTimeFormat(profile.timeZone).fullDate;
  const dayName = formatDate(day);
  // The cards (and the note under them) appear together once their lists are in: shown one by one,
  // each pushed the ones below it down as its list arrived (a layout shift of 0.3 on a phone).
  const isSettled = useCardsSettled(day, today);
  // The checks of what Today sends load once the cards have painted, before anyone can tap (earlier, their
  // code ran while the cards were waiting to be drawn). A preload that fails (offline before the checks
  // arrived) is not an error: the next write tries again.
  useEffect(() => {
    if (isSettled) whenIdle(() => void loadRecordChecks().catch(() => undefined));
  }, [isSettled]);
  return (
    <Page title={t.title} className="today">
      <p className="lead today__greeting">{t.greeting(profile.displayName)}</p>
      <DayBar day={day} today={today} formatDate={formatDate} onChange={setDay} />
      <SyncStatus outbox={outbox} isOnline={isOnline} />
      {isSettled ? (
        <>
          <DoseSection
            key={`dose-${day}`}
            profile={profile}
            day={day}
            today={today}
            dayName={dayName}
            outbox={outbox}
          />
          <SymptomCheckSection
            key={`ratings-${day}`}
            day={day}
            isToday={isToday}
            dayName={dayName}
            trackedRatings={profile.trackedRatings}
            outbox={outbox}
          />
          <FlareSection
            key={`flares-${day}`}
            today={today}
            day={day}
            formatDate={formatDate}
            outbox={outbox}
          />
          <BloodResultSection profile={profile} today={today} formatDate={formatDate} outbox={outbox} />
          <aside className="note" aria-labelledby="today-disclaimer">
            <h2 id="today-disclaimer">{t.disclaimerHeading}</h2>
            <p>{t.disclaimer}</p>
          </aside>
        </>
      ) : (
        <p className="loading" role="status">
          {t.loading}
        </p>
      )}
    </Page>
  );
}
