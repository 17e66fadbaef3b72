import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys, useMe } from '../api/queries.ts';
import { keepSavedListsInStep } from '../api/records.ts';
import { navigate, type Path } from '../router.ts';
import { listenToServiceWorker } from './service-worker.ts';
import { clearSnapshots, saveMeSnapshot } from './snapshots.ts';
import {
  onEntriesSent,
  onSessionEnded,
  onWriteAccepted,
  setOutboxUser,
  startOutboxSync,
  syncOutbox,
} from './sync.ts';

/**
 * Connects the outbox to the session: entries are sent only for the person signed in; what the
 * server last said about them is kept for opening offline, and forgotten at sign-out. Renders nothing.
 */
export function OfflineSync() {
  const me = useMe();
  const queryClient = useQueryClient();

  useEffect(() => {
    // Before an accepted write leaves the outbox, the lists saved on this device take it in.
    onWriteAccepted(keepSavedListsInStep);
    startOutboxSync();
    // Once queued writes reach the server, lists refresh to show the server's own copy.
    const stopSent = onEntriesSent(() => void queryClient.invalidateQueries({ queryKey: ['records'] }));
    // The session ended while entries waited: asking again who is signed in leads to sign-in.
    const stopEnded = onSessionEnded(() => void queryClient.invalidateQueries({ queryKey: queryKeys.me }));
    // A dose recorded from a notification (by the service worker) shows here at once, and is sent.
    const stopWorker = listenToServiceWorker({
      onRecordsChanged: () => {
        void queryClient.invalidateQueries({ queryKey: ['records'] });
        void syncOutbox();
      },
      onOpen: (path) => navigate(path as Path),
    });
    return () => {
      stopSent();
      stopEnded();
      stopWorker();
    };
  }, [queryClient]);

  useEffect(() => {
    if (me.data === undefined) return;
    setOutboxUser(me.data === null ? null : me.data.user.id);
    if (me.data === null) clearSnapshots().catch(() => undefined);
    else saveMeSnapshot(me.data).catch(() => undefined);
  }, [me.data]);

  return null;
}
