import { faker } from '@faker-js/faker';
import { Presets, SingleBar } from 'cli-progress';
import type { Insertable, Kysely } from 'kysely';
import type {
  DB,
  MentionsTable,
  PollOptionsTable,
  PollsTable,
  PollVotesTable,
  PostRevisionsTable,
  PostsTable,
  ReactionKind,
  ReactionsTable,
  TagsTable,
  TopicReadsTable,
  TopicsTable,
  TopicTagsTable,
} from '../db/schema.ts';
import { tagSlug } from '../modules/discussions/discussion.service.ts';
import { mentionOf, renderPostBody } from '../modules/discussions/post-body.ts';
import { DAY, HOUR, MINUTE, iso, type Clock } from '../platform/clock.ts';
import {
  openingBody,
  pickTheme,
  pollFor,
  quotable,
  replyBody,
  topicTags,
  topicTitle,
} from './discussion-texts.ts';

export interface DiscussionSeedOptions {
  /** Topics in all, spread evenly over the communities; default 15–40 per community. */
  topics?: number | undefined;
  /** Replies in all, spread over the topics (a few long threads, many short ones); default 0–30 per topic. */
  replies?: number | undefined;
  /** How many of the demo communities (in their fixed order) get discussions; default all. */
  communities?: number | undefined;
  progress?: boolean | undefined;
  seed: number;
}

export interface DiscussionSeedResult {
  topics: number;
  posts: number;
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 400;
const MARKER = 'demo_discussions:';

interface Person {
  id: string;
  displayName: string;
}

/** Collects rows and writes them in multi-row INSERTs, parents before children (foreign keys). */
class Batches {
  topics: Insertable<TopicsTable>[] = [];
  posts: Insertable<PostsTable>[] = [];
  revisions: Insertable<PostRevisionsTable>[] = [];
  mentions: Insertable<MentionsTable>[] = [];
  reactions: Insertable<ReactionsTable>[] = [];
  reads: Insertable<TopicReadsTable>[] = [];
  tags: Insertable<TagsTable>[] = [];
  topicTags: Insertable<TopicTagsTable>[] = [];
  polls: Insertable<PollsTable>[] = [];
  pollOptions: Insertable<PollOptionsTable>[] = [];
  pollVotes: Insertable<PollVotesTable>[] = [];
  constructor(private readonly db: Kysely<DB>) {}

  get full() {
    return (
      this.posts.length >= BATCH ||
      this.reactions.length >= BATCH * 2 ||
      this.reads.length >= BATCH * 2 ||
      this.topics.length >= BATCH
    );
  }

  async flush(): Promise<void> {
    const chunks = async <T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
      rows.length = 0;
    };
    await chunks(this.tags, BATCH, (p) => this.db.insertInto('tags').values(p).execute());
    await chunks(this.topics, BATCH, (p) => this.db.insertInto('topics').values(p).execute());
    await chunks(this.topicTags, BATCH * 2, (p) => this.db.insertInto('topic_tags').values(p).execute());
    await chunks(this.polls, BATCH, (p) => this.db.insertInto('polls').values(p).execute());
    await chunks(this.pollOptions, BATCH, (p) => this.db.insertInto('poll_options').values(p).execute());
    await chunks(this.pollVotes, BATCH * 2, (p) => this.db.insertInto('poll_votes').values(p).execute());
    await chunks(this.posts, BATCH, (p) => this.db.insertInto('posts').values(p).execute());
    await chunks(this.revisions, BATCH, (p) => this.db.insertInto('post_revisions').values(p).execute());
    await chunks(this.mentions, BATCH * 2, (p) => this.db.insertInto('mentions').values(p).execute());
    await chunks(this.reactions, BATCH * 2, (p) => this.db.insertInto('reactions').values(p).execute());
    await chunks(this.reads, BATCH * 2, (p) => this.db.insertInto('topic_reads').values(p).execute());
  }
}

/** Splits `total` into `parts` whole numbers following random weights (heavy-tailed when `skew` > 1). */
function split(total: number, parts: number, skew: number): number[] {
  if (parts === 0) return [];
  const w = Array.from(
    { length: parts },
    () => (-Math.log(1 - faker.number.float({ min: 0, max: 0.999 }))) ** skew,
  );
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.floor((total * x) / sum));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) out[i]!++;
  return out;
}

/** What a reply asks of the person it names. */
const ASK = [
  'what do you think?',
  'you tried something similar last year, didn’t you?',
  'could you share the template you mentioned?',
  'does this match what you saw in your region?',
  'would this work with your learners?',
];

const REACTIONS = [
  { weight: 60, value: 'like' as ReactionKind },
  { weight: 25, value: 'insightful' as ReactionKind },
  { weight: 15, value: 'thanks' as ReactionKind },
];

