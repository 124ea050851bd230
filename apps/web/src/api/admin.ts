import type { AdminUser, AdminUserListResponse, ApiQuery } from '@discuss/contracts';
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

export type AdminUserStatus = NonNullable<ApiQuery<'adminListUsers'>['status']>;
export interface AdminUserFilters {
  q: string;
  status: AdminUserStatus;
}

const usersKey = ['admin', 'users'] as const;

export function useAdminUsers(filters: AdminUserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, filters],
    queryFn: ({ pageParam, signal }) =>
      apiCall('adminListUsers', {
        query: { q: filters.q.trim() || undefined, status: filters.status, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A few active accounts matching a name or e-mail, to pick people (e.g. a new community's facilitator). */
export function useUserSearch(q: string, limit = 8) {
  return useQuery({
    queryKey: [...usersKey, 'search', q, limit],
    queryFn: ({ signal }) => apiCall('adminListUsers', { query: { q, status: 'active', limit }, signal }),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** Put the changed user into every loaded page, so the list updates without losing its place. */
function replaceUser(client: QueryClient, user: AdminUser): void {
  client.setQueriesData<InfiniteData<AdminUserListResponse>>({ queryKey: usersKey }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === user.id ? user : item)),
          })),
        }
      : data,
  );
  void client.invalidateQueries({ queryKey: usersKey, refetchType: 'none' });
}

export function useSuspendUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiCall('adminSuspendUser', { params: { id }, body: { reason } }),
    onSuccess: (user) => replaceUser(client, user),
  });
}

export function useReinstateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall('adminReinstateUser', { params: { id } }),
    onSuccess: (user) => replaceUser(client, user),
  });
}
