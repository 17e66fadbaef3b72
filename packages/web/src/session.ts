import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Me, signOut } from './api/accounts.ts';
import { isApiError } from './api/api-error.ts';
import { forgetDevicePush } from './api/push.ts';
import { queryKeys } from './api/queries.ts';
import { navigate } from './router.ts';

export const SIGNED_OUT_NOTICE = 'You have signed out. See you soon.';

/** Stores the person just signed in (or registered) and opens the home screen. */
export function startSession(queryClient: QueryClient, me: Me): void {
  queryClient.setQueryData(queryKeys.me, me);
  navigate('/', { replace: true });
}

/** Signs out on the server, forgets everything cached about the person, and opens sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    if (isPending) return;
    setPending(true);
    setError(undefined);
    // Reminders are for the person signed in: this device stops receiving theirs and closes those shown
    // (while the session still lets the server forget the subscription). A failure must not stop signing out.
    await forgetDevicePush().catch(() => undefined);
    try {
      await signOut();
    } catch (caught) {
      // A 401 means the session had already ended: the person is signed out either way.
      if (!(isApiError(caught) && caught.status === 401)) {
        setPending(false);
        setError(isApiError(caught) ? caught.message : 'Signing out failed. Please try again.');
        return;
      }
    }
    queryClient.clear();
    queryClient.setQueryData(queryKeys.me, null);
    setPending(false);
    navigate('/sign-in', { replace: true, state: { notice: SIGNED_OUT_NOTICE } });
  };
  return { signOut: run, isPending, error };
}
