import { expect, it } from 'vitest';
import { HOUR } from '../../platform/clock.ts';
import { describeEachDialect } from '../../../test/each-dialect.ts';
import { createUser, errorCode, STRONG_PASSWORD, TestAgent, uniqueEmail } from '../../../test/helpers.ts';
import { tokenIn } from '../../../test/smtp-sink.ts';

describeEachDialect('sign-up, verification, sign-in and sign-out', (ctx) => {
  it('signs up, verifies through the e-mailed link, signs out and back in', async () => {
    const c = ctx();
    const email = uniqueEmail('ana');
    const agent = c.guest();
    const res = await agent.post('/api/auth/sign-up', {
      email,
      password: STRONG_PASSWORD,
      displayName: 'Ana Ruiz',
      locale: 'es',
    });
    expect(res.statusCode).toBe(202);

    const mail = await c.smtp.waitFor(email);
    expect(mail.subject).toContain('DISCUSS');
    expect(mail.text).toContain('Hola, Ana Ruiz');
    expect(mail.text).toContain('http://discuss.test/verify-email?token=');

    const verified = await agent.post('/api/auth/verify-email', { token: tokenIn(mail) });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      user: { email, displayName: 'Ana Ruiz', emailVerified: true, locale: 'es' },
    });
    const me = await agent.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().isOperator).toBe(false);

    const out = await agent.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect((await agent.get('/api/auth/session')).json()).toMatchObject({ user: null, csrfToken: null });
    expect(errorCode(await agent.get('/api/me'))).toBe('unauthenticated');

    await agent.signIn(email);
    expect((await agent.get('/api/me')).json().email).toBe(email);
  });

  it('sets a HttpOnly, SameSite=Lax session cookie, rotated on every sign-in', async () => {
    const c = ctx();
    const user = await createUser(c);
    const a = await c.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: user.password },
    });
    const b = await c.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: user.password },
    });
    const ca = a.cookies.find((k) => k.name === 'discuss_session')!;
    const cb = b.cookies.find((k) => k.name === 'discuss_session')!;
    expect(ca.httpOnly).toBe(true);
    expect(ca.sameSite).toBe('Lax');
    expect(ca.secure).toBeFalsy();
    expect(ca.value).not.toBe(cb.value);
  });

  it('answers a sign-up for a taken address exactly like a new one, and creates nothing', async () => {
    const c = ctx();
    const user = await createUser(c);
    const fresh = await c.guest().post('/api/auth/sign-up', {
      email: uniqueEmail(),
      password: STRONG_PASSWORD,
      displayName: 'New Person',
    });
    const taken = await c
      .guest()
      .post('/api/auth/sign-up', { email: user.email, password: STRONG_PASSWORD, displayName: 'Impostor' });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    const rows = await c.database.db
      .selectFrom('users')
      .select('display_name')
      .where('email', '=', user.email)
      .execute();
    expect(rows).toEqual([{ display_name: 'Test Member' }]);
  });

  it('refuses weak and common passwords with weak_password', async () => {
    const c = ctx();
    for (const password of ['password1234', 'qwertyuiop12', 'aaaaaaaaaaaa']) {
      const res = await c
        .guest()
        .post('/api/auth/sign-up', { email: uniqueEmail(), password, displayName: 'Weak Pass' });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('weak_password');
    }
    const short = await c
      .guest()
      .post('/api/auth/sign-up', { email: uniqueEmail(), password: 'short', displayName: 'Weak Pass' });
    expect(errorCode(short)).toBe('validation_failed');
    expect(short.json().error.details[0].path).toBe('body.password');
  });

  it('gives the same answer for an unknown address and a wrong password', async () => {
    const c = ctx();
    const user = await createUser(c);
    const wrong = await c
      .guest()
      .post('/api/auth/sign-in', { email: user.email, password: 'not the right one' });
    const unknown = await c
      .guest()
      .post('/api/auth/sign-in', { email: uniqueEmail(), password: 'not the right one' });
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe('invalid_credentials');
    expect(unknown.body).toBe(wrong.body);
  });

  it('refuses sign-in until the address is verified, and can resend the link', async () => {
    const c = ctx();
    const user = await createUser(c, { email_verified_at: null });
    const res = await c.guest().post('/api/auth/sign-in', { email: user.email, password: user.password });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('email_not_verified');
    expect((await c.guest().post('/api/auth/resend-verification', { email: user.email })).statusCode).toBe(
      202,
    );
    const mail = await c.smtp.waitFor(user.email);
    expect((await c.guest().post('/api/auth/verify-email', { token: tokenIn(mail) })).statusCode).toBe(200);
  });

  it('rejects a verification link used twice or expired', async () => {
    const c = ctx();
    const email = uniqueEmail();
    await c.guest().post('/api/auth/sign-up', { email, password: STRONG_PASSWORD, displayName: 'Link User' });
    const token = tokenIn(await c.smtp.waitFor(email));
    expect((await c.guest().post('/api/auth/verify-email', { token })).statusCode).toBe(200);
    expect(errorCode(await c.guest().post('/api/auth/verify-email', { token }))).toBe('invalid_token');

    const email2 = uniqueEmail();
    await c
      .guest()
      .post('/api/auth/sign-up', { email: email2, password: STRONG_PASSWORD, displayName: 'Late User' });
    const token2 = tokenIn(await c.smtp.waitFor(email2));
    c.clock.advance(49 * HOUR);
    expect(errorCode(await c.guest().post('/api/auth/verify-email', { token: token2 }))).toBe(
      'token_expired',
    );
    expect(errorCode(await c.guest().post('/api/auth/verify-email', { token: 'x'.repeat(40) }))).toBe(
      'invalid_token',
    );
  });

  it('rate-limits sign-in attempts per account with 429 and Retry-After', async () => {
    const c = ctx();
    const user = await createUser(c);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await c.guest().post('/api/auth/sign-in', { email: user.email, password: 'wrong password!' }))
          .statusCode,
      );
    }
    expect(codes.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await c.guest().post('/api/auth/sign-in', { email: user.email, password: user.password });
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rate-limits sign-ups per address of origin', async () => {
    const c = ctx();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await c.guest().post('/api/auth/sign-up', {
        email: uniqueEmail(),
        password: STRONG_PASSWORD,
        displayName: 'Bulk Person',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describeEachDialect('password reset', (ctx) => {
  it('resets through a one-time link, ends other sessions and signs in', async () => {
    const c = ctx();
    const user = await createUser(c);
    const other = await new TestAgent(c.app).signIn(user.email);
    const res = await c.guest().post('/api/auth/forgot-password', { email: user.email });
    expect(res.statusCode).toBe(202);
    const mail = await c.smtp.waitFor(user.email, (m) => m.text.includes('/reset-password?token='));
    const token = tokenIn(mail);
    const agent = c.guest();
    const reset = await agent.post('/api/auth/reset-password', {
      token,
      password: 'violet harbour window seven',
    });
    expect(reset.statusCode).toBe(200);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    expect(errorCode(await other.get('/api/me'))).toBe('unauthenticated');
    expect(
      errorCode(await c.guest().post('/api/auth/sign-in', { email: user.email, password: user.password })),
    ).toBe('invalid_credentials');
    await c.guest().signIn(user.email, 'violet harbour window seven');
    // The link works once.
    expect(
      errorCode(
        await c.guest().post('/api/auth/reset-password', { token, password: 'another fine long phrase' }),
      ),
    ).toBe('invalid_token');
  });

  it('refuses an expired reset link and keeps the old password', async () => {
    const c = ctx();
    const user = await createUser(c);
    await c.guest().post('/api/auth/forgot-password', { email: user.email });
    const token = tokenIn(await c.smtp.waitFor(user.email));
    c.clock.advance(2 * HOUR);
    const res = await c
      .guest()
      .post('/api/auth/reset-password', { token, password: 'violet harbour window seven' });
    expect(errorCode(res)).toBe('token_expired');
    await c.guest().signIn(user.email, user.password);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const c = ctx();
    const user = await createUser(c);
    const known = await c.guest().post('/api/auth/forgot-password', { email: user.email });
    const unknownEmail = uniqueEmail();
    const unknown = await c.guest().post('/api/auth/forgot-password', { email: unknownEmail });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    await c.smtp.waitFor(user.email);
    await c.app.services.mailer.flush();
    expect(c.smtp.messages.some((m) => m.to.includes(unknownEmail))).toBe(false);
  });

  it('keeps only the newest reset link valid', async () => {
    const c = ctx();
    const user = await createUser(c);
    await c.guest().post('/api/auth/forgot-password', { email: user.email });
    const first = tokenIn(await c.smtp.waitFor(user.email));
    await c.guest().post('/api/auth/forgot-password', { email: user.email });
    const second = tokenIn(await c.smtp.waitFor(user.email, (m) => tokenIn(m) !== first));
    expect(
      errorCode(
        await c
          .guest()
          .post('/api/auth/reset-password', { token: first, password: 'violet harbour window seven' }),
      ),
    ).toBe('invalid_token');
    expect(
      (
        await c
          .guest()
          .post('/api/auth/reset-password', { token: second, password: 'violet harbour window seven' })
      ).statusCode,
    ).toBe(200);
  });
});
