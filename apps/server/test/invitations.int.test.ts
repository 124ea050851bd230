import { expect, it } from 'vitest';
import { DAY, iso } from '../src/platform/clock.ts';
import { LIMIT_RULES } from '../src/platform/rate-limit.ts';
import {
  addMember,
  addPendingInvitation,
  addPendingRequest,
  agentFor,
  createCommunity,
} from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode, uniqueEmail, type TestContext } from './helpers.ts';

/** A community with a facilitator, and that facilitator's agent. */
async function withFacilitator(c: TestContext, overrides: Parameters<typeof createCommunity>[1] = {}) {
  const cop = await createCommunity(c, { joinPolicy: 'request', ...overrides });
  const facUser = await createUser(c, { display_name: 'Fay Facilitator' });
  await addMember(c, cop.id, facUser.id, 'facilitator');
  return { cop, fac: await agentFor(c, facUser.id) };
}

const names = (body: { items: { displayName: string }[] }) => body.items.map((p) => p.displayName);

describeEachDialect('people to invite', (ctx) => {
  it('finds active, verified accounts by part of the name, in any case, names starting with it first', async () => {
    const c = ctx();
    const { cop, fac } = await withFacilitator(c);
    await createUser(c, { display_name: 'Marta Kowalska' });
    await createUser(c, { display_name: 'Ana Martínez' });
    await createUser(c, { display_name: 'Tomás Marteau' });
    await createUser(c, { display_name: 'Martin Ortega' });
    await createUser(c, { display_name: 'Marta Suspended', suspended_at: iso(c.clock.now()) });
    await createUser(c, { display_name: 'Marta Unverified', email_verified_at: null });
    const res = await fac.get(`/api/communities/${cop.slug}/invitable?q=MART`);
    expect(res.statusCode).toBe(200);
    expect(names(res.json())).toEqual(['Marta Kowalska', 'Martin Ortega', 'Ana Martínez', 'Tomás Marteau']);
    // Only ids and names: never an address.
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id']);
    expect(res.body).not.toContain('@');
    // `%` and `_` are letters here, not wildcards.
    expect((await fac.get(`/api/communities/${cop.slug}/invitable?q=%25%25`)).json().items).toEqual([]);
  });

  it('leaves out members in any status and people with a pending invitation, but not expired ones', async () => {
    const c = ctx();
    const { cop, fac } = await withFacilitator(c);
    const quinn = (n: string) => createUser(c, { display_name: `Quinn ${n}` });
    await addMember(c, cop.id, (await quinn('member')).id, 'member');
    await addMember(c, cop.id, (await quinn('suspended')).id, 'member', 'suspended');
    const invited = await quinn('invited');
    await addPendingRequest(c, cop.id, (await quinn('requester')).id);
    await quinn('free');
    const invitations = `/api/communities/${cop.slug}/invitations`;
    const byEmail = await quinn('by email');
    expect((await fac.post(invitations, { emails: [byEmail.email] })).statusCode).toBe(201);
    await fac.post(invitations, { userIds: [(await quinn('expired')).id], expiresInDays: 1 });
    c.clock.advance(2 * DAY);
    await addPendingInvitation(c, cop.id, invited.id);
    const found = names((await fac.get(`/api/communities/${cop.slug}/invitable?q=quinn`)).json()).sort();
    expect(found).toEqual(['Quinn expired', 'Quinn free', 'Quinn requester']);
  });

  it('answers at most ten, refuses short or long queries, and is rate-limited', async () => {
    const c = ctx();
    const { cop, fac } = await withFacilitator(c);
    for (let i = 0; i < 12; i++) await createUser(c, { display_name: `Robin ${String(i).padStart(2, '0')}` });
    const url = `/api/communities/${cop.slug}/invitable`;
    expect((await fac.get(`${url}?q=robin`)).json().items).toHaveLength(10);
    expect((await fac.get(`${url}?q=robin&limit=3`)).json().items).toHaveLength(3);
    for (const bad of ['?q=r', '?q=%20r%20', '', `?q=${'r'.repeat(201)}`, '?q=robin&limit=11']) {
      const res = await fac.get(`${url}${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(errorCode(res), bad).toBe('validation_failed');
    }
    let limited = await fac.get(`${url}?q=robin`);
    for (let i = 0; i < LIMIT_RULES.searchActor.points; i++) limited = await fac.get(`${url}?q=robin`);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('is for those who may invite: members get 403, outsiders of a hidden community 404', async () => {
    const c = ctx();
    const { cop } = await withFacilitator(c, { visibility: 'hidden' });
    const member = await createUser(c);
    await addMember(c, cop.id, member.id, 'moderator');
    const url = `/api/communities/${cop.slug}/invitable?q=fay`;
    expect(errorCode(await (await agentFor(c, member.id)).get(url))).toBe('forbidden');
    const outsider = await agentFor(c, (await createUser(c)).id);
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect(errorCode(await c.guest().get(url))).toBe('not_found');
    const operator = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    expect(names((await operator.get(url)).json())).toEqual([]);
  });
});

describeEachDialect('invitation and request lists', (ctx) => {
  it('lists invitations by status, newest first, page by page', async () => {
    const c = ctx();
    const { cop, fac } = await withFacilitator(c);
    const base = `/api/communities/${cop.slug}/invitations`;
    const emails: string[] = [];
    for (let i = 0; i < 5; i++) {
      emails.push(uniqueEmail(`guest${i}`));
      await fac.post(base, { emails: [emails[i]], expiresInDays: i < 2 ? 1 : 14 });
      c.clock.advance(60_000);
    }
    const first = (await fac.get(`${base}?status=pending`)).json();
    const revoked = first.items.find((i: { email: string }) => i.email === emails[4]);
    expect((await fac.delete(`${base}/${revoked.id}`)).statusCode).toBe(204);
    c.clock.advance(DAY + 60_000);

    const byStatus = async (status: string) =>
      (await fac.get(`${base}?status=${status}`)).json().items.map((i: { email: string }) => i.email);
    expect(await byStatus('pending')).toEqual([emails[3], emails[2]]);
    expect(await byStatus('expired')).toEqual([emails[1], emails[0]]);
    expect(await byStatus('revoked')).toEqual([emails[4]]);
    expect(await byStatus('accepted')).toEqual([]);
    // The default is pending.
    expect((await fac.get(base)).json().items).toHaveLength(2);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { email: string }[]; nextCursor: string | null } = (
        await fac.get(`${base}?status=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...emails].reverse());
  });

  it('lists membership requests by status, newest first, page by page', async () => {
    const c = ctx();
    const { cop, fac } = await withFacilitator(c);
    const base = `/api/communities/${cop.slug}/requests`;
    const people = [];
    for (let i = 0; i < 4; i++) {
      const user = await createUser(c, { display_name: `Asker ${i}` });
      await (await agentFor(c, user.id)).post(base, { motivation: `Reason ${i}` });
      people.push(user);
      c.clock.advance(60_000);
    }
    const pending = (await fac.get(base)).json();
    expect(pending.nextCursor).toBeNull();
    const oldest = pending.items.at(-1);
    expect(oldest.user.displayName).toBe('Asker 0');
    await fac.post(`${base}/${oldest.id}/decline`, { note: '' });

    const page1 = (await fac.get(`${base}?status=all&limit=3`)).json();
    expect(page1.items.map((r: { motivation: string }) => r.motivation)).toEqual([
      'Reason 3',
      'Reason 2',
      'Reason 1',
    ]);
    const page2 = (await fac.get(`${base}?status=all&limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((r: { status: string }) => r.status)).toEqual(['declined']);
    expect(page2.nextCursor).toBeNull();
    expect((await fac.get(`${base}?status=declined`)).json().items).toHaveLength(1);
    expect((await fac.get(base)).json().items).toHaveLength(3);
  });

  it('refuses a cursor it did not make, with 400 and the error shape', async () => {
    const c = ctx();
    const { cop, fac } = await withFacilitator(c);
    const numeric = Buffer.from(JSON.stringify([5, 'x'])).toString('base64url');
    for (const list of ['invitations', 'requests']) {
      for (const cursor of ['not-a-cursor', numeric]) {
        const res = await fac.get(`/api/communities/${cop.slug}/${list}?cursor=${cursor}`);
        expect(res.statusCode, `${list} ${cursor}`).toBe(400);
        expect(errorCode(res)).toBe('bad_request');
      }
    }
  });
});
