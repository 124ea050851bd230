import autocannon from 'autocannon';
import type { Plan } from './data.ts';

/** The one host the benchmark ever talks to. */
export const HOST = '127.0.0.1';
/** What a browser sends: responses are compressed as they would be for real visitors. */
export const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'discuss-bench' };

export interface Session {
  email: string;
  cookie: string;
  csrf: string;
  communities: string[];
  /**
   * Read positions by topic id, as the generated data left them (only the last two scenarios, which
   * reply, move some of them).
   */
  reads: Map<string, number>;
}

/**
 * Signs members in through the API, a few at a time. Each sign-in comes from its own address through
 * `X-Forwarded-For` (the server runs with TRUST_PROXY=true, as behind a reverse proxy), so the per-address
 * sign-in limit holds as in production and needs no bypass.
 */
export async function signIn(port: number, plan: Plan, password: string, max: number): Promise<Session[]> {
  const members = plan.members.slice(0, max);
  const sessions: Session[] = [];
  let next = 0;
  const worker = async () => {
    while (next < members.length) {
      const i = next++;
      const m = members[i]!;
      const res = await fetch(`http://${HOST}:${port}/api/auth/sign-in`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: JSON.stringify({ email: m.email, password }),
      });
      const body = (await res.json()) as { csrfToken?: string; error?: { code: string } };
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .find((c) => c.startsWith('discuss_session='));
      if (res.status !== 200 || !cookie || !body.csrfToken)
        throw new Error(`sign-in of ${m.email} failed: ${res.status} ${body.error?.code ?? ''}`);
      sessions.push({
        email: m.email,
        cookie,
        csrf: body.csrfToken,
        communities: m.communities,
        reads: m.reads,
      });
    }
  };
  // Two at a time: argon2 takes 19 MiB and one core per check, and this machine has two.
  await Promise.all(Array.from({ length: 2 }, worker));
  return sessions;
}

export interface ScenarioResult {
  name: string;
  description: string;
  duration: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  peakRssMb?: number;
  /** Server CPU time per request (all threads), a measure that holds up better than req/s on a busy machine. */
  cpuMsPerRequest?: number;
  /** CPU time of the load tool per request: wrk's own, or this process's when autocannon runs in it. */
  loadCpuMsPerRequest?: number;
  /**
   * Share of the machine's CPU time its hypervisor took during the run (steal, /proc/stat). Stolen time
   * stalls the server and the load tool alike: it shows up in p99 and max even for the floor.
   */
  stealPct?: number;
}

export interface Scenario {
  name: string;
  description: string;
  requests: autocannon.Request[];
  /** Rate-limited writes: no warm-up, it would spend the members' budget. */
  noWarmup?: boolean;
  /**
   * Not in the default run (only when named in `--scenarios`): a measure beside the targets, kept
   * out of the run whose peak memory is compared with its target.
   */
  optional?: boolean;
}

const rand = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
/**
 * A page of posts as the web app asks for it right after the topic: the whole page (`POSTS_PAGE` posts,
 * 1–20, 21–40, …) holding the post where the thread opens, worked out from the topic's answer
 * (`openingPost`, `pageStart` and `usePosts` in apps/web/src/api/discussions.ts: the first post for guests,
 * newcomers and threads read to the end, else the last read one).
 */
const POSTS_PAGE = 20;
const postsOf = (id: unknown, read: number, postCount: number) => {
  const at = read === 0 || read >= postCount ? 1 : read;
  const from = Math.floor((at - 1) / POSTS_PAGE) * POSTS_PAGE + 1;
  return `/api/topics/${id as string}/posts?from=${from}&limit=${POSTS_PAGE}`;
};