/**
 * Conversations in the demo communities: topics (some in working groups, a few pinned, locked or
 * solved), replies with quotes, replies-to and @mentions, reactions, read positions, the odd edit and
 * deletion. Topic counters always match the posts. Each community is written in one transaction together
 * with its marker, so a second run adds nothing.
 */
export async function seedDiscussions(
  db: Kysely<DB>,
  clock: Clock,
  order: string[],
  opts: DiscussionSeedOptions,
): Promise<DiscussionSeedResult> {
  faker.seed(opts.seed + 1);
  const now = clock.now().getTime();
  const rows = await db.selectFrom('communities').select(['id', 'slug']).where('slug', 'in', order).execute();
  const communities = rows
    .sort((a, b) => order.indexOf(a.slug) - order.indexOf(b.slug))
    .slice(0, opts.communities ?? order.length);
  const done = new Set(
    (await db.selectFrom('platform_settings').select('key').where('key', 'like', `${MARKER}%`).execute()).map(
      (r) => r.key.slice(MARKER.length),
    ),
  );
  const n = communities.length;
  const topicCounts =
    opts.topics === undefined
      ? communities.map(() => faker.number.int({ min: 15, max: 40 }))
      : communities.map((_, i) => Math.floor(opts.topics! / n) + (i < opts.topics! % n ? 1 : 0));
  const allTopics = topicCounts.reduce((a, b) => a + b, 0);
  const replyShares =
    opts.replies === undefined
      ? undefined
      : topicCounts.map((t, i) =>
          i === n - 1
            ? opts.replies! -
              topicCounts.slice(0, -1).reduce((a, c) => a + Math.floor((opts.replies! * c) / allTopics), 0)
            : Math.floor((opts.replies! * t) / allTopics),
        );

  const bar = opts.progress
    ? new SingleBar({ format: 'topics  {bar} {value}/{total} {eta}s' }, Presets.shades_classic)
    : undefined;
  bar?.start(allTopics, 0);
  let progress = 0;
  const result: DiscussionSeedResult = { topics: 0, posts: 0 };
  for (const [ci, c] of communities.entries()) {
    const topics = topicCounts[ci]!;
    const replies =
      replyShares === undefined
        ? Array.from({ length: topics }, () =>
            Math.floor(31 * faker.number.float({ min: 0, max: 0.999 }) ** 1.6),
          )
        : split(replyShares[ci]!, topics, 1.8);
    if (done.has(c.slug)) {
      progress += topics;
      bar?.update(progress);
      continue;
    }
    await db.transaction().execute(async (trx) => {
      const members: Person[] = await trx
        .selectFrom('community_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.display_name as displayName'])
        .where('m.community_id', '=', c.id)
        .where('m.status', '=', 'active')
        .orderBy('u.email')
        .execute();
      if (members.length === 0) return;
      const groupRows = await trx
        .selectFrom('working_groups as g')
        .innerJoin('working_group_members as gm', 'gm.group_id', 'g.id')
        .innerJoin('users as u', 'u.id', 'gm.user_id')
        .select(['g.id as group_id', 'g.slug', 'u.id', 'u.display_name'])
        .where('g.community_id', '=', c.id)
        .where('g.archived_at', 'is', null)
        .orderBy('g.slug')
        .orderBy('u.email')
        .execute();
      const groups = new Map<string, Person[]>();
      for (const g of groupRows)
        groups.set(g.group_id, [
          ...(groups.get(g.group_id) ?? []),
          { id: g.id, displayName: g.display_name },
        ]);
      const groupIds = [...groups.keys()];
      // Every community shows each kind of topic at least once: pinned, locked, solved.
      const pinned = new Set(faker.helpers.arrayElements([...Array(topics).keys()], { min: 1, max: 2 }));
      const unpinned = [...Array(topics).keys()].filter((i) => !pinned.has(i));
      const locked = unpinned.length ? faker.helpers.arrayElement(unpinned) : -1;
      const solved = replies.indexOf(Math.max(...replies));
      const inGroup = unpinned.find((i) => i !== locked && i !== solved);
      // …and at least one poll, one of them already closed in the bigger communities.
      const withPoll = new Set(faker.helpers.arrayElements(unpinned, { min: 1, max: 2 }));
      const tagIds = new Map<string, string>();
      const tagId = (name: string) => {
        const slug = tagSlug(name);
        let id = tagIds.get(slug);
        if (!id) {
          id = faker.string.uuid();
          tagIds.set(slug, id);
          out.tags.push({ id, community_id: c.id, slug, name, created_at: iso(new Date(now - 365 * DAY)) });
        }
        return id;
      };

      const out = new Batches(trx);
      for (let t = 0; t < topics; t++) {
        const groupId =
          groupIds.length > 0 &&
          !pinned.has(t) &&
          (t === inGroup || faker.datatype.boolean({ probability: 0.12 }))
            ? faker.helpers.arrayElement(groupIds)
            : null;
        const pool = groupId ? groups.get(groupId)! : members;
        writeTopic(out, {
          communityId: c.id,
          groupId,
          pool,
          replies: replies[t]!,
          pinned: pinned.has(t),
          locked: t === locked || (!pinned.has(t) && faker.datatype.boolean({ probability: 0.02 })),
          solved: t === solved || faker.datatype.boolean({ probability: 0.1 }),
          poll: withPoll.has(t) || faker.datatype.boolean({ probability: 0.04 }),
          tagId,
          now,
        });
        result.topics++;
        result.posts += replies[t]! + 1;
        if (out.full) await out.flush();
        bar?.update(++progress);
      }
      await out.flush();
      await trx
        .insertInto('platform_settings')
        .values({ key: `${MARKER}${c.slug}`, value: iso(new Date(now)) })
        .execute();
    });
  }
  bar?.stop();
  return result;
}

