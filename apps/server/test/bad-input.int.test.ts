import { API, LIMITS, type Endpoint } from '@discuss/contracts';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from './each-dialect.ts';
import {
  describeObject,
  mutatedObject,
  naughtyString,
  paramsFor,
  toQueryString,
  wellFormed,
  type Mutated,
} from './fuzz/contract-arbitraries.ts';
import { parseError } from './fuzz/http-checks.ts';
import {
  createHarness,
  expectationFor,
  isPoisoned,
  parseQuery,
  type ActorName,
  type Expectation,
  type Harness,
  type ProbeRequest,
} from './fuzz/probe-runner.ts';
import { countRequestsPerDialect } from './fuzz/request-counter.ts';
import { NOWHERE, OPS, pathOf, paramNames, servedOperations, WRITE_OPS } from './fuzz/operations.ts';

/**
 * Bad input, generated from the contracts: every operation of `API`, as a signed-in operator and as a
 * guest, gets wrong types, missing and extra fields, huge and naughty strings, hostile path parameters,
 * deep and malformed JSON, oversize bodies and wrong content types. Every answer must be the documented
 * success or a 4xx in the one error shape, never a 5xx, never internals, and a refused request changes
 * nothing in the database. Reproduce a failure with FUZZ_SEED (and FUZZ_RUNS for more runs).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const ACTORS: ActorName[] = ['operator', 'guest'];
const JSON_TYPE = { 'content-type': 'application/json' };

/** Checked probes and all requests (probes plus set-up), per dialect, for the suite's report. */
const probeCounts: Record<string, number> = {};
const requestCounts: Record<string, number> = {};
const count = (h: Harness) => {
  const d = h.ctx.database.dialect;
  probeCounts[d] = [...h.statuses.values()].reduce((a, b) => a + b, probeCounts[d] ?? 0);
};

/** A stable seed per operation, so each one explores its own inputs and a failure replays exactly. */
const seedOf = (name: string) => [...name].reduce((s, ch) => (s * 31 + ch.charCodeAt(0)) | 0, SEED);

interface Generated {
  params?: { how: string; encoded: Record<string, string> };
  query?: Mutated;
  body?: Mutated;
}

/** Inputs for one operation, derived from its params / query / body schemas. */
function inputsFor(ep: Endpoint): fc.Arbitrary<Generated> {
  // Over-long and undecodable path parameters have their own test below (they fail differently).
  const params = ep.params
    ? paramsFor(describeObject(ep.params)).filter((p) =>
        Object.values(p.encoded).every((e) => e.length <= 200 && decodable(e)),
      )
    : undefined;
  const query = ep.query
    ? mutatedObject(describeObject(ep.query))
    : fc
        .dictionary(fc.string({ maxLength: 8 }), naughtyString, { maxKeys: 3 })
        .map((value) => ({ how: 'unexpected query', value }));
  const body = ep.body
    ? mutatedObject(describeObject(ep.body))
    : fc.jsonValue({ maxDepth: 3 }).map((value) => ({ how: 'body on a body-less operation', value }));
  return fc.record(
    {
      ...(params ? { params } : {}),
      query,
      ...(ep.method === 'GET' ? {} : { body }),
    },
    { requiredKeys: params ? ['params'] : [] },
  );
}

function decodable(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

const decodeAll = (encoded: Record<string, string>) =>
  Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k, decodeURIComponent(v)]));

/** Operations the server serves, found once at collection time so unserved ones cost no app build. */
const SERVED = await servedOperations();
const SERVED_OPS = OPS.filter(([name]) => SERVED.has(name));

