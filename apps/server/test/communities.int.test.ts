import { expect, it } from 'vitest';
import { DAY, iso } from '../src/platform/clock.ts';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode, STRONG_PASSWORD, uniqueEmail } from './helpers.ts';
import { linkIn } from './smtp-sink.ts';

describeEachDialect('communities', (ctx) => {
  it('starts a fresh platform with five priority areas and one public community in each', async () => {
    const c = ctx();
    const areas = (await c.guest().get('/api/areas')).json().items;
    expect(areas.map((a: { slug: string }) => a.slug)).toEqual([
      'school-education',
      'higher-education',
      'vet',
      'adult-learning',
      'transversal',
    ]);
    expect(areas.every((a: { communityCount: number }) => a.communityCount === 1)).toBe(true);
    const list = (await c.guest().get('/api/communities')).json();
    expect(list.total).toBe(5);
    expect(list.items[0]).toMatchObject({
      visibility: 'public',
      joinPolicy: 'open',
      stage: 'potential',
      my: { status: 'none' },
    });
  });

  it('lets an operator create a community with facilitators, and refuses a taken slug and non-operators', async () => {
    const c = ctx();
    const op = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    const fac = await createUser(c, { display_name: 'Fatima Haddad' });
    const area = (await c.guest().get('/api/areas')).json().items[3];
    const body = {
      slug: 'Outreach-Adults',
      name: 'Reaching adults with low basic skills',
      shortDescription: 'Outreach and guidance that works.',
      description: '## Why\n\n<script>alert(1)</script>Outreach **matters**.',
      areaId: area.id,
      languages: ['en', 'de'],
      visibility: 'members',
      joinPolicy: 'request',
      facilitatorIds: [fac.id],
    };
    const res = await op.post('/api/communities', body);
    expect(res.statusCode).toBe(201);
    const cop = res.json();
    expect(cop).toMatchObject({
      slug: 'outreach-adults',
      visibility: 'members',
      joinPolicy: 'request',
      memberCount: 1,
      area: { id: area.id },
    });
    expect(cop.facilitators).toEqual([{ id: fac.id, displayName: 'Fatima Haddad' }]);
    expect(cop.descriptionHtml).toContain('<strong>matters</strong>');
    expect(cop.descriptionHtml).not.toContain('<script');
    expect(errorCode(await op.post('/api/communities', { ...body, facilitatorIds: [] }))).toBe('slug_taken');
    const member = await agentFor(c, (await createUser(c)).id);
    expect(errorCode(await member.post('/api/communities', { ...body, slug: 'another-one' }))).toBe(
      'forbidden',
    );
    expect(errorCode(await c.guest().post('/api/communities', { ...body, slug: 'another-one' }))).toBe(
      'unauthenticated',
    );
    const badArea = await op.post('/api/communities', { ...body, slug: 'bad-area', areaId: 'nope' });
    expect(errorCode(badArea)).toBe('validation_failed');
    expect((await c.guest().get('/api/communities/unknown-slug')).statusCode).toBe(404);
  });

  it('joins an open community with one click and leaves it', async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const user = await createUser(c);
    const a = await agentFor(c, user.id);
    const joined = await a.post(`/api/communities/${cop.slug}/join`);
    expect(joined.json()).toEqual({
      slug: cop.slug,
      my: { status: 'member', role: 'member', invitationId: null },
    });
    expect((await a.get(`/api/communities/${cop.slug}`)).json().memberCount).toBe(1);
    expect(errorCode(await a.post(`/api/communities/${cop.slug}/join`))).toBe('already_member');
    expect(errorCode(await a.post(`/api/communities/${cop.slug}/requests`, { motivation: 'x' }))).toBe(
      'already_member',
    );
    expect((await a.post(`/api/communities/${cop.slug}/leave`)).json().my.status).toBe('none');
    expect((await a.get(`/api/communities/${cop.slug}`)).json().memberCount).toBe(0);
    expect(errorCode(await a.post(`/api/communities/${cop.slug}/leave`))).toBe('not_member');
  });

  it('handles a request to join: pending, approved by a facilitator, the person told by e-mail', async () => {
    const c = ctx();
    const cop = await createCommunity(c, {
      visibility: 'members',
      joinPolicy: 'request',
      name: 'Guidance counsellors',
    });
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const user = await createUser(c, { display_name: 'Jonas Weber' });
    const a = await agentFor(c, user.id);

    expect(errorCode(await a.post(`/api/communities/${cop.slug}/join`))).toBe('join_policy_mismatch');
    const req = await a.post(`/api/communities/${cop.slug}/requests`, {
      motivation: 'I coordinate an adult guidance project.',
    });
    expect(req.statusCode).toBe(201);
    expect(errorCode(await a.post(`/api/communities/${cop.slug}/requests`, { motivation: 'again' }))).toBe(
      'request_pending',
    );
    expect((await a.get(`/api/communities/${cop.slug}`)).json().my.status).toBe('pending');
    expect(errorCode(await a.get(`/api/communities/${cop.slug}/members`))).toBe('forbidden');

    const home = (await fac.get(`/api/communities/${cop.slug}`)).json();
    expect(home.pendingRequestCount).toBe(1);
    const pending = (await fac.get(`/api/communities/${cop.slug}/requests`)).json().items;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      user: { displayName: 'Jonas Weber' },
      motivation: 'I coordinate an adult guidance project.',
    });
    const approved = await fac.post(`/api/communities/${cop.slug}/requests/${pending[0].id}/approve`, {
      note: 'Welcome aboard',
    });
    expect(approved.json().status).toBe('approved');
    expect(
      errorCode(await fac.post(`/api/communities/${cop.slug}/requests/${pending[0].id}/decline`, {})),
    ).toBe('conflict');
    const mail = await c.smtp.waitFor(user.email);
    expect(mail.subject).toContain('Guidance counsellors');
    expect(mail.text).toContain('Welcome aboard');
    expect((await a.get(`/api/communities/${cop.slug}/members`)).statusCode).toBe(200);
    expect((await a.get(`/api/communities/${cop.slug}`)).json().my).toMatchObject({
      status: 'member',
      role: 'member',
    });
  });

  it('declines a request and tells the person; a withdrawn request disappears', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { joinPolicy: 'request' });
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const user = await createUser(c);
    const a = await agentFor(c, user.id);
    const { id } = (await a.post(`/api/communities/${cop.slug}/requests`, { motivation: 'Please' })).json();
    expect(
      (
        await fac.post(`/api/communities/${cop.slug}/requests/${id}/decline`, {
          note: 'Only for VET trainers',
        })
      ).json().status,
    ).toBe('declined');
    expect((await c.smtp.waitFor(user.email)).text).toContain('Only for VET trainers');
    expect((await a.get(`/api/communities/${cop.slug}`)).json().my.status).toBe('none');

    const other = await agentFor(c, (await createUser(c)).id);
    await other.post(`/api/communities/${cop.slug}/requests`, { motivation: 'Me too' });
    expect((await other.delete(`/api/communities/${cop.slug}/requests/mine`)).statusCode).toBe(204);
    expect((await fac.get(`/api/communities/${cop.slug}/requests`)).json().items).toHaveLength(0);
    expect(errorCode(await other.delete(`/api/communities/${cop.slug}/requests/mine`))).toBe('not_found');
  });

  it('invites by e-mail a person without an account: sign-up through the link ends with a member', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'hidden', joinPolicy: 'invite', name: 'Policy lab' });
    const facUser = await createUser(c, { display_name: 'Claire Dubois' });
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const email = uniqueEmail('newcomer');
    const res = await fac.post(`/api/communities/${cop.slug}/invitations`, {
      emails: [email],
      message: 'We need your view on validation.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().items[0]).toMatchObject({ email, role: 'member', status: 'pending' });
    const mail = await c.smtp.waitFor(email);
    expect(mail.subject).toContain('Claire Dubois');
    expect(mail.text).toContain('We need your view on validation.');
    const token = linkIn(mail).split('/invitations/')[1]!;

    const guest = c.guest();
    const preview = (await guest.get(`/api/invitations/${token}`)).json();
    expect(preview).toMatchObject({
      community: { slug: cop.slug, name: 'Policy lab' },
      email,
      accountExists: false,
      invitedBy: { displayName: 'Claire Dubois' },
    });
    const weak = await guest.post(`/api/invitations/${token}/sign-up`, {
      password: 'password1234',
      displayName: 'New Comer',
    });
    expect(errorCode(weak)).toBe('weak_password');
    const signed = await guest.post(`/api/invitations/${token}/sign-up`, {
      password: STRONG_PASSWORD,
      displayName: 'New Comer',
    });
    expect(signed.statusCode).toBe(201);
    expect(signed.json().user).toMatchObject({ email, emailVerified: true });
    expect((await guest.get(`/api/communities/${cop.slug}`)).json().my).toMatchObject({
      status: 'member',
      role: 'member',
    });
    // The link works once.
    expect(errorCode(await c.guest().get(`/api/invitations/${token}`))).toBe('invalid_token');
    expect(
      errorCode(
        await c
          .guest()
          .post(`/api/invitations/${token}/sign-up`, { password: STRONG_PASSWORD, displayName: 'Again' }),
      ),
    ).toBe('invalid_token');
    expect(
      (await fac.get(`/api/communities/${cop.slug}/invitations?status=all`)).json().items[0].status,
    ).toBe('accepted');
  });

  it('refuses expired and revoked invitation links, and skips people already in or already invited', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { joinPolicy: 'invite' });
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const [e1, e2] = [uniqueEmail(), uniqueEmail()];
    const created = (
      await fac.post(`/api/communities/${cop.slug}/invitations`, { emails: [e1, e2], expiresInDays: 1 })
    ).json();
    expect(created.items).toHaveLength(2);
    // Accounts that cannot take part (unverified address, suspended) are skipped like unknown ids, unmailed.
    const unverified = await createUser(c, { email_verified_at: null });
    const suspended = await createUser(c, { suspended_at: iso(c.clock.now()) });
    const again = (
      await fac.post(`/api/communities/${cop.slug}/invitations`, {
        emails: [e1],
        userIds: [facUser.id, unverified.id, suspended.id],
      })
    ).json();
    expect(again.items).toEqual([]);
    expect(again.skipped).toEqual(
      expect.arrayContaining([
        { target: e1, reason: 'already_invited' },
        { target: facUser.id, reason: 'already_member' },
        { target: unverified.id, reason: 'unknown_user' },
        { target: suspended.id, reason: 'unknown_user' },
      ]),
    );

    const t2 = linkIn(await c.smtp.waitFor(e2)).split('/invitations/')[1]!;
    const inv1 = created.items.find((i: { email: string }) => i.email === e1);
    expect((await fac.delete(`/api/communities/${cop.slug}/invitations/${inv1.id}`)).statusCode).toBe(204);
    const t1 = linkIn(await c.smtp.waitFor(e1)).split('/invitations/')[1]!;
    expect(errorCode(await c.guest().get(`/api/invitations/${t1}`))).toBe('invalid_token');
    c.clock.advance(2 * DAY);
    expect(errorCode(await c.guest().get(`/api/invitations/${t2}`))).toBe('token_expired');
    const listed = (await fac.get(`/api/communities/${cop.slug}/invitations?status=all`))
      .json()
      .items.map((i: { status: string }) => i.status)
      .sort();
    expect(listed).toEqual(['expired', 'revoked']);
  });

  it('invites an existing member, who accepts from their invitations; a declined invitation is gone', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'hidden', joinPolicy: 'invite' });
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const [u1, u2] = [await createUser(c), await createUser(c)];
    await fac.post(`/api/communities/${cop.slug}/invitations`, {
      userIds: [u1.id, u2.id],
      role: 'expert',
      accessDays: 30,
    });
    const a1 = await agentFor(c, u1.id);
    const mine = (await a1.get('/api/me/invitations')).json().items;
    expect(mine).toHaveLength(1);
    expect((await a1.get(`/api/communities/${cop.slug}`)).json().my.status).toBe('invited');
    const accepted = await a1.post(`/api/me/invitations/${mine[0].id}/accept`);
    expect(accepted.json().my).toMatchObject({ status: 'member', role: 'expert' });
    // Invited experts are not counted as members.
    expect((await fac.get(`/api/communities/${cop.slug}`)).json().memberCount).toBe(1);
    const a2 = await agentFor(c, u2.id);
    const id2 = (await a2.get('/api/me/invitations')).json().items[0].id;
    expect(errorCode(await a1.post(`/api/me/invitations/${id2}/accept`))).toBe('not_found');
    expect((await a2.post(`/api/me/invitations/${id2}/decline`)).statusCode).toBe(204);
    expect((await a2.get(`/api/communities/${cop.slug}`)).statusCode).toBe(404);
    // The expert's access ends on its date.
    c.clock.advance(31 * DAY);
    expect((await a1.get(`/api/communities/${cop.slug}`)).statusCode).toBe(404);
  });

  it('treats an e-mail invitation to an existing account like a personal one: the hidden community shows, with Accept', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'hidden', joinPolicy: 'invite' });
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const invitee = await createUser(c);
    const a = await agentFor(c, invitee.id);
    expect((await a.get(`/api/communities/${cop.slug}`)).statusCode).toBe(404);
    await fac.post(`/api/communities/${cop.slug}/invitations`, { emails: [invitee.email] });
    const home = (await a.get(`/api/communities/${cop.slug}`)).json();
    expect(home.my.status).toBe('invited');
    expect(home.my.invitationId).toBeTruthy();
    expect((await a.get('/api/communities')).json().items.map((i: { slug: string }) => i.slug)).toContain(
      cop.slug,
    );
    const accepted = await a.post(`/api/me/invitations/${home.my.invitationId}/accept`);
    expect(accepted.json().my.status).toBe('member');
  });

  it('never leaves a community without a facilitator', async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const op = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    expect(errorCode(await fac.post(`/api/communities/${cop.slug}/leave`))).toBe('last_facilitator');
    expect(
      errorCode(await op.patch(`/api/communities/${cop.slug}/members/${facUser.id}`, { role: 'member' })),
    ).toBe('last_facilitator');
    expect(errorCode(await op.delete(`/api/communities/${cop.slug}/members/${facUser.id}`))).toBe(
      'last_facilitator',
    );
    const other = await createUser(c);
    await addMember(c, cop.id, other.id, 'member');
    expect(
      (await fac.patch(`/api/communities/${cop.slug}/members/${other.id}`, { role: 'facilitator' })).json()
        .role,
    ).toBe('facilitator');
    expect((await fac.post(`/api/communities/${cop.slug}/leave`)).json().my.status).toBe('none');
  });

  it('suspends a member in the community: no more access to members-only content until reinstated', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'members' });
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const user = await createUser(c);
    await addMember(c, cop.id, user.id, 'member');
    const a = await agentFor(c, user.id);
    expect((await a.get(`/api/communities/${cop.slug}/members`)).statusCode).toBe(200);
    const s = await fac.post(`/api/communities/${cop.slug}/members/${user.id}/suspend`, {
      reason: 'Advertising',
    });
    expect(s.json()).toMatchObject({ status: 'suspended' });
    expect(errorCode(await a.get(`/api/communities/${cop.slug}/members`))).toBe('forbidden');
    expect(errorCode(await a.post(`/api/communities/${cop.slug}/join`))).toBe('already_member');
    expect((await fac.get(`/api/communities/${cop.slug}`)).json().memberCount).toBe(1);
    expect((await fac.post(`/api/communities/${cop.slug}/members/${user.id}/reinstate`)).json().status).toBe(
      'active',
    );
    expect((await a.get(`/api/communities/${cop.slug}/members`)).statusCode).toBe(200);
    expect((await fac.delete(`/api/communities/${cop.slug}/members/${user.id}`)).statusCode).toBe(204);
    expect(errorCode(await a.get(`/api/communities/${cop.slug}/members`))).toBe('forbidden');
  });

  it('records every lifecycle stage change with date and author', async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const facUser = await createUser(c, { display_name: 'Fatima Haddad' });
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    c.clock.advance(DAY);
    expect(
      (
        await fac.post(`/api/communities/${cop.slug}/stage`, {
          stage: 'coalescing',
          note: 'First webinar held',
        })
      ).json().stage,
    ).toBe('coalescing');
    c.clock.advance(DAY);
    await fac.post(`/api/communities/${cop.slug}/stage`, { stage: 'maturing' });
    const history = (await c.guest().get(`/api/communities/${cop.slug}/stage`)).json().items;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['maturing', 'coalescing', 'potential']);
    expect(history[1]).toMatchObject({
      from: 'potential',
      note: 'First webinar held',
      changedBy: { displayName: 'Fatima Haddad' },
    });
    expect(errorCode(await fac.post(`/api/communities/${cop.slug}/stage`, { stage: 'retired' }))).toBe(
      'validation_failed',
    );
  });

  it('runs working groups: open ones for any member, private ones only for their people', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'members' });
    const facUser = await createUser(c);
    await addMember(c, cop.id, facUser.id, 'facilitator');
    const fac = await agentFor(c, facUser.id);
    const [m1, m2] = [await createUser(c, { display_name: 'Ana Ruiz' }), await createUser(c)];
    await addMember(c, cop.id, m1.id);
    await addMember(c, cop.id, m2.id);
    const a1 = await agentFor(c, m1.id);
    const a2 = await agentFor(c, m2.id);
    const open = await fac.post(`/api/communities/${cop.slug}/groups`, {
      slug: 'erasmus-proposal',
      name: 'Erasmus+ proposal 2027',
    });
    expect(open.statusCode).toBe(201);
    expect(open.json().members[0].role).toBe('lead');
    await fac.post(`/api/communities/${cop.slug}/groups`, {
      slug: 'steering',
      name: 'Steering group',
      visibility: 'private',
    });
    expect(
      errorCode(await fac.post(`/api/communities/${cop.slug}/groups`, { slug: 'steering', name: 'Again' })),
    ).toBe('slug_taken');
    expect(
      errorCode(await a1.post(`/api/communities/${cop.slug}/groups`, { slug: 'mine', name: 'Mine' })),
    ).toBe('forbidden');

    expect(
      (await a1.get(`/api/communities/${cop.slug}/groups`)).json().items.map((g: { slug: string }) => g.slug),
    ).toEqual(['erasmus-proposal']);
    expect((await a1.post(`/api/communities/${cop.slug}/groups/erasmus-proposal/join`)).json().myRole).toBe(
      'member',
    );
    expect(errorCode(await a1.get(`/api/communities/${cop.slug}/groups/steering`))).toBe('not_found');
    expect(errorCode(await a1.post(`/api/communities/${cop.slug}/groups/steering/join`))).toBe('not_found');

    const added = await fac.post(`/api/communities/${cop.slug}/groups/steering/members`, { userId: m1.id });
    expect(added.json().members.map((m: { user: { displayName: string } }) => m.user.displayName)).toContain(
      'Ana Ruiz',
    );
    expect((await a1.get(`/api/communities/${cop.slug}/groups/steering`)).statusCode).toBe(200);
    expect(errorCode(await a2.get(`/api/communities/${cop.slug}/groups/steering`))).toBe('not_found');
    const outsider = await createUser(c);
    expect(
      errorCode(
        await fac.post(`/api/communities/${cop.slug}/groups/steering/members`, { userId: outsider.id }),
      ),
    ).toBe('not_member');
    expect((await a1.post(`/api/communities/${cop.slug}/groups/steering/leave`)).json().myRole).toBeNull();
    expect(errorCode(await a1.get(`/api/communities/${cop.slug}/groups/steering`))).toBe('not_found');
    // Leaving the community also leaves its groups.
    await a1.post(`/api/communities/${cop.slug}/leave`);
    const group = (await fac.get(`/api/communities/${cop.slug}/groups/erasmus-proposal`)).json();
    expect(group.members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(m1.id);
  });

  it('archives a community: out of the directory, no joining, back on unarchive', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { name: 'Old project CoP' });
    const op = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    const user = await agentFor(c, (await createUser(c)).id);
    expect((await op.post(`/api/communities/${cop.slug}/archive`)).json().archived).toBe(true);
    expect((await user.get('/api/communities?q=old%20project')).json().total).toBe(0);
    expect((await user.get('/api/communities?q=old%20project&includeArchived=true')).json().total).toBe(1);
    expect(errorCode(await user.post(`/api/communities/${cop.slug}/join`))).toBe('community_archived');
    expect(errorCode(await op.patch(`/api/communities/${cop.slug}`, { name: 'Renamed' }))).toBe(
      'community_archived',
    );
    expect((await op.post(`/api/communities/${cop.slug}/unarchive`)).json().archived).toBe(false);
    expect((await user.post(`/api/communities/${cop.slug}/join`)).statusCode).toBe(200);
  });

  it('filters the directory by area, text and "mine", with cursor paging', async () => {
    const c = ctx();
    const user = await createUser(c);
    const a = await agentFor(c, user.id);
    await a.post('/api/communities/adult-learning/join');
    expect(
      (await a.get('/api/communities?scope=mine')).json().items.map((i: { slug: string }) => i.slug),
    ).toEqual(['adult-learning']);
    expect(
      (await a.get('/api/communities?area=vet')).json().items.map((i: { slug: string }) => i.slug),
    ).toEqual(['vocational-education-and-training']);
    expect((await a.get('/api/communities?area=no-such-area')).json().total).toBe(0);
    expect((await a.get('/api/communities?q=HIGHER')).json().total).toBe(1);
    const p1 = (await a.get('/api/communities?limit=2')).json();
    const p2 = (await a.get(`/api/communities?limit=2&cursor=${p1.nextCursor}`)).json();
    const p3 = (await a.get(`/api/communities?limit=2&cursor=${p2.nextCursor}`)).json();
    expect([...p1.items, ...p2.items, ...p3.items].map((i: { slug: string }) => i.slug)).toHaveLength(5);
    expect(p3.nextCursor).toBeNull();
    expect(errorCode(await a.get('/api/communities?cursor=garbage'))).toBe('bad_request');
  });

  it('lets operators manage priority areas', async () => {
    const c = ctx();
    const op = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    const res = await op.post('/api/areas', {
      slug: 'youth',
      name: 'Youth work',
      description: 'Non-formal learning with young people.',
    });
    expect(res.statusCode).toBe(201);
    expect(errorCode(await op.post('/api/areas', { slug: 'youth', name: 'Again' }))).toBe('slug_taken');
    expect(
      (await op.patch(`/api/areas/${res.json().id}`, { name: 'Youth work and sport' })).json().name,
    ).toBe('Youth work and sport');
    const member = await agentFor(c, (await createUser(c)).id);
    expect(errorCode(await member.post('/api/areas', { slug: 'x-area', name: 'Nope' }))).toBe('forbidden');
    expect((await c.guest().get('/api/areas')).json().items).toHaveLength(6);
  });
});
