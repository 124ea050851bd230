import { expect, it } from 'vitest';
import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, generate } from '../src/seed/generate.ts';
import { describeEachDialect } from './each-dialect.ts';
import { TestAgent } from './helpers.ts';

describeEachDialect('demo data generator', (ctx) => {
  it('builds five lively communities plus a hidden one, in every role, and is idempotent', async () => {
    const c = ctx();
    const first = await generate(c.database.db, c.clock, { members: 70, topics: 12, replies: 30 });
    const second = await generate(c.database.db, c.clock, { members: 70, topics: 12, replies: 30 });
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
    // The lifecycle history reads in order, newest first, down to the founding "potential" entry.
    for (const slug of ['adult-learning', 'policy-experimentation-lab']) {
      const history = (await fac.get(`/api/communities/${slug}/stage`)).json().items as {
        from: string | null;
        to: string;
        createdAt: string;
      }[];
      expect(history.at(-1), slug).toMatchObject({ from: null, to: 'potential' });
      const dates = history.map((h) => h.createdAt);
      expect(dates, slug).toEqual([...dates].sort().reverse());
      expect(new Set(dates).size, slug).toBe(dates.length);
    }
    const roles = new Set(
      (await fac.get('/api/communities/adult-learning/members?limit=100'))
        .json()
        .items.map((m: { role: string }) => m.role),
    );
    expect(roles).toEqual(new Set(['facilitator', 'moderator', 'member', 'expert']));
    const vet = await new TestAgent(c.app).signIn('newcomer@demo.discuss.test', DEMO_PASSWORD);
    expect((await vet.get('/api/communities/higher-education')).json().my.status).toBe('pending');
  });

  it('fills every community with consistent conversations, once', async () => {
    const c = ctx();
    const db = c.database.db;
    const opts = { members: 40, topics: 30, replies: 300 };
    const first = await generate(db, c.clock, opts);
    expect(first).toMatchObject({ totalTopics: 30, totalPosts: 330 });
    const second = await generate(db, c.clock, opts);
    expect(second).toMatchObject({ totalTopics: 30, totalPosts: 330 });

    // The topic counters match the posts exactly.
    const topics = await db.selectFrom('topics').selectAll().execute();
    const posts = await db
      .selectFrom('posts')
      .select(['id', 'topic_id', 'number', 'author_id', 'created_at', 'reply_to_number', 'body_html'])
      .orderBy('topic_id')
      .orderBy('number')
      .execute();
    for (const t of topics) {
      const own = posts.filter((p) => p.topic_id === t.id);
      const last = own.at(-1)!;
      expect(own.map((p) => p.number)).toEqual(own.map((_, i) => i + 1));
      expect(t).toMatchObject({
        post_count: own.length,
        last_post_number: last.number,
        last_post_at: own
          .map((p) => p.created_at)
          .sort()
          .at(-1),
        last_poster_id: last.author_id,
      });
      if (t.solved_post_id) expect(own.find((p) => p.id === t.solved_post_id)!.number).toBeGreaterThan(1);
    }
    const perCommunity = new Map<string, typeof topics>();
    for (const t of topics)
      perCommunity.set(t.community_id, [...(perCommunity.get(t.community_id) ?? []), t]);
    expect(perCommunity.size).toBe(6);
    for (const list of perCommunity.values()) {
      expect(list.some((t) => t.pinned_at)).toBe(true);
      expect(list.some((t) => t.locked_at)).toBe(true);
      expect(list.some((t) => t.solved_post_id)).toBe(true);
    }
    expect(topics.some((t) => t.group_id)).toBe(true);
    expect(posts.some((p) => p.reply_to_number !== null)).toBe(true);
    expect(posts.some((p) => p.body_html.includes('<blockquote>'))).toBe(true);
    expect(posts.some((p) => p.body_html.includes('<li>'))).toBe(true);
    // Some replies name someone in the thread: a link to their page, and a mention row for each one.
    const mentions = await db
      .selectFrom('mentions as m')
      .innerJoin('posts as p', 'p.id', 'm.post_id')
      .innerJoin('topics as t', 't.id', 'p.topic_id')
      .leftJoin('working_group_members as gm', (j) =>
        j.onRef('gm.group_id', '=', 't.group_id').onRef('gm.user_id', '=', 'm.user_id'),
      )
      .innerJoin('community_members as cm', (j) =>
        j.onRef('cm.community_id', '=', 't.community_id').onRef('cm.user_id', '=', 'm.user_id'),
      )
      .select(['m.user_id', 'p.body_html', 't.group_id', 'gm.user_id as group_member'])
      .execute();
    expect(mentions.length).toBeGreaterThan(0);
    const { n: allMentions } = await db
      .selectFrom('mentions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(allMentions)).toBe(mentions.length); // every one names a member of the community
    for (const m of mentions) {
      expect(m.body_html).toContain(`href="/people/${m.user_id}"`);
      // Only people who can read the thread are named in it.
      if (m.group_id) expect(m.group_member).toBe(m.user_id);
    }
    const { n: linked } = await db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('body_html', 'like', '%href="/people/%')
      .executeTakeFirstOrThrow();
    expect(Number(linked)).toBe(new Set(mentions.map((m) => m.body_html)).size);
    const { n: reactions } = await db
      .selectFrom('reactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(reactions)).toBeGreaterThan(0);

    // Through the API: a guest reads the public adult-learning list, pinned first, and a whole thread.
    const guest = c.guest();
    const listRes = await guest.get('/api/communities/adult-learning/topics');
    expect(listRes.statusCode).toBe(200);
    const items = listRes.json().items as { id: string; pinned: boolean; replyCount: number }[];
    expect(items[0]!.pinned).toBe(true);
    const busiest = [...items].sort((a, b) => b.replyCount - a.replyCount)[0]!;
    const topic = (await guest.get(`/api/topics/${busiest.id}`)).json();
    expect(topic.postCount).toBe(busiest.replyCount + 1);
    const thread = (await guest.get(`/api/topics/${busiest.id}/posts?limit=200`)).json();
    expect(thread.items).toHaveLength(topic.postCount);

    // A member who took part has read positions, never past a topic's last post.
    const teacher = await new TestAgent(c.app).signIn('teacher@demo.discuss.test', DEMO_PASSWORD);
    const mine = (await teacher.get('/api/communities/adult-learning/topics')).json<{
      items: { id: string; lastPostNumber: number }[];
      reads: Record<string, number> | null;
    }>();
    const read = mine.items.filter((t) => mine.reads?.[t.id] !== undefined);
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((t) => mine.reads![t.id]! <= t.lastPostNumber)).toBe(true);
  });
});
