import type { ApiBody, ApiQuery, Member, MemberListResponse } from '@discuss/contracts';
import {
  infiniteQueryOptions,
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
export type InvitationStatus = NonNullable<ApiQuery<'listInvitations'>['status']>;

export interface MemberFilters {
  q: string;
  role: MemberRoleFilter;
  status: MemberStatusFilter;
}

/** A keyset-paged list ("Load more"): one page per cursor until `nextCursor` is null. */
function pagedList<R extends { nextCursor: string | null }>(
  queryKey: readonly unknown[],
  page: (cursor: string | undefined, signal: AbortSignal) => Promise<R>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => page(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: R) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Members of a community, page by page. */
export function useMembers(slug: string, filters: MemberFilters, { enabled = true, pageSize = 25 } = {}) {
  return useInfiniteQuery({
    ...pagedList([...communityKeys.members(slug), filters, pageSize], (cursor, signal) =>
      apiCall('listMembers', {
        params: { slug },
        query: {
          q: filters.q.trim() || undefined,
          role: filters.role || undefined,
          status: filters.status,
          cursor,
          limit: pageSize,
        },
        signal,
      }),
    ),
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

/** Membership requests in one status, newest first, page by page. */
export function useRequests(slug: string, status: RequestStatus, pageSize = 20) {
  return useInfiniteQuery(
    pagedList([...communityKeys.requests(slug), status, pageSize], (cursor, signal) =>
      apiCall('listRequests', { params: { slug }, query: { status, cursor, limit: pageSize }, signal }),
    ),
  );
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

/** Invitations in one status, newest first, page by page. */
export function useInvitations(slug: string, status: InvitationStatus, pageSize = 20) {
  return useInfiniteQuery(
    pagedList([...communityKeys.invitations(slug), status, pageSize], (cursor, signal) =>
      apiCall('listInvitations', { params: { slug }, query: { status, cursor, limit: pageSize }, signal }),
    ),
  );
}

/** People the viewer may invite whose name contains `q` (2 characters at least; no search before). */
export function useInvitable(slug: string, q: string) {
  return useQuery({
    queryKey: [...communityKeys.invitations(slug), 'invitable', q],
    queryFn: ({ signal }) => apiCall('listInvitable', { params: { slug }, query: { q }, signal }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
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
