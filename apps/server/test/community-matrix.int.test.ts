import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { addMs, DAY, iso } from '../src/platform/clock.ts';
import {
  addMember,
  addPendingInvitation,
  addPendingRequest,
  agentFor,
  createCommunity,
} from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode, TestAgent, uniqueEmail, type TestContext } from './helpers.ts';
import { COMMUNITY_SECTIONS, docTable } from './permissions-doc.ts';

type Community = Awaited<ReturnType<typeof createCommunity>>;

/** Builds the actor for a column of the permissions table, in relation to `cop`. */
async function actorFor(c: TestContext, role: string, cop: Community): Promise<TestAgent> {
  if (role === 'guest') return c.guest();
  const user = await createUser(c, {
    is_operator: role === 'operator' ? 1 : 0,
    display_name: `Role ${role}`,
  });
  if (role === 'pending') await addPendingRequest(c, cop.id, user.id);
  if (role === 'invited') await addPendingInvitation(c, cop.id, user.id);
  if (['member', 'moderator', 'facilitator'].includes(role))
    await addMember(c, cop.id, user.id, role as 'member');
  if (role === 'expert')
    await addMember(c, cop.id, user.id, 'expert', 'active', iso(addMs(c.clock.now(), 30 * DAY)));
  if (role === 'suspended') await addMember(c, cop.id, user.id, 'member', 'suspended');
  return agentFor(c, user.id);
}

/** One API call per action; returns whether it was allowed. */
const CALLS: Record<string, (a: TestAgent, cop: Community) => Promise<LightMyRequestResponse | boolean>> = {
  'community.see': (a, cop) => a.get(`/api/communities/${cop.slug}`),
  'community.read': (a, cop) => a.get(`/api/communities/${cop.slug}/members`),
  'community.join': (a, cop) => a.post(`/api/communities/${cop.slug}/join`),
  'community.request': (a, cop) =>
    a.post(`/api/communities/${cop.slug}/requests`, { motivation: 'I run a similar project.' }),
  'community.leave': (a, cop) => a.post(`/api/communities/${cop.slug}/leave`),
  'community.update': (a, cop) =>
    a.patch(`/api/communities/${cop.slug}`, { shortDescription: 'Changed by the matrix' }),
  'community.manageMembers': (a, cop) => a.get(`/api/communities/${cop.slug}/requests`),
  'community.invite': (a, cop) =>
    a.post(`/api/communities/${cop.slug}/invitations`, { emails: [uniqueEmail('invitee')] }),
  // Actors are named "Role …", so "ro" finds people whenever the search is allowed.
  'community.findInvitees': (a, cop) => a.get(`/api/communities/${cop.slug}/invitable?q=ro`),
  'community.setStage': (a, cop) => a.post(`/api/communities/${cop.slug}/stage`, { stage: 'coalescing' }),
  // Moderation endpoints arrive with discussions; until then the API exposes the decision in `can`.
  'community.moderate': async (a, cop) => {
    const res = await a.get(`/api/communities/${cop.slug}`);
    return res.statusCode === 200 && res.json().can.moderate === true;
  },
  'community.createGroup': (a, cop) =>
    a.post(`/api/communities/${cop.slug}/groups`, { slug: 'proposal-team', name: 'Proposal team' }),
  'community.archive': (a, cop) => a.post(`/api/communities/${cop.slug}/archive`),
};

const DENIAL_CODES = new Set([
  'unauthenticated',
  'forbidden',
  'not_found',
  'already_member',
  'not_member',
  'request_pending',
  'join_policy_mismatch',
]);

