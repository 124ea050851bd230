import type { CommunityCreateBody } from '@discuss/contracts';
import { iso } from '../src/platform/clock.ts';
import { newId } from '../src/platform/crypto.ts';
import { SYSTEM } from '../src/platform/policy.ts';
import type { CommunityRoleValue } from '../src/db/schema.ts';
import { TestAgent, type TestContext } from './helpers.ts';

let n = 0;
/** A community created through the service as the system; slug unique per call. */
export async function createCommunity(ctx: TestContext, overrides: Partial<CommunityCreateBody> = {}) {
  n++;
  return ctx.app.services.communities.create(SYSTEM, {
    slug: `cop-${Date.now().toString(36)}-${n}`,
    name: `Community of practice ${n}`,
    shortDescription: 'Teachers and trainers sharing what works.',
    description: 'We **share** practice.',
    visibility: 'public',
    joinPolicy: 'open',
    ...overrides,
  });
}

/** Puts a user in a community with a role, straight in the database (status active unless told). */
export async function addMember(
  ctx: TestContext,
  communityId: string,
  userId: string,
  role: CommunityRoleValue = 'member',
  status: 'active' | 'suspended' = 'active',
  expiresAt: string | null = null,
) {
  await ctx.database.db
    .insertInto('community_members')
    .values({
      community_id: communityId,
      user_id: userId,
      role,
      status,
      joined_at: iso(ctx.clock.now()),
      expires_at: expiresAt,
      suspended_reason: null,
    })
    .execute();
  await ctx.database.db
    .updateTable('communities')
    .set({
      member_count: ctx.database.db
        .selectFrom('community_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('community_id', '=', communityId)
        .where('status', '=', 'active')
        .where('role', '!=', 'expert'),
    })
    .where('id', '=', communityId)
    .execute();
}

/** A signed-in agent for a user without going through the password (fast). */
export async function agentFor(ctx: TestContext, userId: string): Promise<TestAgent> {
  const s = await ctx.app.services.sessions.start(ctx.database.db, userId, 'TestBrowser/1.0');
  const agent = new TestAgent(ctx.app);
  agent.cookie = `discuss_session=${s.token}`;
  agent.csrf = s.csrfToken;
  return agent;
}

/** Inserts a pending membership request. */
export async function addPendingRequest(ctx: TestContext, communityId: string, userId: string) {
  await ctx.database.db
    .insertInto('membership_requests')
    .values({
      id: newId(),
      community_id: communityId,
      user_id: userId,
      motivation: 'I teach adults.',
      status: 'pending',
      created_at: iso(ctx.clock.now()),
      decided_at: null,
      decided_by: null,
      decision_note: null,
    })
    .execute();
}

/** Inserts a pending invitation addressed to an existing user. */
export async function addPendingInvitation(ctx: TestContext, communityId: string, userId: string) {
  await ctx.database.db
    .insertInto('invitations')
    .values({
      id: newId(),
      community_id: communityId,
      email: null,
      user_id: userId,
      role: 'member',
      access_days: null,
      message: '',
      token_hash: newId(),
      invited_by: null,
      status: 'pending',
      created_at: iso(ctx.clock.now()),
      expires_at: iso(new Date(ctx.clock.now().getTime() + 86_400_000)),
      responded_at: null,
      accepted_by: null,
    })
    .execute();
}
