import { isPastOrToday } from '@sunlog/core/records/log-day';
import { type FormEvent, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { NativeInput } from '../../components/NativeInput.tsx';
import { navigate, type Path } from '../../router.ts';

const text = {
  add: 'Add an entry for a past day',
  lead: 'Pick the day, and Today opens on it for its doses, ratings and flare-ups.',
  dayLabel: 'Day',
  open: 'Fill in this day',
  cancel: 'Cancel',
  invalid: 'Choose a day, today or earlier. Sunlog does not log days ahead.',
};

/**
 * History's way to add an entry on any past day: it opens Today on that day (`/?day=…`), so the same
 * forms log it. A day ahead of today is refused here and by Today.
 */
export function AddPastEntry({ today }: { today: string }) {
  const [isOpen, setOpen] = useState(false);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string>();
  const headingId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPastOrToday(day, today)) {
      setError(text.invalid);
      return;
    }
    // The router matches on the path alone; Today reads the day from the query.
    navigate(`/?day=${day}` as Path);
  };
  if (!isOpen) {
    return (
      <div className="button-row add-past-entry">
        <Button className="button" onPress={() => setOpen(true)}>
          {text.add}
        </Button>
      </div>
    );
  }
  return (
    <section className="card add-past-entry" aria-labelledby={headingId}>
      <h2 id={headingId}>{text.add}</h2>
      <p className="muted">{text.lead}</p>
      <form className="form" noValidate onSubmit={submit} aria-labelledby={headingId}>
        <NativeInput
          label={text.dayLabel}
          name="day"
          type="date"
          value={day}
          max={today}
          error={error}
          onChange={(next) => {
            setDay(next);
            setError(undefined);
          }}
        />
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {text.open}
          </Button>
          <Button className="button" onPress={() => setOpen(false)}>
            {text.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}
