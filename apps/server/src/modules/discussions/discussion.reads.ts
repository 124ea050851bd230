import { PostListResponseSchema, type PostListResponse } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TableName } from '../../db/write-tracker.ts';
import type { Clock } from '../../platform/clock.ts';
import { createReadCache } from '../../platform/read-cache.ts';
import { PreparedHead, writerOf } from '../../platform/shared-answer.ts';
import { toListedPost } from './discussion.mapper.ts';
import * as repo from './discussion.repository.ts';

/** What the kept pages of posts may weigh in all (see `pageWeight`): about that many bytes of memory. */
export const POST_PAGES_BUDGET = 32_000_000;

/** What a page of a thread is for every reader of one kind (moderators or not), and what the viewer's own
 * part is worked out from. */
export interface PostPage {
  /** `items` and `nextFrom`: written and compressed once where kept (SQLite), else as an object. */
  head: PreparedHead | Pick<PostListResponse, 'items' | 'nextFrom'>;
  /** The listed posts' numbers, authors and deletion, for the viewer's permissions. */
  posts: Pick<repo.ListedPostRow, 'number' | 'author_id' | 'deleted_at'>[];
  /** First and last post number listed (`last < first` for an empty page). */
  first: number;
  last: number;
  /**
   * Who reacted to the listed posts, as `idHash` values (sorted, each once): a viewer whose hash is not
   * here has no reaction on the page, so their own reactions need no query (most readers, most pages).
   */
  reactors: Uint32Array;
}

/** A 32-bit FNV-1a hash of an id: equal ids, equal hashes; different ids collide about once in 4 billion. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The distinct hashes of these ids, sorted (for `mayHaveReacted`). */
export function hashSet(ids: Iterable<string>): Uint32Array {
  const hashes = new Set<number>();
  for (const id of ids) hashes.add(idHash(id));
  return Uint32Array.from(hashes).sort();
}