/** One topic with its posts, reactions and read positions, added to the batches. */
function writeTopic(
  out: Batches,
  t: {
    communityId: string;
    groupId: string | null;
    pool: Person[];
    replies: number;
    pinned: boolean;
    locked: boolean;
    /** Mark one of the replies as the solution (when there are at least two). */
    solved: boolean;
    poll: boolean;
    /** The id of a community tag by name (created on first use). */
    tagId: (name: string) => string;
    now: number;
  },
): void {
  const { pool, now } = t;
  const theme = pickTheme();
  const poll = t.poll ? pollFor() : null;
  const topicId = faker.string.uuid();
  const created = faker.number.int({ min: now - 360 * DAY, max: now - 2 * HOUR });
  const span = Math.min(
    now - created - MINUTE,
    faker.helpers.weightedArrayElement([
      { weight: 40, value: 2 * DAY },
      { weight: 40, value: 20 * DAY },
      { weight: 20, value: 120 * DAY },
    ]),
  );
  const times = Array.from({ length: t.replies }, () =>
    faker.number.int({ min: created + 5 * MINUTE, max: created + Math.max(span, 5 * MINUTE) }),
  ).sort((a, b) => a - b);
  // The people who follow this thread: the author, those who reply, and a few who only read and react.
  const audience = faker.helpers.arrayElements(pool, Math.min(pool.length, 4 + Math.ceil(t.replies / 2)));
  const author = audience[0]!;
  const repliers = audience.length > 1 ? audience.slice(1, 2 + Math.ceil(t.replies / 3)) : audience;

  const bodies: string[] = [];
  const authors: string[] = [];
  const solvable: string[] = [];
  const lastPostBy = new Map<string, number>();
  for (let number = 1; number <= t.replies + 1; number++) {
    const at = number === 1 ? created : times[number - 2]!;
    let by = author.id;
    if (number > 1) {
      by =
        number > 2 && faker.datatype.boolean({ probability: 0.25 })
          ? author.id
          : faker.helpers.arrayElement(repliers).id;
      if (by === authors[number - 2] && repliers.length > 1) by = faker.helpers.arrayElement(repliers).id;
    }
    let replyTo: number | null = null;
    if (number > 2 && faker.datatype.boolean({ probability: 0.3 }))
      replyTo = faker.datatype.boolean({ probability: 0.6 })
        ? number - 1
        : faker.number.int({ min: 1, max: number - 1 });
    else if (number === 2 && faker.datatype.boolean({ probability: 0.2 })) replyTo = 1;
    const quote =
      replyTo !== null && faker.datatype.boolean({ probability: 0.6 })
        ? quotable(bodies[replyTo - 1]!)
        : null;
    let body = number === 1 ? (poll ? poll.intro : openingBody(theme)) : replyBody(theme, quote || null);
    // Now and then a reply turns to someone in the thread by name, as the composer's @mention writes it.
    const others = audience.filter((p) => p.id !== by);
    if (number > 1 && others.length > 0 && faker.datatype.boolean({ probability: 0.12 })) {
      const who = mentionOf(faker.helpers.arrayElement(others));
      body = faker.datatype.boolean({ probability: 0.5 })
        ? `${who} ${body}`
        : `${body}\n\n${who}, ${faker.helpers.arrayElement(ASK)}`;
    }
    const rendered = renderPostBody(body);
    const id = faker.string.uuid();
    const deleted = number > 1 && faker.datatype.boolean({ probability: 0.01 });
    const edited = !deleted && faker.datatype.boolean({ probability: 0.03 });
    const editedAt = edited
      ? iso(new Date(Math.min(now, at + faker.number.int({ min: 2, max: 90 }) * MINUTE)))
      : null;
    out.posts.push({
      id,
      topic_id: topicId,
      number,
      author_id: by,
      body,
      body_html: rendered.html,
      reply_to_number: replyTo,
      edit_count: edited ? 1 : 0,
      edited_at: editedAt,
      deleted_at: deleted ? iso(new Date(Math.min(now, at + HOUR))) : null,
      deleted_by: deleted ? by : null,
      created_at: iso(new Date(at)),
    });
    for (const user_id of rendered.mentioned) out.mentions.push({ post_id: id, user_id });
    if (edited) {
      out.revisions.push({
        id: faker.string.uuid(),
        post_id: id,
        revision: 1,
        body: body.split('\n\n')[0]!,
        edited_by: by,
        created_at: editedAt!,
      });
    }
    if (!deleted && faker.datatype.boolean({ probability: number === 1 ? 0.6 : 0.35 })) {
      for (const r of faker.helpers.arrayElements(audience, { min: 1, max: Math.min(5, audience.length) })) {
        if (r.id === by) continue;
        out.reactions.push({
          post_id: id,
          topic_id: topicId,
          post_number: number,
          user_id: r.id,
          kind: faker.helpers.weightedArrayElement(REACTIONS),
          created_at: iso(new Date(Math.min(now, at + faker.number.int({ min: 1, max: 600 }) * MINUTE))),
        });
      }
    }
    bodies.push(body);
    authors.push(by);
    if (number > 1 && !deleted) solvable.push(id);
    lastPostBy.set(by, number);
  }

  const total = t.replies + 1;
  const lastAt = total === 1 ? created : times[total - 2]!;
  // Everyone who posted has read at least up to their own last post; a few others have looked in too.
  const readers = new Map(lastPostBy);
  for (const p of audience)
    if (!readers.has(p.id) && faker.datatype.boolean({ probability: 0.5 }))
      readers.set(p.id, faker.number.int({ min: 1, max: total }));
  for (const [userId, own] of readers) {
    const upTo = faker.datatype.boolean({ probability: 0.65 })
      ? total
      : faker.number.int({ min: own, max: total });
    out.reads.push({
      user_id: userId,
      topic_id: topicId,
      last_read_number: upTo,
      updated_at: iso(new Date(upTo === 1 ? created : times[upTo - 2]!)),
    });
  }

  if (faker.datatype.boolean({ probability: 0.75 }))
    for (const name of topicTags(theme)) out.topicTags.push({ topic_id: topicId, tag_id: t.tagId(name) });
  if (poll) {
    const pollId = faker.string.uuid();
    const options = poll.options.map((label, position) => ({
      id: faker.string.uuid(),
      poll_id: pollId,
      label,
      position,
    }));
    const closed = faker.datatype.boolean({ probability: 0.3 });
    const closesAt = closed
      ? Math.min(now - HOUR, created + 7 * DAY)
      : faker.datatype.boolean()
        ? now + faker.number.int({ min: 2, max: 20 }) * DAY
        : null;
    out.polls.push({
      id: pollId,
      topic_id: topicId,
      question: poll.question,
      multiple: poll.multiple ? 1 : 0,
      closes_at: closesAt === null ? null : iso(new Date(closesAt)),
      created_at: iso(new Date(created)),
    });
    out.pollOptions.push(...options);
    for (const voter of audience.slice(1)) {
      if (!faker.datatype.boolean({ probability: 0.7 })) continue;
      const chosen = poll.multiple
        ? faker.helpers.arrayElements(options, { min: 1, max: 2 })
        : [
            faker.helpers.weightedArrayElement(
              options.map((o, i) => ({ weight: options.length - i + 1, value: o })),
            ),
          ];
      const at = iso(new Date(faker.number.int({ min: created, max: Math.min(now, closesAt ?? now) })));
      for (const o of chosen)
        out.pollVotes.push({ poll_id: pollId, option_id: o.id, user_id: voter.id, created_at: at });
    }
  }

  const solved =
    t.solved && t.replies >= 2 && solvable.length > 0 ? faker.helpers.arrayElement(solvable) : null;
  const locked = t.locked;
  const flagAt = (ms: number) => iso(new Date(Math.min(now, lastAt + ms)));
  out.topics.push({
    id: topicId,
    community_id: t.communityId,
    group_id: t.groupId,
    author_id: author.id,
    title: poll ? poll.title : topicTitle(theme),
    post_count: total,
    last_post_number: total,
    last_post_at: iso(new Date(lastAt)),
    last_poster_id: authors[total - 1]!,
    pinned_at: t.pinned ? iso(new Date(Math.min(now, created + HOUR))) : null,
    locked_at: locked ? flagAt(DAY) : null,
    solved_post_id: solved,
    deleted_at: null,
    deleted_by: null,
    created_at: iso(new Date(created)),
    updated_at: locked ? flagAt(DAY) : iso(new Date(lastAt)),
  });
}
