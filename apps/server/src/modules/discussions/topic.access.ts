import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { can, type Actor, type TopicAccess } from '../../platform/policy.ts';
import type { LoadedCommunity } from '../communities/community.access.ts';
import type { CommunityService } from '../communities/community.service.ts';
import * as repo from './discussion.repository.ts';

export interface LoadedTopic {
  topic: repo.TopicRow;
  community: LoadedCommunity;
  group: { slug: string; name: string } | null;
  access: TopicAccess;
}

/** Where a topic lives and what the actor is there; built for the policy. */
export async function topicAccess(
  db: Kysely<DB>,
  actor: Actor,
  community: LoadedCommunity,
  topic: Pick<repo.TopicRow, 'group_id' | 'author_id' | 'locked_at'>,
): Promise<{ access: TopicAccess; group: { slug: string; name: string } | null }> {
  let groupAccess: TopicAccess['group'] = null;
  let group: { slug: string; name: string } | null = null;
  if (topic.group_id) {
    const g = await repo.groupById(db, topic.group_id);
    if (g) {
      group = { slug: g.slug, name: g.name };
      groupAccess = {
        community: community.access,
        visibility: g.visibility,
        archived: g.archived_at !== null,
        groupRole: actor.kind === 'user' ? await repo.groupRole(db, g.id, actor.userId) : null,
      };
    }
  }
  return {
    group,
    access: {
      community: community.access,
      group: groupAccess,
      isAuthor: actor.kind === 'user' && topic.author_id === actor.userId,
      locked: topic.locked_at !== null,
    },
  };
}

/**
 * Loads a topic the actor may read. A topic of a space the actor may not read — or a deleted one for
 * non-moderators — answers 404 exactly like a missing one. With `communityId` (known from an event),
 * the topic and its community load side by side; the topic's own community still decides. `find` reads
 * the topic row (the service passes a cached one).
 */
export async function loadTopic(
  db: Kysely<DB>,
  communities: CommunityService,
  actor: Actor,
  id: string,
  communityId?: string,
  find: (id: string) => Promise<repo.TopicRow | undefined> = (i) => repo.findTopic(db, i),
): Promise<LoadedTopic> {
  const [topic, hinted] = await Promise.all([
    find(id),
    communityId ? communities.loadById(actor, communityId) : undefined,
  ]);
  if (!topic) throw notFound('Topic');
  const community =
    hinted?.row.id === topic.community_id ? hinted : await communities.loadById(actor, topic.community_id);
  if (!community) throw notFound('Topic');
  const { access, group } = await topicAccess(db, actor, community, topic);
  if (!can(actor, 'topic.read', access)) throw notFound('Topic');
  if (topic.deleted_at && !can(actor, 'topic.moderate', access)) throw notFound('Topic');
  return { topic, community, group, access };
}
