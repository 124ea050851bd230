import { expect, it } from 'vitest';
import { newId } from '../src/platform/crypto.ts';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode } from './helpers.ts';

describeEachDialect('people', (ctx) => {
  it("shows a person's name and only the memberships the viewer may read; otherwise 404 like an unknown id", async () => {
    const c = ctx();
    const open = await createCommunity(c, { name: 'Adult outreach', visibility: 'public' });
    const closed = await createCommunity(c, { name: 'Basic skills lab', visibility: 'members' });
    const hidden = await createCommunity(c, { name: 'Policy lab', visibility: 'hidden' });
    const person = await createUser(c, { display_name: 'Amira Bennani' });
    await addMember(c, open.id, person.id, 'moderator');
    await addMember(c, closed.id, person.id, 'member');
    await addMember(c, hidden.id, person.id, 'facilitator');

    // A guest and an outsider see the public community only.
    for (const viewer of [c.guest(), await agentFor(c, (await createUser(c)).id)]) {
      const res = await viewer.get(`/api/people/${person.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        person: { id: person.id, displayName: 'Amira Bennani' },
        communities: [
          { slug: open.slug, name: 'Adult outreach', role: 'moderator', joinedAt: expect.any(String) },
        ],
      });
    }
    // A fellow member of the members-only community sees that one too, never the hidden one.
    const colleague = await createUser(c);
    await addMember(c, closed.id, colleague.id);
    const seen = (await (await agentFor(c, colleague.id)).get(`/api/people/${person.id}`)).json();
    expect(seen.communities.map((m: { name: string }) => m.name)).toEqual([
      'Adult outreach',
      'Basic skills lab',
    ]);
    // The person sees all of their own; an operator sees what operators may read.
    const own = (await (await agentFor(c, person.id)).get(`/api/people/${person.id}`)).json();
    expect(own.communities.map((m: { name: string }) => m.name)).toEqual([
      'Adult outreach',
      'Basic skills lab',
      'Policy lab',
    ]);
    const op = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    expect((await op.get(`/api/people/${person.id}`)).json().communities).toHaveLength(3);

    // Someone only in communities the viewer may not read is indistinguishable from nobody.
    const insider = await createUser(c, { display_name: 'Hidden Insider' });
    await addMember(c, hidden.id, insider.id);
    const outsider = await agentFor(c, (await createUser(c)).id);
    const unknown = await outsider.get(`/api/people/${newId()}`);
    const secret = await outsider.get(`/api/people/${insider.id}`);
    expect(errorCode(unknown)).toBe('not_found');
    expect(secret.statusCode).toBe(404);
    expect(secret.json()).toEqual(unknown.json());
    expect(errorCode(await c.guest().get(`/api/people/${insider.id}`))).toBe('not_found');
    // People see their own page even with no community.
    const loner = await createUser(c);
    expect((await (await agentFor(c, loner.id)).get(`/api/people/${loner.id}`)).json()).toMatchObject({
      person: { id: loner.id },
      communities: [],
    });
  });

  it('leaves out suspended and expired memberships and platform-suspended people; rejects malformed ids', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { name: 'Guidance' });
    const other = await createCommunity(c, { name: 'Validation of learning' });
    const person = await createUser(c);
    await addMember(c, cop.id, person.id, 'member', 'suspended');
    await addMember(
      c,
      other.id,
      person.id,
      'expert',
      'active',
      new Date(c.clock.now().getTime() - 1000).toISOString(),
    );
    expect(errorCode(await c.guest().get(`/api/people/${person.id}`))).toBe('not_found');

    const active = await createUser(c);
    await addMember(c, cop.id, active.id);
    expect((await c.guest().get(`/api/people/${active.id}`)).statusCode).toBe(200);
    await c.database.db
      .updateTable('users')
      .set({ suspended_at: new Date().toISOString() })
      .where('id', '=', active.id)
      .execute();
    expect(errorCode(await c.guest().get(`/api/people/${active.id}`))).toBe('not_found');

    expect(errorCode(await c.guest().get('/api/people/not-an-id'))).toBe('not_found');
    const bad = await c.guest().get(`/api/people/${'x'.repeat(65)}`);
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('validation_failed');
  });
});
