import type { Post, PostListResponse, Topic, TopicListResponse, TopicSummary } from '@discuss/contracts';
import { PostListQuerySchema, TopicListQuerySchema } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB, ReactionKind } from '../../db/schema.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/crypto.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { DomainEvent, EventBus } from '../../platform/events.ts';
import { assertCan, can, requireUser, type Actor, type TopicAccess } from '../../platform/policy.ts';
import { createWriteBatcher, type WriteBatcher } from '../../platform/group-commit.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import { SharedHeadAnswer } from '../../platform/shared-answer.ts';
import type { CommunityService } from '../communities/community.service.ts';
import { postCan, toPost, toTopicSummary } from './discussion.mapper.ts';
import { renderPostBody } from './post-body.ts';
import { createDiscussionReads, mayHaveReacted } from './discussion.reads.ts';
import type { UploadService } from '../uploads/upload.service.ts';
import * as repo from './discussion.repository.ts';
import { loadTopic, topicAccess, type LoadedTopic } from './topic.access.ts';

const POST_ACTIONS = ['edit', 'delete', 'restore', 'markSolution'] as const;

export interface DiscussionServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  limiter: RateLimiter;
  events: EventBus;
  communities: CommunityService;
  /** Images in posts become attachments of the community. */
  uploads: Pick<UploadService, 'attachFilesOf'>;
  /** Runs reply transactions (with group commit on SQLite); each reply in its own transaction otherwise. */
  writes?: WriteBatcher;
}

type ListQuery = z.output<typeof TopicListQuerySchema>;
type PostQuery = z.output<typeof PostListQuerySchema>;

/** A tag's URL name: lower case, words joined by hyphens, letters of every script kept. */
export const tagSlug = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#.]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** Tags by slug, first spelling wins; empty slugs dropped. */
function uniqueTags(names: string[]) {
  const out = new Map<string, { slug: string; name: string }>();
  for (const name of names) {
    const slug = tagSlug(name);
    if (slug && !out.has(slug)) out.set(slug, { slug, name: name.trim() });
  }
  return [...out.values()];
}

export type DiscussionService = ReturnType<typeof createDiscussionService>;

