import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { discussionKeys, markRead } from '../../api/discussions.ts';

/**
 * Records how far a signed-in reader got: the highest post number that has been on screen, sent at most
 * every two seconds and when the page is left. Only moves forward. `root` is the list of posts once it is
 * in the page (it is rendered only after the first page of posts has loaded), so it is passed as an
 * element, not a ref: the observers start when it appears.
 */
export function useReadTracker(
  root: HTMLElement | null,
  topic: { id: string; slug: string; lastReadNumber: number | null },
): void {
  const client = useQueryClient();
  const start = topic.lastReadNumber ?? 0;
  const sent = useRef(start);
  const seen = useRef(start);
  const enabled = topic.lastReadNumber !== null;

  useEffect(() => {
    if (!enabled || !root || typeof IntersectionObserver === 'undefined') return;
    const flush = () => {
      if (seen.current <= sent.current) return;
      const number = seen.current;
      sent.current = number;
      markRead(topic.id, number).then(
        () => void client.invalidateQueries({ queryKey: discussionKeys.lists(topic.slug) }),
        () => {
          sent.current = Math.min(sent.current, number - 1);
        },
      );
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const number = Number((entry.target as HTMLElement).dataset.number);
          if (number > seen.current) seen.current = number;
        }
      },
      { threshold: 0.6 },
    );
    const watch = () => root.querySelectorAll('[data-number]').forEach((el) => observer.observe(el));
    watch();
    const mutations = new MutationObserver(watch);
    mutations.observe(root, { childList: true, subtree: true });
    const timer = window.setInterval(flush, 2000);
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      window.clearInterval(timer);
      window.removeEventListener('pagehide', flush);
      mutations.disconnect();
      observer.disconnect();
    };
  }, [root, enabled, topic.id, topic.slug, client]);
}
