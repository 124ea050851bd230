import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TableName } from '../../db/write-tracker.ts';
import type { Clock } from '../../platform/clock.ts';
import { createReadCache } from '../../platform/read-cache.ts';
import * as repo from './discussion.repository.ts';

/** What the kept pages of posts may weigh in all (see `pageWeight`): about that many bytes of memory. */
export const POST_PAGES_BUDGET = 12_000_000;

/**
 * A page of posts' weight, close to the bytes it holds: the characters of its HTML, and for each row its
 * object and its small strings (ids, dates, the author's name), ~600 bytes measured in the benchmark.
 */
export function pageWeight(rows: readonly repo.ListedPostRow[]): number {
  let weight = 0;
  for (const r of rows) weight += 600 + r.body_html.length;
  return weight;
}

type PageWhere = Omit<Parameters<typeof repo.listTopics>[1], 'after'>;
type After = { value: string | number; id: string } | undefined;

/**
 * The discussion reads that are the same for every reader, kept in process until a write to their tables
 * (decision 0012): a topic list's first page, a topic's row, its tags, shares and poll, pages of posts.
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
  // Pages of posts are kept up to a budget of their text, not a count: a page holds 1 to 21 posts of a few
  // hundred bytes to 20 KB each. Within 12 MB, the first pages of a few thousand threads stay in memory
  // (bench/README.md, sixth round).
  const postPages = createReadCache<Awaited<ReturnType<typeof repo.listPosts>>>({
    db,
    clock,
    tables: ['posts', 'users'],
    max: 20_000,
    ttlMs: 60_000,
    weight: { weigh: pageWeight, maxWeight: POST_PAGES_BUDGET },
  });

  return {
    /** A page of a topic list (later pages are not kept: every reader asks for other ones). */
    topicPage: (w: PageWhere, after: After) =>
      after
        ? readPage(w, after)
        : firstPages.get(`${w.groupId}|${w.tagId}|${w.sort}|${w.limit}|${w.communityId}`, () =>
            readPage(w, undefined),
          ),
    topic: (id: string) => topics.get(id, () => repo.findTopic(db, id)),
    /**
     * The names and solution number a topic's header shows. Kept until a write to topics or users (a post's
     * number never changes, so the solution's needs no more).
     */
    header: (id: string) => headers.get(id, () => repo.topicHeader(db, id)),
    /** A topic's tags, the communities it is shared into, and its poll (without votes). */
    extras: (topicId: string) => extras.get(topicId, () => readExtras(topicId)),
    posts: (topicId: string, from: number, limit: number) =>
      postPages.get(`${topicId}|${from}|${limit}`, () => repo.listPosts(db, topicId, from, limit)),
  };
}
