import { useState } from 'react';
import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';
import { SelectInput } from '../../components/SelectInput.tsx';
import { formatMonth } from '../insights/format.ts';
import { todayFor, useInsights, usePersonRecords } from '../insights/person-records.ts';
import { RecordsLoadStatus } from '../insights/RecordsLoadStatus.tsx';
import { CheckInWizard } from './CheckInWizard.tsx';
import { defaultMonth, monthChoices } from './check-in-month.ts';
import { PastCheckIns } from './PastCheckIns.tsx';
import { checkInStrings as t } from './strings.ts';
import '../insights/insights.css';
import './check-in.css';
import { displayLocale } from '../../format/locale-format.ts';

/** The monthly check-in: pick a month, go through six steps, save; earlier check-ins below. */
export function CheckInScreen({ me }: { me: Me }) {
  const { profile } = me;
  const state = usePersonRecords();
  const today = todayFor(profile);
  const records = state.status === 'ready' ? state.records : undefined;
  const computed = useInsights(profile, records, today);
  const [chosenMonth, setChosenMonth] = useState<string>();
  // Opening a saved check-in to edit starts its review again from step 1, even for the month shown.
  const [restarts, setRestarts] = useState(0);
  const locale = displayLocale();

  // The default month is fixed once the records arrive: saving it must not move the wizard on to
  // another month (and lose the confirmation) when the refreshed list shows that month as saved.
  if (chosenMonth === undefined && records !== undefined) {
    setChosenMonth(defaultMonth(today, records.checkIns, records));
  }
  const month = chosenMonth;
  const saved = records?.checkIns.find((checkIn) => checkIn.month === month);

  return (
    <Page title={t.title}>
      <p className="lead">{t.lead}</p>
      <aside className="note" aria-label="Disclaimer">
        <p>{t.disclaimer}</p>
      </aside>
      <RecordsLoadStatus state={state} strings={t} />
      {records === undefined || computed === undefined || month === undefined ? null : (
        <>
          <div className="month-picker">
            <SelectInput
              label={t.monthLabel}
              name="month"
              hint={t.monthHint}
              value={month}
              onChange={setChosenMonth}
              options={withMonth(monthChoices(today), month).map((value) => {
                const label = formatMonth(value, locale);
                const hasSaved = records.checkIns.some((checkIn) => checkIn.month === value);
                return { value, label: hasSaved ? t.monthSaved(label) : label };
              })}
            />
          </div>
          <CheckInWizard
            // Another month, or "Edit", starts the review again at step 1.
            key={`${month}:${restarts}`}
            saved={saved}
            context={{
              month,
              monthLabel: formatMonth(month, locale),
              today,
              profile,
              records,
              insights: computed.insights,
            }}
          />
          <PastCheckIns
            checkIns={records.checkIns}
            locale={locale}
            timeZone={profile.timeZone}
            onEdit={(value) => {
              setChosenMonth(value);
              setRestarts((count) => count + 1);
              requestAnimationFrame(() => document.getElementById('check-in-step')?.focus());
            }}
          />
        </>
      )}
    </Page>
  );
}

/** The offered months, plus `month` when it is older (an earlier check-in opened to edit). */
function withMonth(months: string[], month: string): string[] {
  return months.includes(month) ? months : [...months, month];
}
