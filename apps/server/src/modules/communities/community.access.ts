import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { can, type Actor, type CommunityAccess } from '../../platform/policy.ts';
import * as repo from './community.repository.ts';
import * as invitations from './invitation.repository.ts';

export interface LoadedCommunity {
  row: repo.CommunityRow;
  access: CommunityAccess;
  member: repo.MemberRow | undefined;
}

/** The policy's view of the actor's relation to a community: membership, pending request, invitation. */
export async function accessFor(
  db: Kysely<DB>,
  actor: Actor,
  row: repo.CommunityRow,
  now: string,
): Promise<LoadedCommunity> {
  let member: repo.MemberRow | undefined;
  let pendingRequest = false;
  let pendingInvitation = false;
  if (actor.kind === 'user') {
    const [m, r, i] = await Promise.all([
      repo.findMember(db, row.id, actor.userId),
      repo.findPendingRequest(db, row.id, actor.userId),
      // Invitations to the person's account or to their (verified) address both count.
      repo
        .userById(db, actor.userId)
        .then((u) =>
          invitations.pendingInvitationFor(db, row.id, { userId: actor.userId, email: u?.email }, now),
        ),
    ]);
    member = m && (m.expires_at === null || m.expires_at > now) ? m : undefined;
    pendingRequest = r !== undefined;
    pendingInvitation = i !== undefined;
  }
  return {
    row,
    member,
    access: {
      visibility: row.visibility,
      joinPolicy: row.join_policy,
      archived: row.archived_at !== null,
      membership: member ? { role: member.role, status: member.status } : null,
      pendingRequest,
      pendingInvitation,
    },
  };
}

/**
 * Loads a community by slug for the actor. A community the actor may not see answers exactly like
 * one that does not exist (404 not_found), so hidden communities leak nothing.
 */
export async function loadVisible(
  db: Kysely<DB>,
  actor: Actor,
  slug: string,
  now: string,
): Promise<LoadedCommunity> {
  const row = await repo.findCommunityBySlug(db, slug.toLowerCase());
  if (!row) throw notFound('Community');
  const loaded = await accessFor(db, actor, row, now);
  if (!can(actor, 'community.see', loaded.access)) throw notFound('Community');
  return loaded;
}
