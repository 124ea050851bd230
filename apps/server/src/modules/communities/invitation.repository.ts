import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, InvitationsTable } from '../../db/schema.ts';
import { likeAny, likePrefix, olderThan, type CreatedAfter } from './community.repository.ts';

export type InvitationRow = Selectable<InvitationsTable>;
type Exec = Kysely<DB>;

export const insertInvitation = (db: Exec, row: InvitationRow) =>
  db.insertInto('invitations').values(row).execute();
export const findInvitationByTokenHash = (db: Exec, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
export const findInvitation = (db: Exec, id: string) =>
  db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
export const updateInvitation = (db: Exec, id: string, patch: Partial<InvitationRow>) =>
  db.updateTable('invitations').set(patch).where('id', '=', id).execute();

/** Pending, unexpired invitations for a person (by account or by address). */
export const pendingInvitationsFor = (db: Exec, userId: string, email: string, now: string) =>
  db
    .selectFrom('invitations')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('email', '=', email)]))
    .orderBy('created_at', 'desc')
    .execute();

export async function pendingInvitationFor(
  db: Exec,
  communityId: string,
  target: { userId?: string | undefined; email?: string | undefined },
  now: string,
) {
  if (!target.userId && !target.email) return undefined;
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .where((eb) =>
      eb.or([
        ...(target.userId ? [eb('user_id', '=', target.userId)] : []),
        ...(target.email ? [eb('email', '=', target.email)] : []),
      ]),
    )
    .executeTakeFirst();
}

export interface InvitationListFilter {
  /** As the API shows it: `expired` is a pending invitation whose date has passed. */
  status: InvitationRow['status'] | 'expired' | 'all';
  after?: CreatedAfter | undefined;
  limit: number;
}

/** One page of a community's invitations, newest first (one row more than asked, to tell a next page). */
export function listInvitations(db: Exec, communityId: string, f: InvitationListFilter, now: string) {
  let q = db
    .selectFrom('invitations as i')
    .leftJoin('users as u', 'u.id', 'i.user_id')
    .leftJoin('users as by', 'by.id', 'i.invited_by')
    .selectAll('i')
    .select(['u.display_name as user_name', 'by.display_name as inviter_name'])
    .where('i.community_id', '=', communityId);
  if (f.status === 'pending') q = q.where('i.status', '=', 'pending').where('i.expires_at', '>', now);
  else if (f.status === 'expired') q = q.where('i.status', '=', 'pending').where('i.expires_at', '<=', now);
  else if (f.status !== 'all') q = q.where('i.status', '=', f.status);
  if (f.after) q = q.where(olderThan('i', f.after));
  return q
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/**
 * Active, verified accounts whose name contains `q` (any case), that are neither in the community
 * (in any status) nor invited to it (by account or by address): names starting with `q` first.
 */
export function searchInvitable(
  db: Exec,
  communityId: string,
  f: { q: string; excludeUserId: string; limit: number },
  now: string,
) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where('u.suspended_at', 'is', null)
    .where('u.email_verified_at', 'is not', null)
    .where('u.id', '!=', f.excludeUserId)
    .where(sql`lower(u.display_name)`, 'like', likeAny(f.q))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('community_members as m')
            .select('m.user_id')
            .where('m.community_id', '=', communityId)
            .whereRef('m.user_id', '=', 'u.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('invitations as i')
            .select('i.id')
            .where('i.community_id', '=', communityId)
            .where('i.status', '=', 'pending')
            .where('i.expires_at', '>', now)
            .where((inner) =>
              inner.or([
                inner('i.user_id', '=', inner.ref('u.id')),
                inner('i.email', '=', inner.ref('u.email')),
              ]),
            ),
        ),
      ),
    )
    .orderBy(sql`case when lower(u.display_name) like ${likePrefix(f.q)} then 0 else 1 end`)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(f.limit)
    .execute();
}
