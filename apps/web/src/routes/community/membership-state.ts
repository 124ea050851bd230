import type { Community, CommunityRole } from '@discuss/contracts';

/** What the membership area of a community page offers the viewer; one case per situation. */
export type MembershipState =
  /** A guest, and the community takes members (open or on request): sign in first. */
  | { kind: 'signIn'; policy: 'open' | 'request' }
  | { kind: 'join' }
  | { kind: 'request' }
  /** A request waits; it can be withdrawn (and, if the policy became open meanwhile, joining works too). */
  | { kind: 'pending'; canJoin: boolean }
  | { kind: 'invited'; invitationId: string | null }
  | { kind: 'member'; role: CommunityRole; canLeave: boolean }
  | { kind: 'suspended' }
  | { kind: 'inviteOnly' }
  | { kind: 'archived' };

type Input = Pick<Community, 'my' | 'can' | 'joinPolicy' | 'archived'>;

/**
 * The viewer's situation, from the server's `my` and `can` (the server still checks every action).
 * Order matters: a suspension or a membership says more than the join policy does.
 */
export function membershipState(community: Input, signedIn: boolean): MembershipState {
  const { my, can } = community;
  if (my.status === 'suspended') return { kind: 'suspended' };
  if (my.status === 'member') return { kind: 'member', role: my.role ?? 'member', canLeave: can.leave };
  if (community.archived) return { kind: 'archived' };
  if (my.status === 'invited') return { kind: 'invited', invitationId: my.invitationId };
  if (my.status === 'pending') return { kind: 'pending', canJoin: can.join };
  if (!signedIn)
    return community.joinPolicy === 'invite'
      ? { kind: 'inviteOnly' }
      : { kind: 'signIn', policy: community.joinPolicy };
  if (can.join) return { kind: 'join' };
  if (can.request) return { kind: 'request' };
  return { kind: 'inviteOnly' };
}
