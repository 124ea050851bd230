import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';

/** A domain event. Payloads carry ids only: every receiver re-checks the policy before showing anything. */
export type DomainEvent =
  | {
      type: 'topic.created';
      communityId: string;
      groupId: string | null;
      topicId: string;
      authorId: string | null;
    }
  | { type: 'topic.updated'; communityId: string; groupId: string | null; topicId: string }
  | {
      type: 'post.created';
      communityId: string;
      groupId: string | null;
      topicId: string;
      postId: string;
      number: number;
      authorId: string | null;
      replyToNumber: number | null;
    }
  | {
      type: 'post.updated';
      communityId: string;
      groupId: string | null;
      topicId: string;
      postId: string;
      number: number;
    }
  | {
      type: 'reaction.changed';
      communityId: string;
      groupId: string | null;
      topicId: string;
      postId: string;
      number: number;
    }
  | {
      type: 'user.mentioned';
      communityId: string;
      groupId: string | null;
      topicId: string;
      postId: string;
      userId: string;
    };

export type EventHandler = (event: DomainEvent) => void;

/** Carries domain events to every subscriber of every instance. */
export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  subscribe(handler: EventHandler): () => void;
  close(): Promise<void>;
}

/** One process: an in-memory emitter. */
export function createMemoryBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit('event', event);
    },
    subscribe(handler) {
      emitter.on('event', handler);
      return () => emitter.off('event', handler);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Several instances: Redis pub/sub on one channel. The subscriber needs its own connection; local
 * subscribers receive events through Redis too, so every instance sees the same stream.
 */
export function createRedisBus(publisher: Redis, channel: string, log: FastifyBaseLogger): EventBus {
  const subscriber = publisher.duplicate();
  const local = createMemoryBus();
  const ready = subscriber
    .subscribe(channel)
    .catch((err: unknown) => log.error({ err }, 'event bus subscribe failed'));
  subscriber.on('message', (ch: string, message: string) => {
    if (ch !== channel) return;
    try {
      void local.publish(JSON.parse(message) as DomainEvent);
    } catch (err) {
      log.warn({ err }, 'malformed event on the bus');
    }
  });
  return {
    async publish(event) {
      await ready;
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe: (handler) => local.subscribe(handler),
    async close() {
      await local.close();
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
