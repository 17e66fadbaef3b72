import { addDays } from '@sunlog/core/calendar';
import { earliestLogDay, isLoggableDay, stepLogDay } from '@sunlog/core/records/log-day';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { NativeInput } from '../../components/NativeInput.tsx';
import { todayStrings as t } from './strings.ts';

/**
 * Which day Today is filling in: the date in large type, a step back and forward (never past today),
 * a date field for any day in the window, and "Back to today" whenever it is not today.
 */
export function DayBar({
  day,
  today,
  formatDate,
  onChange,
}: {
  day: string;
  today: string;
  formatDate: (date: string) => string;
  onChange: (day: string) => void;
}) {
  const earliest = earliestLogDay(today);
  const [typed, setTyped] = useState(day);
  const [error, setError] = useState<string>();
  const isToday = day === today;
  const relative = isToday ? t.todayWord : day === addDays(today, -1) ? t.yesterdayWord : undefined;

  const go = (next: string) => {
    setTyped(next);
    setError(undefined);
    onChange(next);
  };

  return (
    <section className={isToday ? 'day-bar' : 'day-bar day-bar--past'} aria-label={t.dayPickerLabel}>
      <p className="day-bar__date" aria-live="polite">
        {relative === undefined ? null : <span className="day-bar__relative">{relative}</span>}
        <span>{formatDate(day)}</span>
      </p>
      {isToday ? null : <p className="day-bar__notice">{t.pastDayNotice(formatDate(day))}</p>}
      <div className="day-bar__steps">
        <Button
          className="button"
          isDisabled={day <= earliest}
          onPress={() => go(stepLogDay(day, -1, today))}
        >
          <span aria-hidden="true">‹ </span>
          {t.earlierDay}
        </Button>
        {isToday ? null : (
          <>
            <Button className="button" onPress={() => go(stepLogDay(day, 1, today))}>
              {t.laterDay}
              <span aria-hidden="true"> ›</span>
            </Button>
            <Button className="button button--primary" onPress={() => go(today)}>
              {t.backToToday}
            </Button>
          </>
        )}
      </div>
      {isToday ? null : (
        <NativeInput
          label={t.dayLabel}
          name="day"
          type="date"
          value={typed}
          min={earliest}
          max={today}
          hint={`${t.dayHint(formatDate(earliest))} ${t.pastDayHistory}`}
          error={error}
          onChange={(next) => {
            setTyped(next);
            if (isLoggableDay(next, today)) {
              setError(undefined);
              onChange(next);
            } else if (next !== '') {
              setError(t.dayOutOfRange(formatDate(earliest)));
            }
          }}
        />
      )}
    </section>
  );
}
