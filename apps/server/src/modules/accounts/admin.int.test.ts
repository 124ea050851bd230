import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/each-dialect.ts';
import {
  createUser,
  errorCode,
  signedInUser,
  STRONG_PASSWORD,
  TestAgent,
  uniqueEmail,
} from '../../../test/helpers.ts';

describeEachDialect('first-run setup', (ctx) => {
  it('creates the operator once, signs them in, then refuses', async () => {
    const c = ctx();
    const agent = c.guest();
    expect((await agent.get('/api/setup')).json()).toEqual({ setupRequired: true });
    expect((await agent.get('/api/auth/session')).json().setupRequired).toBe(true);
    const email = uniqueEmail('operator');
    const res = await agent.post('/api/setup', {
      email,
      password: STRONG_PASSWORD,
      displayName: 'Olga Operator',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      user: { email, isOperator: true, emailVerified: true },
      setupRequired: false,
    });
    expect((await agent.get('/api/admin/users')).statusCode).toBe(200);
    const again = await c
      .guest()
      .post('/api/setup', { email: uniqueEmail(), password: STRONG_PASSWORD, displayName: 'Second Try' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('setup_already_done');
  });

  it('refuses a weak operator password and creates nothing', async () => {
    const c = ctx();
    const res = await c
      .guest()
      .post('/api/setup', { email: uniqueEmail(), password: 'password1234', displayName: 'Olga Operator' });
    expect(errorCode(res)).toBe('weak_password');
    expect((await c.guest().get('/api/setup')).json().setupRequired).toBe(true);
  });

  it('creates an operator headlessly, as the CLI does', async () => {
    const c = ctx();
    const email = uniqueEmail('cli');
    const r = await c.app.services.admin.createOperator({
      email,
      password: STRONG_PASSWORD,
      displayName: 'CLI Operator',
    });
    expect(r.created).toBe(true);
    expect((await c.guest().get('/api/setup')).json().setupRequired).toBe(false);
    await new TestAgent(c.app).signIn(email);
  });
});

describeEachDialect("operator's user list and suspensions", (ctx) => {
  it('lists users with search, status filter, total and cursor paging', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c, { is_operator: 1, display_name: 'Olga Operator' });
    for (let i = 0; i < 5; i++) {
      c.clock.advance(1000);
      await createUser(c, { display_name: `Learner Number${i}` });
    }
    await createUser(c, { display_name: 'Unverified Person', email_verified_at: null });

    const page1 = (await agent.get('/api/admin/users?limit=3')).json();
    expect(page1.total).toBe(7);
    expect(page1.items).toHaveLength(3);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (await agent.get(`/api/admin/users?limit=3&cursor=${page1.nextCursor}`)).json();
    const page3 = (await agent.get(`/api/admin/users?limit=3&cursor=${page2.nextCursor}`)).json();
    const ids = [...page1.items, ...page2.items, ...page3.items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(7);
    expect(page3.nextCursor).toBeNull();

    const found = (await agent.get('/api/admin/users?q=number3')).json();
    expect(found.items.map((u: { displayName: string }) => u.displayName)).toEqual(['Learner Number3']);
    const unverified = (await agent.get('/api/admin/users?status=unverified')).json();
    expect(unverified.total).toBe(1);
    // LIKE wildcards in the query are taken literally.
    expect((await agent.get('/api/admin/users?q=%25')).json().total).toBe(0);
    expect(errorCode(await agent.get('/api/admin/users?cursor=bm9wZQ'))).toBe('bad_request');
  });

  it('suspends a user: their session and tokens stop at once and sign-in is refused; reinstating restores access', async () => {
    const c = ctx();
    const { agent: op } = await signedInUser(c, { is_operator: 1 });
    const { user, agent } = await signedInUser(c);
    const { secret } = (await agent.post('/api/me/tokens', { name: 'Sync' })).json();

    const res = await op.post(`/api/admin/users/${user.id}/suspend`, { reason: 'Spam in three communities' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ suspendedReason: 'Spam in three communities' });
    expect(errorCode(await agent.get('/api/me'))).toBe('unauthenticated');
    const bearer = await c.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(errorCode(bearer)).toBe('unauthenticated');
    const signIn = await c.guest().post('/api/auth/sign-in', { email: user.email, password: user.password });
    expect(errorCode(signIn)).toBe('account_suspended');
    expect((await op.get('/api/admin/users?status=suspended')).json().total).toBe(1);

    expect((await op.post(`/api/admin/users/${user.id}/reinstate`)).json().suspendedAt).toBeNull();
    await new TestAgent(c.app).signIn(user.email, user.password);
  });

  it('refuses suspension by members, of oneself, of another operator, and of unknown users', async () => {
    const c = ctx();
    const { user: opUser, agent: op } = await signedInUser(c, { is_operator: 1 });
    const other = await createUser(c, { is_operator: 1 });
    const { user, agent } = await signedInUser(c);
    expect(errorCode(await agent.post(`/api/admin/users/${other.id}/suspend`, { reason: 'x' }))).toBe(
      'forbidden',
    );
    expect(errorCode(await agent.get('/api/admin/users'))).toBe('forbidden');
    expect(errorCode(await c.guest().get('/api/admin/users'))).toBe('unauthenticated');
    expect(errorCode(await op.post(`/api/admin/users/${opUser.id}/suspend`, { reason: 'x' }))).toBe(
      'cannot_suspend_self',
    );
    expect(errorCode(await op.post(`/api/admin/users/${other.id}/suspend`, { reason: 'x' }))).toBe(
      'forbidden',
    );
    expect(
      errorCode(
        await op.post('/api/admin/users/00000000-0000-0000-0000-000000000000/suspend', { reason: 'x' }),
      ),
    ).toBe('not_found');
    expect((await agent.get('/api/me')).json().id).toBe(user.id);
  });
});
