import type {
  InvitationCreateBody,
  InvitationPreview,
  Member,
  MemberListResponse,
  MembershipRequest,
  MembershipResult,
  MyInvitation,
} from '@discuss/contracts';
import { InvitationCreateBodySchema, MemberListQuerySchema } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { DB } from '../../db/schema.ts';
import { addMs, DAY, iso, type Clock } from '../../platform/clock.ts';
import { hashToken, newId, randomToken } from '../../platform/crypto.ts';
import { decodeNameCursor, encodeCursor } from '../../platform/cursor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { renderMail, type MailKind, type MailVars } from '../../platform/mail/templates.ts';
import { assertCan, can, requireUser, type Actor, type UserActor } from '../../platform/policy.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { AccountService, RequestMeta, SignedIn } from '../accounts/account.service.ts';
import { accessFor, loadVisible, type LoadedCommunity } from './community.access.ts';
import { person, toInvitation, toMember, toMy, toRequest } from './community.mapper.ts';
import * as repo from './community.repository.ts';

const EXPERT_DEFAULT_DAYS = 90;

export interface MembershipServiceDeps {
  accounts: AccountService;
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'sessionSecret'>;
  mailer: Mailer;
  limiter: RateLimiter;
}

type MemberQuery = z.output<typeof MemberListQuerySchema>;

export type MembershipService = ReturnType<typeof createMembershipService>;

