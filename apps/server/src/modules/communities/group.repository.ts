import type { Kysely, Selectable } from 'kysely';
import type { DB, WorkingGroupMembersTable, WorkingGroupsTable } from '../../db/schema.ts';

export type GroupRow = Selectable<WorkingGroupsTable>;
export type GroupMemberRow = Selectable<WorkingGroupMembersTable>;
type Exec = Kysely<DB>;

/** Groups of a community with their member counts and the viewer's role. */
export const listGroups = (db: Exec, communityId: string, userId: string | null) =>
  db
    .selectFrom('working_groups as g')
    .leftJoin('working_group_members as mine', (j) =>
      j.onRef('mine.group_id', '=', 'g.id').on('mine.user_id', '=', userId ?? ''),
    )
    .selectAll('g')
    .select((eb) => [
      'mine.role as my_role',
      eb
        .selectFrom('working_group_members as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.group_id', '=', 'g.id')
        .as('member_count'),
    ])
    .where('g.community_id', '=', communityId)
    .orderBy('g.archived_at')
    .orderBy('g.name')
    .execute();

export const findGroup = (db: Exec, communityId: string, slug: string) =>
  db
    .selectFrom('working_groups')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('slug', '=', slug)
    .executeTakeFirst();
export const insertGroup = (db: Exec, row: GroupRow) => db.insertInto('working_groups').values(row).execute();
export const updateGroup = (db: Exec, id: string, patch: Partial<GroupRow>) =>
  db.updateTable('working_groups').set(patch).where('id', '=', id).execute();

export const groupMembers = (db: Exec, groupId: string) =>
  db
    .selectFrom('working_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.role', 'm.joined_at', 'u.display_name'])
    .where('m.group_id', '=', groupId)
    .orderBy('m.role')
    .orderBy('u.display_name')
    .execute();
export const findGroupMember = (db: Exec, groupId: string, userId: string) =>
  db
    .selectFrom('working_group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
export const insertGroupMember = (db: Exec, row: GroupMemberRow) =>
  db.insertInto('working_group_members').values(row).execute();
export const updateGroupMember = (db: Exec, groupId: string, userId: string, role: GroupMemberRow['role']) =>
  db
    .updateTable('working_group_members')
    .set({ role })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .execute();
export const deleteGroupMember = (db: Exec, groupId: string, userId: string) =>
  db
    .deleteFrom('working_group_members')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .execute();
export async function countLeads(db: Exec, groupId: string): Promise<number> {
  const { n } = await db
    .selectFrom('working_group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .where('role', '=', 'lead')
    .executeTakeFirstOrThrow();
  return Number(n);
}
