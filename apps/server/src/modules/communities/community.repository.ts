import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AreasTable,
  CommunitiesTable,
  CommunityMembersTable,
  DB,
  MembershipRequestsTable,
  StageChangesTable,
} from '../../db/schema.ts';

export type AreaRow = Selectable<AreasTable>;
export type CommunityRow = Selectable<CommunitiesTable>;
export type MemberRow = Selectable<CommunityMembersTable>;
export type RequestRow = Selectable<MembershipRequestsTable>;
export type StageChangeRow = Selectable<StageChangesTable>;
type Exec = Kysely<DB>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** `lower(column) like` pattern: contains the needle, any case (same on SQLite and PostgreSQL). */
export const likeAny = (needle: string) =>
  sql<string>`${`%${escapeLike(needle.toLowerCase())}%`} escape '\\'`;
/** As `likeAny`, for names that start with the needle. */
export const likePrefix = (needle: string) =>
  sql<string>`${`${escapeLike(needle.toLowerCase())}%`} escape '\\'`;

/** Keyset position in a list sorted newest first: the last row's creation time and id. */
export interface CreatedAfter {
  createdAt: string;
  id: string;
}

/** Rows of table alias `t` that come after `after` in newest-first order (created_at desc, id desc). */
export const olderThan = (t: string, after: CreatedAfter) =>
  sql<boolean>`(${sql.ref(`${t}.created_at`)} < ${after.createdAt} or (${sql.ref(`${t}.created_at`)} = ${after.createdAt} and ${sql.ref(`${t}.id`)} < ${after.id}))`;

// ---- areas

export const listAreas = (db: Exec) =>
  db.selectFrom('areas').selectAll().orderBy('position').orderBy('name').execute();
export const findArea = (db: Exec, id: string) =>
  db.selectFrom('areas').selectAll().where('id', '=', id).executeTakeFirst();
export const findAreaBySlug = (db: Exec, slug: string) =>
  db.selectFrom('areas').selectAll().where('slug', '=', slug).executeTakeFirst();
export const insertArea = (db: Exec, row: AreaRow) => db.insertInto('areas').values(row).execute();
export const updateArea = (db: Exec, id: string, patch: Partial<AreaRow>) =>
  db.updateTable('areas').set(patch).where('id', '=', id).execute();

// ---- communities

export const findCommunityBySlug = (db: Exec, slug: string) =>
  db.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst();
export const findCommunityById = (db: Exec, id: string) =>
  db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
export const insertCommunity = (db: Exec, row: CommunityRow) =>
  db.insertInto('communities').values(row).execute();
export const updateCommunity = (db: Exec, id: string, patch: Partial<CommunityRow>) =>
  db.updateTable('communities').set(patch).where('id', '=', id).execute();

export interface CommunityFilter {
  /** The viewer; null for guests. */
  userId: string | null;
  /** Operators see every community. */
  seesAll: boolean;
  areaId?: string | undefined;
  q?: string | undefined;
  mine: boolean;
  includeArchived: boolean;
}

/**
 * Communities the viewer may see, as one query: the visibility rule of the policy
 * (`community.see`) expressed in SQL, so lists and counts can never include a hidden community
 * the viewer does not belong to. Kept equal to the policy by the authorization matrix test.
 */
function visible(db: Exec, f: CommunityFilter, now: string) {
  let q = db.selectFrom('communities');
  const activeMember = (userId: string) =>
    db
      .selectFrom('community_members as m')
      .select('m.user_id')
      .where('m.community_id', '=', sql.ref<string>('communities.id'))
      .where('m.user_id', '=', userId)
      .where('m.status', '=', 'active')
      .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)]));
  const invited = (userId: string) =>
    db
      .selectFrom('invitations as i')
      .select('i.id')
      .where('i.community_id', '=', sql.ref<string>('communities.id'))
      .where('i.status', '=', 'pending')
      .where('i.expires_at', '>', now)
      .where((eb) =>
        eb.or([
          eb('i.user_id', '=', userId),
          eb('i.email', '=', eb.selectFrom('users').select('email').where('id', '=', userId)),
        ]),
      );
  if (f.mine) {
    if (!f.userId) return q.where(sql<boolean>`1 = 0`);
    q = q.where((eb) => eb.exists(activeMember(f.userId!)));
  } else if (!f.seesAll) {
    const userId = f.userId;
    q = q.where((eb) =>
      userId
        ? eb.or([
            eb('visibility', '!=', 'hidden'),
            eb.exists(activeMember(userId)),
            eb.exists(invited(userId)),
          ])
        : eb('visibility', '!=', 'hidden'),
    );
  }
  if (!f.includeArchived) q = q.where('archived_at', 'is', null);
  if (f.areaId) q = q.where('area_id', '=', f.areaId);
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', likeAny(needle)),
        eb(sql`lower(short_description)`, 'like', likeAny(needle)),
      ]),
    );
  }
  return q;
}

