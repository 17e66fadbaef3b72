import { localDateOf } from '@sunlog/core/calendar';
import { useEffect, useState } from 'react';
import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';
import { SyncStatus } from '../../components/SyncStatus.tsx';
import { dateTimeFormat } from '../../format/locale-format.ts';
import { useOutbox } from '../../offline/use-outbox.ts';
import { BloodResultSection } from './BloodResultSection.tsx';
import { DoseSection } from './DoseSection.tsx';
import { FlareSection } from './FlareSection.tsx';
import { SymptomCheckSection } from './SymptomCheckSection.tsx';
import { todayStrings as t } from './strings.ts';
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

/** The home screen: today's doses in one tap, a quick symptom check, flare-ups and blood results. */
export function TodayScreen({ me }: { me: Me }) {
  const { profile } = me;
  const today = useToday(profile.timeZone);
  const outbox = useOutbox(me.user.id);
  const isOnline = useIsOnline();
  const formatDate = dateTimeFormat(profile.timeZone).fullDate;
  return (
    <Page title={t.title} className="today">
      <p className="lead today__greeting">{t.greeting(profile.displayName)}</p>
      <p className="today__date">{t.dateLine(formatDate(today))}</p>
      <SyncStatus outbox={outbox} isOnline={isOnline} />
      <DoseSection profile={profile} today={today} outbox={outbox} />
      <SymptomCheckSection today={today} outbox={outbox} />
      <FlareSection today={today} formatDate={formatDate} outbox={outbox} />
      <BloodResultSection profile={profile} today={today} formatDate={formatDate} outbox={outbox} />
      <aside className="note" aria-labelledby="today-disclaimer">
        <h2 id="today-disclaimer">{t.disclaimerHeading}</h2>
        <p>{t.disclaimer}</p>
      </aside>
    </Page>
  );
}
