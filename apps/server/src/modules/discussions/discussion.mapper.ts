import type { Post, TopicSummary } from '@discuss/contracts';
import { can, type Actor, type PostAccess, type TopicAccess } from '../../platform/policy.ts';
import type * as repo from './discussion.repository.ts';

const person = (id: string | null, name: string | null | undefined) =>
  id && name ? { id, displayName: name } : null;

export function toTopicSummary(
  t: repo.TopicRow & { author_name?: string | null; last_poster_name?: string | null },
  where: { community: { slug: string; name: string }; group: { slug: string; name: string } | null },
  tags: { slug: string; name: string }[] = [],
): TopicSummary {
  return {
    id: t.id,
    title: t.title,
    tags,
    community: where.community,
    group: where.group,
    author: person(t.author_id, t.author_name),
    replyCount: t.post_count - 1,
    lastPostAt: t.last_post_at,
    lastPoster: person(t.last_poster_id, t.last_poster_name),
    pinned: t.pinned_at !== null,
    locked: t.locked_at !== null,
    solved: t.solved_post_id !== null,
    createdAt: t.created_at,
    lastPostNumber: t.last_post_number,
  };
}

export function toPost(
  p: repo.ListedPostRow & { author_name?: string | null },
  actor: Actor,
  topic: TopicAccess,
  reactions: { kind: 'like' | 'insightful' | 'thanks'; count: number; mine: boolean }[],
): Post {
  const access: PostAccess = {
    topic,
    isAuthor: actor.kind === 'user' && actor.userId === p.author_id,
    deleted: p.deleted_at !== null,
  };
  const moderator = can(actor, 'topic.moderate', topic);
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
    can: {
      edit: can(actor, 'post.edit', access),
      delete: can(actor, 'post.delete', access),
      restore: can(actor, 'post.restore', access),
      markSolution: p.number > 1 && !access.deleted && can(actor, 'topic.markSolution', topic),
    },
  };
}
