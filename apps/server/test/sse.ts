/** A live Server-Sent Events connection read by a test. */
export interface EventStream {
  status: number;
  events: { event: string; data: Record<string, unknown> }[];
  /** Resolves with the first event matching `predicate` (already received or still to come). */
  next(
    predicate: (e: { event: string; data: Record<string, unknown> }) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: string; data: Record<string, unknown> }>;
  close(): void;
}

/** Opens `url` as an SSE stream with the given cookie; resolves once the response headers arrived. */
export async function openStream(url: string, cookie?: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const waiters = new Set<() => void>();
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let idx;
          while ((idx = buffer.indexOf('\n\n')) >= 0) {
            const chunk = buffer.slice(0, idx);
            buffer = buffer.slice(idx + 2);
            const event = /^event: (.*)$/m.exec(chunk)?.[1];
            const data = /^data: (.*)$/m.exec(chunk)?.[1];
            if (event && data) {
              events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
              waiters.forEach((w) => w());
            }
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    events,
    next(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
