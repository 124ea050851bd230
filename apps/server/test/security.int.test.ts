import { API, MeSchema } from '@discuss/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from './each-dialect.ts';
import { describeRequest, parseError } from './fuzz/http-checks.ts';
import { NOWHERE, OPS, pathOf, sampleBody, servedOperations, WRITE_OPS } from './fuzz/operations.ts';
import { countRequestsPerDialect } from './fuzz/request-counter.ts';
import { expectError, headerProblems, keysOf } from './fuzz/security-checks.ts';
import { snapshotter } from './fuzz/state.ts';
import { asForm, csrfAttempts, writeFixture, writeRequest } from './fuzz/write-requests.ts';
import { createUser, signedInUser, STRONG_PASSWORD, TestAgent, uniqueEmail } from './helpers.ts';

/**
 * CSRF on every state-changing operation, security headers, the session lifecycle, IDOR, privilege,
 * field leaks, mass assignment and secure cookies. Operations come from the `API` table, so a new
 * operation is covered as soon as the server serves it.
 */

const SERVED = await servedOperations();
const SERVED_GETS = OPS.filter(([name, ep]) => SERVED.has(name) && ep.method === 'GET');
const ADMIN_OPS = OPS.filter(([name, ep]) => SERVED.has(name) && ep.path.startsWith('/api/admin'));

const requestCounts: Record<string, number> = {};

afterAll(() => {
  console.info(`security requests sent: ${JSON.stringify(requestCounts)}`);
});

describeEachDialect('CSRF on every state-changing operation', (ctx) => {
  countRequestsPerDialect(ctx, requestCounts);

  for (const [name, ep] of WRITE_OPS) {
    it.skipIf(!SERVED.has(name))(
      `${name} (${ep.method} ${ep.path}) refuses cookie writes without proof`,
      async () => {
        const c = ctx();
        const f = await writeFixture(c);
        const snapshot = await snapshotter(c);
        const req = writeRequest(name, ep, f);
        const cookie = f.op.agent.cookie!;
        const csrf = f.op.agent.csrf!;
        const json = JSON.stringify(req.body ?? {});
        const form = asForm(req.body);
        const send = (headers: Record<string, string>, payload = json) =>
          c.app.inject({
            method: ep.method,
            url: req.url,
            headers: { 'content-type': 'application/json', cookie, ...headers },
            payload,
          });
        const before = await snapshot();
        for (const a of csrfAttempts({ csrf, json, form })) {
          const res = await send(a.headers, a.payload);
          expectError(res, a.status, a.code, `${a.what}: ${describeRequest(ep.method, req.url)}`);
          expect(await snapshot(), `${a.what} changed state`).toEqual(before);
        }

        // Control: the same request with the token from the same origin is not a CSRF failure.
        const ok = await send({
          'x-csrf-token': csrf,
          origin: 'http://discuss.test',
          'sec-fetch-site': 'same-origin',
        });
        const okError = ok.statusCode >= 400 ? parseError(ok) : undefined;
        const okCode = typeof okError === 'object' ? okError.code : okError;
        expect(okCode, `control ${ok.statusCode} ${ok.body.slice(0, 200)}`).not.toBe('csrf_failed');
        if (req.succeeds) expect(ok.statusCode, ok.body.slice(0, 200)).toBe(ep.status);
      },
    );
  }

  it("refuses another session's CSRF token", async () => {
    const c = ctx();
    const a = await signedInUser(c);
    const b = await signedInUser(c);
    const res = await c.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: a.agent.cookie!, 'x-csrf-token': b.agent.csrf! },
      payload: { displayName: 'Crossed Tokens' },
    });
    expectError(res, 403, 'csrf_failed');
    expect((await a.agent.get('/api/me')).json().displayName).toBe('Test Member');
  });

  it('refuses cross-site writes from guests too (no login CSRF)', async () => {
    const c = ctx();
    const user = await createUser(c);
    const snapshot = await snapshotter(c);
    const before = await snapshot();
    const body = { email: user.email, password: user.password };
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
      const res = await c.app.inject({ method: 'POST', url: API.signIn.path, headers, payload: body });
      expectError(res, 403, 'csrf_failed', JSON.stringify(headers));
      expect(res.cookies).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets Bearer-token writes through without a CSRF token', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c);
    const { secret } = (await agent.post('/api/me/tokens', { name: 'cli' })).json<{ secret: string }>();
    const bearer = new TestAgent(c.app);
    bearer.bearer = secret;
    const renamed = await bearer.patch('/api/me', { displayName: 'Via Token' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().displayName).toBe('Via Token');
    const created = await bearer.post('/api/me/tokens', { name: 'second' });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ token: { id: string } }>().token.id;
    expect((await bearer.delete(`/api/me/tokens/${id}`)).statusCode).toBe(204);
    // A token that is not valid is refused outright, not treated as a guest.
    bearer.bearer = 'dsc_not-a-real-token';
    expectError(await bearer.patch('/api/me', { displayName: 'Nope' }), 401, 'unauthenticated');
  });
});

