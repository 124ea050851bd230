import type {
  Area,
  CommunityPermissions,
  CommunitySummary,
  Invitation,
  Member,
  MembershipRequest,
  MyMembership,
  PersonRef,
  StageChange,
} from '@discuss/contracts';
import { can, type Actor, type CommunityAccess } from '../../platform/policy.ts';
import type * as repo from './community.repository.ts';
import type { InvitationRow } from './invitation.repository.ts';

export const person = (id: string | null, name: string | null | undefined): PersonRef | null =>
  id && name ? { id, displayName: name } : null;

export const toArea = (a: repo.AreaRow, communityCount: number): Area => ({
  id: a.id,
  slug: a.slug,
  name: a.name,
  description: a.description,
  position: a.position,
  communityCount,
});

export function toMy(access: CommunityAccess, invitationId: string | null = null): MyMembership {
  const m = access.membership;
  if (m) return { status: m.status === 'active' ? 'member' : 'suspended', role: m.role, invitationId: null };
  if (access.pendingRequest) return { status: 'pending', role: null, invitationId: null };
  if (access.pendingInvitation) return { status: 'invited', role: null, invitationId };
  return { status: 'none', role: null, invitationId: null };
}

export function toPermissions(actor: Actor, access: CommunityAccess): CommunityPermissions {
  return {
    readContent: can(actor, 'community.read', access),
    join: can(actor, 'community.join', access),
    request: can(actor, 'community.request', access),
    leave: can(actor, 'community.leave', access),
    update: can(actor, 'community.update', access),
    manageMembers: can(actor, 'community.manageMembers', access),
    moderate: can(actor, 'community.moderate', access),
    invite: can(actor, 'community.invite', access),
    setStage: can(actor, 'community.setStage', access),
    createGroup: can(actor, 'community.createGroup', access),
    startTopic: can(actor, 'topic.create', {
      community: access,
      group: null,
      isAuthor: false,
      locked: false,
    }),
    archive: can(actor, 'community.archive'),
  };
}

export const languagesOf = (row: repo.CommunityRow): string[] =>
  row.languages ? row.languages.split(',') : [];

export function toSummary(
  row: repo.CommunityRow,
  area: repo.AreaRow | undefined,
  my: MyMembership,
): CommunitySummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    shortDescription: row.short_description,
    area: area ? { id: area.id, slug: area.slug, name: area.name } : null,
    visibility: row.visibility,
    joinPolicy: row.join_policy,
    stage: row.stage,
    languages: languagesOf(row),
    memberCount: row.member_count,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    coverImageUrl: row.cover_upload_id ? `/files/${row.cover_upload_id}` : null,
    my,
  };
}

export const toMember = (r: {
  user_id: string;
  display_name: string;
  role: repo.MemberRow['role'];
  status: repo.MemberRow['status'];
  joined_at: string;
  expires_at: string | null;
}): Member => ({
  user: { id: r.user_id, displayName: r.display_name },
  role: r.role,
  status: r.status,
  joinedAt: r.joined_at,
  expiresAt: r.expires_at,
});

export const toRequest = (r: repo.RequestRow & { display_name: string }): MembershipRequest => ({
  id: r.id,
  user: { id: r.user_id, displayName: r.display_name },
  motivation: r.motivation,
  status: r.status,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
});

export function toInvitation(
  r: InvitationRow & { user_name?: string | null; inviter_name?: string | null },
  now: string,
): Invitation {
  const expired = r.status === 'pending' && r.expires_at <= now;
  return {
    id: r.id,
    email: r.email,
    user: person(r.user_id, r.user_name),
    role: r.role,
    status: expired ? 'expired' : r.status,
    invitedBy: person(r.invited_by, r.inviter_name),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

export const toStageChange = (r: repo.StageChangeRow & { display_name: string | null }): StageChange => ({
  id: r.id,
  from: r.from_stage,
  to: r.to_stage,
  note: r.note,
  changedBy: person(r.changed_by, r.display_name),
  createdAt: r.created_at,
});
