import type {
  InvitationCreateBody,
  InvitationListResponse,
  InvitationPreview,
  MembershipResult,
  MyInvitation,
  PersonRef,
} from '@discuss/contracts';
import {
  InvitationCreateBodySchema,
  InvitableQuerySchema,
  InvitationListQuerySchema,
} from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { DB } from '../../db/schema.ts';
import { addMs, DAY, iso, type Clock } from '../../platform/clock.ts';
import { hashToken, newId, randomToken } from '../../platform/crypto.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { assertCan, requireUser, type Actor, type UserActor } from '../../platform/policy.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { AccountService, RequestMeta, SignedIn } from '../accounts/account.service.ts';
import { accessFor, loadVisible } from './community.access.ts';
import { person, toInvitation, toMy } from './community.mapper.ts';
import * as repo from './community.repository.ts';
import * as invitations from './invitation.repository.ts';
import { EXPERT_DEFAULT_DAYS, queueMail, type MembershipService } from './membership.service.ts';
import { createdAfter, newestFirstPage } from './paging.ts';

export interface InvitationServiceDeps {
  accounts: AccountService;
  membership: Pick<MembershipService, 'addMember'>;
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'sessionSecret'>;
  mailer: Mailer;
  limiter: RateLimiter;
}

type ListQuery = z.output<typeof InvitationListQuerySchema>;
type InvitableQuery = z.output<typeof InvitableQuerySchema>;

export type InvitationService = ReturnType<typeof createInvitationService>;

/** Invitations to a community: by address or account, the links, accepting and declining. */
export function createInvitationService(d: InvitationServiceDeps) {
  const { db, clock, mailer, limiter } = d;
  const { addMember } = d.membership;
  const now = () => iso(clock.now());
  const h = (t: string) => hashToken(d.config.sessionSecret, `invitation:${t}`);
  const flush = () => void mailer.flush();
  const actorId = (a: UserActor) => (a.via === 'system' ? null : a.userId);

  const load = (actor: Actor, slug: string) => loadVisible(db, actor, slug, now());

  async function acceptInvitationRow(exec: Kysely<DB>, inv: invitations.InvitationRow, userId: string) {
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
    const inv = await invitations.findInvitationByTokenHash(db, h(token));
    if (!inv || inv.status !== 'pending')
      throw new AppError('invalid_token', 'This invitation is not valid or was already used');
    if (inv.expires_at <= now())
      throw new AppError('token_expired', 'This invitation has expired; ask for a new one');
    return inv;
  }

  return {
    async invite(actor: Actor, slug: string, input: InvitationCreateBody) {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.invite', loaded.access);
      const inviter = requireUser(actor);
      const body = InvitationCreateBodySchema.parse(input);
      await limiter.consume('emailAccount', `invite:${inviter.userId}`);
      const at = clock.now();
      const expires = iso(addMs(at, body.expiresInDays * DAY));
      const skipped: { target: string; reason: 'already_member' | 'already_invited' | 'unknown_user' }[] = [];
      const created: invitations.InvitationRow[] = [];
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
        // Unverified and suspended accounts cannot take part (the people search hides them too).
        if (!u || u.suspended_at || !u.email_verified_at)
          skipped.push({ target: userId, reason: 'unknown_user' });
        else if (await repo.findMember(db, loaded.row.id, userId))
          skipped.push({ target: userId, reason: 'already_member' });
        else targets.push({ email: null, userId, to: u });
      }
      await db.transaction().execute(async (trx) => {
        for (const t of targets) {
          const label = t.email ?? t.userId!;
          if (
            await invitations.pendingInvitationFor(
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
          const row: invitations.InvitationRow = {
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
          await invitations.insertInvitation(trx, row);
          created.push(row);
          await queueMail(mailer, trx, t.to, 'invitation', `${d.config.publicUrl}/invitations/${token}`, {
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

    /** A page of the community's invitations in one status, newest first. */
    async listInvitations(actor: Actor, slug: string, q: ListQuery): Promise<InvitationListResponse> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.invite', loaded.access);
      const at = now();
      const after = createdAfter(q.cursor);
      const rows = await invitations.listInvitations(
        db,
        loaded.row.id,
        { status: q.status, after, limit: q.limit },
        at,
      );
      return newestFirstPage(rows, q.limit, (r) => toInvitation(r, at));
    },

    /**
     * People the actor may invite, found by name: active, verified accounts that are neither in the
     * community nor invited to it yet. Only names and ids, never addresses; rate-limited per person.
     */
    async invitable(actor: Actor, slug: string, q: InvitableQuery): Promise<{ items: PersonRef[] }> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.findInvitees', loaded.access);
      await limiter.consume('searchActor', actor.userId);
      const rows = await invitations.searchInvitable(
        db,
        loaded.row.id,
        { q: q.q, excludeUserId: actor.userId, limit: q.limit },
        now(),
      );
      return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
    },

    async revokeInvitation(actor: Actor, slug: string, id: string): Promise<void> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.invite', loaded.access);
      const inv = await invitations.findInvitation(db, id);
      if (!inv || inv.community_id !== loaded.row.id) throw notFound('Invitation');
      if (inv.status !== 'pending') throw new AppError('conflict', 'Only pending invitations can be revoked');
      await invitations.updateInvitation(db, id, { status: 'revoked', responded_at: now() });
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
      const rows = await invitations.pendingInvitationsFor(db, user.userId, me.email, now());
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
      const inv = await invitations.findInvitation(db, id);
      const mine = inv && (inv.user_id === user.userId || (inv.email !== null && inv.email === me.email));
      if (!inv || !mine || inv.status !== 'pending' || inv.expires_at <= now()) throw notFound('Invitation');
      if (!accept) {
        await invitations.updateInvitation(db, id, { status: 'declined', responded_at: now() });
        return undefined;
      }
      const community = await db.transaction().execute((trx) => acceptInvitationRow(trx, inv, user.userId));
      return { slug: community.slug, my: toMy((await accessFor(db, actor, community, now())).access) };
    },
  };
}
