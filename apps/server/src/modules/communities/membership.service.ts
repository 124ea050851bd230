import type {
  Member,
  MemberListResponse,
  MembershipRequest,
  MembershipResult,
  PersonProfile,
  RequestListResponse,
} from '@discuss/contracts';
import { MemberListQuerySchema, RequestListQuerySchema } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { DB } from '../../db/schema.ts';
import { addMs, DAY, iso, type Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/crypto.ts';
import { decodeNameCursor, encodeCursor } from '../../platform/cursor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { renderMail, type MailKind, type MailVars } from '../../platform/mail/templates.ts';
import { assertCan, can, requireUser, type Actor, type UserActor } from '../../platform/policy.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import { accessFor, loadVisible, type LoadedCommunity } from './community.access.ts';
import { toMember, toMy, toRequest } from './community.mapper.ts';
import * as repo from './community.repository.ts';
import { createdAfter, newestFirstPage } from './paging.ts';

export const EXPERT_DEFAULT_DAYS = 90;

export interface MembershipServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
  mailer: Mailer;
  limiter: RateLimiter;
}

type MemberQuery = z.output<typeof MemberListQuerySchema>;
type RequestQuery = z.output<typeof RequestListQuerySchema>;

/** Queues a templated e-mail to a person, in the caller's transaction, in their language. */
export async function queueMail(
  mailer: Mailer,
  exec: Kysely<DB>,
  to: { email: string; display_name: string; locale?: string | null },
  kind: MailKind,
  link: string,
  vars: MailVars,
): Promise<void> {
  const m = renderMail(kind, to.locale ?? null, to.display_name, link, vars);
  await mailer.enqueue(exec, { to: to.email, subject: m.subject, text: m.text, html: m.html });
}

export type MembershipService = ReturnType<typeof createMembershipService>;

