import { describe, expect, it } from 'vitest';
import { COMMUNITY_SECTIONS, docTable, PERMISSIONS_DOC } from '../../test/permissions-doc.ts';
import {
  can,
  GUEST,
  POLICY_ACTIONS,
  type Actor,
  type CommunityAccess,
  type TopicAccess,
  type UserTarget,
} from './policy.ts';

// docs/permissions.md holds the rules as tables; these tests read it, so document and code cannot drift.
const user = (isOperator: boolean, id: string): Actor => ({
  kind: 'user',
  userId: id,
  displayName: id,
  isOperator,
  via: 'session',
  credentialId: 's',
});
const ACTORS: Record<string, Actor> = { guest: GUEST, member: user(false, 'm1'), operator: user(true, 'o1') };
const TARGETS: Record<string, UserTarget | undefined> = {
  '': undefined,
  'a member': { id: 'm2', isOperator: false },
  self: { id: 'o1', isOperator: true },
  'another operator': { id: 'o2', isOperator: true },
};

type Rel = Pick<CommunityAccess, 'membership' | 'pendingRequest' | 'pendingInvitation'>;
const none: Rel = { membership: null, pendingRequest: false, pendingInvitation: false };
const ROLES: Record<string, { actor: Actor; rel: Rel }> = {
  guest: { actor: GUEST, rel: none },
  'non-member': { actor: user(false, 'u'), rel: none },
  pending: { actor: user(false, 'u'), rel: { ...none, pendingRequest: true } },
  invited: { actor: user(false, 'u'), rel: { ...none, pendingInvitation: true } },
  member: { actor: user(false, 'u'), rel: { ...none, membership: { role: 'member', status: 'active' } } },
  expert: { actor: user(false, 'u'), rel: { ...none, membership: { role: 'expert', status: 'active' } } },
  moderator: {
    actor: user(false, 'u'),
    rel: { ...none, membership: { role: 'moderator', status: 'active' } },
  },
  facilitator: {
    actor: user(false, 'u'),
    rel: { ...none, membership: { role: 'facilitator', status: 'active' } },
  },
  suspended: {
    actor: user(false, 'u'),
    rel: { ...none, membership: { role: 'member', status: 'suspended' } },
  },
  operator: { actor: user(true, 'op'), rel: none },
};

const anyCan = can as (a: Actor, action: string, r?: unknown) => boolean;

describe('policy matches docs/permissions.md', () => {
  it('documents every action the policy knows', () => {
    for (const action of POLICY_ACTIONS) expect(PERMISSIONS_DOC, action).toContain(`\`${action}\``);
  });

  for (const row of docTable('## Platform actions')) {
    for (const [role, expected] of Object.entries(row.allowed)) {
      it(`${role} ${expected ? 'may' : 'may not'} ${row.action}${row.qualifier ? ` on ${row.qualifier}` : ''}`, () => {
        expect(row.qualifier in TARGETS, `unknown target ${row.qualifier}`).toBe(true);
        expect(anyCan(ACTORS[role]!, row.action, TARGETS[row.qualifier])).toBe(expected);
      });
    }
  }

  for (const [visibility, heading] of Object.entries(COMMUNITY_SECTIONS)) {
    describe(`${visibility} community`, () => {
      for (const row of docTable(heading)) {
        it(`${row.action}: every role as documented`, () => {
          for (const [role, expected] of Object.entries(row.allowed)) {
            const r = ROLES[role];
            expect(r, `unknown role column ${role}`).toBeDefined();
            const access: CommunityAccess = {
              visibility: visibility as CommunityAccess['visibility'],
              joinPolicy:
                row.qualifier === 'any' ? 'invite' : (row.qualifier as CommunityAccess['joinPolicy']),
              archived: false,
              ...r!.rel,
            };
            expect(anyCan(r!.actor, row.action, access), `${role} ${row.action}`).toBe(expected);
          }
        });
      }
    });
  }

  describe('discussions (members-only community)', () => {
    for (const row of docTable('## Discussions')) {
      it(`${row.action} on ${row.qualifier}: every role as documented`, () => {
        for (const [role, expected] of Object.entries(row.allowed)) {
          const r = ROLES[role]!;
          const topic: TopicAccess = {
            community: { visibility: 'members', joinPolicy: 'invite', archived: false, ...r.rel },
            group: null,
            isAuthor: row.qualifier === 'own topic' && r.actor.kind === 'user',
            locked: row.qualifier === 'locked topic',
          };
          const resource = row.action.startsWith('post.')
            ? {
                topic,
                isAuthor: row.qualifier === 'own post' && r.actor.kind === 'user',
                deleted: row.qualifier === 'deleted post',
              }
            : topic;
          expect(anyCan(r.actor, row.action, resource), `${role} ${row.action}`).toBe(expected);
        }
      });
    }
  });
});
