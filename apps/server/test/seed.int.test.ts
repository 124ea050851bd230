import { expect, it } from 'vitest';
import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, generate } from '../src/seed/generate.ts';
import { describeEachDialect } from './each-dialect.ts';
import { TestAgent } from './helpers.ts';

describeEachDialect('demo data generator', (ctx) => {
  it('builds five lively communities plus a hidden one, in every role, and is idempotent', async () => {
    const c = ctx();
    const first = await generate(c.database.db, c.clock, { members: 70 });
    const second = await generate(c.database.db, c.clock, { members: 70 });
    expect(second.totalUsers).toBe(first.totalUsers);

    const op = await new TestAgent(c.app).signIn(DEMO_OPERATOR_EMAIL, DEMO_PASSWORD);
    const list = (await op.get('/api/communities')).json();
    expect(list.total).toBe(6);
    expect(new Set(list.items.map((i: { visibility: string }) => i.visibility))).toEqual(
      new Set(['public', 'members', 'hidden']),
    );
    expect(new Set(list.items.map((i: { joinPolicy: string }) => i.joinPolicy))).toEqual(
      new Set(['open', 'request', 'invite']),
    );
    expect(list.items.every((i: { memberCount: number }) => i.memberCount >= 9)).toBe(true);
    // Guests do not learn about the hidden lab.
    expect((await c.guest().get('/api/communities')).json().total).toBe(5);

    const fac = await new TestAgent(c.app).signIn('facilitator@demo.discuss.test', DEMO_PASSWORD);
    const adult = (await fac.get('/api/communities/adult-learning')).json();
    expect(adult.can.manageMembers).toBe(true);
    expect(adult.groupCount).toBeGreaterThanOrEqual(2);
    const roles = new Set(
      (await fac.get('/api/communities/adult-learning/members?limit=100'))
        .json()
        .items.map((m: { role: string }) => m.role),
    );
    expect(roles).toEqual(new Set(['facilitator', 'moderator', 'member', 'expert']));
    const vet = await new TestAgent(c.app).signIn('newcomer@demo.discuss.test', DEMO_PASSWORD);
    expect((await vet.get('/api/communities/higher-education')).json().my.status).toBe('pending');
  });
});
