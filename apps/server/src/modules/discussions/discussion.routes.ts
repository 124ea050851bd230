import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DomainEvent, EventBus } from '../../platform/events.ts';
import { route } from '../../platform/http.ts';
import type { SessionService } from '../accounts/session.service.ts';
import type { CommunityService } from '../communities/community.service.ts';
import type { DiscussionService } from './discussion.service.ts';

export interface DiscussionRouteDeps {
  discussions: DiscussionService;
  communities: CommunityService;
  sessions: SessionService;
  events: EventBus;
}

const StreamQuerySchema = z.object({
  /** Follow one topic: new posts, edits, reactions. */
  topic: z.string().max(64).optional(),
  /** Follow a community's topic list (new topics, activity). */
  community: z.string().max(120).optional(),
});

const HEARTBEAT_MS = 25_000;

/** Topics, posts, reactions, and the live event stream. */
export function discussionRoutes(app: FastifyInstance, d: DiscussionRouteDeps): void {
  const { discussions } = d;
  route(app, 'listTopics', async ({ actor, params, query }) => discussions.list(actor, params.slug, query));
  route(app, 'createTopic', async ({ actor, params, body }) => discussions.create(actor, params.slug, body));
  route(app, 'getTopic', async ({ actor, params }) => discussions.get(actor, params.id));
  route(app, 'updateTopic', async ({ actor, params, body }) => discussions.update(actor, params.id, body));
  route(app, 'listTags', async ({ actor, params }) => discussions.listTags(actor, params.slug));
  route(app, 'votePoll', async ({ actor, params, body }) =>
    discussions.vote(actor, params.id, body.optionIds),
  );
  route(app, 'shareTopic', async ({ actor, params, body }) =>
    discussions.share(actor, params.id, body.community),
  );
  route(app, 'pinTopic', async ({ actor, params, body }) =>
    discussions.setFlag(actor, params.id, 'pinned', body.value),
  );
  route(app, 'lockTopic', async ({ actor, params, body }) =>
    discussions.setFlag(actor, params.id, 'locked', body.value),
  );
  route(app, 'markSolution', async ({ actor, params, body }) =>
    discussions.markSolution(actor, params.id, body.postId),
  );
  route(app, 'listPosts', async ({ actor, params, query }) => discussions.posts(actor, params.id, query));
  route(app, 'createPost', async ({ actor, params, body }) => discussions.reply(actor, params.id, body));
  route(app, 'updatePost', async ({ actor, params, body }) => discussions.edit(actor, params.id, body.body));
  route(app, 'deletePost', async ({ actor, params }) => discussions.setDeleted(actor, params.id, true));
  route(app, 'restorePost', async ({ actor, params }) => discussions.setDeleted(actor, params.id, false));
  route(app, 'getPostSource', async ({ actor, params }) => discussions.source(actor, params.id));
  route(app, 'postRevisions', async ({ actor, params }) => discussions.revisions(actor, params.id));
  route(app, 'react', async ({ actor, params, body }) =>
    discussions.react(actor, params.id, body.kind, true),
  );
  route(app, 'unreact', async ({ actor, params }) => discussions.react(actor, params.id, params.kind, false));
  route(app, 'markRead', async ({ actor, params, body }) =>
    discussions.markRead(actor, params.id, body.number),
  );
  route(app, 'previewMarkdown', async ({ actor, body }) => discussions.preview(actor, body.body));

  const open = new Set<() => void>();
  // Streams never finish on their own: end them before the server waits for connections to drain.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  // One Server-Sent Events connection per browser tab. Events carry ids only; each one is checked
  // against the policy (and the credential) when it is about to be sent, so a permission change
  // takes effect on open streams at once.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/stream',
    {
      schema: {
        operationId: 'stream',
        summary:
          'Live updates (text/event-stream) for a topic or a community’s topic list, filtered by the policy',
        tags: ['discussions'],
        querystring: StreamQuerySchema,
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      const community = req.query.community ? await d.communities.load(actor, req.query.community) : null;
      if (req.query.topic) await discussions.get(actor, req.query.topic); // 404 unless readable
      const wanted = (e: DomainEvent) =>
        (req.query.topic !== undefined && e.topicId === req.query.topic) ||
        (community !== null && e.communityId === community.row.id && e.type !== 'user.mentioned');

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      res.write(': connected\n\n');
      let queue = Promise.resolve();
      const send = (e: DomainEvent) => {
        // Checked at once, against the state when the event happened (not once earlier events are
        // written, nor one check after the other); only the writes keep their order.
        const allowed = Promise.all([
          d.sessions.stillValid(actor),
          discussions.maySee(actor, e.topicId, e.communityId),
        ]).then(
          ([valid, sees]) => valid && sees,
          () => false,
        );
        queue = queue.then(async () => {
          if (res.destroyed || !(await allowed)) return;
          const { type, topicId } = e;
          const data: Record<string, unknown> = { type, topicId };
          if ('postId' in e) data.postId = e.postId;
          if ('number' in e) data.number = e.number;
          res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
        });
      };
      const unsubscribe = d.events.subscribe((e) => {
        if (wanted(e)) send(e);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        stop();
        res.end();
      };
      open.add(end);
      req.raw.on('close', stop);
    },
  );
}
