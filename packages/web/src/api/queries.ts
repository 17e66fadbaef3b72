import { MutationCache, QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { navigate } from '../router.ts';
import type { Me } from './accounts.ts';
import { isApiError } from './api-error.ts';
import { getMe } from './me.ts';

export const SESSION_ENDED_NOTICE = 'Your session has ended. Please sign in again.';

/** Cache keys, named once so a screen that changes data can refresh the right query. */
export const queryKeys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  activity: ['me', 'activity'] as const,
  shares: ['me', 'shares'] as const,
};

/**
 * The query cache for the app. Any call answered `unauthenticated` (the session expired, or was ended
 * from another device) forgets the person and opens sign-in with a short explanation.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (!(isApiError(error) && error.code === 'unauthenticated')) return;
    // Forget first, then move: the sign-in screen must never render while "me" is still cached.
    client.clear();
    client.setQueryData(queryKeys.me, null);
    navigate('/sign-in', { replace: true, state: { notice: SESSION_ENDED_NOTICE } });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A 4xx answer will not change on retry; a dropped connection might.
        retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400),
        staleTime: 30_000,
      },
    },
  });
  return client;
}

/** The signed-in person, or null when nobody is signed in on this device. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: queryKeys.me,
    queryFn: async () => {
      try {
        return await getMe();
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
  });
}
