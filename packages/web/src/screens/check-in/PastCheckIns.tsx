import type { CheckIn } from '@sunlog/core/records/check-in';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { formatMonth } from '../insights/format.ts';
import { draftFrom } from './draft.ts';
import { CheckInSummary } from './ReviewStep.tsx';
import { checkInStrings as t } from './strings.ts';

/** Saved check-ins, newest month first; each opens in full, or back in the guided review to edit. */
export function PastCheckIns({
  checkIns,
  locale,
  timeZone,
  onEdit,
}: {
  checkIns: readonly CheckIn[];
  locale: string;
  timeZone: string;
  onEdit: (month: string) => void;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const sorted = [...checkIns].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  const savedOn = (instant: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
      new Date(instant),
    );
  const toggle = (id: string) =>
    setOpen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="card" aria-labelledby="check-in-past">
      <h2 id="check-in-past">{t.pastHeading}</h2>
      {sorted.length === 0 ? <p className="muted">{t.pastNone}</p> : null}
      <ul className="list-plain past-check-ins">
        {sorted.map((checkIn) => {
          const month = formatMonth(checkIn.month, locale);
          const isOpen = open.has(checkIn.id);
          const panelId = `check-in-${checkIn.id}`;
          return (
            <li key={checkIn.id} className="past-check-in">
              <h3 className="past-check-in__month">{month}</h3>
              <p className="muted">{t.pastSavedOn(savedOn(checkIn.updatedAt))}</p>
              <div className="button-row">
                <Button
                  className="button"
                  aria-expanded={isOpen}
                  aria-controls={panelId}
                  onPress={() => toggle(checkIn.id)}
                >
                  {isOpen ? t.hide(month) : t.read(month)}
                </Button>
                <Button className="button" onPress={() => onEdit(checkIn.month)}>
                  {t.openToEdit(month)}
                </Button>
              </div>
              <div id={panelId} hidden={!isOpen} className="past-check-in__content">
                {isOpen ? <CheckInSummary draft={draftFrom(checkIn)} headingLevel={4} /> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
