import type { ListedPost, Post, ReactionKind, TopicSummary } from '@discuss/contracts';
import { can, type Actor, type PostAccess, type TopicAccess } from '../../platform/policy.ts';
import type * as repo from './discussion.repository.ts';

const person = (id: string | null, name: string | null | undefined) =>
  id && name ? { id, displayName: name } : null;

export function toTopicSummary(
  t: repo.TopicRow & { author_name?: string | null; last_poster_name?: string | null },
  where: { community: { slug: string; name: string }; group: { slug: string; name: string } | null },
  tags: { slug: string; name: string }[] = [],
  names: { author_name?: string | null; last_poster_name?: string | null } | undefined = t,
): TopicSummary {
  return {
    id: t.id,
    title: t.title,
    tags,
    community: where.community,
    group: where.group,
    author: person(t.author_id, names?.author_name),
    replyCount: t.post_count - 1,
    lastPostAt: t.last_post_at,
    lastPoster: person(t.last_poster_id, names?.last_poster_name),
    pinned: t.pinned_at !== null,
    locked: t.locked_at !== null,
    solved: t.solved_post_id !== null,
    createdAt: t.created_at,
    lastPostNumber: t.last_post_number,
  };
}

type ListedRow = repo.ListedPostRow & { author_name?: string | null };
type Counted = { kind: ReactionKind; count: number };

/**
 * A post as every reader of its kind sees it (decision 0022): moderators see a deleted post's author and
 * text, others see only that it was deleted.
 */
export function toListedPost<R extends Counted>(
  p: ListedRow,
  moderator: boolean,
  reactions: R[],
): Omit<ListedPost, 'reactions'> & { reactions: R[] } {
  const hidden = p.deleted_at !== null && !moderator;
  return {
    id: p.id,
    number: p.number,
    author: hidden ? null : person(p.author_id, p.author_name),
    bodyHtml: hidden ? '' : p.body_html,
    replyToNumber: p.reply_to_number,
    createdAt: p.created_at,
    editedAt: p.edited_at,
    editCount: p.edit_count,
    deleted: p.deleted_at !== null,
    reactions: hidden ? [] : reactions,
  };
}

/** What the viewer may do with a post, by the policy. */
export function postCan(
  p: Pick<repo.ListedPostRow, 'number' | 'author_id' | 'deleted_at'>,
  actor: Actor,
  topic: TopicAccess,
): Post['can'] {
  const access: PostAccess = {
    topic,
    isAuthor: actor.kind === 'user' && actor.userId === p.author_id,
    deleted: p.deleted_at !== null,
  };
  return {
    edit: can(actor, 'post.edit', access),
    delete: can(actor, 'post.delete', access),
    restore: can(actor, 'post.restore', access),
    markSolution: p.number > 1 && !access.deleted && can(actor, 'topic.markSolution', topic),
  };
}

/** One post with the viewer's reactions and permissions (answers about a single post). */
export function toPost(
  p: ListedRow,
  actor: Actor,
  topic: TopicAccess,
  reactions: (Counted & { mine: boolean })[],
): Post {
  return {
    ...toListedPost(p, can(actor, 'topic.moderate', topic), reactions),
    can: postCan(p, actor, topic),
  };
}
