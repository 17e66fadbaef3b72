import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { describeEntry, entryWhen } from './describe-entry.ts';
import type { HistoryFormat } from './format.ts';
import { historyStrings as t } from './strings.ts';
import type { TimelineDay, TimelineEntry } from './timeline-entries.ts';
import { ENTRIES_PER_PAGE, entryCount, firstEntries } from './timeline-pages.ts';

/**
 * Every entry of the period, grouped by day, newest first, each with Edit and Delete: the first
 * ENTRIES_PER_PAGE, then "Show more" adds as many again (a year can hold hundreds). After "Show more",
 * focus moves to the first entry added, so keyboard and screen-reader users carry on reading from there;
 * a polite status says how many of how many are shown. Give it a `key` per period to start over.
 */
export function Timeline({
  days,
  format,
  onEdit,
  onDelete,
}: {
  days: readonly TimelineDay[];
  format: HistoryFormat;
  onEdit: (entry: TimelineEntry) => void;
  onDelete: (entry: TimelineEntry) => void;
}) {
  const [shownCount, setShownCount] = useState(ENTRIES_PER_PAGE);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const total = entryCount(days);
  const shown = firstEntries(days, shownCount);
  const shownTotal = Math.min(shownCount, total);

  useEffect(() => {
    if (focusFrom === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-entry-index="${focusFrom}"]`)?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  let index = 0;
  return (
    <>
      <ol className="timeline list-plain" ref={listRef}>
        {shown.map((day) => (
          <li key={day.date} className="timeline__day">
            <h3 className="timeline__date">{format.dayHeading(day.date)}</h3>
            <ul className="list-plain">
              {day.entries.map((entry) => {
                const { title, lines } = describeEntry(entry, format);
                const when = entryWhen(entry, format);
                const entryIndex = index++;
                return (
                  <li
                    key={`${entry.kind}:${entry.record.id}`}
                    className="entry"
                    data-entry-index={entryIndex}
                    tabIndex={-1}
                  >
                    <div className="entry__text">
                      <p className="entry__title">{title}</p>
                      {lines.map((line) => (
                        <p key={line} className="entry__line">
                          {line}
                        </p>
                      ))}
                    </div>
                    <div className="entry__actions">
                      <Button
                        className="button"
                        aria-label={t.editLabel(t.kindsInSentence[entry.kind], when)}
                        onPress={() => onEdit(entry)}
                      >
                        {t.edit}
                      </Button>
                      <Button
                        className="button"
                        aria-label={t.deleteLabel(t.kindsInSentence[entry.kind], when)}
                        onPress={() => onDelete(entry)}
                      >
                        {t.delete}
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {total <= ENTRIES_PER_PAGE ? null : (
        <div className="timeline__more">
          <p className="muted" role="status">
            {t.showingEntries(shownTotal, total)}
          </p>
          {shownTotal < total ? (
            <Button
              className="button"
              onPress={() => {
                setFocusFrom(shownTotal);
                setShownCount(shownTotal + ENTRIES_PER_PAGE);
              }}
            >
              {t.showMore(Math.min(ENTRIES_PER_PAGE, total - shownTotal))}
            </Button>
          ) : null}
        </div>
      )}
    </>
  );
}
