import type { WorkingGroup, WorkingGroupDetail } from '@discuss/contracts';
import { WorkingGroupCreateBodySchema, WorkingGroupUpdateBodySchema } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/crypto.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { assertCan, can, requireUser, type Actor, type GroupAccess } from '../../platform/policy.ts';
import { loadVisible, type LoadedCommunity } from './community.access.ts';
import * as repo from './community.repository.ts';
import * as groups from './group.repository.ts';

export interface GroupServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type CreateBody = z.output<typeof WorkingGroupCreateBodySchema>;
type UpdateBody = z.output<typeof WorkingGroupUpdateBodySchema>;

export type GroupService = ReturnType<typeof createGroupService>;

/** Working groups inside a community: small teams with their own members, open or private. */
export function createGroupService({ db, clock }: GroupServiceDeps) {
  const now = () => iso(clock.now());

  const access = (
    loaded: LoadedCommunity,
    g: groups.GroupRow,
    role: 'lead' | 'member' | null,
  ): GroupAccess => ({
    community: loaded.access,
    visibility: g.visibility,
    archived: g.archived_at !== null,
    groupRole: role,
  });

  function summary(
    actor: Actor,
    loaded: LoadedCommunity,
    g: groups.GroupRow,
    memberCount: number,
    role: 'lead' | 'member' | null,
  ): WorkingGroup {
    const a = access(loaded, g, role);
    return {
      id: g.id,
      slug: g.slug,
      name: g.name,
      description: g.description,
      visibility: g.visibility,
      memberCount,
      archived: g.archived_at !== null,
      createdAt: g.created_at,
      myRole: role,
      can: {
        join: can(actor, 'group.join', a),
        leave: can(actor, 'group.leave', a),
        manage: can(actor, 'group.manage', a),
      },
    };
  }

  /** Loads a group the actor may see; a private group of others answers like a missing one. */
  async function loadGroup(actor: Actor, slug: string, groupSlug: string) {
    const loaded = await loadVisible(db, actor, slug, now());
    const g = await groups.findGroup(db, loaded.row.id, groupSlug.toLowerCase());
    if (!g) throw notFound('Working group');
    const mine = actor.kind === 'user' ? await groups.findGroupMember(db, g.id, actor.userId) : undefined;
    const a = access(loaded, g, mine?.role ?? null);
    if (!can(actor, 'group.see', a)) throw notFound('Working group');
    return { loaded, g, role: mine?.role ?? null, a };
  }

  async function detail(actor: Actor, slug: string, groupSlug: string): Promise<WorkingGroupDetail> {
    const { loaded, g, role } = await loadGroup(actor, slug, groupSlug);
    const members = await groups.groupMembers(db, g.id);
    return {
      ...summary(actor, loaded, g, members.length, role),
      members: members.map((m) => ({
        user: { id: m.user_id, displayName: m.display_name },
        role: m.role,
        joinedAt: m.joined_at,
      })),
    };
  }

  return {
    detail,

    async list(actor: Actor, slug: string): Promise<{ items: WorkingGroup[] }> {
      const loaded = await loadVisible(db, actor, slug, now());
      assertCan(actor, 'community.read', loaded.access);
      const rows = await groups.listGroups(db, loaded.row.id, actor.kind === 'user' ? actor.userId : null);
      return {
        items: rows
          .filter((r) => can(actor, 'group.see', access(loaded, r, r.my_role ?? null)))
          .map((r) => summary(actor, loaded, r, Number(r.member_count ?? 0), r.my_role ?? null)),
      };
    },

    async create(actor: Actor, slug: string, body: CreateBody): Promise<WorkingGroupDetail> {
      const loaded = await loadVisible(db, actor, slug, now());
      assertCan(actor, 'community.createGroup', loaded.access);
      const user = requireUser(actor);
      if (await groups.findGroup(db, loaded.row.id, body.slug))
        throw new AppError('slug_taken', 'Another working group here uses this address');
      await db.transaction().execute(async (trx) => {
        const id = newId();
        const at = now();
        await groups.insertGroup(trx, {
          id,
          community_id: loaded.row.id,
          slug: body.slug,
          name: body.name,
          description: body.description,
          visibility: body.visibility,
          archived_at: null,
          created_by: user.via === 'system' ? null : user.userId,
          created_at: at,
        });
        if (user.via !== 'system' && (await repo.findMember(trx, loaded.row.id, user.userId))) {
          await groups.insertGroupMember(trx, {
            group_id: id,
            user_id: user.userId,
            role: 'lead',
            joined_at: at,
          });
        }
      });
      return detail(actor, slug, body.slug);
    },

    async update(
      actor: Actor,
      slug: string,
      groupSlug: string,
      body: UpdateBody,
    ): Promise<WorkingGroupDetail> {
      const { g, a } = await loadGroup(actor, slug, groupSlug);
      assertCan(actor, 'group.manage', a);
      const patch: Partial<groups.GroupRow> = {};
      if (body.name !== undefined) patch.name = body.name;
      if (body.description !== undefined) patch.description = body.description;
      if (body.visibility !== undefined) patch.visibility = body.visibility;
      if (body.archived !== undefined) patch.archived_at = body.archived ? (g.archived_at ?? now()) : null;
      if (Object.keys(patch).length) await groups.updateGroup(db, g.id, patch);
      return detail(actor, slug, groupSlug);
    },

    async join(actor: Actor, slug: string, groupSlug: string): Promise<WorkingGroupDetail> {
      const { g, a } = await loadGroup(actor, slug, groupSlug);
      const user = requireUser(actor);
      if (a.groupRole) throw new AppError('already_member', 'You are already in this working group');
      assertCan(actor, 'group.join', a);
      await groups.insertGroupMember(db, {
        group_id: g.id,
        user_id: user.userId,
        role: 'member',
        joined_at: now(),
      });
      return detail(actor, slug, groupSlug);
    },

    async leave(actor: Actor, slug: string, groupSlug: string): Promise<WorkingGroupDetail> {
      const { loaded, g, a } = await loadGroup(actor, slug, groupSlug);
      const user = requireUser(actor);
      if (!a.groupRole) throw new AppError('not_member', 'You are not in this working group');
      await groups.deleteGroupMember(db, g.id, user.userId);
      // A private group one has left is no longer visible: answer with what the person may still see.
      const stillSees = can(actor, 'group.see', { ...a, groupRole: null });
      if (!stillSees) {
        const members = await groups.groupMembers(db, g.id);
        return { ...summary(actor, loaded, g, members.length, null), members: [] };
      }
      return detail(actor, slug, groupSlug);
    },

    async addMember(
      actor: Actor,
      slug: string,
      groupSlug: string,
      userId: string,
      role: 'lead' | 'member',
    ): Promise<WorkingGroupDetail> {
      const { loaded, g, a } = await loadGroup(actor, slug, groupSlug);
      assertCan(actor, 'group.manage', a);
      const m = await repo.findMember(db, loaded.row.id, userId);
      if (!m || m.status !== 'active')
        throw new AppError('not_member', 'Only active members of the community can join its working groups');
      if (await groups.findGroupMember(db, g.id, userId))
        await groups.updateGroupMember(db, g.id, userId, role);
      else await groups.insertGroupMember(db, { group_id: g.id, user_id: userId, role, joined_at: now() });
      return detail(actor, slug, groupSlug);
    },

    async removeMember(
      actor: Actor,
      slug: string,
      groupSlug: string,
      userId: string,
    ): Promise<WorkingGroupDetail> {
      const { g, a } = await loadGroup(actor, slug, groupSlug);
      assertCan(actor, 'group.manage', a);
      if (!(await groups.findGroupMember(db, g.id, userId))) throw notFound('Group member');
      await groups.deleteGroupMember(db, g.id, userId);
      return detail(actor, slug, groupSlug);
    },
  };
}