describeEachDialect('authorization matrix (docs/permissions.md, through the API)', (ctx) => {
  for (const [visibility, heading] of Object.entries(COMMUNITY_SECTIONS)) {
    for (const row of docTable(heading)) {
      it(`${visibility}: ${row.action}`, async () => {
        const c = ctx();
        const call = CALLS[row.action];
        expect(call, `no API call for ${row.action}`).toBeDefined();
        const mismatches: string[] = [];
        for (const [role, expected] of Object.entries(row.allowed)) {
          const cop = await createCommunity(c, {
            visibility: visibility as 'public',
            joinPolicy: row.qualifier === 'any' ? 'invite' : (row.qualifier as 'open'),
          });
          // A second facilitator, so that "leave" is about permission, not about the last-facilitator rule.
          const keeper = await createUser(c);
          await addMember(c, cop.id, keeper.id, 'facilitator');
          const agent = await actorFor(c, role, cop);
          const res = await call!(agent, cop);
          let allowed: boolean;
          if (typeof res === 'boolean') allowed = res;
          else {
            expect(res.statusCode, `${role} ${row.action}: ${res.body}`).toBeLessThan(500);
            allowed = res.statusCode < 300;
            if (!allowed) {
              expect(DENIAL_CODES, `${role} ${row.action}: ${res.body}`).toContain(errorCode(res));
              // A community one may not see answers exactly like one that does not exist.
              if (
                !row.allowed[role] &&
                visibility === 'hidden' &&
                !docTable(heading).find((r) => r.action === 'community.see')!.allowed[role]
              ) {
                expect(res.statusCode, `${role} ${row.action} on hidden`).toBe(404);
              }
            }
          }
          if (allowed !== expected)
            mismatches.push(
              `${role}: expected ${expected ? 'allow' : 'deny'}, got ${allowed ? 'allow' : 'deny'}`,
            );
          // The directory agrees with the showcase on who may see the community.
          if (row.action === 'community.see') {
            const list = (await agent.get(`/api/communities?q=${encodeURIComponent(cop.name)}`)).json();
            if (list.items.some((i: { id: string }) => i.id === cop.id) !== expected)
              mismatches.push(`${role}: directory disagrees`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  }

  it('a hidden community changes no number a non-member sees', async () => {
    const c = ctx();
    const outsider = await agentFor(c, (await createUser(c)).id);
    const operator = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    const snapshot = async (a: TestAgent) => ({
      total: (await a.get('/api/communities')).json().total,
      areas: (await a.get('/api/areas'))
        .json()
        .items.map((x: { communityCount: number }) => x.communityCount),
    });
    const before = {
      guest: await snapshot(c.guest()),
      outsider: await snapshot(outsider),
      operator: await snapshot(operator),
    };
    const area = (await c.guest().get('/api/areas')).json().items[0];
    const hidden = await createCommunity(c, {
      visibility: 'hidden',
      areaId: area.id,
      name: 'Secret policy lab',
    });
    const member = await createUser(c);
    await addMember(c, hidden.id, member.id, 'member');
    expect(await snapshot(c.guest())).toEqual(before.guest);
    expect(await snapshot(outsider)).toEqual(before.outsider);
    const after = await snapshot(operator);
    expect(after.total).toBe(before.operator.total + 1);
    const memberView = await snapshot(await agentFor(c, member.id));
    expect(memberView.total).toBe(before.outsider.total + 1);
    // Search by its name finds nothing for outsiders, and its slug answers like a missing one.
    expect((await outsider.get('/api/communities?q=secret')).json().total).toBe(0);
    const missing = await outsider.get('/api/communities/never-existed-here');
    const secret = await outsider.get(`/api/communities/${hidden.slug}`);
    expect(secret.statusCode).toBe(404);
    expect(secret.body).toBe(missing.body);
    for (const path of ['members', 'groups', 'stage', 'requests', 'invitations', 'invitable?q=secret']) {
      const a = await outsider.get(`/api/communities/${hidden.slug}/${path}`);
      const b = await outsider.get(`/api/communities/never-existed-here/${path}`);
      expect(a.statusCode, path).toBe(404);
      expect(a.body, path).toBe(b.body);
    }
  });
});
