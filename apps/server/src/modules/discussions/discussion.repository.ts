import { sql, type Kysely, type Selectable } from 'kysely';
import { prepared } from '../../db/prepared.ts';
import type { DB, PostsTable, ReactionKind, TopicsTable } from '../../db/schema.ts';

export type TopicRow = Selectable<TopicsTable>;
export type PostRow = Selectable<PostsTable>;
type Exec = Kysely<DB>;

export type TopicSort = 'latest' | 'newest' | 'active';
/** The column each topic-list order sorts by (and its cursor carries). */
export const SORT_COLUMN = { latest: 'last_post_at', newest: 'created_at', active: 'post_count' } as const;

export const topicsByIds = (db: Exec, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('topics as t')
        .leftJoin('users as a', 'a.id', 't.author_id')
        .leftJoin('users as l', 'l.id', 't.last_poster_id')
        .selectAll('t')
        .select(['a.display_name as author_name', 'l.display_name as last_poster_name'])
        .where('t.id', 'in', ids)
        .execute();

// The reads behind every topic page are prepared (compiled once, decision 0018).
const findTopicQuery = prepared((db, a: { id: string }) =>
  db.selectFrom('topics').selectAll().where('id', '=', a.id),
);
export const findTopic = (db: Exec, id: string) => findTopicQuery.first(db, { id });

/** What a topic's header shows besides its row: its author's and last poster's names, its solution's number. */
export type TopicHeaderRow = {
  author_name: string | null;
  last_poster_name: string | null;
  solution_number: number | null;
};
const topicHeaderQuery = prepared((db, a: { id: string }) =>
  db
    .selectFrom('topics as t')
    .leftJoin('users as a', 'a.id', 't.author_id')
    .leftJoin('users as l', 'l.id', 't.last_poster_id')
    .leftJoin('posts as s', 's.id', 't.solved_post_id')
    .select([
      'a.display_name as author_name',
      'l.display_name as last_poster_name',
      's.number as solution_number',
    ])
    .where('t.id', '=', a.id),
);
export const topicHeader = (db: Exec, id: string): Promise<TopicHeaderRow | undefined> =>
  topicHeaderQuery.first(db, { id });
export const insertTopic = (db: Exec, row: TopicRow) => db.insertInto('topics').values(row).execute();
export const updateTopic = (db: Exec, id: string, patch: Partial<TopicRow>) =>
  db.updateTable('topics').set(patch).where('id', '=', id).execute();

/** One page of a community's (or group's) live topics in keyset order; pinned ones first on the first page. */
export async function listTopics(
  db: Exec,
  opts: {
    communityId: string;
    groupId: string | null;
    tagId?: string | undefined;
    sort: TopicSort;
    after?: { value: string | number; id: string } | undefined;
    limit: number;
  },
) {
  const col = SORT_COLUMN[opts.sort];
  let q = db
    .selectFrom('topics as t')
    .leftJoin('users as a', 'a.id', 't.author_id')
    .leftJoin('users as l', 'l.id', 't.last_poster_id')
    .selectAll('t')
    .select(['a.display_name as author_name', 'l.display_name as last_poster_name'])
    .where('t.community_id', '=', opts.communityId)
    .where('t.deleted_at', 'is', null);
  q = opts.groupId ? q.where('t.group_id', '=', opts.groupId) : q.where('t.group_id', 'is', null);
  if (opts.tagId) {
    const tagId = opts.tagId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('topic_tags as tt')
          .select('tt.topic_id')
          .whereRef('tt.topic_id', '=', 't.id')
          .where('tt.tag_id', '=', tagId),
      ),
    );
  }
  if (opts.after) {
    const { value, id } = opts.after;
    q = q.where((eb) =>
      eb.or([
        eb(`t.${col}`, '<', value as never),
        eb.and([eb(`t.${col}`, '=', value as never), eb('t.id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy(`t.${col}`, 'desc')
    .orderBy('t.id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export function listPinned(db: Exec, communityId: string, groupId: string | null, tagId?: string) {
  let q = db
    .selectFrom('topics as t')
    .leftJoin('users as a', 'a.id', 't.author_id')
    .leftJoin('users as l', 'l.id', 't.last_poster_id')
    .selectAll('t')
    .select(['a.display_name as author_name', 'l.display_name as last_poster_name'])
    .where('t.community_id', '=', communityId)
    .where('t.deleted_at', 'is', null)
    .where('t.pinned_at', 'is not', null);
  q = groupId ? q.where('t.group_id', '=', groupId) : q.where('t.group_id', 'is', null);
  if (tagId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('topic_tags as tt')
          .select('tt.topic_id')
          .whereRef('tt.topic_id', '=', 't.id')
          .where('tt.tag_id', '=', tagId),
      ),
    );
  return q.orderBy('t.pinned_at', 'desc').limit(20).execute();
}

/** The viewer's read positions for many topics at once. */
const readPositionsQuery = prepared((db, a: { user: string; topics: string[] }) =>
  db
    .selectFrom('topic_reads')
    .select(['topic_id', 'last_read_number'])
    .where('user_id', '=', a.user)
    .where('topic_id', 'in', a.topics),
);
export const readPositions = (db: Exec, userId: string, topicIds: string[]) =>
  topicIds.length === 0
    ? Promise.resolve([] as { topic_id: string; last_read_number: number }[])
    : readPositionsQuery(db, { user: userId, topics: topicIds });

const readPositionQuery = prepared((db, a: { user: string; topic: string }) =>
  db
    .selectFrom('topic_reads')
    .select('last_read_number')
    .where('user_id', '=', a.user)
    .where('topic_id', '=', a.topic),
);
export const readPosition = async (db: Exec, userId: string, topicId: string) =>
  (await readPositionQuery.first(db, { user: userId, topic: topicId }))?.last_read_number;

/** The members who have a read position on a topic (`topic_reads_topic_idx`). */
const readersQuery = prepared((db, a: { topic: string }) =>
  db.selectFrom('topic_reads').select('user_id').where('topic_id', '=', a.topic),
);
export const readersOf = async (db: Exec, topicId: string) =>
  (await readersQuery(db, { topic: topicId })).map((r) => r.user_id);

/** Moves the read position forward only (portable upsert: update, then insert when absent). */
export async function markRead(
  db: Exec,
  userId: string,
  topicId: string,
  number: number,
  at: string,
): Promise<void> {
  const r = await db
    .updateTable('topic_reads')
    .set({
      last_read_number: sql<number>`case when last_read_number < ${number} then ${number} else last_read_number end`,
      updated_at: at,
    })
    .where('user_id', '=', userId)
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    await db
      .insertInto('topic_reads')
      .values({ user_id: userId, topic_id: topicId, last_read_number: number, updated_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'topic_id']).doNothing())
      .execute();
  }
}

export const findPost = (db: Exec, id: string) =>
  db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
export const findPostByNumber = (db: Exec, topicId: string, number: number) =>
  db
    .selectFrom('posts')
    .selectAll()
    .where('topic_id', '=', topicId)
    .where('number', '=', number)
    .executeTakeFirst();
/** Moves a topic's counters on by one reply and returns the new post's number (inside the caller's transaction). */
export async function claimPostNumber(db: Exec, topicId: string, posterId: string | null, at: string) {
  const { last_post_number } = await db
    .updateTable('topics')
    .set((eb) => ({
      post_count: eb('post_count', '+', 1),
      last_post_number: eb('last_post_number', '+', 1),
      last_post_at: at,
      last_poster_id: posterId,
      updated_at: at,
    }))
    .where('id', '=', topicId)
    .returning('last_post_number')
    .executeTakeFirstOrThrow();
  return last_post_number;
}
export const insertPost = (db: Exec, row: PostRow) => db.insertInto('posts').values(row).execute();
/** Changes a post (its topic named too, so that only that topic's kept pages drop: decision 0024). */
export const updatePost = (db: Exec, post: Pick<PostRow, 'id' | 'topic_id'>, patch: Partial<PostRow>) =>
  db
    .updateTable('posts')
    .set(patch)
    .where('topic_id', '=', post.topic_id)
    .where('id', '=', post.id)
    .execute();

/** What a post in a thread shows: every column but the ones its page already knows or never shows. */
export const LISTED_POST_COLUMNS = [
  'p.id',
  'p.number',
  'p.author_id',
  'p.body_html',
  'p.reply_to_number',
  'p.edit_count',
  'p.edited_at',
  'p.deleted_at',
  'p.created_at',
] as const;
type Unprefixed<T> = T extends `p.${infer C extends keyof PostRow}` ? C : never;
export type ListedPostRow = Pick<PostRow, Unprefixed<(typeof LISTED_POST_COLUMNS)[number]>>;

const listPostsQuery = prepared((db, a: { topic: string; from: number; limit: number }) =>
  db
    .selectFrom('posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select(LISTED_POST_COLUMNS)
    .select('u.display_name as author_name')
    .where('p.topic_id', '=', a.topic)
    .where('p.number', '>=', a.from)
    .orderBy('p.number')
    .limit(a.limit),
);
/** Posts from number `from` on: `limit` of them and one more (tells whether there is a next page). */
export const listPosts = (db: Exec, topicId: string, from: number, limit: number) =>
  listPostsQuery(db, { topic: topicId, from, limit: limit + 1 });

const reactionsQuery = prepared((db, a: { topic: string; first: number; last: number }) =>
  db
    .selectFrom('reactions')
    .select(['post_number', 'kind', 'user_id'])
    .where('topic_id', '=', a.topic)
    .where('post_number', '>=', a.first)
    .where('post_number', '<=', a.last)
    .orderBy('post_number')
    .orderBy('kind'),
);
export type ReactionCount = { kind: ReactionKind; count: number; mine: boolean };
export type ReactionRow = { post_number: number; kind: ReactionKind; user_id: string };

/**
 * The reactions on the posts numbered `first` to `last` of a topic, by post number and kind: one range of
 * one index (decision 0020).
 */
export const reactionRows = (db: Exec, topicId: string, first: number, last: number) =>
  last < first ? Promise.resolve([] as ReactionRow[]) : reactionsQuery(db, { topic: topicId, first, last });

/** Reaction counts by post number, and which ones are the viewer's, from rows in `reactionRows` order. */
export function countReactions(
  rows: readonly ReactionRow[],
  viewer: string | null,
): Map<number, ReactionCount[]> {
  const out = new Map<number, ReactionCount[]>();
  for (const r of rows) {
    let list = out.get(r.post_number);
    if (!list) out.set(r.post_number, (list = []));
    const at = list[list.length - 1];
    const mine = r.user_id === viewer;
    if (at?.kind === r.kind) {
      at.count++;
      at.mine ||= mine;
    } else list.push({ kind: r.kind, count: 1, mine });
  }
  return out;
}

/** Reaction counts by post number for the posts numbered `first` to `last`, with the viewer's marked. */
export const reactionsFor = async (
  db: Exec,
  topicId: string,
  first: number,
  last: number,
  userId: string | null,
) => countReactions(await reactionRows(db, topicId, first, last), userId);

/**
 * The viewer's own reactions on the posts numbered `first` to `last` of a topic, by post number: picked out
 * of the page's reactions (asked for only when the page's reactors may hold the viewer, decision 0023).
 */
export async function myReactions(
  db: Exec,
  userId: string,
  topicId: string,
  first: number,
  last: number,
): Promise<Record<string, ReactionKind[]>> {
  const out: Record<string, ReactionKind[]> = {};
  for (const r of await reactionRows(db, topicId, first, last)) {
    if (r.user_id === userId) (out[r.post_number] ??= []).push(r.kind);
  }
  return out;
}

export const addReaction = (
  db: Exec,
  post: Pick<PostRow, 'id' | 'topic_id' | 'number'>,
  userId: string,
  kind: ReactionKind,
  at: string,
) =>
  db
    .insertInto('reactions')
    .values({
      post_id: post.id,
      topic_id: post.topic_id,
      post_number: post.number,
      user_id: userId,
      kind,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['post_id', 'user_id', 'kind']).doNothing())
    .execute();
export const removeReaction = (
  db: Exec,
  post: Pick<PostRow, 'id' | 'topic_id'>,
  userId: string,
  kind: ReactionKind,
) =>
  db
    .deleteFrom('reactions')
    .where('topic_id', '=', post.topic_id)
    .where('post_id', '=', post.id)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();

export const insertRevision = (
  db: Exec,
  row: {
    id: string;
    post_id: string;
    revision: number;
    body: string;
    edited_by: string | null;
    created_at: string;
  },
) => db.insertInto('post_revisions').values(row).execute();
export const listRevisions = (db: Exec, postId: string) =>
  db
    .selectFrom('post_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.edited_by')
    .selectAll('r')
    .select('u.display_name')
    .where('r.post_id', '=', postId)
    .orderBy('r.revision', 'desc')
    .execute();

export const replaceMentions = async (db: Exec, postId: string, userIds: string[]) => {
  await db.deleteFrom('mentions').where('post_id', '=', postId).execute();
  if (userIds.length)
    await db
      .insertInto('mentions')
      .values(userIds.map((user_id) => ({ post_id: postId, user_id })))
      .execute();
};

const groupByIdQuery = prepared((db, a: { id: string }) =>
  db.selectFrom('working_groups').selectAll().where('id', '=', a.id),
);
export const groupById = (db: Exec, id: string) => groupByIdQuery.first(db, { id });
const groupRoleQuery = prepared((db, a: { group: string; user: string }) =>
  db
    .selectFrom('working_group_members')
    .select('role')
    .where('group_id', '=', a.group)
    .where('user_id', '=', a.user),
);
export const groupRole = async (db: Exec, groupId: string, userId: string) =>
  (await groupRoleQuery.first(db, { group: groupId, user: userId }))?.role ?? null;
export const existingUsers = (db: Exec, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: string }[])
    : db.selectFrom('users').select('id').where('id', 'in', ids).execute();

// ---- tags

const tagsOfTopicsQuery = prepared((db, a: { topics: string[] }) =>
  db
    .selectFrom('topic_tags as tt')
    .innerJoin('tags as g', 'g.id', 'tt.tag_id')
    .select(['tt.topic_id', 'g.slug', 'g.name'])
    .where('tt.topic_id', 'in', a.topics)
    .orderBy('g.slug'),
);
export const tagsOfTopics = (db: Exec, topicIds: string[]) =>
  topicIds.length === 0
    ? Promise.resolve([] as { topic_id: string; slug: string; name: string }[])
    : tagsOfTopicsQuery(db, { topics: topicIds });

/** Finds or creates the community's tags by name, and sets them as the topic's tags. */
export async function setTopicTags(
  db: Exec,
  communityId: string,
  topicId: string,
  tags: { slug: string; name: string }[],
  at: string,
  newId: () => string,
) {
  await db.deleteFrom('topic_tags').where('topic_id', '=', topicId).execute();
  for (const t of tags) {
    let tag = await db
      .selectFrom('tags')
      .select('id')
      .where('community_id', '=', communityId)
      .where('slug', '=', t.slug)
      .executeTakeFirst();
    if (!tag) {
      const id = newId();
      await db
        .insertInto('tags')
        .values({ id, community_id: communityId, slug: t.slug, name: t.name, created_at: at })
        .onConflict((oc) => oc.columns(['community_id', 'slug']).doNothing())
        .execute();
      tag = await db
        .selectFrom('tags')
        .select('id')
        .where('community_id', '=', communityId)
        .where('slug', '=', t.slug)
        .executeTakeFirstOrThrow();
    }
    await db
      .insertInto('topic_tags')
      .values({ topic_id: topicId, tag_id: tag.id })
      .onConflict((oc) => oc.columns(['topic_id', 'tag_id']).doNothing())
      .execute();
  }
}

export const findTag = (db: Exec, communityId: string, slug: string) =>
  db
    .selectFrom('tags')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('slug', '=', slug)
    .executeTakeFirst();

/** Tags with the number of live community-level topics carrying them. */
export const tagCounts = (db: Exec, communityId: string) =>
  db
    .selectFrom('tags as g')
    .leftJoin('topic_tags as tt', 'tt.tag_id', 'g.id')
    .leftJoin('topics as t', (j) =>
      j.onRef('t.id', '=', 'tt.topic_id').on('t.deleted_at', 'is', null).on('t.group_id', 'is', null),
    )
    .select(['g.slug', 'g.name', (eb) => eb.fn.count<number>('t.id').as('n')])
    .where('g.community_id', '=', communityId)
    .groupBy(['g.id', 'g.slug', 'g.name'])
    .orderBy('g.slug')
    .execute();

// ---- polls

const findPollQuery = prepared((db, a: { topic: string }) =>
  db.selectFrom('polls').selectAll().where('topic_id', '=', a.topic),
);
export const findPoll = (db: Exec, topicId: string) => findPollQuery.first(db, { topic: topicId });
export const pollOptions = (db: Exec, pollId: string) =>
  db
    .selectFrom('poll_options as o')
    .leftJoin('poll_votes as v', 'v.option_id', 'o.id')
    .select(['o.id', 'o.label', 'o.position', (eb) => eb.fn.count<number>('v.user_id').as('votes')])
    .where('o.poll_id', '=', pollId)
    .groupBy(['o.id', 'o.label', 'o.position'])
    .orderBy('o.position')
    .execute();
export const myPollVotes = (db: Exec, pollId: string, userId: string) =>
  db
    .selectFrom('poll_votes')
    .select('option_id')
    .where('poll_id', '=', pollId)
    .where('user_id', '=', userId)
    .execute();
export async function pollVoters(db: Exec, pollId: string): Promise<number> {
  const r = await db
    .selectFrom('poll_votes')
    .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
    .where('poll_id', '=', pollId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- shares

const sharesOfQuery = prepared((db, a: { topic: string }) =>
  db
    .selectFrom('topic_shares as s')
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .select(['c.id', 'c.slug', 'c.name'])
    .where('s.topic_id', '=', a.topic),
);
export const sharesOf = (db: Exec, topicId: string) => sharesOfQuery(db, { topic: topicId });
export const sharedInto = (db: Exec, communityId: string) =>
  db
    .selectFrom('topic_shares as s')
    .innerJoin('topics as t', 't.id', 's.topic_id')
    .select('t.id')
    .where('s.community_id', '=', communityId)
    .where('t.deleted_at', 'is', null)
    .orderBy('s.created_at', 'desc')
    .limit(20)
    .execute();