/** Topics and replies in communities and working groups: posting, reading, moderation, reactions. */
export function createDiscussionService(d: DiscussionServiceDeps) {
  const { db, clock, limiter, events, communities, uploads } = d;
  const writes = d.writes ?? createWriteBatcher(db, { enabled: false });
  const now = () => iso(clock.now());
  const commonReads = createDiscussionReads(db, clock);
  const load = (actor: Actor, id: string, communityId?: string) =>
    loadTopic(db, communities, actor, id, communityId, commonReads.topic);
  const publish = (e: DomainEvent) => void events.publish(e).catch(() => undefined);

  async function whereOf(l: LoadedTopic) {
    return { community: { slug: l.community.row.slug, name: l.community.row.name }, group: l.group };
  }

  /** A member's read position on a topic; none without a query for a topic they have never read. */
  const readPosition = async (userId: string, topicId: string) =>
    (await commonReads.mayHaveRead(topicId, userId)) ? repo.readPosition(db, userId, topicId) : undefined;

  const viewerOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

  /** `row`: the topic as loaded for this request, if nothing changed it since (else read again now). */
  async function topicView(actor: Actor, l: LoadedTopic, row?: repo.TopicRow): Promise<Topic> {
    const t = row ?? (await commonReads.topic(l.topic.id))!;
    // The names and solution from the read caches, the viewer's read position now (none for guests). No
    // copy of the row is made: this runs on every topic view (bench/README.md, eighth round).
    const [header, lastRead] = await Promise.all([
      commonReads.header(t.id),
      actor.kind === 'user' ? readPosition(actor.userId, t.id) : undefined,
    ]);
    const access: TopicAccess = { ...l.access, locked: t.locked_at !== null };
    const extras = await commonReads.extras(t.id);
    const shares = [];
    for (const sh of extras.shares) {
      const c = await communities.loadById(actor, sh.id);
      if (c && can(actor, 'community.see', c.access)) shares.push({ slug: sh.slug, name: sh.name });
    }
    const summary = toTopicSummary(t, await whereOf(l), extras.tags, header);
    const own: Omit<Topic, keyof TopicSummary> = {
      postCount: t.post_count,
      solutionNumber: header?.solution_number ?? null,
      lastReadNumber: actor.kind === 'user' ? (lastRead ?? 0) : null,
      poll: extras.poll ? await pollView(actor, extras.poll, access) : null,
      sharedInto: shares,
      can: {
        reply: can(actor, 'topic.reply', access),
        moderate: can(actor, 'topic.moderate', access),
        edit: (access.isAuthor && can(actor, 'topic.create', access)) || can(actor, 'topic.moderate', access),
        share: access.isAuthor && t.group_id === null && can(actor, 'topic.create', access),
      },
    };
    // Onto the summary, not spread into a third object.
    return Object.assign(summary, own);
  }

  type PollRow = NonNullable<Awaited<ReturnType<typeof repo.findPoll>>>;
  async function pollView(actor: Actor, poll: PollRow, access: TopicAccess) {
    const closed = poll.closes_at !== null && poll.closes_at <= now();
    const mine =
      actor.kind === 'user'
        ? (await repo.myPollVotes(db, poll.id, actor.userId)).map((v) => v.option_id)
        : [];
    // Results show after voting or after closing, so early votes do not steer later ones.
    const visible = closed || mine.length > 0;
    const options = await repo.pollOptions(db, poll.id);
    return {
      question: poll.question,
      multiple: poll.multiple === 1,
      closesAt: poll.closes_at,
      closed,
      options: options.map((o) => ({ id: o.id, label: o.label, votes: visible ? Number(o.votes) : null })),
      myVotes: mine,
      voters: visible ? await repo.pollVoters(db, poll.id) : null,
      canVote: !closed && can(actor, 'topic.reply', { ...access, locked: false }),
    };
  }

  async function postView(actor: Actor, l: LoadedTopic, postId: string): Promise<Post> {
    const p = (await repo.findPost(db, postId))!;
    const author = p.author_id
      ? await db.selectFrom('users').select('display_name').where('id', '=', p.author_id).executeTakeFirst()
      : undefined;
    const reactions =
      (await repo.reactionsFor(db, p.topic_id, p.number, p.number, viewerOf(actor))).get(p.number) ?? [];
    return toPost({ ...p, author_name: author?.display_name }, actor, l.access, reactions);
  }

  async function loadPost(actor: Actor, postId: string) {
    const post = await repo.findPost(db, postId);
    if (!post) throw notFound('Post');
    const l = await load(actor, post.topic_id);
    const access = {
      topic: l.access,
      isAuthor: actor.kind === 'user' && actor.userId === post.author_id,
      deleted: post.deleted_at !== null,
    };
    return { post, l, access };
  }

  /** A post whose text the actor may read: a deleted one only for moderators, as in the thread. */
  async function readablePost(actor: Actor, postId: string) {
    const { post, l } = await loadPost(actor, postId);
    if (post.deleted_at && !can(actor, 'topic.moderate', l.access)) throw notFound('Post');
    return post;
  }

  /** Mentioned people who may read the topic get an event (the social capability turns it into a notification). */
  async function announceMentions(l: LoadedTopic, postId: string, ids: string[], authorId: string) {
    const real = (
      await repo.existingUsers(
        db,
        ids.filter((id) => id !== authorId),
      )
    ).map((u) => u.id);
    for (const userId of real) {
      const who: Actor = {
        kind: 'user',
        userId,
        displayName: '',
        isOperator: false,
        via: 'system',
        credentialId: null,
      };
      const community = await communities.loadById(who, l.topic.community_id);
      if (!community) continue;
      const { access } = await topicAccess(db, who, community, l.topic);
      if (can(who, 'topic.read', access)) {
        publish({
          type: 'user.mentioned',
          communityId: l.topic.community_id,
          groupId: l.topic.group_id,
          topicId: l.topic.id,
          postId,
          userId,
        });
      }
    }
    return real;
  }

  type PageRead = Awaited<ReturnType<typeof commonReads.topicPage>>;
  type Where = { community: { slug: string; name: string }; group: { slug: string; name: string } | null };
  type ListHead = Pick<TopicListResponse, 'items' | 'nextCursor'>;
  // A first page as every reader sees it, kept with the cached page it was built from, so that its
  // serialised and compressed bytes are reused until a write replaces that page (decision 0017).
  const heads = new WeakMap<PageRead, { key: string; head: ListHead }>();
  function listHead(p: PageRead, w: Where, q: ListQuery, later: boolean): ListHead {
    const key = JSON.stringify(w);
    const kept = heads.get(p);
    if (kept?.key === key) return kept.head;
    const rows = p.rows.slice(0, q.limit);
    const page = later ? rows : rows.filter((r) => r.pinned_at === null);
    const last = rows.at(-1);
    const head = {
      items: [...p.pinned, ...page].map((t) => toTopicSummary(t, w, p.tags.get(t.id))),
      nextCursor:
        p.rows.length > q.limit && last ? encodeCursor(last[repo.SORT_COLUMN[q.sort]], last.id) : null,
    };
    if (!later) heads.set(p, { key, head });
    return head;
  }

  return {
    async list(actor: Actor, slug: string, q: ListQuery): Promise<SharedHeadAnswer<TopicListResponse>> {
      const community = await communities.load(actor, slug);
      let groupId: string | null = null;
      let group: { slug: string; name: string } | null = null;
      if (q.group) {
        const g = await d.communities.groupFor(actor, community, q.group);
        groupId = g.id;
        group = { slug: g.slug, name: g.name };
      }
      const probe = await topicAccess(db, actor, community, {
        group_id: groupId,
        author_id: null,
        locked_at: null,
      });
      assertCan(actor, 'topic.read', probe.access);
      let tagId: string | undefined;
      if (q.tag) {
        tagId = (await repo.findTag(db, community.row.id, q.tag.toLowerCase()))?.id;
        if (!tagId) {
          return new SharedHeadAnswer<TopicListResponse>(
            { items: [], nextCursor: null },
            { shared: [], reads: actor.kind === 'user' ? {} : null },
          );
        }
      }
      const after = decodeCursor(q.cursor);
      const where = { communityId: community.row.id, groupId, tagId, sort: q.sort, limit: q.limit };
      const pageRead = await commonReads.topicPage(where, after);
      const whereTo = { community: { slug: community.row.slug, name: community.row.name }, group };
      const head = listHead(pageRead, whereTo, q, after !== undefined);
      // Shared topics: only those the viewer may read in their home community.
      const shared = [];
      for (const t of pageRead.sharedRows) {
        try {
          shared.push(toTopicSummary(t, await whereOf(await load(actor, t.id)), pageRead.tags.get(t.id)));
        } catch {
          // not readable for this viewer: not listed
        }
      }
      let reads: Record<string, number> | null = null;
      if (actor.kind === 'user') {
        const positions = await repo.readPositions(
          db,
          actor.userId,
          [...head.items, ...shared].map((t) => t.id),
        );
        reads = Object.fromEntries(positions.map((r) => [r.topic_id, r.last_read_number]));
      }
      return new SharedHeadAnswer<TopicListResponse>(head, { shared, reads });
    },

    async create(
      actor: Actor,
      slug: string,
      body: {
        title: string;
        body: string;
        group?: string | undefined;
        tags?: string[] | undefined;
        poll?:
          | { question: string; options: string[]; multiple: boolean; closesAt?: string | undefined }
          | undefined;
      },
    ): Promise<Topic> {
      const community = await communities.load(actor, slug);
      const user = requireUser(actor);
      const g = body.group ? await d.communities.groupFor(actor, community, body.group) : null;
      const { access } = await topicAccess(db, actor, community, {
        group_id: g?.id ?? null,
        author_id: user.userId,
        locked_at: null,
      });
      if (community.access.archived) throw new AppError('community_archived', 'This community is archived');
      assertCan(actor, 'topic.create', access);
      await limiter.consume('postActor', user.userId);
      const at = now();
      const topicId = newId();
      const postId = newId();
      const { html, mentioned } = renderPostBody(body.body);
      const authorId = user.via === 'system' ? null : user.userId;
      await db.transaction().execute(async (trx) => {
        await repo.insertTopic(trx, {
          id: topicId,
          community_id: community.row.id,
          group_id: g?.id ?? null,
          author_id: authorId,
          title: body.title,
          post_count: 1,
          last_post_number: 1,
          last_post_at: at,
          last_poster_id: authorId,
          pinned_at: null,
          locked_at: null,
          solved_post_id: null,
          deleted_at: null,
          deleted_by: null,
          created_at: at,
          updated_at: at,
        });
        await repo.insertPost(trx, {
          id: postId,
          topic_id: topicId,
          number: 1,
          author_id: authorId,
          body: body.body,
          body_html: html,
          reply_to_number: null,
          edit_count: 0,
          edited_at: null,
          deleted_at: null,
          deleted_by: null,
          created_at: at,
        });
        if (authorId) await uploads.attachFilesOf(trx, body.body, authorId, community.row.id);
        if (authorId) await repo.markRead(trx, authorId, topicId, 1, at);
        if (mentioned.length)
          await repo.replaceMentions(
            trx,
            postId,
            (await repo.existingUsers(trx, mentioned)).map((u) => u.id),
          );
        const tags = uniqueTags(body.tags ?? []);
        if (tags.length) await repo.setTopicTags(trx, community.row.id, topicId, tags, at, newId);
        if (body.poll) {
          const pollId = newId();
          const closesAt = body.poll.closesAt ? new Date(body.poll.closesAt).toISOString() : null;
          await trx
            .insertInto('polls')
            .values({
              id: pollId,
              topic_id: topicId,
              question: body.poll.question,
              multiple: body.poll.multiple ? 1 : 0,
              closes_at: closesAt,
              created_at: at,
            })
            .execute();
          await trx
            .insertInto('poll_options')
            .values(
              body.poll.options.map((label, position) => ({ id: newId(), poll_id: pollId, label, position })),
            )
            .execute();
        }
      });
      const l = await load(actor, topicId);
      publish({
        type: 'topic.created',
        communityId: community.row.id,
        groupId: g?.id ?? null,
        topicId,
        authorId,
      });
      if (authorId) await announceMentions(l, postId, mentioned, authorId);
      return topicView(actor, l);
    },

    async get(actor: Actor, id: string): Promise<Topic> {
      const l = await load(actor, id);
      return topicView(actor, l, l.topic);
    },

    async update(
      actor: Actor,
      id: string,
      patch: { title?: string | undefined; tags?: string[] | undefined },
    ): Promise<Topic> {
      const l = await load(actor, id);
      const mayEdit =
        (l.access.isAuthor && can(actor, 'topic.create', l.access)) || can(actor, 'topic.moderate', l.access);
      if (!mayEdit) assertCan(actor, 'topic.moderate', l.access);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await repo.updateTopic(trx, id, {
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          updated_at: at,
        });
        if (patch.tags !== undefined)
          await repo.setTopicTags(trx, l.topic.community_id, id, uniqueTags(patch.tags), at, newId);
      });
      publish({
        type: 'topic.updated',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: id,
      });
      return topicView(actor, l);
    },

    async setFlag(actor: Actor, id: string, flag: 'pinned' | 'locked', value: boolean): Promise<Topic> {
      const l = await load(actor, id);
      assertCan(actor, 'topic.moderate', l.access);
      const at = now();
      await repo.updateTopic(
        db,
        id,
        flag === 'pinned'
          ? { pinned_at: value ? at : null, updated_at: at }
          : { locked_at: value ? at : null, updated_at: at },
      );
      publish({
        type: 'topic.updated',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: id,
      });
      return topicView(actor, await load(actor, id));
    },

    async markSolution(actor: Actor, id: string, postId: string | null): Promise<Topic> {
      const l = await load(actor, id);
      assertCan(actor, 'topic.markSolution', l.access);
      if (postId) {
        const p = await repo.findPost(db, postId);
        if (!p || p.topic_id !== id || p.deleted_at) throw notFound('Post');
        if (p.number === 1) throw new AppError('bad_request', 'The opening post cannot be the solution');
      }
      await repo.updateTopic(db, id, { solved_post_id: postId, updated_at: now() });
      publish({
        type: 'topic.updated',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: id,
      });
      return topicView(actor, l);
    },

    /**
     * A page of posts; without `from`, it starts at the viewer's first unread post. The page is the same for
     * every reader of its kind and sent as written and compressed once (decision 0022); the viewer's own
     * reactions and permissions follow it.
     */
    async posts(actor: Actor, id: string, q: PostQuery): Promise<SharedHeadAnswer<PostListResponse>> {
      const l = await load(actor, id);
      let from = q.from;
      if (from === undefined) {
        const lastRead = actor.kind === 'user' ? ((await readPosition(actor.userId, id)) ?? 0) : 0;
        from = Math.min(lastRead + 1, l.topic.last_post_number);
        if (lastRead === 0) from = 1;
      }
      const moderator = can(actor, 'topic.moderate', l.access);
      const page = await commonReads.postPage(id, from, q.limit, moderator);
      const mine =
        actor.kind === 'user' && mayHaveReacted(page, actor.userId)
          ? await repo.myReactions(db, actor.userId, id, page.first, page.last)
          : {};
      const allowed: PostListResponse['can'] = { edit: [], delete: [], restore: [], markSolution: [] };
      for (const p of page.posts) {
        const may = postCan(p, actor, l.access);
        for (const k of POST_ACTIONS) if (may[k]) allowed[k].push(p.number);
      }
      return new SharedHeadAnswer<PostListResponse>(page.head, { mine, can: allowed });
    },

    async reply(
      actor: Actor,
      id: string,
      body: { body: string; replyTo?: number | undefined },
    ): Promise<Post> {
      const l = await load(actor, id);
      const user = requireUser(actor);
      if (l.topic.deleted_at) throw notFound('Topic');
      if (l.topic.locked_at && !can(actor, 'topic.reply', l.access) && can(actor, 'topic.create', l.access)) {
        throw new AppError('topic_locked', 'This topic is locked: no new replies');
      }
      assertCan(actor, 'topic.reply', l.access);
      await limiter.consume('postActor', user.userId);
      const { html, mentioned } = renderPostBody(body.body);
      const authorId = user.via === 'system' ? null : user.userId;
      const postId = newId();
      const at = now();
      const row: repo.PostRow = {
        id: postId,
        topic_id: id,
        number: 0,
        author_id: authorId,
        body: body.body,
        body_html: html,
        reply_to_number: body.replyTo ?? null,
        edit_count: 0,
        edited_at: null,
        deleted_at: null,
        deleted_by: null,
        created_at: at,
      };
      const number = await writes.run(async (trx) => {
        // Claim the next number atomically: the counter moves inside the same transaction.
        row.number = await repo.claimPostNumber(trx, id, authorId, at);
        if (body.replyTo !== undefined && (body.replyTo < 1 || body.replyTo >= row.number)) {
          throw new AppError('validation_failed', 'Some fields are not valid', [
            { path: 'body.replyTo', code: 'not_found', message: 'No such post in this topic' },
          ]);
        }
        await repo.insertPost(trx, row);
        if (authorId) await uploads.attachFilesOf(trx, body.body, authorId, l.topic.community_id);
        if (authorId) await repo.markRead(trx, authorId, id, row.number, at);
        if (mentioned.length)
          await repo.replaceMentions(
            trx,
            postId,
            (await repo.existingUsers(trx, mentioned)).map((u) => u.id),
          );
        return row.number;
      });
      publish({
        type: 'post.created',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: id,
        postId,
        number,
        authorId,
        replyToNumber: body.replyTo ?? null,
      });
      if (authorId) await announceMentions(l, postId, mentioned, authorId);
      return postView(actor, l, postId);
    },

    async edit(actor: Actor, postId: string, body: string): Promise<Post> {
      const { post, l, access } = await loadPost(actor, postId);
      assertCan(actor, 'post.edit', access);
      const user = requireUser(actor);
      const { html, mentioned } = renderPostBody(body);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await repo.insertRevision(trx, {
          id: newId(),
          post_id: postId,
          revision: post.edit_count + 1,
          body: post.body,
          edited_by: user.via === 'system' ? null : user.userId,
          created_at: at,
        });
        await repo.updatePost(trx, post, {
          body,
          body_html: html,
          edit_count: post.edit_count + 1,
          edited_at: at,
        });
        await uploads.attachFilesOf(trx, body, user.userId, l.topic.community_id);
        await repo.replaceMentions(
          trx,
          postId,
          (await repo.existingUsers(trx, mentioned)).map((u) => u.id),
        );
      });
      publish({
        type: 'post.updated',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: l.topic.id,
        postId,
        number: post.number,
      });
      return postView(actor, l, postId);
    },

    async setDeleted(actor: Actor, postId: string, deleted: boolean): Promise<Post> {
      const { post, l, access } = await loadPost(actor, postId);
      assertCan(actor, deleted ? 'post.delete' : 'post.restore', access);
      const user = requireUser(actor);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await repo.updatePost(
          trx,
          post,
          deleted
            ? { deleted_at: at, deleted_by: user.via === 'system' ? null : user.userId }
            : { deleted_at: null, deleted_by: null },
        );
        // Deleting the opening post deletes the topic (and restoring it restores the topic).
        if (post.number === 1)
          await repo.updateTopic(
            trx,
            l.topic.id,
            deleted ? { deleted_at: at, deleted_by: user.userId } : { deleted_at: null, deleted_by: null },
          );
        if (deleted && l.topic.solved_post_id === postId)
          await repo.updateTopic(trx, l.topic.id, { solved_post_id: null });
      });
      publish({
        type: 'post.updated',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: l.topic.id,
        postId,
        number: post.number,
      });
      return postView(actor, { ...l, topic: (await repo.findTopic(db, l.topic.id))! }, postId);
    },

    /** The Markdown source of a post the viewer may read (a deleted one only for moderators). */
    async source(actor: Actor, postId: string): Promise<{ body: string }> {
      return { body: (await readablePost(actor, postId)).body };
    },

    async revisions(actor: Actor, postId: string) {
      await readablePost(actor, postId);
      const rows = await repo.listRevisions(db, postId);
      return {
        items: rows.map((r) => ({
          revision: r.revision,
          body: r.body,
          editedBy: r.edited_by && r.display_name ? { id: r.edited_by, displayName: r.display_name } : null,
          createdAt: r.created_at,
        })),
      };
    },

    async react(actor: Actor, postId: string, kind: ReactionKind, on: boolean): Promise<Post> {
      const { post, l, access } = await loadPost(actor, postId);
      assertCan(actor, 'post.react', access);
      const user = requireUser(actor);
      if (on) await repo.addReaction(db, post, user.userId, kind, now());
      else await repo.removeReaction(db, post, user.userId, kind);
      publish({
        type: 'reaction.changed',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: l.topic.id,
        postId,
        number: post.number,
      });
      return postView(actor, l, postId);
    },

    async vote(actor: Actor, id: string, optionIds: string[]): Promise<Topic> {
      const l = await load(actor, id);
      const user = requireUser(actor);
      const poll = await repo.findPoll(db, id);
      if (!poll) throw notFound('Poll');
      if (poll.closes_at !== null && poll.closes_at <= now())
        throw new AppError('poll_closed', 'This poll is closed');
      assertCan(actor, 'topic.reply', { ...l.access, locked: false });
      const valid = new Set((await repo.pollOptions(db, poll.id)).map((o) => o.id));
      const chosen = [...new Set(optionIds)];
      if (chosen.some((o) => !valid.has(o)) || (poll.multiple === 0 && chosen.length !== 1)) {
        throw new AppError('validation_failed', 'Some fields are not valid', [
          {
            path: 'body.optionIds',
            code: 'invalid_choice',
            message: poll.multiple ? 'Choose options of this poll' : 'Choose exactly one option',
          },
        ]);
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('poll_votes')
          .where('poll_id', '=', poll.id)
          .where('user_id', '=', user.userId)
          .execute();
        await trx
          .insertInto('poll_votes')
          .values(
            chosen.map((option_id) => ({
              poll_id: poll.id,
              option_id,
              user_id: user.userId,
              created_at: now(),
            })),
          )
          .execute();
      });
      publish({
        type: 'topic.updated',
        communityId: l.topic.community_id,
        groupId: l.topic.group_id,
        topicId: id,
      });
      return topicView(actor, l);
    },

    /** Shares a community topic into another community the author takes part in. */
    async share(actor: Actor, id: string, targetSlug: string): Promise<Topic> {
      const l = await load(actor, id);
      const user = requireUser(actor);
      if (!l.access.isAuthor || l.topic.group_id !== null)
        throw new AppError('forbidden', 'Only the author can share a community topic');
      const target = await communities.load(actor, targetSlug);
      if (target.row.id === l.topic.community_id)
        throw new AppError('bad_request', 'The topic already lives in this community');
      const { access } = await topicAccess(db, actor, target, {
        group_id: null,
        author_id: user.userId,
        locked_at: null,
      });
      if (target.access.membership === null || !can(actor, 'topic.create', access)) {
        throw new AppError('forbidden', 'You can share only into communities you take part in');
      }
      await db
        .insertInto('topic_shares')
        .values({ topic_id: id, community_id: target.row.id, shared_by: user.userId, created_at: now() })
        .onConflict((oc) => oc.columns(['topic_id', 'community_id']).doNothing())
        .execute();
      publish({ type: 'topic.updated', communityId: target.row.id, groupId: null, topicId: id });
      return topicView(actor, l);
    },

    async listTags(actor: Actor, slug: string) {
      const community = await communities.load(actor, slug);
      const probe = await topicAccess(db, actor, community, {
        group_id: null,
        author_id: null,
        locked_at: null,
      });
      assertCan(actor, 'topic.read', probe.access);
      const rows = await repo.tagCounts(db, community.row.id);
      return { items: rows.map((t) => ({ slug: t.slug, name: t.name, topicCount: Number(t.n) })) };
    },

    /** What a post with this Markdown would look like: the same rendering and sanitising, nothing stored. */
    async preview(actor: Actor, body: string): Promise<{ html: string }> {
      requireUser(actor);
      return { html: renderPostBody(body).html };
    },

    async markRead(actor: Actor, id: string, number: number): Promise<void> {
      const l = await load(actor, id);
      const user = requireUser(actor);
      await repo.markRead(db, user.userId, id, Math.min(number, l.topic.last_post_number), now());
    },

    /** For live streams: may this actor see this event's topic right now? (re-checked for every event) */
    async maySee(actor: Actor, topicId: string, communityId?: string): Promise<boolean> {
      try {
        await load(actor, topicId, communityId);
        return true;
      } catch {
        return false;
      }
    },
  };
}
