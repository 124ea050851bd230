import type { ApiBody, ApiQuery, Community } from '@discuss/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { apiCall } from './client.ts';
import { afterMembershipChange, communityKeys } from './community-keys.ts';

export interface DirectoryFilters {
  area: string;
  q: string;
  scope: 'all' | 'mine';
  includeArchived?: boolean;
}

export function useAreas() {
  return useQuery({
    queryKey: communityKeys.areas,
    queryFn: ({ signal }) => apiCall('listAreas', { signal }),
  });
}

function listQuery(filters: DirectoryFilters, cursor: string | undefined, limit?: number) {
  const query: ApiQuery<'listCommunities'> = {
    area: filters.area || undefined,
    q: filters.q.trim() || undefined,
    scope: filters.scope,
    includeArchived: filters.includeArchived ? 'true' : undefined,
    cursor,
    limit,
  };
  return query;
}

/** The directory, page by page ("Load more"). */
export function useCommunityDirectory(filters: DirectoryFilters, pageSize = 24) {
  return useInfiniteQuery({
    queryKey: [...communityKeys.lists, 'directory', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      apiCall('listCommunities', { query: listQuery(filters, pageParam, pageSize), signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The first few communities (landing page). */
export function useCommunityPreview(limit: number) {
  return useQuery({
    queryKey: [...communityKeys.lists, 'preview', limit],
    queryFn: ({ signal }) => apiCall('listCommunities', { query: { scope: 'all', limit }, signal }),
  });
}

/** A community's home: showcase, the viewer's membership and what they may do. */
export function useCommunity(slug: string) {
  return useQuery({
    queryKey: communityKeys.home(slug),
    queryFn: ({ signal }) => apiCall('getCommunity', { params: { slug }, signal }),
  });
}

/** Put a fresh community (returned by a write) into the cache, and mark lists as stale. */
function storeCommunity(client: QueryClient, community: Community, previousSlug = community.slug): void {
  client.setQueryData(communityKeys.home(community.slug), community);
  if (previousSlug !== community.slug) client.removeQueries({ queryKey: communityKeys.one(previousSlug) });
  void client.invalidateQueries({ queryKey: communityKeys.lists });
  void client.invalidateQueries({ queryKey: communityKeys.areas });
}

export function useCreateCommunity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'createCommunity'>) => apiCall('createCommunity', { body }),
    onSuccess: (community) => storeCommunity(client, community),
  });
}

export function useUpdateCommunity(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'updateCommunity'>) => apiCall('updateCommunity', { params: { slug }, body }),
    onSuccess: (community) => storeCommunity(client, community, slug),
  });
}

export function useArchiveCommunity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, archived }: { slug: string; archived: boolean }) =>
      apiCall(archived ? 'archiveCommunity' : 'unarchiveCommunity', { params: { slug } }),
    onSuccess: (community) => storeCommunity(client, community),
  });
}

export function useSetStage(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'setStage'>) => apiCall('setStage', { params: { slug }, body }),
    onSuccess: (community) => {
      storeCommunity(client, community);
      void client.invalidateQueries({ queryKey: communityKeys.stage(slug) });
    },
  });
}

export function useStageHistory(slug: string, enabled = true) {
  return useQuery({
    queryKey: communityKeys.stage(slug),
    queryFn: ({ signal }) => apiCall('stageHistory', { params: { slug }, signal }),
    enabled,
  });
}

// ---- the viewer's own membership

export function useJoinCommunity(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('joinCommunity', { params: { slug } }),
    onSuccess: () => afterMembershipChange(client, slug),
  });
}

export function useLeaveCommunity(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('leaveCommunity', { params: { slug } }),
    onSuccess: () => afterMembershipChange(client, slug),
  });
}

export function useRequestMembership(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'requestMembership'>) =>
      apiCall('requestMembership', { params: { slug }, body }),
    onSuccess: () => afterMembershipChange(client, slug),
  });
}

export function useWithdrawRequest(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('withdrawRequest', { params: { slug } }),
    onSuccess: () => afterMembershipChange(client, slug),
  });
}

// ---- priority areas (operators)

export function useCreateArea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'createArea'>) => apiCall('createArea', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: communityKeys.areas }),
  });
}

export function useUpdateArea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApiBody<'updateArea'> }) =>
      apiCall('updateArea', { params: { id }, body }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: communityKeys.areas });
      await client.invalidateQueries({ queryKey: communityKeys.lists });
    },
  });
}