export async function listCommunities(
  db: Exec,
  f: CommunityFilter,
  now: string,
  page: { after?: { name: string; id: string } | undefined; limit: number },
) {
  let q = visible(db, f, now).selectAll();
  if (page.after) {
    const { name, id } = page.after;
    q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  const rows = await q
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  const { total } = await visible(db, f, now)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/** Per area: how many communities the viewer may see. */
export async function countVisibleByArea(
  db: Exec,
  f: CommunityFilter,
  now: string,
): Promise<Map<string, number>> {
  const rows = await visible(db, f, now)
    .select(['area_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('area_id')
    .execute();
  return new Map(rows.filter((r) => r.area_id).map((r) => [r.area_id!, Number(r.n)]));
}

// ---- members

export const findMember = (db: Exec, communityId: string, userId: string) =>
  db
    .selectFrom('community_members')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** The viewer's memberships in many communities at once (for lists). */
export const membershipsOf = (db: Exec, userId: string, communityIds: string[]) =>
  communityIds.length === 0
    ? Promise.resolve([] as MemberRow[])
    : db
        .selectFrom('community_members')
        .selectAll()
        .where('user_id', '=', userId)
        .where('community_id', 'in', communityIds)
        .execute();

export const insertMember = (db: Exec, row: MemberRow) =>
  db.insertInto('community_members').values(row).execute();
export const updateMember = (db: Exec, communityId: string, userId: string, patch: Partial<MemberRow>) =>
  db
    .updateTable('community_members')
    .set(patch)
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .execute();
export const deleteMember = (db: Exec, communityId: string, userId: string) =>
  db
    .deleteFrom('community_members')
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .execute();

/** Recounts active non-expert members into communities.member_count (same transaction as the change). */
export async function refreshMemberCount(db: Exec, communityId: string): Promise<void> {
  const { n } = await db
    .selectFrom('community_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('role', '!=', 'expert')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('communities')
    .set({ member_count: Number(n) })
    .where('id', '=', communityId)
    .execute();
}

export async function countActiveFacilitators(db: Exec, communityId: string): Promise<number> {
  const { n } = await db
    .selectFrom('community_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('role', '=', 'facilitator')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** People with a given role (facilitators, moderators) for a community's showcase. */
export const peopleWithRole = (db: Exec, communityId: string, role: string) =>
  db
    .selectFrom('community_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.community_id', '=', communityId)
    .where('m.role', '=', role as MemberRow['role'])
    .where('m.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();

export interface MemberListFilter {
  role?: MemberRow['role'] | undefined;
  status: 'active' | 'suspended' | 'all';
  q?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

function memberQuery(db: Exec, communityId: string, f: MemberListFilter, now: string) {
  let q = db
    .selectFrom('community_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.community_id', '=', communityId)
    .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)]));
  if (f.status !== 'all') q = q.where('m.status', '=', f.status);
  if (f.role) q = q.where('m.role', '=', f.role);
  if (f.q) q = q.where(sql`lower(u.display_name)`, 'like', likeAny(f.q));
  return q;
}

export async function listMembers(db: Exec, communityId: string, f: MemberListFilter, now: string) {
  let q = memberQuery(db, communityId, f, now).select([
    'm.user_id',
    'm.role',
    'm.status',
    'm.joined_at',
    'm.expires_at',
    'u.display_name',
  ]);
  if (f.after) {
    const { name, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('u.display_name', '>', name),
        eb.and([eb('u.display_name', '=', name), eb('u.id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(f.limit + 1)
    .execute();
  const { total } = await memberQuery(db, communityId, f, now)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/** A person's active, unexpired memberships with their communities, by community name. */
export async function membershipsOfUser(db: Exec, userId: string, now: string) {
  const rows = await db
    .selectFrom('community_members as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .selectAll('c')
    .select(['m.role as member_role', 'm.joined_at as member_joined_at'])
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)]))
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
  return rows.map(({ member_role, member_joined_at, ...community }) => ({
    community,
    role: member_role,
    joinedAt: member_joined_at,
  }));
}

// ---- requests

export const findPendingRequest = (db: Exec, communityId: string, userId: string) =>
  db
    .selectFrom('membership_requests')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
export const findRequest = (db: Exec, communityId: string, id: string) =>
  db
    .selectFrom('membership_requests')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
export const insertRequest = (db: Exec, row: RequestRow) =>
  db.insertInto('membership_requests').values(row).execute();
export const updateRequest = (db: Exec, id: string, patch: Partial<RequestRow>) =>
  db.updateTable('membership_requests').set(patch).where('id', '=', id).execute();
/** One page of a community's requests, newest first (one row more than asked, to tell a next page). */
export function listRequests(
  db: Exec,
  communityId: string,
  f: { status: RequestRow['status'] | 'all'; after?: CreatedAfter | undefined; limit: number },
) {
  let q = db
    .selectFrom('membership_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select('u.display_name')
    .where('r.community_id', '=', communityId);
  if (f.status !== 'all') q = q.where('r.status', '=', f.status);
  if (f.after) q = q.where(olderThan('r', f.after));
  return q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
export async function countPendingRequests(db: Exec, communityId: string): Promise<number> {
  const { n } = await db
    .selectFrom('membership_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(n);
}

// ---- stage history

export const insertStageChange = (db: Exec, row: StageChangeRow) =>
  db.insertInto('stage_changes').values(row).execute();
export const listStageChanges = (db: Exec, communityId: string) =>
  db
    .selectFrom('stage_changes as s')
    .leftJoin('users as u', 'u.id', 's.changed_by')
    .selectAll('s')
    .select('u.display_name')
    .where('s.community_id', '=', communityId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();

// ---- settings

export const getSetting = async (db: Exec, key: string) =>
  (await db.selectFrom('platform_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
export const setSetting = (db: Exec, key: string, value: string) =>
  db.insertInto('platform_settings').values({ key, value }).execute();

export const userNames = (db: Exec, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: string; display_name: string; email: string }[])
    : db.selectFrom('users').select(['id', 'display_name', 'email']).where('id', 'in', ids).execute();
export const userByEmail = (db: Exec, email: string) =>
  db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
export const userById = (db: Exec, id: string) =>
  db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'locale', 'suspended_at', 'email_verified_at'])
    .where('id', '=', id)
    .executeTakeFirst();