function requestFor(ep: Endpoint, g: Generated): { req: ProbeRequest; expected: Expectation } {
  const url = `${pathOf(ep, g.params?.encoded)}${g.query ? toQueryString(g.query.value) : ''}`;
  const payload = g.body && g.body.value !== undefined ? JSON.stringify(g.body.value) : undefined;
  const note = [g.params?.how, g.query?.how, g.body?.how].filter(Boolean).join('; ');
  // Clients resolve dot segments (`%2E%2E`) before sending, so such a URL may reach another route.
  const normalised = new URL(url, 'http://discuss.test').pathname === url.split('?')[0];
  const expected = !normalised
    ? { kind: 'any' as const }
    : expectationFor(ep, {
        ...(g.params ? { params: decodeAll(g.params.encoded) } : {}),
        query: parseQuery(url),
        ...(payload === undefined ? {} : { body: JSON.parse(payload) as unknown, payload }),
      });
  return {
    req: { method: ep.method, url, note, ...(payload === undefined ? {} : { payload, headers: JSON_TYPE }) },
    expected,
  };
}

/** The kind of a fixed probe (its note up to the first space after the first word). */
const kindOf = (p: { req: ProbeRequest }) => p.req.note.split(' ')[0];

const deep = (n: number, open: string, leaf: string, close: string) =>
  open.repeat(n) + leaf + close.repeat(n);

/**
 * Hand-shaped bodies the generators do not reach: deep nesting, broken JSON, poisoning, size, media types.
 * `parses(type)` says whether the app registered a body parser for a media type (multipart, for uploads):
 * such a type is not refused up front, so only the universal rules apply to it.
 */
function fixedProbes(
  ep: Endpoint,
  parses: (type: string) => boolean,
): { req: ProbeRequest; expected: Expectation }[] {
  const url = pathOf(ep);
  const out: { req: ProbeRequest; expected: Expectation }[] = [];
  const add = (note: string, payload: string, expected: Expectation, headers = JSON_TYPE) =>
    out.push({ req: { method: ep.method, url, payload, headers, note }, expected });
  const firstField = ep.body ? (describeObject(ep.body).fields[0]?.name ?? 'x') : 'x';
  // Deep JSON parses (the contract then decides: an array is never an object, an unknown deep key is stripped).
  const params = Object.fromEntries(paramNames(ep).map((n) => [n, NOWHERE]));
  const parsed = (payload: string) =>
    expectationFor(ep, { params, body: JSON.parse(payload) as unknown, payload });
  for (const [note, payload] of [
    ['10,000 nested arrays', deep(10_000, '[', '', ']')],
    ['10,000 nested objects', deep(10_000, '{"a":', '1', '}')],
    [`10,000 nested arrays in ${firstField}`, `{"${firstField}":${deep(10_000, '[', '"x"', ']')}}`],
  ] as const) {
    add(note, payload, parsed(payload));
  }
  const badJson: Expectation = { kind: 'error', code: 'bad_request', status: 400 };
  for (const broken of ['{"a":', '{"a":1,}', "{'a':1}", 'NaN', '{"a":1}}', '\u0000"\ud800']) {
    add(`malformed JSON ${JSON.stringify(broken)}`, broken, badJson);
  }
  add('empty JSON body', '', badJson);
  add('__proto__ key', '{"__proto__":{"isOperator":true}}', badJson);
  add('constructor.prototype key', '{"constructor":{"prototype":{"isOperator":true}}}', badJson);
  add('over 1 MiB', JSON.stringify({ [firstField]: 'A'.repeat(LIMITS.bodyMaxBytes) }), {
    kind: 'error',
    code: 'payload_too_large',
    status: 413,
  });
  const media: Expectation = { kind: 'error', code: 'unsupported_media_type', status: 415 };
  for (const type of [
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----discuss',
    'application/xml',
    'application/json-patch+json',
  ]) {
    const expected: Expectation = parses(type) ? { kind: 'any' } : media;
    add(`content-type ${type}`, JSON.stringify({ [firstField]: 'x' }), expected, { 'content-type': type });
  }
  return out;
}

