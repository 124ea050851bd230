import type { Endpoint } from '@discuss/contracts';
import { iso } from '../../src/platform/clock.ts';
import { STRONG_PASSWORD, uniqueEmail, type TestContext } from '../helpers.ts';
import { pathOf, sampleBody } from './operations.ts';
import { quickSession, quickUser } from './quick-users.ts';

/**
 * A signed-in operator with a second session and an API token, a member to act on, and a suspended
 * member: enough for every account write to succeed when it is sent properly.
 */
export async function writeFixture(ctx: TestContext) {
  const operator = await quickUser(ctx, { is_operator: 1, display_name: 'Csrf Operator' });
  const op = { user: operator, agent: await quickSession(ctx, operator.id) };
  await quickSession(ctx, operator.id);
  const sessions = (await op.agent.get('/api/me/sessions')).json<{
    items: { id: string; current: boolean }[];
  }>();
  const otherSessionId = sessions.items.find((s) => !s.current)!.id;
  const token = (await op.agent.post('/api/me/tokens', { name: 'target token' })).json<{
    token: { id: string };
  }>();
  const member = await quickUser(ctx, { display_name: 'Plain Member' });
  const suspended = await quickUser(ctx, {
    display_name: 'Suspended Member',
    suspended_at: iso(ctx.clock.now()),
    suspended_reason: 'fixture',
  });
  return { op, otherSessionId, tokenId: token.token.id, member, suspended };
}

export type WriteFixture = Awaited<ReturnType<typeof writeFixture>>;

export interface WriteRequest {
  url: string;
  body: unknown;
  /** Whether this request is known to succeed when sent properly (not just to pass CSRF). */
  succeeds: boolean;
}

/**
 * Requests that would succeed for the account operations; other operations get a body generated from
 * their contract and parameters that name nothing (enough to show CSRF is checked before anything else).
 */
const KNOWN: Record<string, (f: WriteFixture) => { params?: Record<string, string>; body?: unknown }> = {
  signUp: () => ({
    body: { email: uniqueEmail('csrf'), password: STRONG_PASSWORD, displayName: 'Csrf Person' },
  }),
  signIn: (f) => ({ body: { email: f.op.user.email, password: f.op.user.password } }),
  signOut: () => ({}),
  resendVerification: (f) => ({ body: { email: f.member.email } }),
  forgotPassword: (f) => ({ body: { email: f.op.user.email } }),
  updateMe: () => ({ body: { displayName: 'Renamed By Csrf' } }),
  changePassword: (f) => ({
    body: { currentPassword: f.op.user.password, newPassword: 'copper lantern tidal frost' },
  }),
  changeEmail: (f) => ({ body: { newEmail: uniqueEmail('moved'), currentPassword: f.op.user.password } }),
  revokeSession: (f) => ({ params: { id: f.otherSessionId } }),
  createToken: () => ({ body: { name: 'csrf token' } }),
  revokeToken: (f) => ({ params: { id: f.tokenId } }),
  adminSuspendUser: (f) => ({ params: { id: f.member.id }, body: { reason: 'csrf test' } }),
  adminReinstateUser: (f) => ({ params: { id: f.suspended.id } }),
};

export function writeRequest(name: string, ep: Endpoint, f: WriteFixture): WriteRequest {
  const known = KNOWN[name]?.(f);
  const params = Object.fromEntries(
    Object.entries(known?.params ?? {}).map(([k, v]) => [k, encodeURIComponent(v)]),
  );
  return {
    url: pathOf(ep, params),
    body: known ? known.body : sampleBody(ep),
    succeeds: known !== undefined,
  };
}

/** A body as a browser form would send it. */
export const asForm = (body: unknown): string =>
  new URLSearchParams(
    Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]): [string, string] => [
      k,
      typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
    ]),
  ).toString() || 'x=1';

const EVIL = 'https://evil.example';

/**
 * The ways a cross-site page (or a stolen cookie without the token) might try a write, each with the
 * answer it must get: (a) no token, (b) a wrong token, (c) a foreign Origin, (d) Sec-Fetch-Site
 * cross-site, (e) form posts. Headers add to the session cookie and a JSON content type.
 */
export interface CsrfAttempt {
  what: string;
  headers: Record<string, string>;
  payload: string;
  status: number;
  code: string;
}

export function csrfAttempts(p: { csrf: string; json: string; form: string }): CsrfAttempt[] {
  const formType = { 'content-type': 'application/x-www-form-urlencoded' };
  const refused = { status: 403, code: 'csrf_failed' } as const;
  return [
    { what: '(a) no token', headers: {}, payload: p.json, ...refused },
    {
      what: '(b) wrong token, same length',
      headers: { 'x-csrf-token': 'A'.repeat(p.csrf.length) },
      payload: p.json,
      ...refused,
    },
    {
      what: '(b) wrong token, other length',
      headers: { 'x-csrf-token': 'wrong' },
      payload: p.json,
      ...refused,
    },
    { what: '(b) empty token', headers: { 'x-csrf-token': '' }, payload: p.json, ...refused },
    {
      what: '(c) foreign Origin',
      headers: { 'x-csrf-token': p.csrf, origin: EVIL },
      payload: p.json,
      ...refused,
    },
    {
      what: '(c) Origin null',
      headers: { 'x-csrf-token': p.csrf, origin: 'null' },
      payload: p.json,
      ...refused,
    },
    {
      what: '(d) Sec-Fetch-Site',
      headers: { 'x-csrf-token': p.csrf, 'sec-fetch-site': 'cross-site' },
      payload: p.json,
      ...refused,
    },
    { what: '(e) form post', headers: formType, payload: p.form, ...refused },
    {
      what: '(e) text/plain form post',
      headers: { 'content-type': 'text/plain' },
      payload: p.json,
      ...refused,
    },
    {
      what: '(e) form post with token',
      headers: { ...formType, 'x-csrf-token': p.csrf },
      payload: p.form,
      status: 415,
      code: 'unsupported_media_type',
    },
  ];
}
