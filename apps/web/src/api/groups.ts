import type { ApiBody, WorkingGroupDetail } from '@discuss/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiCall } from './client.ts';
import { communityKeys } from './community-keys.ts';

export function useGroups(slug: string, enabled = true) {
  return useQuery({
    queryKey: communityKeys.groups(slug),
    queryFn: ({ signal }) => apiCall('listGroups', { params: { slug }, signal }),
    enabled,
  });
}

export function useGroup(slug: string, group: string) {
  return useQuery({
    queryKey: communityKeys.group(slug, group),
    queryFn: ({ signal }) => apiCall('getGroup', { params: { slug, group }, signal }),
  });
}

/** Every group write answers with the group: store it, and refresh the list (counts, names). */
function storeGroup(client: QueryClient, slug: string, group: WorkingGroupDetail): void {
  client.setQueryData(communityKeys.group(slug, group.slug), group);
  void client.invalidateQueries({ queryKey: communityKeys.groups(slug), exact: true });
  void client.invalidateQueries({ queryKey: communityKeys.home(slug) });
}

export function useCreateGroup(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'createGroup'>) => apiCall('createGroup', { params: { slug }, body }),
    onSuccess: (group) => storeGroup(client, slug, group),
  });
}

export function useUpdateGroup(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ group, body }: { group: string; body: ApiBody<'updateGroup'> }) =>
      apiCall('updateGroup', { params: { slug, group }, body }),
    onSuccess: (group) => storeGroup(client, slug, group),
  });
}

export function useJoinGroup(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (group: string) => apiCall('joinGroup', { params: { slug, group } }),
    onSuccess: (group) => storeGroup(client, slug, group),
  });
}

export function useLeaveGroup(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (group: string) => apiCall('leaveGroup', { params: { slug, group } }),
    onSuccess: (group) => storeGroup(client, slug, group),
  });
}

export function useAddGroupMember(slug: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'addGroupMember'>) =>
      apiCall('addGroupMember', { params: { slug, group }, body }),
    onSuccess: (detail) => storeGroup(client, slug, detail),
  });
}

export function useRemoveGroupMember(slug: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiCall('removeGroupMember', { params: { slug, group, userId } }),
    onSuccess: (detail) => storeGroup(client, slug, detail),
  });
}
