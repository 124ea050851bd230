import type { ApiBody } from '@discuss/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCall } from './client.ts';
import { afterMembershipChange, communityKeys } from './community-keys.ts';
import { applySession } from './session.ts';

/** Invitations waiting for the signed-in person (the header shows their number). */
export function useMyInvitations(enabled = true) {
  return useQuery({
    queryKey: communityKeys.myInvitations,
    queryFn: ({ signal }) => apiCall('myInvitations', { signal }),
    enabled,
  });
}

export function useAcceptInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string; slug: string }) => apiCall('acceptInvitation', { params: { id } }),
    onSuccess: (_result, { slug }) => afterMembershipChange(client, slug),
  });
}

export function useDeclineInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string; slug: string }) => apiCall('declineInvitation', { params: { id } }),
    onSuccess: (_result, { slug }) => afterMembershipChange(client, slug),
  });
}

/** What an invitation link offers. Not retried: an invalid or expired token stays so. */
export function useInvitationPreview(token: string, enabled = true) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => apiCall('previewInvitation', { params: { token }, signal }),
    retry: false,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    enabled,
  });
}

export function useAcceptInvitationLink(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('acceptInvitationLink', { params: { token } }),
    onSuccess: (result) => afterMembershipChange(client, result.slug),
  });
}

/** Create the account of the invited address, accept, and sign in: a new identity, like signing in. */
export function useSignUpWithInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'signUpWithInvitation'>) =>
      apiCall('signUpWithInvitation', { params: { token }, body }),
    onSuccess: (session) => applySession(client, session),
  });
}
