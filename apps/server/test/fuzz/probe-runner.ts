import { LIMITS, type Endpoint, type ErrorCode } from '@discuss/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { z } from 'zod';
import { LIMIT_RULES, type LimitName } from '../../src/platform/rate-limit.ts';
import type { TestContext } from '../helpers.ts';
import { describeRequest, internalsIn, parseError } from './http-checks.ts';
import { quickSession, quickUser } from './quick-users.ts';
import { snapshotter, type DbSnapshot } from './state.ts';

export type ActorName = 'operator' | 'guest';

/** One request a probe sends. `payload` is sent as is (already serialised). */
export interface ProbeRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  /** What was done to the input, for failure messages. */
  note: string;
}

/** What the contract (and the documented transport rules) say the answer must be. */
export type Expectation =
  | { kind: 'error'; code: ErrorCode; status?: number }
  /** Valid per contract: the documented success status, or a 4xx that is not a validation error. */
  | { kind: 'valid' }
  /** Only the universal rules apply (no 5xx, error shape, no state change on 4xx). */
  | { kind: 'any' };

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const LIMIT_NAMES = Object.keys(LIMIT_RULES) as LimitName[];

/** Whether any string inside a JSON-like value contains U+0000 (iterative: values may be 10,000 levels deep). */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v && typeof v === 'object') {
      stack.push(...Object.values(v));
    }
  }
  return false;
}

/**
 * Whether the JSON parser refuses the value as prototype poisoning: a `__proto__` key, or a
 * `constructor` key holding a `prototype` key, at any depth.
 */
export function isPoisoned(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    if (Object.hasOwn(v, '__proto__')) return true;
    const ctor = (v as Record<string, unknown>).constructor;
    if (
      Object.hasOwn(v, 'constructor') &&
      ctor &&
      typeof ctor === 'object' &&
      Object.hasOwn(ctor, 'prototype')
    ) {
      return true;
    }
    stack.push(...Object.values(v));
  }
  return false;
}

/** Parses a query string the way the server does: repeated keys become arrays. */
export function parseQuery(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const i = url.indexOf('?');
  if (i < 0) return out;
  for (const [k, v] of new URLSearchParams(url.slice(i + 1))) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * The expected answer for input that reached the route: over the body limit → 413; refused by the
 * contract's schemas, or accepted but still holding a NUL character (PostgreSQL text cannot store it,
 * so the route helper refuses it on both databases) → 400 validation_failed; otherwise valid.
 */
export function expectationFor(
  ep: Endpoint,
  parts: {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
    payload?: string;
  },
): Expectation {
  if (parts.payload !== undefined && Buffer.byteLength(parts.payload) > LIMITS.bodyMaxBytes) {
    return { kind: 'error', code: 'payload_too_large', status: 413 };
  }
  if (parts.body !== undefined && isPoisoned(parts.body))
    return { kind: 'error', code: 'bad_request', status: 400 };
  const checks: [z.ZodType | undefined, unknown][] = [
    [ep.params, parts.params],
    [ep.query, parts.query ?? {}],
    [ep.body, parts.body],
  ];
  for (const [schema, value] of checks) {
    if (!schema) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success || containsNul(parsed.data)) {
      return { kind: 'error', code: 'validation_failed', status: 400 };
    }
  }
  return { kind: 'valid' };
}

export interface Harness {
  ctx: TestContext;
  /** Requests sent so far, by final status. */
  statuses: Map<number, number>;
  /** Sends as the actor, checks the universal rules and the expectation; returns the response. */
  probe(
    actor: ActorName,
    ep: Endpoint,
    req: ProbeRequest,
    expected: Expectation,
  ): Promise<LightMyRequestResponse>;
}

/**
 * A signed-in operator (so authorisation never hides validation), a bystander with a session and an
 * API token (so the account tables hold someone else's rows), and the state checks around each probe.
 */
export async function createHarness(ctx: TestContext): Promise<Harness> {
  const snapshot = await snapshotter(ctx);
  const operator = await quickUser(ctx, { is_operator: 1, display_name: 'Fuzz Operator' });
  const op = { user: operator, agent: await quickSession(ctx, operator.id) };
  const bystander = await quickUser(ctx);
  await (await quickSession(ctx, bystander.id)).post('/api/me/tokens', { name: 'bystander token' });
  const limitKeys = ['127.0.0.1', op.user.id, op.user.email];
  let before: DbSnapshot = await snapshot();
  const statuses = new Map<number, number>();

  const headersFor = (actor: ActorName, method: string): Record<string, string> => {
    if (actor === 'guest') return {};
    const h: Record<string, string> = { cookie: op.agent.cookie ?? '' };
    if (UNSAFE.has(method)) h['x-csrf-token'] = op.agent.csrf ?? '';
    return h;
  };

  /** Keeps the operator signed in after a probe that legitimately ended the session (sign-out). */
  async function restoreOperator(): Promise<void> {
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: headersFor('operator', 'GET'),
    });
    if (me.statusCode === 200) return;
    op.agent = await quickSession(ctx, op.user.id);
  }

  async function probe(
    actor: ActorName,
    ep: Endpoint,
    req: ProbeRequest,
    expected: Expectation,
  ): Promise<LightMyRequestResponse> {
    const res = await ctx.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: { ...headersFor(actor, req.method), ...req.headers },
      ...(req.payload === undefined ? {} : { payload: req.payload }),
    });
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    const what = `${actor}: ${describeRequest(req.method, req.url, req.note)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    const sent = `${req.url} ${decodeSafe(req.url)} ${req.payload?.toString() ?? ''}`;

    expect(res.statusCode, what).toBeLessThan(500);
    expect(internalsIn(res.body, sent), what).toEqual([]);
    const sameMethod = req.method === ep.method || (req.method === 'HEAD' && ep.method === 'GET');
    const ok = res.statusCode === ep.status && sameMethod;
    if (ok) {
      if (expected.kind === 'error') {
        expect.fail(`expected ${expected.status ?? '4xx'} ${expected.code}, but it succeeded: ${what}`);
      }
      if (ep.response && req.method !== 'HEAD') {
        expect(ep.response.safeParse(res.json()).success, `response off contract: ${what}`).toBe(true);
      }
    } else {
      expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
      // HEAD answers carry no body, so there is no shape to check.
      const err = req.method === 'HEAD' ? { code: undefined } : parseError(res);
      expect(typeof err === 'string' ? err : 'error shape', what).toBe('error shape');
      const code = typeof err === 'string' ? undefined : err.code;
      if (expected.kind === 'error') {
        expect(code, what).toBe(expected.code);
        if (expected.status) expect(res.statusCode, what).toBe(expected.status);
      }
      if (expected.kind === 'valid')
        expect(code, `contract-valid input refused: ${what}`).not.toBe('validation_failed');
    }

    const after = await snapshot();
    if (!ok) expect(after, `state changed on a refused request: ${what}`).toEqual(before);
    before = after;
    if (ok && actor === 'operator' && req.method !== 'GET') {
      await restoreOperator();
      before = await snapshot();
    }
    // Rate limits are tested elsewhere; here they would only hide the validation behind a 429.
    for (const name of LIMIT_NAMES)
      for (const key of limitKeys) await ctx.app.services.limiter.reset(name, key);
    return res;
  }

  return { ctx, statuses, probe };
}

function decodeSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
