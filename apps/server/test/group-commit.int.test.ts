import { afterEach, describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../src/platform/group-commit.ts';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './dialects.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode } from './helpers.ts';

const dialects = await testDialects();

describe.each(dialects)('group commit [%s]', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  const setting = (key: string) => ({ key, value: 'x' });

  it('commits concurrent units together, each rolled back alone when it fails', async () => {
    database = await createTestDatabase(dialect);
    const { db } = database;
    let transactions = 0;
    const begin = db.transaction.bind(db);
    const beginControlled = db.startTransaction.bind(db);
    db.transaction = () => (transactions++, begin());
    db.startTransaction = () => (transactions++, beginControlled());
    const writes = createWriteBatcher(db, { enabled: true });
    const results = await Promise.allSettled(
      ['a', 'b', 'fails', 'c'].map((key) =>
        writes.run(async (trx) => {
          await trx
            .insertInto('platform_settings')
            .values(setting(`gc_${key}`))
            .execute();
          if (key === 'fails') throw new Error('refused');
          return key;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect((results[3] as PromiseFulfilledResult<string>).value).toBe('c');
    const keys = (
      await db.selectFrom('platform_settings').select('key').where('key', 'like', 'gc_%').execute()
    )
      .map((r) => r.key)
      .sort();
    expect(keys).toEqual(['gc_a', 'gc_b', 'gc_c']);
    // All four arrived before the first batch ran: one transaction, one commit.
    expect(transactions).toBe(1);
  });

  it('runs a lone unit in its own transaction and rejects when it fails', async () => {
    database = await createTestDatabase(dialect);
    const writes = createWriteBatcher(database.db, { enabled: true });
    await expect(
      writes.run(async (trx) => {
        await trx.insertInto('platform_settings').values(setting('gc_lone')).execute();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await writes.run(async (trx) => trx.insertInto('platform_settings').values(setting('gc_ok')).execute());
    const keys = (await database.db.selectFrom('platform_settings').select('key').execute()).map(
      (r) => r.key,
    );
    expect(keys).toContain('gc_ok');
    expect(keys).not.toContain('gc_lone');
  });
});

describeEachDialect('replies written together', (ctx) => {
  it('numbers concurrent replies one after the other; an invalid one fails alone', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'members' });
    const agents = [];
    for (let i = 0; i < 4; i++) {
      const u = await createUser(c);
      await addMember(c, cop.id, u.id);
      agents.push(await agentFor(c, u.id));
    }
    const topic = (
      await agents[0]!.post(`/api/communities/${cop.slug}/topics`, { title: 'Many voices', body: 'Start' })
    ).json();
    const answers = await Promise.all([
      ...agents.map((a, i) => a.post(`/api/topics/${topic.id}/posts`, { body: `Reply ${i}` })),
      agents[1]!.post(`/api/topics/${topic.id}/posts`, { body: 'To nothing', replyTo: 99 }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 400]);
    expect(errorCode(answers[4]!)).toBe('validation_failed');
    expect(
      answers
        .slice(0, 4)
        .map((r) => r.json().number)
        .sort(),
    ).toEqual([2, 3, 4, 5]);
    const after = (await agents[0]!.get(`/api/topics/${topic.id}`)).json();
    expect(after).toMatchObject({ postCount: 5, replyCount: 4 });
    const posts = (await agents[0]!.get(`/api/topics/${topic.id}/posts?from=1`)).json().items;
    expect(posts.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4, 5]);
  });
});
