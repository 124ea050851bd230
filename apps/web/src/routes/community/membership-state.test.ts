import type { Community, CommunityPermissions, JoinPolicy, MyMembership } from '@discuss/contracts';
import { describe, expect, it } from 'vitest';
import { membershipState } from './membership-state.ts';

type Status = MyMembership['status'];
const NONE: CommunityPermissions = {
  readContent: true,
  join: false,
  request: false,
  leave: false,
  update: false,
  manageMembers: false,
  moderate: false,
  invite: false,
  setStage: false,
  createGroup: false,
  startTopic: false,
  archive: false,
};

/** What the server answers for a signed-in person without platform role (docs/permissions.md, public CoP). */
function community(
  status: Status,
  policy: JoinPolicy,
  archived = false,
): Parameters<typeof membershipState>[0] {
  const may = (statuses: Status[], policies: JoinPolicy[]) =>
    !archived && statuses.includes(status) && policies.includes(policy);
  const my: MyMembership = {
    status,
    role: status === 'member' || status === 'suspended' ? 'member' : null,
    invitationId: status === 'invited' ? 'inv-1' : null,
  };
  const can: CommunityPermissions = {
    ...NONE,
    join: may(['none', 'pending', 'invited'], ['open']),
    request: may(['none', 'invited'], ['request']),
    leave: status === 'member',
  };
  return { my, can, joinPolicy: policy, archived } satisfies Pick<
    Community,
    'my' | 'can' | 'joinPolicy' | 'archived'
  >;
}

describe('membershipState: signed in', () => {
  const cases: [Status, JoinPolicy, ReturnType<typeof membershipState>][] = [
    ['none', 'open', { kind: 'join' }],
    ['none', 'request', { kind: 'request' }],
    ['none', 'invite', { kind: 'inviteOnly' }],
    ['pending', 'open', { kind: 'pending', canJoin: true }],
    ['pending', 'request', { kind: 'pending', canJoin: false }],
    ['pending', 'invite', { kind: 'pending', canJoin: false }],
    ['invited', 'open', { kind: 'invited', invitationId: 'inv-1' }],
    ['invited', 'request', { kind: 'invited', invitationId: 'inv-1' }],
    ['invited', 'invite', { kind: 'invited', invitationId: 'inv-1' }],
    ['member', 'open', { kind: 'member', role: 'member', canLeave: true }],
    ['member', 'request', { kind: 'member', role: 'member', canLeave: true }],
    ['member', 'invite', { kind: 'member', role: 'member', canLeave: true }],
    ['suspended', 'open', { kind: 'suspended' }],
    ['suspended', 'request', { kind: 'suspended' }],
    ['suspended', 'invite', { kind: 'suspended' }],
  ];
  it.each(cases)('%s × %s', (status, policy, expected) => {
    expect(membershipState(community(status, policy), true)).toEqual(expected);
  });

  it('keeps the role of a member, and whether they may leave (the last facilitator may not)', () => {
    const c = community('member', 'open');
    expect(
      membershipState({ ...c, my: { ...c.my, role: 'facilitator' }, can: { ...c.can, leave: false } }, true),
    ).toEqual({ kind: 'member', role: 'facilitator', canLeave: false });
  });
});

describe('membershipState: guests and archived communities', () => {
  it.each([
    ['open', { kind: 'signIn', policy: 'open' }],
    ['request', { kind: 'signIn', policy: 'request' }],
    ['invite', { kind: 'inviteOnly' }],
  ] as const)('a guest in a %s community', (policy, expected) => {
    expect(membershipState(community('none', policy), false)).toEqual(expected);
  });

  it('offers nothing new in an archived community, but members stay members', () => {
    expect(membershipState(community('none', 'open', true), true)).toEqual({ kind: 'archived' });
    expect(membershipState(community('invited', 'open', true), true)).toEqual({ kind: 'archived' });
    expect(membershipState(community('member', 'open', true), true)).toMatchObject({ kind: 'member' });
    expect(membershipState(community('suspended', 'open', true), true)).toEqual({ kind: 'suspended' });
  });
});
