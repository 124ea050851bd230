import { vi } from 'vitest';

export function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/** Answers one fake route; anything else in `stubFetch` routes is sent as a 200 JSON body. */
export type Handler = (init: RequestInit | undefined, url: string) => Response | Promise<Response>;

/**
 * A fake API at the fetch boundary: `routes` maps "METHOD /path" to an answer; anything else is a 404.
 * Returns the mock, whose calls tell what the page sent.
 */
export function stubFetch(routes: Record<string, unknown>) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = urlOf(input);
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    const route = routes[key];
    if (route === undefined)
      return json(404, { error: { code: 'not_found', message: `No fake for ${key}` } });
    if (typeof route === 'function') return (route as Handler)(init, url);
    return json(200, route);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The calls made to one "METHOD /path". */
export function callsTo(fetchMock: ReturnType<typeof stubFetch>, method: string, path: string) {
  return fetchMock.mock.calls.filter(
    ([input, init]) => (init?.method ?? 'GET') === method && urlOf(input).split('?')[0] === path,
  );
}
