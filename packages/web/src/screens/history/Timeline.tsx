import { Button } from 'react-aria-components';
import { describeEntry, entryWhen } from './describe-entry.ts';
import type { HistoryFormat } from './format.ts';
import { historyStrings as t } from './strings.ts';
import type { TimelineDay, TimelineEntry } from './timeline-entries.ts';

/** Every entry of the period, grouped by day, newest first, each with Edit and Delete. */
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
  return (
    <ol className="timeline list-plain">
      {days.map((day) => (
        <li key={day.date} className="timeline__day">
          <h3 className="timeline__date">{format.dayHeading(day.date)}</h3>
          <ul className="list-plain">
            {day.entries.map((entry) => {
              const { title, lines } = describeEntry(entry, format);
              const when = entryWhen(entry, format);
              return (
                <li key={`${entry.kind}:${entry.record.id}`} className="entry">
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
  );
}
