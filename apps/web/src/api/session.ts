import type { AuthSessionResponse, Me } from '@discuss/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { apiCall, setCsrfToken } from './client.ts';

export const sessionKey = ['session'] as const;

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async ({ signal }) => {
    const session = await apiCall('session', { signal });
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 5 * 60_000,
});

/** Who is signed in, whether setup is needed. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in person, or null (also while the session is loading). */
export function useMe(): Me | null {
  return useSession().data?.user ?? null;
}

/**
 * Store a new session (after signing in or out) and forget every cached answer of the previous identity,
 * so nothing one person saw is shown to the next on a shared computer.
 */
export function applySession(client: QueryClient, session: AuthSessionResponse): void {
  setCsrfToken(session.csrfToken);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  client.setQueryData(sessionKey, session);
}

/** Replace the signed-in person's details in the cached session. */
export function updateSessionUser(client: QueryClient, user: Me): void {
  client.setQueryData(sessionKey, (old) => (old ? { ...old, user } : old));
}
