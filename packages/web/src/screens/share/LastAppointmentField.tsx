import type { LocalDate } from '@sunlog/core/calendar';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Me } from '../../api/accounts.ts';
import { isApiError } from '../../api/api-error.ts';
import { updateProfile } from '../../api/profile.ts';
import { queryKeys } from '../../api/queries.ts';
import { StatusMessage } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';

/**
 * The day of the last appointment, kept in the profile: reports and links start there by default
 * (on this screen, in `GET /api/v1/reports/pdf` and `GET /api/v1/export/fhir`). Optional.
 */
export function LastAppointmentField({
  me,
  today,
  formatDate,
  onSaved,
}: {
  me: Me;
  today: LocalDate;
  formatDate: (date: LocalDate) => string;
  onSaved: (date: LocalDate | null) => void;
}) {
  const queryClient = useQueryClient();
  const saved = me.profile.lastAppointment ?? null;
  const [value, setValue] = useState(saved ?? '');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [isPending, setPending] = useState(false);

  const save = async (next: LocalDate | null) => {
    setError(undefined);
    setStatus(undefined);
    if (next !== null && next > today) return setError('The appointment must be today or earlier.');
    setPending(true);
    try {
      const profile = await updateProfile({ lastAppointment: next });
      queryClient.setQueryData<Me>(queryKeys.me, (old) => (old === undefined ? old : { ...old, profile }));
      setValue(next ?? '');
      setStatus(
        next === null
          ? 'Cleared. Reports and links start six months back by default.'
          : `Saved. Reports and links start on ${formatDate(next)} by default.`,
      );
      onSaved(next);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="share__appointment">
      <NativeInput
        label="Date of your last appointment"
        name="lastAppointment"
        type="date"
        isOptional
        hint="With your neurologist or MS nurse. Reports and links then cover the time since, unless you change the dates below."
        value={value}
        onChange={setValue}
        max={today}
        error={error}
      />
      <div className="button-row">
        <Button
          className="button"
          isDisabled={isPending || value === '' || value === saved}
          onPress={() => void save(value)}
        >
          Save appointment date
        </Button>
        {saved === null ? null : (
          <Button className="button" isDisabled={isPending} onPress={() => void save(null)}>
            Clear it
          </Button>
        )}
      </div>
      <StatusMessage message={status} />
    </div>
  );
}
