import type { ApiBody, ApiQuery, Member, MemberListResponse } from '@discuss/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { apiCall } from './client.ts';
import { communityKeys } from './community-keys.ts';

export type MemberRoleFilter = NonNullable<ApiQuery<'listMembers'>['role']> | '';
export type MemberStatusFilter = NonNullable<ApiQuery<'listMembers'>['status']>;
export type RequestStatus = NonNullable<ApiQuery<'listRequests'>['status']>;

export interface MemberFilters {
  q: string;
  role: MemberRoleFilter;
  status: MemberStatusFilter;
}

/** Members of a community, page by page. */
export function useMembers(slug: string, filters: MemberFilters, { enabled = true, pageSize = 25 } = {}) {
  return useInfiniteQuery({
    queryKey: [...communityKeys.members(slug), filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      apiCall('listMembers', {
        params: { slug },
        query: {
          q: filters.q.trim() || undefined,
          role: filters.role || undefined,
          status: filters.status,
          cursor: pageParam,
          limit: pageSize,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Put a changed member into every loaded page, then refresh in the background (roles change counts). */
function replaceMember(client: QueryClient, slug: string, member: Member): void {
  client.setQueriesData<InfiniteData<MemberListResponse>>(
    { queryKey: communityKeys.members(slug) },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) => (item.user.id === member.user.id ? member : item)),
            })),
          }
        : data,
  );
  void client.invalidateQueries({ queryKey: communityKeys.one(slug) });
}

export function useSetMemberRole(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: ApiBody<'setMemberRole'> }) =>
      apiCall('setMemberRole', { params: { slug, userId }, body }),
    onSuccess: (member) => replaceMember(client, slug, member),
  });
}

export function useSuspendMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason: string }) =>
      apiCall('suspendMember', { params: { slug, userId }, body: { reason } }),
    onSuccess: (member) => replaceMember(client, slug, member),
  });
}

export function useReinstateMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiCall('reinstateMember', { params: { slug, userId } }),
    onSuccess: (member) => replaceMember(client, slug, member),
  });
}

export function useRemoveMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiCall('removeMember', { params: { slug, userId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: communityKeys.one(slug) }),
  });
}

// ---- membership requests

export function useRequests(slug: string, status: RequestStatus) {
  return useQuery({
    queryKey: [...communityKeys.requests(slug), status],
    queryFn: ({ signal }) => apiCall('listRequests', { params: { slug }, query: { status }, signal }),
  });
}

export function useDecideRequest(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note: string }) =>
      apiCall(approve ? 'approveRequest' : 'declineRequest', { params: { slug, id }, body: { note } }),
    // The count on the community, the member list and the directory's member count all change.
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: communityKeys.one(slug) });
      await client.invalidateQueries({ queryKey: communityKeys.lists });
    },
  });
}

// ---- invitations sent by the community

export function useInvitations(slug: string) {
  return useQuery({
    queryKey: communityKeys.invitations(slug),
    queryFn: ({ signal }) => apiCall('listInvitations', { params: { slug }, signal }),
  });
}

export function useCreateInvitations(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'createInvitations'>) =>
      apiCall('createInvitations', { params: { slug }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: communityKeys.invitations(slug) }),
  });
}

export function useRevokeInvitation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall('revokeInvitation', { params: { slug, id } }),
    onSettled: () => client.invalidateQueries({ queryKey: communityKeys.invitations(slug) }),
  });
}
