import type { LocalDate } from '@sunlog/core/calendar';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { isApiError } from '../../api/api-error.ts';
import { queryKeys } from '../../api/queries.ts';
import { listShares, revokeShare, type ShareSummary } from '../../api/shares.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';

/** The person's links: what each covers, until when, whether it still works and how often it was opened. */
export function ShareList({
  formatDate,
  formatInstant,
}: {
  formatDate: (date: LocalDate) => string;
  formatInstant: (instant: string) => string;
}) {
  const queryClient = useQueryClient();
  const shares = useQuery({ queryKey: queryKeys.shares, queryFn: listShares, refetchOnMount: 'always' });
  const [stopping, setStopping] = useState<string | null>(null);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  const stop = async (share: ShareSummary) => {
    setStopping(share.id);
    setStatus(undefined);
    setError(undefined);
    try {
      await revokeShare(share.id);
      queryClient.setQueryData<ShareSummary[]>(queryKeys.shares, (old) =>
        old?.map((item) => (item.id === share.id ? { ...item, status: 'revoked' } : item)),
      );
      setStatus(`Stopped. ${nameOf(share)} no longer works.`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.shares });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setStopping(null);
    }
  };

  const statusText = (share: ShareSummary) => {
    switch (share.status) {
      case 'active':
        return `Works until ${formatInstant(share.expiresAt)}`;
      case 'expired':
        return `Expired on ${formatInstant(share.expiresAt)}`;
      case 'revoked':
        return 'Stopped: no longer works';
      case 'disabled':
        return 'Switched off after 10 wrong passcodes';
    }
  };

  return (
    <section className="card" aria-labelledby="share-links">
      <h2 id="share-links">Your links</h2>
      {shares.isPending ? <p role="status">Loading your links…</p> : null}
      {shares.isError ? <FormAlert message={shares.error.message} /> : null}
      {shares.isSuccess && shares.data.length === 0 ? <p>You have not shared a link yet.</p> : null}
      <StatusMessage message={status} />
      <FormAlert message={error} />
      <ul className="list-plain share__links">
        {(shares.data ?? []).map((share) => (
          <li key={share.id} className="share__link-item">
            <h3>{nameOf(share)}</h3>
            <p>
              Covers {formatDate(share.from)} to {formatDate(share.to)}
              {share.hasPasscode ? ', with a passcode' : ''}.
            </p>
            <p>
              <strong>{statusText(share)}.</strong> Opened{' '}
              {share.accessCount === 1 ? 'once' : `${share.accessCount} times`}.
            </p>
            {share.status === 'active' ? (
              <Button
                className="button button--danger"
                isDisabled={stopping === share.id}
                onPress={() => void stop(share)}
                aria-label={`Stop sharing ${nameOf(share)}`}
              >
                {stopping === share.id ? 'Stopping…' : 'Stop sharing'}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted">
        Links cannot be shown again after they were made. To give the clinic a new one, make another link.
      </p>
    </section>
  );
}

function nameOf(share: ShareSummary): string {
  return share.label === undefined ? 'Link without a name' : `“${share.label}”`;
}