describeEachDialect('bad input, generated from the contracts', (ctx) => {
  countRequestsPerDialect(ctx, requestCounts);
  afterAll(() => {
    console.info(
      `bad-input: probes ${JSON.stringify(probeCounts)}, requests ${JSON.stringify(requestCounts)}`,
    );
  });

  for (const [name, ep] of OPS) {
    // Operations in the contracts that the server does not serve yet are listed as skipped.
    it.skipIf(!SERVED.has(name))(
      `${name} (${ep.method} ${ep.path}): no 5xx, one error shape, no state change`,
      async () => {
        const h = await createHarness(ctx());
        for (const actor of ACTORS) {
          await fc.assert(
            fc.asyncProperty(inputsFor(ep), async (g) => {
              const { req, expected } = requestFor(ep, g);
              await h.probe(actor, ep, req, expected);
            }),
            { numRuns: RUNS, seed: seedOf(`${name}:${actor}`), endOnFailure: true },
          );
          if (ep.method === 'GET') continue;
          const parses = (type: string) => h.ctx.app.hasContentTypeParser(type.split(';')[0]!);
          // Body parsing does not depend on who asks: the operator gets one probe of each kind.
          const probes = fixedProbes(ep, parses).filter(
            (p, i, all) => actor === 'guest' || all.findIndex((q) => kindOf(q) === kindOf(p)) === i,
          );
          for (const { req, expected } of probes) await h.probe(actor, ep, req, expected);
        }
        count(h);
      },
    );
  }

  it('survives the deepest JSON that fits under the body limit (500,000 levels)', async () => {
    const h = await createHarness(ctx());
    // One operation with a body schema and one without: the parser is shared, the schemas are not.
    for (const [, ep] of SERVED_OPS.filter(([name]) => ['signIn', 'signOut'].includes(name))) {
      for (const payload of [deep(500_000, '[', '', ']'), deep(100_000, '{"a":', '1', '}')]) {
        for (const actor of ACTORS) {
          const expected = expectationFor(ep, { body: JSON.parse(payload) as unknown, payload });
          await h.probe(
            actor,
            ep,
            { method: ep.method, url: ep.path, payload, headers: JSON_TYPE, note: 'deepest' },
            expected,
          );
        }
      }
    }
    count(h);
  });

  it('refuses text/plain bodies with 415 like every other non-JSON type', async () => {
    const h = await createHarness(ctx());
    const wrong: string[] = [];
    for (const [name, ep] of WRITE_OPS.filter(([name]) => SERVED.has(name))) {
      const res = await h.ctx.app.inject({
        method: ep.method,
        url: pathOf(ep),
        headers: { 'content-type': 'text/plain' },
        payload: '{"x":"y"}',
      });
      const err = parseError(res);
      if (res.statusCode !== 415 || typeof err === 'string' || err.code !== 'unsupported_media_type') {
        wrong.push(`${name}: ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    count(h);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('answers undecodable and over-long path parameters in the error shape, with the security headers', async () => {
    const h = await createHarness(ctx());
    const wrong: string[] = [];
    for (const [name, ep] of SERVED_OPS.filter(([, e]) => e.params)) {
      const first = paramNames(ep)[0]!;
      for (const encoded of ['%', '%zz', '%E0%A4%A', 'a'.repeat(201), encodeURIComponent('😀'.repeat(40))]) {
        const res = await h.ctx.app.inject({ method: ep.method, url: pathOf(ep, { [first]: encoded }) });
        const err = parseError(res);
        const problems = [
          res.statusCode >= 400 && res.statusCode < 500 ? '' : `status ${res.statusCode}`,
          typeof err === 'string' ? err : '',
          res.headers['content-security-policy'] ? '' : 'no CSP',
          res.headers['x-request-id'] ? '' : 'no x-request-id',
        ].filter(Boolean);
        if (problems.length) wrong.push(`${name} ${encoded.slice(0, 20)}: ${problems.join(', ')}`);
      }
    }
    count(h);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('refuses an admin list cursor that decodes to NUL characters with 400, not a database error', async () => {
    const h = await createHarness(ctx());
    for (const raw of ['\u0000|\u0000', `2026-01-01T00:00:00.000Z|a\u0000b`, '\u0000']) {
      const cursor = Buffer.from(raw).toString('base64url');
      const ep = API.adminListUsers;
      await h.probe(
        'operator',
        ep,
        { method: 'GET', url: `${ep.path}?cursor=${cursor}`, note: `cursor of ${JSON.stringify(raw)}` },
        { kind: 'error', code: 'bad_request', status: 400 },
      );
    }
    count(h);
  });

  it('refuses the NUL character in any field that passed its schema, naming the field', async () => {
    const h = await createHarness(ctx());
    const res = await h.ctx.app.inject({
      method: 'POST',
      url: API.signIn.path,
      headers: JSON_TYPE,
      payload: JSON.stringify({ email: 'nobody@example.org', password: 'long enough\u0000password' }),
    });
    expect(res.statusCode).toBe(400);
    expect(parseError(res)).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'body.password', code: 'invalid_format' }],
    });
    count(h);
  });

  it('answers unknown /api routes and unregistered methods with 404 route_not_found', async () => {
    const h = await createHarness(ctx());
    const segment = fc.oneof(
      fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      naughtyString
        .filter((s) => s.length > 0 && !/^\.+$/.test(s))
        .map((s) => encodeURIComponent(wellFormed(s.slice(0, 20)))),
    );
    const unknownPath = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((segs) => `/api/zz-${segs.join('/')}`);
    const anyEp: Endpoint = { ...API.health, status: 200, method: 'GET' };
    const notFound: Expectation = { kind: 'error', code: 'route_not_found', status: 404 };
    for (const actor of ACTORS) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'),
          unknownPath,
          fc.option(
            fc.jsonValue({ maxDepth: 2 }).filter((v) => !isPoisoned(v)),
            { nil: undefined },
          ),
          async (method, url, body) => {
            const payload = body === undefined || method === 'GET' ? undefined : JSON.stringify(body);
            await h.probe(
              actor,
              anyEp,
              { method, url, note: 'unknown route', ...(payload ? { payload, headers: JSON_TYPE } : {}) },
              notFound,
            );
          },
        ),
        { numRuns: RUNS * 2, seed: seedOf(`unknown:${actor}`), endOnFailure: true },
      );
      for (const url of ['/api', '/api/', '/api/me/', '/api/me/sessions', '/api/admin', '/api/auth']) {
        for (const method of ['GET', 'POST']) {
          if (OPS.some(([, e]) => e.path === url && e.method === method)) continue;
          await h.probe(actor, anyEp, { method, url, note: 'near miss' }, notFound);
        }
      }
      const paths = new Set(SERVED_OPS.map(([, e]) => e.path));
      for (const path of paths) {
        for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
          if (OPS.some(([, e]) => e.path === path && e.method === method)) continue;
          const url = pathOf({ path });
          await h.probe(actor, anyEp, { method, url, note: 'unregistered method' }, notFound);
        }
      }
    }
    count(h);
  });

  it('answers HEAD and OPTIONS on every API path without a 5xx', async () => {
    const h = await createHarness(ctx());
    for (const actor of ACTORS) {
      for (const [, ep] of SERVED_OPS) {
        const url = pathOf(ep);
        if (ep.method === 'GET') {
          const get = await h.probe(actor, ep, { method: 'GET', url, note: 'GET for HEAD' }, { kind: 'any' });
          const head = await h.probe(actor, ep, { method: 'HEAD', url, note: 'HEAD' }, { kind: 'any' });
          expect(head.statusCode, `HEAD ${url}`).toBe(get.statusCode);
          expect(head.body, `HEAD ${url} has no body`).toBe('');
        } else if (!OPS.some(([, e]) => e.path === ep.path && e.method === 'GET')) {
          const head = await h.probe(actor, ep, { method: 'HEAD', url, note: 'HEAD' }, { kind: 'any' });
          expect(head.statusCode, `HEAD ${url}`).toBe(404);
        }
        const options = await h.probe(
          actor,
          { ...ep, method: 'OPTIONS' as 'GET' },
          { method: 'OPTIONS', url, note: 'OPTIONS' },
          { kind: 'error', code: 'route_not_found', status: 404 },
        );
        expect(options.headers['x-request-id']).toBeTruthy();
      }
    }
    count(h);
  });
});
