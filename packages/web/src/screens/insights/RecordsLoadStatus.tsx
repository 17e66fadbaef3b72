import { Button } from 'react-aria-components';
import { FormAlert } from '../../components/LiveMessages.tsx';
import type { PersonRecordsState } from './person-records.ts';

/** While the person's records load: a status line, or the failure with a way to try again. */
export function RecordsLoadStatus({
  state,
  strings: t,
}: {
  state: PersonRecordsState;
  /** The screen's own wording. */
  strings: { loading: string; loadFailed: string; retry: string };
}) {
  if (state.status === 'pending') {
    return (
      <p className="loading" role="status">
        {t.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <FormAlert message={`${t.loadFailed} ${state.message}`} />
        <p>
          <Button className="button" onPress={state.retry}>
            {t.retry}
          </Button>
        </p>
      </>
    );
  }
  return null;
}