/** The scenarios, built from the generated data and the signed-in members. */
export function scenarios(plan: Plan, sessions: Session[]): Scenario[] {
  const slug = (communityId: string) => plan.communities.get(communityId)!.slug;
  const publicIds = [...plan.communities].filter(([, c]) => c.public).map(([id]) => id);
  const publicTopics = publicIds.flatMap((id) =>
    plan.topics.get(id)!.map((t) => ({ ...t, communityId: id })),
  );
  const member = () => rand(sessions);
  const topicOf = (s: Session) => {
    const communityId = rand(s.communities);
    return { communityId, topic: rand(plan.topics.get(communityId)!) };
  };
  const withSession = (req: autocannon.RequestData, s: Session, path: string) => ({
    ...req,
    path,
    headers: { ...req.headers, cookie: s.cookie },
  });

  // Replies go round-robin through every signed-in member, so each stays under the per-person limit.
  let turn = 0;
  const writable = sessions.map((s) => ({
    s,
    topics: s.communities.flatMap((c) => plan.topics.get(c)!.filter((t) => !t.locked)),
  }));
  const reply = (req: autocannon.RequestData): autocannon.RequestData => {
    const w = writable[turn++ % writable.length]!;
    const id = rand(w.topics).id;
    return {
      ...req,
      method: 'POST',
      path: `/api/topics/${id}/posts`,
      headers: {
        ...req.headers,
        cookie: w.s.cookie,
        'x-csrf-token': w.s.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        body: `We tried this in our centre as well (reply ${turn}). **Short sessions** worked best.`,
      }),
    };
  };
  const memberPage = (req: autocannon.RequestData, ctx: Record<string, unknown>) => {
    const s = member();
    const { topic } = topicOf(s);
    ctx.s = s;
    ctx.posts = postsOf(topic.id, s.reads.get(topic.id) ?? 0, topic.postCount);
    return withSession(req, s, `/api/topics/${topic.id}`);
  };
  /** One page view in `REPLY_EVERY` is followed by a reply (in a random topic) instead of its posts. */
  const REPLY_EVERY = 50;
  let views = 0;

  return [
    {
      name: 'floor',
      description: 'GET /api/health – the platform floor: every hook, no database, a tiny body',
      requests: [{ path: '/api/health' }],
    },
    {
      name: 'topic-list',
      description:
        'GET /api/communities/:slug/topics – first page, a random member in one of their communities',
      requests: [
        {
          setupRequest: (req) => {
            const s = member();
            return withSession(req, s, `/api/communities/${slug(rand(s.communities))}/topics`);
          },
        },
      ],
    },
    {
      name: 'topic-list-guest',
      description: 'GET /api/communities/:slug/topics – first page of a public community, signed out',
      requests: [
        { setupRequest: (req) => ({ ...req, path: `/api/communities/${slug(rand(publicIds))}/topics` }) },
      ],
    },
    {
      name: 'topic-page',
      description:
        'GET /api/topics/:id then /api/topics/:id/posts?from=N&limit=20 – a random topic, a random member',
      requests: [
        { setupRequest: memberPage },
        {
          setupRequest: (req, ctx) => withSession(req, ctx.s as Session, ctx.posts as string),
        },
      ],
    },
    {
      name: 'topic-page-guest',
      description:
        'GET /api/topics/:id then /api/topics/:id/posts?from=1&limit=20 – a random public topic, signed out',
      requests: [
        {
          setupRequest: (req, ctx) => {
            const topic = rand(publicTopics);
            ctx.posts = postsOf(topic.id, 0, topic.postCount);
            return { ...req, path: `/api/topics/${topic.id}` };
          },
        },
        { setupRequest: (req, ctx) => ({ ...req, path: ctx.posts as string }) },
      ],
    },
    {
      name: 'topic-html',
      description: 'GET /c/:slug/t/:id – the page HTML (SPA fallback), a random public topic, signed out',
      requests: [
        {
          setupRequest: (req) => {
            const t = rand(publicTopics);
            return {
              ...req,
              path: `/c/${slug(t.communityId)}/t/${t.id}`,
              headers: { ...req.headers, accept: 'text/html' },
            };
          },
        },
      ],
    },
    {
      name: 'topic-page-replying',
      optional: true,
      description: `topic-page while members reply: one view in ${REPLY_EVERY} posts a reply (to a random topic) instead of reading posts`,
      requests: [
        { setupRequest: memberPage },
        {
          setupRequest: (req, ctx) =>
            ++views % REPLY_EVERY === 0
              ? reply(req)
              : withSession(req, ctx.s as Session, ctx.posts as string),
        },
      ],
    },
    {
      name: 'reply',
      description:
        'POST /api/topics/:id/posts – many members replying at once (session cookie + X-CSRF-Token)',
      noWarmup: true,
      requests: [{ method: 'POST', setupRequest: reply }],
    },
  ];
}

/** Runs one scenario with autocannon over loopback (after a warm-up) and condenses the result. */
export async function runScenario(
  port: number,
  s: Scenario,
  opts: { duration: number; connections: number; warmup: number },
  /** Called when the measured part starts (after the warm-up). */
  onStart: () => void = () => undefined,
): Promise<ScenarioResult> {
  const base = {
    url: `http://${HOST}:${port}`,
    connections: opts.connections,
    timeout: 10,
    title: s.name,
    headers: BROWSER,
    requests: s.requests,
  };
  if (opts.warmup > 0 && !s.noWarmup) await autocannon({ ...base, duration: opts.warmup });
  onStart();
  const result = await autocannon({ ...base, duration: opts.duration });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, v]) => [code, v.count]),
  );
  return {
    name: s.name,
    description: s.description,
    duration: result.duration,
    requests: result.requests.total,
    rps: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