describeEachDialect('security headers', (ctx) => {
  countRequestsPerDialect(ctx, requestCounts);

  it('sends the locked CSP and the other headers on every GET operation, signed in or not', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c, { is_operator: 1 });
    const wrong: string[] = [];
    for (const [name, ep] of SERVED_GETS) {
      for (const [who, headers] of [
        ['guest', {}],
        ['operator', { cookie: agent.cookie! }],
      ] as const) {
        const res = await c.app.inject({ method: 'GET', url: pathOf(ep), headers });
        const p = headerProblems(res);
        if (p.length) wrong.push(`${name} as ${who} (${res.statusCode}): ${p.join(', ')}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('sends them on the 404 route and on every kind of error', async () => {
    const c = ctx();
    const { agent, user } = await signedInUser(c);
    const big = JSON.stringify({ displayName: 'x'.repeat(1_100_000) });
    const errors: [string, () => Promise<LightMyRequestResponse>, number][] = [
      ['404 route', () => c.app.inject({ method: 'GET', url: '/api/no-such-route' }), 404],
      ['404 non-api', () => c.app.inject({ method: 'GET', url: '/no-such-page' }), 404],
      ['401', () => c.app.inject({ method: 'GET', url: '/api/me' }), 401],
      ['403 csrf', () => agent.request({ method: 'PATCH', url: '/api/me', payload: {}, csrf: false }), 403],
      ['400 validation', () => agent.patch('/api/me', { displayName: 1 }), 400],
      [
        '400 bad JSON',
        () =>
          agent.request({
            method: 'PATCH',
            url: '/api/me',
            payload: '{',
            headers: { 'content-type': 'application/json' },
          }),
        400,
      ],
      [
        '413',
        () =>
          agent.request({
            method: 'PATCH',
            url: '/api/me',
            payload: big,
            headers: { 'content-type': 'application/json' },
          }),
        413,
      ],
      [
        '415',
        () =>
          agent.request({
            method: 'PATCH',
            url: '/api/me',
            payload: 'a=b',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
        415,
      ],
      ['404 not_found', () => agent.delete(`/api/me/sessions/${NOWHERE}`), 404],
    ];
    const wrong: string[] = [];
    for (const [what, call, status] of errors) {
      const res = await call();
      expect(res.statusCode, what).toBe(status);
      const p = headerProblems(res);
      if (p.length) wrong.push(`${what}: ${p.join(', ')}`);
    }
    let limited: LightMyRequestResponse | undefined;
    for (let i = 0; i < 12 && limited?.statusCode !== 429; i++) {
      limited = await c.guest().post(API.signIn.path, { email: user.email, password: 'not the password' });
    }
    expect(limited?.statusCode).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    const p = headerProblems(limited!);
    if (p.length) wrong.push(`429: ${p.join(', ')}`);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const c = ctx();
    const given = await c.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(given.headers['x-request-id']).toBe('trace-12345678');
    const bad = await c.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('locks the CSP on the other GET routes too (API docs, OpenAPI document, metrics)', async () => {
    const c = ctx();
    const wrong: string[] = [];
    for (const url of ['/api/openapi.json', '/api/docs', '/api/docs/json', '/metrics']) {
      const res = await c.app.inject({ method: 'GET', url });
      const p = headerProblems(res);
      if (p.length) wrong.push(`${url} (${res.statusCode}): ${p.join(', ')}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describeEachDialect('session lifecycle', (ctx) => {
  countRequestsPerDialect(ctx, requestCounts);

  it('sign-out ends the session on the server: the old cookie is a guest afterwards', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c);
    const oldCookie = agent.cookie!;
    const oldCsrf = agent.csrf!;
    expect((await agent.post(API.signOut.path)).statusCode).toBe(204);
    const replay = (method: 'GET' | 'PATCH', url: string, payload?: object) =>
      c.app.inject({
        method,
        url,
        headers: { cookie: oldCookie, 'x-csrf-token': oldCsrf },
        ...(payload ? { payload } : {}),
      });
    const session = await replay('GET', API.session.path);
    expect(session.json()).toMatchObject({ user: null, csrfToken: null });
    // The server also tells the browser to drop the dead cookie.
    expect(session.cookies.find((k) => k.name === 'discuss_session')).toMatchObject({ value: '' });
    expectError(await replay('GET', API.me.path), 401, 'unauthenticated');
    expectError(await replay('PATCH', API.updateMe.path, { displayName: 'Ghost' }), 401, 'unauthenticated');
  });

  it('a password change ends every other session but keeps this one', async () => {
    const c = ctx();
    const { agent, user } = await signedInUser(c);
    const other = await new TestAgent(c.app).signIn(user.email, user.password);
    const res = await agent.post(API.changePassword.path, {
      currentPassword: user.password,
      newPassword: 'copper lantern tidal frost',
    });
    expect(res.statusCode).toBe(204);
    expectError(await other.get(API.me.path), 401, 'unauthenticated');
    expect((await agent.get(API.me.path)).statusCode).toBe(200);
    expectError(
      await c.guest().post(API.signIn.path, { email: user.email, password: user.password }),
      401,
      'invalid_credentials',
    );
  });

  it("suspension ends the member's cookie and API token at once, and reinstatement does not revive them", async () => {
    const c = ctx();
    const { agent: operator } = await signedInUser(c, { is_operator: 1 });
    const { agent: member, user } = await signedInUser(c);
    const { secret } = (await member.post('/api/me/tokens', { name: 'cli' })).json<{ secret: string }>();
    const bearer = new TestAgent(c.app);
    bearer.bearer = secret;
    expect((await bearer.get(API.me.path)).statusCode).toBe(200);

    const suspended = await operator.post(`/api/admin/users/${user.id}/suspend`, { reason: 'spam' });
    expect(suspended.statusCode).toBe(200);
    expectError(await member.get(API.me.path), 401, 'unauthenticated');
    expect((await member.get(API.session.path)).json().user).toBeNull();
    expectError(await bearer.get(API.me.path), 401, 'unauthenticated');
    expectError(
      await c.guest().post(API.signIn.path, { email: user.email, password: user.password }),
      403,
      'account_suspended',
    );

    expect((await operator.post(`/api/admin/users/${user.id}/reinstate`)).statusCode).toBe(200);
    expectError(await member.get(API.me.path), 401, 'unauthenticated');
    expectError(await bearer.get(API.me.path), 401, 'unauthenticated');
  });
});

describeEachDialect('IDOR and privilege', (ctx) => {
  countRequestsPerDialect(ctx, requestCounts);

  it("user B cannot revoke user A's session or API token by id", async () => {
    const c = ctx();
    const a = await signedInUser(c);
    const b = await signedInUser(c);
    const aSession = (await a.agent.get(API.listSessions.path)).json<{ items: { id: string }[] }>().items[0]!
      .id;
    const aToken = (await a.agent.post(API.createToken.path, { name: 'a' })).json<{
      secret: string;
      token: { id: string };
    }>();
    const { secret: bSecret } = (await b.agent.post(API.createToken.path, { name: 'b' })).json<{
      secret: string;
    }>();
    const bBearer = new TestAgent(c.app);
    bBearer.bearer = bSecret;
    // First use stamps the token's last_used_at: do it before taking the snapshot.
    expect((await bBearer.get(API.me.path)).statusCode).toBe(200);
    const snapshot = await snapshotter(c);
    const before = await snapshot();

    for (const client of [b.agent, bBearer]) {
      const session = await client.delete(`/api/me/sessions/${aSession}`);
      const token = await client.delete(`/api/me/tokens/${aToken.token.id}`);
      expectError(session, 404, 'not_found', 'B revokes A session');
      expectError(token, 404, 'not_found', 'B revokes A token');
      // Exactly what a made-up id gets: the id of someone else's object tells B nothing.
      expect(session.body).toBe((await client.delete(`/api/me/sessions/${NOWHERE}`)).body);
      expect(token.body).toBe((await client.delete(`/api/me/tokens/${NOWHERE}`)).body);
    }
    expect(await snapshot()).toEqual(before);
    expect((await a.agent.get(API.me.path)).statusCode).toBe(200);
    const aBearer = new TestAgent(c.app);
    aBearer.bearer = aToken.secret;
    expect((await aBearer.get(API.me.path)).statusCode).toBe(200);
  });

  it('every /api/admin operation is 403 for a member (cookie or token) and 401 for a guest', async () => {
    const c = ctx();
    expect(ADMIN_OPS.length).toBeGreaterThan(0);
    const { agent: member } = await signedInUser(c);
    const { secret } = (await member.post(API.createToken.path, { name: 'm' })).json<{ secret: string }>();
    const bearer = new TestAgent(c.app);
    bearer.bearer = secret;
    expect((await bearer.get(API.me.path)).statusCode).toBe(200);
    const target = await createUser(c, { display_name: 'Admin Target' });
    const snapshot = await snapshotter(c);
    const before = await snapshot();
    for (const [name, ep] of ADMIN_OPS) {
      const url = pathOf(ep, { id: target.id });
      const body = ep.body
        ? name === 'adminSuspendUser'
          ? { reason: 'not yours' }
          : sampleBody(ep)
        : undefined;
      const call = (agent: TestAgent) =>
        agent.request({ method: ep.method, url, ...(body === undefined ? {} : { payload: body }) });
      expectError(await call(member), 403, 'forbidden', `${name} as member`);
      expectError(await call(bearer), 403, 'forbidden', `${name} as member via token`);
      expectError(await call(c.guest()), 401, 'unauthenticated', `${name} as guest`);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describeEachDialect('field leaks and mass assignment', (ctx) => {
  countRequestsPerDialect(ctx, requestCounts);

  it('no GET operation returns a hash, a snake_case column or a field outside its schema', async () => {
    const c = ctx();
    const { agent, user } = await signedInUser(c, { is_operator: 1 });
    const { secret } = (await agent.post(API.createToken.path, { name: 'leak check' })).json<{
      secret: string;
    }>();
    const bearer = new TestAgent(c.app);
    bearer.bearer = secret;
    const secrets = [
      ...(await c.database.db.selectFrom('users').select('password_hash as s').execute()),
      ...(await c.database.db.selectFrom('sessions').select('token_hash as s').execute()),
      ...(await c.database.db.selectFrom('api_tokens').select('token_hash as s').execute()),
    ].map((r) => r.s);
    for (const [name, ep] of SERVED_GETS) {
      for (const client of [agent, bearer, c.guest()]) {
        const res = await client.get(pathOf(ep));
        const keys = keysOf(JSON.parse(res.body || 'null'));
        expect(
          keys.filter((k) => k.includes('_') || /hash|password|secret/i.test(k)),
          name,
        ).toEqual([]);
        for (const s of secrets) expect(res.body.includes(s), `${name} leaks a hash`).toBe(false);
        expect(res.body, name).not.toContain('$argon2');
      }
    }
    for (const client of [agent, bearer]) {
      const me = (await client.get(API.me.path)).json<Record<string, unknown>>();
      expect(Object.keys(me).sort()).toEqual(Object.keys(MeSchema.shape).sort());
      const session = (await client.get(API.session.path)).json<{ user: Record<string, unknown> }>();
      expect(Object.keys(session.user).sort()).toEqual(Object.keys(MeSchema.shape).sort());
      expect(session.user.email).toBe(user.email);
    }
  });

  it('PATCH /api/me refuses protected fields with 400 and changes nothing', async () => {
    const c = ctx();
    const { agent, user } = await signedInUser(c);
    const snapshot = await snapshotter(c);
    const before = await snapshot();
    for (const body of [
      { isOperator: true },
      { email: 'taken.over@example.org' },
      { displayName: 'Sneaky Name', isOperator: true },
      { is_operator: 1 },
      { emailVerified: false },
      { id: NOWHERE },
      { password_hash: 'x' },
      { suspendedAt: null },
    ]) {
      expectError(await agent.patch(API.updateMe.path, body), 400, 'validation_failed', JSON.stringify(body));
    }
    expect(await snapshot()).toEqual(before);
    const me = (await agent.get(API.me.path)).json();
    expect(me).toMatchObject({ isOperator: false, email: user.email, displayName: 'Test Member' });
  });

  it('sign-up and token creation ignore fields a caller may not set', async () => {
    const c = ctx();
    const email = uniqueEmail('mass');
    const res = await c.guest().post(API.signUp.path, {
      email,
      password: STRONG_PASSWORD,
      displayName: 'Mass Assigner',
      isOperator: true,
      is_operator: 1,
      emailVerified: true,
      email_verified_at: '2020-01-01T00:00:00.000Z',
    });
    expect(res.statusCode).toBe(202);
    const row = await c.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_operator: 0, email_verified_at: null });

    const victim = await createUser(c);
    const { agent, user } = await signedInUser(c);
    const created = await agent.post(API.createToken.path, {
      name: 'mine',
      userId: victim.id,
      user_id: victim.id,
    });
    expect(created.statusCode).toBe(201);
    const owner = await c.database.db
      .selectFrom('api_tokens')
      .select('user_id')
      .where('id', '=', created.json<{ token: { id: string } }>().token.id)
      .executeTakeFirstOrThrow();
    expect(owner.user_id).toBe(user.id);
  });
});

describeEachDialect(
  'secure cookies behind https',
  (ctx) => {
    countRequestsPerDialect(ctx, requestCounts);

    it('uses a __Host- cookie with Secure, HttpOnly, SameSite=Lax and Path=/ and no Domain', async () => {
      const c = ctx();
      const user = await createUser(c);
      const res = await c.app.inject({
        method: 'POST',
        url: API.signIn.path,
        payload: { email: user.email, password: user.password },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.map((k) => k.name)).toEqual(['__Host-discuss_session']);
      const cookie = res.cookies[0]!;
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.domain).toBeUndefined();
      expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=\d+/);

      const agent = new TestAgent(c.app);
      await agent.signIn(user.email, user.password);
      expect((await agent.get(API.me.path)).statusCode).toBe(200);
      const token = agent.cookie!.split('=')[1]!;
      // The same secret under the plain name is not a session: the prefix pins it to this origin.
      const plain = await c.app.inject({
        method: 'GET',
        url: API.me.path,
        headers: { cookie: `discuss_session=${token}` },
      });
      expectError(plain, 401, 'unauthenticated');
      const out = await agent.post(API.signOut.path);
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((k) => k.name === '__Host-discuss_session')!;
      expect(cleared).toMatchObject({ value: '', secure: true, path: '/' });
    });
  },
  { env: { PUBLIC_URL: 'https://discuss.test' } },
);
