import type { ApiBody } from '@discuss/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetDrafts } from '../routes/discussions/drafts.ts';
import { apiCall } from './client.ts';
import { applySession, sessionQuery, updateSessionUser } from './session.ts';

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'signIn'>) => apiCall('signIn', { body }),
    onSuccess: (session) => applySession(client, session),
  });
}

export function useSignUp() {
  return useMutation({ mutationFn: (body: ApiBody<'signUp'>) => apiCall('signUp', { body }) });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('signOut'),
    onSuccess: forgetDrafts,
    // Whatever the answer, read the session again: the cookie may already be gone.
    onSettled: async () => applySession(client, await client.fetchQuery({ ...sessionQuery, staleTime: 0 })),
  });
}

export function useVerifyEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiCall('verifyEmail', { body: { token } }),
    onSuccess: (session) => applySession(client, session),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: (body: ApiBody<'resendVerification'>) => apiCall('resendVerification', { body }),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ApiBody<'forgotPassword'>) => apiCall('forgotPassword', { body }),
  });
}

export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'resetPassword'>) => apiCall('resetPassword', { body }),
    onSuccess: (session) => applySession(client, session),
  });
}

export function useConfirmEmailChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiCall('confirmEmailChange', { body: { token } }),
    onSuccess: (me) => updateSessionUser(client, me),
  });
}

export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'setup'>) => apiCall('setup', { body }),
    onSuccess: (session) => applySession(client, session),
  });
}