/** Joining, leaving, requests, roles, suspensions and invitations of a community. */
export function createMembershipService(d: MembershipServiceDeps) {
  const { db, clock, mailer, limiter } = d;
  const now = () => iso(clock.now());
  const h = (t: string) => hashToken(d.config.sessionSecret, `invitation:${t}`);
  const flush = () => void mailer.flush();
  const actorId = (a: UserActor) => (a.via === 'system' ? null : a.userId);

  const load = (actor: Actor, slug: string) => loadVisible(db, actor, slug, now());

  async function result(actor: Actor, loaded: LoadedCommunity): Promise<MembershipResult> {
    const fresh = await accessFor(db, actor, loaded.row, now());
    return { slug: loaded.row.slug, my: toMy(fresh.access) };
  }

  async function mail(
    exec: Kysely<DB>,
    to: { email: string; display_name: string; locale?: string | null },
    kind: MailKind,
    link: string,
    vars: MailVars,
  ) {
    const m = renderMail(kind, to.locale ?? null, to.display_name, link, vars);
    await mailer.enqueue(exec, { to: to.email, subject: m.subject, text: m.text, html: m.html });
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

  async function acceptInvitationRow(exec: Kysely<DB>, inv: repo.InvitationRow, userId: string) {
    const at = now();
    const done = await exec
      .updateTable('invitations')
      .set({ status: 'accepted', responded_at: at, accepted_by: userId })
      .where('id', '=', inv.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError('invalid_token', 'This invitation is no longer valid');
    const community = (await repo.findCommunityById(exec, inv.community_id))!;
    if (community.archived_at) throw new AppError('community_archived', 'This community is archived');
    const existing = await repo.findMember(exec, inv.community_id, userId);
    if (existing?.status === 'suspended')
      throw new AppError('forbidden', 'You are suspended in this community');
    // Accepting never lowers a role someone already has.
    const rank = { expert: 0, member: 1, moderator: 2, facilitator: 3 } as const;
    const role = existing && rank[existing.role] >= rank[inv.role] ? existing.role : inv.role;
    await addMember(exec, inv.community_id, userId, role, inv.access_days);
    return community;
  }

  async function invitationByToken(token: string) {
    const inv = await repo.findInvitationByTokenHash(db, h(token));
    if (!inv || inv.status !== 'pending')
      throw new AppError('invalid_token', 'This invitation is not valid or was already used');
    if (inv.expires_at <= now())
      throw new AppError('token_expired', 'This invitation has expired; ask for a new one');
    return inv;
  }

  return {
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

    async listRequests(actor: Actor, slug: string, status: repo.RequestRow['status'] | 'all') {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.manageMembers', loaded.access);
      return { items: (await repo.listRequests(db, loaded.row.id, status)).map(toRequest) };
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
        await mail(trx, user, approve ? 'request_approved' : 'request_declined', link, {
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

    async invite(actor: Actor, slug: string, input: InvitationCreateBody) {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.invite', loaded.access);
      const inviter = requireUser(actor);
      const body = InvitationCreateBodySchema.parse(input);
      await limiter.consume('emailAccount', `invite:${inviter.userId}`);
      const at = clock.now();
      const expires = iso(addMs(at, body.expiresInDays * DAY));
      const skipped: { target: string; reason: 'already_member' | 'already_invited' | 'unknown_user' }[] = [];
      const created: repo.InvitationRow[] = [];
      const targets: {
        email: string | null;
        userId: string | null;
        to: { email: string; display_name: string; locale: string | null };
      }[] = [];
      for (const email of new Set(body.emails)) {
        const existing = await repo.userByEmail(db, email);
        targets.push({ email, userId: null, to: existing ?? { email, display_name: email, locale: null } });
        if (existing && (await repo.findMember(db, loaded.row.id, existing.id))) {
          skipped.push({ target: email, reason: 'already_member' });
          targets.pop();
        }
      }
      for (const userId of new Set(body.userIds)) {
        const u = await repo.userById(db, userId);
        if (!u || u.suspended_at) skipped.push({ target: userId, reason: 'unknown_user' });
        else if (await repo.findMember(db, loaded.row.id, userId))
          skipped.push({ target: userId, reason: 'already_member' });
        else targets.push({ email: null, userId, to: u });
      }
      await db.transaction().execute(async (trx) => {
        for (const t of targets) {
          const label = t.email ?? t.userId!;
          if (
            await repo.pendingInvitationFor(
              trx,
              loaded.row.id,
              { email: t.email ?? undefined, userId: t.userId ?? undefined },
              iso(at),
            )
          ) {
            skipped.push({ target: label, reason: 'already_invited' });
            continue;
          }
          const token = randomToken();
          const row: repo.InvitationRow = {
            id: newId(),
            community_id: loaded.row.id,
            email: t.email,
            user_id: t.userId,
            role: body.role,
            access_days: body.role === 'expert' ? (body.accessDays ?? EXPERT_DEFAULT_DAYS) : null,
            message: body.message,
            token_hash: h(token),
            invited_by: actorId(inviter),
            status: 'pending',
            created_at: iso(at),
            expires_at: expires,
            responded_at: null,
            accepted_by: null,
          };
          await repo.insertInvitation(trx, row);
          created.push(row);
          await mail(trx, t.to, 'invitation', `${d.config.publicUrl}/invitations/${token}`, {
            community: loaded.row.name,
            inviter: inviter.displayName,
            role: body.role,
            note: body.message,
          });
        }
      });
      flush();
      const names = new Map(
        (
          await repo.userNames(
            db,
            created.flatMap((c) => (c.user_id ? [c.user_id] : [])),
          )
        ).map((u) => [u.id, u.display_name]),
      );
      return {
        items: created.map((r) =>
          toInvitation(
            { ...r, user_name: r.user_id ? names.get(r.user_id) : null, inviter_name: inviter.displayName },
            iso(at),
          ),
        ),
        skipped,
      };
    },

    async listInvitations(actor: Actor, slug: string) {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.invite', loaded.access);
      const at = now();
      return { items: (await repo.listInvitations(db, loaded.row.id)).map((r) => toInvitation(r, at)) };
    },

    async revokeInvitation(actor: Actor, slug: string, id: string): Promise<void> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.invite', loaded.access);
      const inv = await repo.findInvitation(db, id);
      if (!inv || inv.community_id !== loaded.row.id) throw notFound('Invitation');
      if (inv.status !== 'pending') throw new AppError('conflict', 'Only pending invitations can be revoked');
      await repo.updateInvitation(db, id, { status: 'revoked', responded_at: now() });
    },

    /** What an invitation link offers: anyone holding the link may see it, signed in or not. */
    async preview(token: string): Promise<InvitationPreview> {
      const inv = await invitationByToken(token);
      const community = (await repo.findCommunityById(db, inv.community_id))!;
      const inviter = inv.invited_by ? await repo.userById(db, inv.invited_by) : undefined;
      const email = inv.email ?? null;
      return {
        community: {
          slug: community.slug,
          name: community.name,
          shortDescription: community.short_description,
        },
        role: inv.role,
        invitedBy: inviter ? person(inviter.id, inviter.display_name) : null,
        message: inv.message,
        email,
        accountExists: email ? (await repo.userByEmail(db, email)) !== undefined : true,
        expiresAt: inv.expires_at,
      };
    },

    /** Accepts an invitation link as the signed-in person (the link itself is the proof). */
    async acceptLink(actor: Actor, token: string): Promise<MembershipResult> {
      const user = requireUser(actor);
      const inv = await invitationByToken(token);
      if (inv.user_id && inv.user_id !== user.userId)
        throw new AppError('invalid_token', 'This invitation is for someone else');
      const community = await db.transaction().execute((trx) => acceptInvitationRow(trx, inv, user.userId));
      return { slug: community.slug, my: toMy((await accessFor(db, actor, community, now())).access) };
    },

    /**
     * Sign-up through an e-mail invitation: the link proves the address, so the account is created
     * verified, the invitation accepted and the person signed in, all in one transaction.
     */
    async signUpWithInvitation(
      token: string,
      input: { password: string; displayName: string; locale?: string | undefined },
      meta: RequestMeta,
    ): Promise<SignedIn & { slug: string }> {
      const inv = await invitationByToken(token);
      if (!inv.email)
        throw new AppError(
          'invalid_token',
          'This invitation is for an existing member: sign in to accept it',
        );
      const email = inv.email;
      const { userId, session, slug } = await db.transaction().execute(async (trx) => {
        const created = await d.accounts.createVerified(trx, { ...input, email }, meta);
        const community = await acceptInvitationRow(trx, inv, created.userId);
        return { ...created, slug: community.slug };
      });
      return { me: await d.accounts.meById(userId), session, slug };
    },

    async mine(actor: Actor): Promise<{ items: MyInvitation[] }> {
      const user = requireUser(actor);
      const me = (await repo.userById(db, user.userId))!;
      const rows = await repo.pendingInvitationsFor(db, user.userId, me.email, now());
      const items: MyInvitation[] = [];
      for (const r of rows) {
        const c = (await repo.findCommunityById(db, r.community_id))!;
        if (await repo.findMember(db, c.id, user.userId)) continue;
        const by = r.invited_by ? await repo.userById(db, r.invited_by) : undefined;
        items.push({
          id: r.id,
          community: { slug: c.slug, name: c.name, shortDescription: c.short_description },
          role: r.role,
          invitedBy: by ? person(by.id, by.display_name) : null,
          message: r.message,
          expiresAt: r.expires_at,
        });
      }
      return { items };
    },

    async respond(actor: Actor, id: string, accept: boolean): Promise<MembershipResult | undefined> {
      const user = requireUser(actor);
      const me = (await repo.userById(db, user.userId))!;
      const inv = await repo.findInvitation(db, id);
      const mine = inv && (inv.user_id === user.userId || (inv.email !== null && inv.email === me.email));
      if (!inv || !mine || inv.status !== 'pending' || inv.expires_at <= now()) throw notFound('Invitation');
      if (!accept) {
        await repo.updateInvitation(db, id, { status: 'declined', responded_at: now() });
        return undefined;
      }
      const community = await db.transaction().execute((trx) => acceptInvitationRow(trx, inv, user.userId));
      return { slug: community.slug, my: toMy((await accessFor(db, actor, community, now())).access) };
    },
  };
}
