import type { ApiBody } from '@discuss/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCall } from './client.ts';
import { sessionKey, updateSessionUser } from './session.ts';

export const accountKeys = {
  sessions: ['me', 'sessions'] as const,
  tokens: ['me', 'tokens'] as const,
};

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'updateMe'>) => apiCall('updateMe', { body }),
    onSuccess: (me) => updateSessionUser(client, me),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'changePassword'>) => apiCall('changePassword', { body }),
    onSuccess: async () => {
      // Other sessions end; this one may be rotated with a new CSRF token.
      await client.invalidateQueries({ queryKey: sessionKey });
      await client.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: (body: ApiBody<'changeEmail'>) => apiCall('changeEmail', { body }) });
}

export function useSessions() {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: ({ signal }) => apiCall('listSessions', { signal }),
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall('revokeSession', { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

/** Sign out every other session at once (one request, not one per session). */
export function useRevokeOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('revokeOtherSessions'),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: accountKeys.tokens,
    queryFn: ({ signal }) => apiCall('listTokens', { signal }),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'createToken'>) => apiCall('createToken', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall('revokeToken', { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}