/** Whether `hashSet` of some ids may hold this one: false is certain, true may be a 32-bit collision. */
export function mayHold(r: Uint32Array, id: string): boolean {
  const h = idHash(id);
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (r[mid] === h) return true;
    if (r[mid]! < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Whether this member may have reacted to a post of the page: false is certain, true may be a collision
 * (the caller then reads their reactions).
 */
export const mayHaveReacted = (page: Pick<PostPage, 'reactors'>, userId: string) =>
  mayHold(page.reactors, userId);

/**
 * A kept page's weight, close to the bytes it holds: its compressed head, for each post a small object
 * (number, author id, deletion; ~100 bytes), the reactors' hashes, and the entry with its key and buffers
 * (~500).
 */
export function pageWeight(page: PostPage): number {
  const head = page.head instanceof PreparedHead ? page.head.gzip.length : 0;
  return 500 + head + 100 * page.posts.length + page.reactors.byteLength;
}

type PageWhere = Omit<Parameters<typeof repo.listTopics>[1], 'after'>;
type After = { value: string | number; id: string } | undefined;

/**
 * The discussion reads that are the same for every reader, kept in process until a write to their tables
 * (decision 0012): a topic list's first page, a topic's row, its tags, shares and poll, pages of posts.
 * What is read of one topic passes that topic as its scope: writes that name other topics leave it kept
 * (decision 0024).
 * What is the viewer's own (read positions, reactions, votes) is read per request, and the policy decides
 * on every request who sees any of it.
 */
export function createDiscussionReads(db: Kysely<DB>, clock: Clock) {
  const cache = <V>(tables: readonly TableName[], max: number) =>
    createReadCache<V>({ db, clock, tables, max, ttlMs: 60_000 });

  /** One page of a topic list: topics, pinned and shared ones (first page only), their tags. */
  async function readPage(w: PageWhere, after: After) {
    const rows = await repo.listTopics(db, { ...w, after });
    const pinned = after ? [] : await repo.listPinned(db, w.communityId, w.groupId, w.tagId);
    const sharedIds =
      after || w.groupId || w.tagId ? [] : (await repo.sharedInto(db, w.communityId)).map((r) => r.id);
    const sharedRows = await repo.topicsByIds(db, sharedIds);
    const tags = new Map<string, { slug: string; name: string }[]>();
    const ids = [...pinned, ...rows, ...sharedRows].map((t) => t.id);
    for (const r of await repo.tagsOfTopics(db, ids)) {
      tags.set(r.topic_id, [...(tags.get(r.topic_id) ?? []), { slug: r.slug, name: r.name }]);
    }
    return { rows, pinned, sharedRows, tags };
  }

  async function readExtras(topicId: string) {
    const [tags, shares, poll] = await Promise.all([
      repo.tagsOfTopics(db, [topicId]),
      repo.sharesOf(db, topicId),
      repo.findPoll(db, topicId),
    ]);
    return { tags: tags.map(({ slug, name }) => ({ slug, name })), shares, poll };
  }

  const firstPages = cache<Awaited<ReturnType<typeof readPage>>>(
    ['topics', 'users', 'topic_tags', 'tags', 'topic_shares'],
    1_000,
  );
  const topics = cache<repo.TopicRow | undefined>(['topics'], 20_000);
  const headers = cache<repo.TopicHeaderRow | undefined>(['topics', 'users'], 20_000);
  const extras = cache<Awaited<ReturnType<typeof readExtras>>>(
    ['topic_tags', 'tags', 'topic_shares', 'communities', 'polls'],
    20_000,
  );
  // Pages of posts are kept compressed, up to a budget of their bytes, not a count: a page holds 1 to 20
  // posts of a few hundred bytes to 20 KB each. Within 32 MB, nearly every page of the benchmark's 10,000
  // threads (12,700 pages, 110,000 posts) stays in memory (bench/README.md, seventh round).
  const postPages = createReadCache<PostPage>({
    db,
    clock,
    tables: ['posts', 'users', 'reactions'],
    max: 50_000,
    ttlMs: 60_000,
    weight: { weigh: pageWeight, maxWeight: POST_PAGES_BUDGET },
  });
  const writeHead = writerOf(PostListResponseSchema, ['items', 'nextFrom']);
  // Who has a read position on a topic, as hashes: most members open topics they have never read, and then
  // need no query for their position. Moving a position forward does not count as a write here (only a
  // first read of a topic, which adds a reader, does: `uncounted` in db/write-tracker.ts).
  const readers = cache<Uint32Array>(['topic_reads'], 20_000);
  const readersOf = (topicId: string) =>
    readers.get(topicId, async () => hashSet(await repo.readersOf(db, topicId)), undefined, topicId);

  async function readPostPage(topicId: string, from: number, limit: number, moderator: boolean) {
    const rows = await repo.listPosts(db, topicId, from, limit);
    const listed = rows.slice(0, limit);
    const first = listed[0]?.number ?? from;
    const last = listed.at(-1)?.number ?? from - 1;
    const reactions = await repo.reactionRows(db, topicId, first, last);
    const totals = repo.countReactions(reactions, null);
    const head = {
      items: listed.map((p) =>
        toListedPost(
          p,
          moderator,
          (totals.get(p.number) ?? []).map(({ kind, count }) => ({ kind, count })),
        ),
      ),
      nextFrom: rows.length > limit ? rows[limit]!.number : null,
    };
    const posts = listed.map(({ number, author_id, deleted_at }) => ({ number, author_id, deleted_at }));
    return {
      head: postPages.keeps ? PreparedHead.of(head, writeHead) : head,
      posts,
      first,
      last,
      reactors: hashSet(reactions.map((r) => r.user_id)),
    } satisfies PostPage;
  }

  return {
    /** A page of a topic list (later pages are not kept: every reader asks for other ones). */
    topicPage: (w: PageWhere, after: After) =>
      after
        ? readPage(w, after)
        : firstPages.get(`${w.groupId}|${w.tagId}|${w.sort}|${w.limit}|${w.communityId}`, () =>
            readPage(w, undefined),
          ),
    topic: (id: string) => topics.get(id, () => repo.findTopic(db, id), undefined, id),
    /**
     * The names and solution number a topic's header shows. Kept until a write to topics or users (a post's
     * number never changes, so the solution's needs no more).
     */
    header: (id: string) => headers.get(id, () => repo.topicHeader(db, id), undefined, id),
    /** A topic's tags, the communities it is shared into, and its poll (without votes). */
    extras: (topicId: string) => extras.get(topicId, () => readExtras(topicId), undefined, topicId),
    /**
     * Whether this member may have a read position on the topic: false is certain. Where nothing is kept
     * (PostgreSQL) always true, so the caller reads the position itself, as before.
     */
    mayHaveRead: async (topicId: string, userId: string) =>
      !readers.keeps || mayHold(await readersOf(topicId), userId),
    /**
     * A page of a thread as every reader of its kind sees it: posts (with their reaction counts) from number
     * `from` on, `limit` of them at most.
     */
    postPage: (topicId: string, from: number, limit: number, moderator: boolean) =>
      postPages.get(
        `${topicId}|${from}|${limit}|${moderator ? 'm' : ''}`,
        () => readPostPage(topicId, from, limit, moderator),
        undefined,
        topicId,
      ),
  };
}
