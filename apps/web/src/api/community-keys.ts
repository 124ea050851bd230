import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys of communities. Everything about one community lives under `['community', slug]`, so one
 * invalidation refreshes its home, members, groups and history after a membership change.
 */
export const communityKeys = {
  areas: ['areas'] as const,
  lists: ['communities'] as const,
  one: (slug: string) => ['community', slug] as const,
  home: (slug: string) => ['community', slug, 'home'] as const,
  members: (slug: string) => ['community', slug, 'members'] as const,
  requests: (slug: string) => ['community', slug, 'requests'] as const,
  invitations: (slug: string) => ['community', slug, 'invitations'] as const,
  stage: (slug: string) => ['community', slug, 'stage'] as const,
  groups: (slug: string) => ['community', slug, 'groups'] as const,
  group: (slug: string, group: string) => ['community', slug, 'groups', group] as const,
  myInvitations: ['me', 'invitations'] as const,
};

/**
 * After the viewer's relation to a community changed (joined, left, asked, accepted…): its page, the
 * directory, the area counts and the waiting invitations may all read differently now.
 */
export async function afterMembershipChange(client: QueryClient, slug: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: communityKeys.one(slug) }),
    client.invalidateQueries({ queryKey: communityKeys.lists }),
    client.invalidateQueries({ queryKey: communityKeys.areas }),
    client.invalidateQueries({ queryKey: communityKeys.myInvitations }),
  ]);
}
