import { expect, it } from 'vitest';
import { DAY } from '../../platform/clock.ts';
import { describeEachDialect } from '../../../test/each-dialect.ts';
import { createUser, errorCode, signedInUser, TestAgent, uniqueEmail } from '../../../test/helpers.ts';
import { tokenIn } from '../../../test/smtp-sink.ts';

const NEW_PASSWORD = 'copper meadow signal ninety';

describeEachDialect('own account settings', (ctx) => {
  it('changes display name and language, and refuses fields a member may not set', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c);
    const res = await agent.patch('/api/me', { displayName: 'Maria Rossi', locale: 'de' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Maria Rossi', locale: 'de' });
    const bad = await agent.patch('/api/me', { isOperator: true });
    expect(errorCode(bad)).toBe('validation_failed');
    expect((await agent.get('/api/me')).json().isOperator).toBe(false);
  });

  it('changes the password with the current one and ends every other session', async () => {
    const c = ctx();
    const { user, agent } = await signedInUser(c);
    const other = await new TestAgent(c.app).signIn(user.email, user.password);
    const wrong = await agent.post('/api/me/password', {
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
    });
    expect(errorCode(wrong)).toBe('invalid_credentials');
    const weak = await agent.post('/api/me/password', {
      currentPassword: user.password,
      newPassword: 'password1234',
    });
    expect(errorCode(weak)).toBe('weak_password');
    expect(
      (await agent.post('/api/me/password', { currentPassword: user.password, newPassword: NEW_PASSWORD }))
        .statusCode,
    ).toBe(204);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    expect(errorCode(await other.get('/api/me'))).toBe('unauthenticated');
    await new TestAgent(c.app).signIn(user.email, NEW_PASSWORD);
  });

  it('changes the e-mail address through a link sent to the new address, and tells the old one', async () => {
    const c = ctx();
    const { user, agent } = await signedInUser(c);
    const newEmail = uniqueEmail('new');
    const res = await agent.post('/api/me/email', { newEmail, currentPassword: user.password });
    expect(res.statusCode).toBe(202);
    const mail = await c.smtp.waitFor(newEmail);
    expect(mail.text).toContain('/confirm-email?token=');
    expect((await agent.get('/api/me')).json().email).toBe(user.email);
    const confirmed = await agent.post('/api/auth/confirm-email-change', { token: tokenIn(mail) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().email).toBe(newEmail);
    await c.smtp.waitFor(user.email, (m) => m.subject.includes('changed'));
    await new TestAgent(c.app).signIn(newEmail, user.password);
  });

  it('answers an e-mail change to a taken address like any other, and sends no link', async () => {
    const c = ctx();
    const { user, agent } = await signedInUser(c);
    const other = await createUser(c);
    const res = await agent.post('/api/me/email', { newEmail: other.email, currentPassword: user.password });
    expect(res.statusCode).toBe(202);
    await c.app.services.mailer.flush();
    expect(c.smtp.messages.filter((m) => m.to.includes(other.email))).toHaveLength(0);
  });

  it('lists own sessions, marks the current one, and revokes another at once', async () => {
    const c = ctx();
    const { user, agent } = await signedInUser(c);
    const phone = new TestAgent(c.app);
    await phone.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: user.password },
      headers: { 'user-agent': 'PhoneBrowser/1.0' },
    });
    const list = (await agent.get('/api/me/sessions')).json();
    expect(list.items).toHaveLength(2);
    expect(list.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneSession = list.items.find(
      (s: { userAgent: string | null }) => s.userAgent === 'PhoneBrowser/1.0',
    );
    expect((await agent.delete(`/api/me/sessions/${phoneSession.id}`)).statusCode).toBe(204);
    expect(errorCode(await phone.get('/api/me'))).toBe('unauthenticated');
    expect(errorCode(await agent.delete(`/api/me/sessions/${phoneSession.id}`))).toBe('not_found');
  });

  it('signs out every other session at once', async () => {
    const c = ctx();
    const { user, agent } = await signedInUser(c);
    const others = [
      await new TestAgent(c.app).signIn(user.email, user.password),
      await new TestAgent(c.app).signIn(user.email, user.password),
    ];
    expect((await agent.delete('/api/me/sessions')).statusCode).toBe(204);
    for (const o of others) expect(errorCode(await o.get('/api/me'))).toBe('unauthenticated');
    expect((await agent.get('/api/me/sessions')).json().items).toHaveLength(1);
  });

  it('expires sessions after 30 days without use', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c);
    c.clock.advance(31 * DAY);
    expect(errorCode(await agent.get('/api/me'))).toBe('unauthenticated');
  });

  it('creates API tokens that authenticate as the user, shows the secret once, and revokes them', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c);
    const created = await agent.post('/api/me/tokens', { name: 'Reporting script', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^dsc_/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const list = (await agent.get('/api/me/tokens')).json();
    expect(JSON.stringify(list)).not.toContain(secret);

    const script = new TestAgent(c.app);
    script.bearer = secret;
    expect((await script.get('/api/me')).statusCode).toBe(200);
    // Bearer writes need no CSRF token: the credential is not ambient.
    expect((await script.patch('/api/me', { displayName: 'Script Renamed' })).statusCode).toBe(200);

    expect((await agent.delete(`/api/me/tokens/${token.id}`)).statusCode).toBe(204);
    expect(errorCode(await script.get('/api/me'))).toBe('unauthenticated');
  });

  it('refuses an expired API token and a malformed Authorization header', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c);
    const { secret } = (await agent.post('/api/me/tokens', { name: 'Short lived', expiresInDays: 1 })).json();
    const script = new TestAgent(c.app);
    script.bearer = secret;
    expect((await script.get('/api/me')).statusCode).toBe(200);
    c.clock.advance(2 * DAY);
    expect(errorCode(await script.get('/api/me'))).toBe('unauthenticated');
    const garbage = await c.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Basic abc' },
    });
    expect(errorCode(garbage)).toBe('unauthenticated');
  });
});