/** Joining, leaving, requests, roles and suspensions in a community (invitations: invitation.service.ts). */
export function createMembershipService(d: MembershipServiceDeps) {
  const { db, clock, mailer, limiter } = d;
  const now = () => iso(clock.now());
  const flush = () => void mailer.flush();
  const actorId = (a: UserActor) => (a.via === 'system' ? null : a.userId);

  const load = (actor: Actor, slug: string) => loadVisible(db, actor, slug, now());

  async function result(actor: Actor, loaded: LoadedCommunity): Promise<MembershipResult> {
    const fresh = await accessFor(db, actor, loaded.row, now());
    return { slug: loaded.row.slug, my: toMy(fresh.access) };
  }

  /** Adds (or re-activates) a member in the caller's transaction and recounts members. */
  async function addMember(
    exec: Kysely<DB>,
    communityId: string,
    userId: string,
    role: repo.MemberRow['role'],
    accessDays: number | null,
  ) {
    const at = clock.now();
    const existing = await repo.findMember(exec, communityId, userId);
    const expires = role === 'expert' ? iso(addMs(at, (accessDays ?? EXPERT_DEFAULT_DAYS) * DAY)) : null;
    if (existing) {
      await repo.updateMember(exec, communityId, userId, {
        role,
        status: 'active',
        expires_at: expires,
        suspended_reason: null,
      });
    } else {
      await repo.insertMember(exec, {
        community_id: communityId,
        user_id: userId,
        role,
        status: 'active',
        joined_at: iso(at),
        expires_at: expires,
        suspended_reason: null,
      });
    }
    // Any pending request or invitation for this person is settled by becoming a member.
    await exec
      .updateTable('membership_requests')
      .set({ status: 'approved', decided_at: iso(at) })
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .execute();
    await repo.refreshMemberCount(exec, communityId);
  }

  /** Refuses a change that would leave the community without an active facilitator. */
  async function assertKeepsFacilitator(
    exec: Kysely<DB>,
    communityId: string,
    member: repo.MemberRow | undefined,
  ) {
    if (
      member?.role === 'facilitator' &&
      member.status === 'active' &&
      (await repo.countActiveFacilitators(exec, communityId)) <= 1
    ) {
      throw new AppError(
        'last_facilitator',
        'A community needs at least one facilitator: appoint another one first',
      );
    }
  }

  async function targetMember(loaded: LoadedCommunity, userId: string) {
    const m = await repo.findMember(db, loaded.row.id, userId);
    if (!m) throw notFound('Member');
    return m;
  }

  async function memberView(communityId: string, userId: string): Promise<Member> {
    const m = (await repo.findMember(db, communityId, userId))!;
    const u = (await repo.userById(db, userId))!;
    return toMember({ ...m, display_name: u.display_name });
  }

  return {
    /** Adds (or re-activates) a member in the caller's transaction (accepted invitations). */
    addMember,

    async join(actor: Actor, slug: string): Promise<MembershipResult> {
      const loaded = await load(actor, slug);
      const user = requireUser(actor);
      if (loaded.access.membership) throw new AppError('already_member', 'You are already a member');
      if (loaded.access.archived) throw new AppError('community_archived', 'This community is archived');
      if (loaded.row.join_policy !== 'open')
        throw new AppError('join_policy_mismatch', 'This community does not take members with one click');
      assertCan(actor, 'community.join', loaded.access);
      await db.transaction().execute((trx) => addMember(trx, loaded.row.id, user.userId, 'member', null));
      return result(actor, loaded);
    },

    async leave(actor: Actor, slug: string): Promise<MembershipResult> {
      const loaded = await load(actor, slug);
      const user = requireUser(actor);
      if (!loaded.member) throw new AppError('not_member', 'You are not a member of this community');
      assertCan(actor, 'community.leave', loaded.access);
      await db.transaction().execute(async (trx) => {
        await assertKeepsFacilitator(trx, loaded.row.id, loaded.member);
        await repo.deleteMember(trx, loaded.row.id, user.userId);
        await trx
          .deleteFrom('working_group_members')
          .where('user_id', '=', user.userId)
          .where(
            'group_id',
            'in',
            trx.selectFrom('working_groups').select('id').where('community_id', '=', loaded.row.id),
          )
          .execute();
        await repo.refreshMemberCount(trx, loaded.row.id);
      });
      return result(actor, loaded);
    },

    async request(actor: Actor, slug: string, motivation: string): Promise<MembershipRequest> {
      const loaded = await load(actor, slug);
      const user = requireUser(actor);
      if (loaded.access.membership) throw new AppError('already_member', 'You are already a member');
      if (loaded.access.pendingRequest)
        throw new AppError('request_pending', 'Your request is already waiting for a decision');
      if (loaded.access.archived) throw new AppError('community_archived', 'This community is archived');
      if (loaded.row.join_policy !== 'request') {
        throw new AppError(
          'join_policy_mismatch',
          loaded.row.join_policy === 'open'
            ? 'This community is open: join it directly'
            : 'This community takes members by invitation only',
        );
      }
      assertCan(actor, 'community.request', loaded.access);
      await limiter.consume('writeActor', user.userId);
      const row: repo.RequestRow = {
        id: newId(),
        community_id: loaded.row.id,
        user_id: user.userId,
        motivation,
        status: 'pending',
        created_at: now(),
        decided_at: null,
        decided_by: null,
        decision_note: null,
      };
      await repo.insertRequest(db, row);
      return toRequest({ ...row, display_name: user.displayName });
    },

    async withdraw(actor: Actor, slug: string): Promise<void> {
      const loaded = await load(actor, slug);
      const user = requireUser(actor);
      const pending = await repo.findPendingRequest(db, loaded.row.id, user.userId);
      if (!pending) throw notFound('Request');
      await repo.updateRequest(db, pending.id, { status: 'withdrawn', decided_at: now() });
    },

    /** A page of the community's requests in one status, newest first. */
    async listRequests(actor: Actor, slug: string, q: RequestQuery): Promise<RequestListResponse> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.manageMembers', loaded.access);
      const after = createdAfter(q.cursor);
      const rows = await repo.listRequests(db, loaded.row.id, { status: q.status, after, limit: q.limit });
      return newestFirstPage(rows, q.limit, toRequest);
    },

    /** Approves or declines a pending request and tells the person by e-mail. */
    async decide(
      actor: Actor,
      slug: string,
      id: string,
      approve: boolean,
      note: string,
    ): Promise<MembershipRequest> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.manageMembers', loaded.access);
      const req = await repo.findRequest(db, loaded.row.id, id);
      if (!req) throw notFound('Request');
      if (req.status !== 'pending') throw new AppError('conflict', 'This request has already been decided');
      const user = (await repo.userById(db, req.user_id))!;
      await db.transaction().execute(async (trx) => {
        const at = now();
        if (approve) await addMember(trx, loaded.row.id, req.user_id, 'member', null);
        await repo.updateRequest(trx, id, {
          status: approve ? 'approved' : 'declined',
          decided_at: at,
          decided_by: actorId(requireUser(actor)),
          decision_note: note || null,
        });
        const link = approve
          ? `${d.config.publicUrl}/c/${loaded.row.slug}`
          : `${d.config.publicUrl}/communities`;
        await queueMail(mailer, trx, user, approve ? 'request_approved' : 'request_declined', link, {
          community: loaded.row.name,
          note,
        });
      });
      flush();
      const row = (await repo.findRequest(db, loaded.row.id, id))!;
      return toRequest({ ...row, display_name: user.display_name });
    },

    async listMembers(actor: Actor, slug: string, q: MemberQuery): Promise<MemberListResponse> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.read', loaded.access);
      const status = can(actor, 'community.manageMembers', loaded.access) ? q.status : 'active';
      const { rows, total } = await repo.listMembers(
        db,
        loaded.row.id,
        { role: q.role, status, q: q.q || undefined, after: decodeNameCursor(q.cursor), limit: q.limit },
        now(),
      );
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map(toMember),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.display_name, last.user_id) : null,
        total,
      };
    },

    /**
     * A person's page: their memberships in the communities the actor may read (the member lists the
     * actor could read anyway). Someone with none of those answers 404, exactly like an unknown id, so
     * ids say nothing about people in hidden or members-only communities; people always see their own.
     */
    async person(actor: Actor, userId: string): Promise<PersonProfile> {
      const user = await repo.userById(db, userId);
      if (!user || user.suspended_at) throw notFound('Person');
      const at = now();
      const memberships = await repo.membershipsOfUser(db, userId, at);
      const readable = await Promise.all(
        memberships.map(async (m) => {
          const { access } = await accessFor(db, actor, m.community, at);
          return can(actor, 'community.read', access) ? m : undefined;
        }),
      );
      const communities = readable.flatMap((m) =>
        m ? [{ slug: m.community.slug, name: m.community.name, role: m.role, joinedAt: m.joinedAt }] : [],
      );
      const self = actor.kind === 'user' && actor.userId === userId;
      if (communities.length === 0 && !self) throw notFound('Person');
      return { person: { id: user.id, displayName: user.display_name }, communities };
    },

    async setRole(
      actor: Actor,
      slug: string,
      userId: string,
      role: repo.MemberRow['role'],
      expiresInDays?: number,
    ): Promise<Member> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.manageMembers', loaded.access);
      const member = await targetMember(loaded, userId);
      await db.transaction().execute(async (trx) => {
        if (role !== 'facilitator') await assertKeepsFacilitator(trx, loaded.row.id, member);
        const expires =
          role === 'expert' ? iso(addMs(clock.now(), (expiresInDays ?? EXPERT_DEFAULT_DAYS) * DAY)) : null;
        await repo.updateMember(trx, loaded.row.id, userId, { role, expires_at: expires });
        await repo.refreshMemberCount(trx, loaded.row.id);
      });
      return memberView(loaded.row.id, userId);
    },

    async remove(actor: Actor, slug: string, userId: string): Promise<void> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.manageMembers', loaded.access);
      const member = await targetMember(loaded, userId);
      await db.transaction().execute(async (trx) => {
        await assertKeepsFacilitator(trx, loaded.row.id, member);
        await repo.deleteMember(trx, loaded.row.id, userId);
        await trx
          .deleteFrom('working_group_members')
          .where('user_id', '=', userId)
          .where(
            'group_id',
            'in',
            trx.selectFrom('working_groups').select('id').where('community_id', '=', loaded.row.id),
          )
          .execute();
        await repo.refreshMemberCount(trx, loaded.row.id);
      });
    },

    async setSuspended(
      actor: Actor,
      slug: string,
      userId: string,
      suspended: boolean,
      reason = '',
    ): Promise<Member> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.manageMembers', loaded.access);
      const member = await targetMember(loaded, userId);
      if (actor.kind === 'user' && actor.userId === userId)
        throw new AppError('cannot_suspend_self', 'You cannot suspend yourself');
      await db.transaction().execute(async (trx) => {
        if (suspended) await assertKeepsFacilitator(trx, loaded.row.id, member);
        await repo.updateMember(trx, loaded.row.id, userId, {
          status: suspended ? 'suspended' : 'active',
          suspended_reason: suspended ? reason : null,
        });
        await repo.refreshMemberCount(trx, loaded.row.id);
      });
      return memberView(loaded.row.id, userId);
    },
  };
}
