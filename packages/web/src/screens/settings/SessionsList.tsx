import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { queryKeys } from '../../api/queries.ts';
import { endSession, listSessions, type Session } from '../../api/sessions.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { useSignOut } from '../../session.ts';
import { describeDevice } from './device-name.ts';
import { settingsStrings as t } from './strings.ts';

/** The person's signed-in devices, each with a way to end it. */
export function SessionsList({ timeZone, locale }: { timeZone: string; locale: string }) {
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: listSessions });
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });

  const end = useMutation({
    mutationFn: (session: Session) => endSession(session.id),
    onMutate: () => {
      setStatus(undefined);
      setError(undefined);
    },
    onSuccess: (_nothing, session) => {
      setStatus(t.sessionEnded(describeDevice(session.userAgent)));
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
    },
    onError: (caught) => setError(caught.message),
  });

  // Current device first, then the most recently active.
  const ordered = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  return (
    <section className="card" aria-labelledby="settings-sessions">
      <h2 id="settings-sessions">{t.sessionsHeading}</h2>
      <p className="muted">{t.sessionsLead}</p>
      {sessions.isPending ? <p role="status">{t.sessionsLoading}</p> : null}
      {sessions.isError ? <FormAlert message={sessions.error.message} /> : null}
      <ul className="list-plain">
        {ordered.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            formatDate={(iso) => formatter.format(new Date(iso))}
            onEnd={() => {
              if (!end.isPending) end.mutate(session);
            }}
            isEnding={end.isPending && end.variables.id === session.id}
          />
        ))}
      </ul>
      <FormAlert message={error} />
      <StatusMessage message={status} />
    </section>
  );
}

function SessionItem({
  session,
  formatDate,
  onEnd,
  isEnding,
}: {
  session: Session;
  formatDate: (iso: string) => string;
  onEnd: () => void;
  isEnding: boolean;
}) {
  const id = useId();
  const signOut = useSignOut();
  const device = describeDevice(session.userAgent);
  return (
    <li className="session">
      <div>
        <p className="session__name" id={`${id}-name`}>
          {device}
          {session.current ? <span className="badge">{t.thisDevice}</span> : null}
        </p>
        <p className="session__detail" id={`${id}-detail`}>
          {t.signedInAt(formatDate(session.createdAt))}. {t.lastActive(formatDate(session.lastSeenAt))}.
        </p>
      </div>
      {session.current ? (
        <Button className="button" onPress={signOut.signOut} aria-describedby={`${id}-name ${id}-detail`}>
          {signOut.isPending ? t.signingOut : t.signOutHere}
        </Button>
      ) : (
        <Button className="button" onPress={onEnd} aria-describedby={`${id}-name ${id}-detail`}>
          {isEnding ? t.endingSession : t.endSession}
        </Button>
      )}
      {signOut.error === undefined ? null : <FormAlert message={signOut.error} />}
    </li>
  );
}
