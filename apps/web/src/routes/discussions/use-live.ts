import { useEffect, useEffectEvent } from 'react';

/** What the server's event stream says: ids only; the page fetches what it may see. */
export interface LiveEvent {
  type: 'topic.created' | 'topic.updated' | 'post.created' | 'post.updated' | 'reaction.changed';
  topicId: string;
  postId?: string;
  number?: number;
}

const TYPES: LiveEvent['type'][] = [
  'topic.created',
  'topic.updated',
  'post.created',
  'post.updated',
  'reaction.changed',
];

/**
 * Follow a topic or a community's topic list through `GET /api/stream` (Server-Sent Events): one connection
 * for the page the tab shows. The browser reconnects by itself after a drop; `onResync` runs then, since
 * events sent in between are lost and the page should refetch.
 */
export function useLiveEvents(
  target: { topic: string } | { community: string } | null,
  onEvent: (event: LiveEvent) => void,
  onResync?: () => void,
): void {
  const receiveEvent = useEffectEvent(onEvent);
  const resync = useEffectEvent(() => onResync?.());
  const query = target ? new URLSearchParams(target).toString() : null;

  useEffect(() => {
    if (query === null || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/stream?${query}`);
    let dropped = false;
    const receive = (message: MessageEvent<string>) => {
      try {
        receiveEvent(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A malformed event is skipped; the next one or a resync brings the page up to date.
      }
    };
    for (const type of TYPES) source.addEventListener(type, receive);
    source.onerror = () => {
      dropped = true;
    };
    source.onopen = () => {
      if (dropped) resync();
      dropped = false;
    };
    return () => source.close();
  }, [query]);
}
