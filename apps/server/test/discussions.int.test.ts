import { expect, it } from 'vitest';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode, type TestAgent, type TestContext } from './helpers.ts';

async function space(c: TestContext, visibility: 'public' | 'members' = 'members') {
  const cop = await createCommunity(c, { visibility });
  const people: Record<string, { id: string; agent: TestAgent }> = {};
  for (const [name, role] of [
    ['ana', 'member'],
    ['ben', 'member'],
    ['mod', 'moderator'],
    ['fac', 'facilitator'],
  ] as const) {
    const u = await createUser(c, { display_name: name.toUpperCase() });
    await addMember(c, cop.id, u.id, role);
    people[name] = { id: u.id, agent: await agentFor(c, u.id) };
  }
  const outsider = await agentFor(c, (await createUser(c)).id);
  return { cop, ...people, outsider } as unknown as {
    cop: Awaited<ReturnType<typeof createCommunity>>;
    ana: { id: string; agent: TestAgent };
    ben: { id: string; agent: TestAgent };
    mod: { id: string; agent: TestAgent };
    fac: { id: string; agent: TestAgent };
    outsider: TestAgent;
  };
}

describeEachDialect('discussions', (ctx) => {
  it('starts a topic and replies, with Markdown rendered and sanitised once on write', async () => {
    const c = ctx();
    const s = await space(c);
    const res = await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
      title: 'How do you reach adults with low basic skills?',
      body: 'We tried **libraries** <script>alert(1)</script> and [a link](javascript:alert(1)).',
    });
    expect(res.statusCode).toBe(201);
    const topic = res.json();
    expect(topic).toMatchObject({
      replyCount: 0,
      postCount: 1,
      author: { displayName: 'ANA' },
      lastReadNumber: 1,
      can: { reply: true },
    });
    const posts = (await s.ben.agent.get(`/api/topics/${topic.id}/posts`)).json().items;
    expect(posts[0].bodyHtml).toContain('<strong>libraries</strong>');
    expect(posts[0].bodyHtml).not.toContain('<script');
    expect(posts[0].bodyHtml).not.toMatch(/href="javascript/i);
    const reply = await s.ben.agent.post(`/api/topics/${topic.id}/posts`, {
      body: '> We tried libraries\n\nCommunity centres worked for us.',
      replyTo: 1,
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ number: 2, replyToNumber: 1 });
    const list = (await s.ana.agent.get(`/api/communities/${s.cop.slug}/topics`)).json();
    expect(list.items[0]).toMatchObject({
      id: topic.id,
      replyCount: 1,
      lastPoster: { displayName: 'BEN' },
      lastPostNumber: 2,
    });
    // Ana wrote the opening post: her read position is 1, so one post is unread.
    expect(list.reads).toEqual({ [topic.id]: 1 });
    expect(
      errorCode(await s.ben.agent.post(`/api/topics/${topic.id}/posts`, { body: 'x', replyTo: 99 })),
    ).toBe('validation_failed');
  });

  it('gives a non-member nothing of a members-only community: lists, topics, posts, sources, revisions', async () => {
    const c = ctx();
    const s = await space(c);
    const topic = (
      await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
        title: 'Secret planning topic',
        body: 'MARKER-7731',
      })
    ).json();
    const post = (await s.ana.agent.get(`/api/topics/${topic.id}/posts`)).json().items[0];
    for (const a of [s.outsider, c.guest()]) {
      const list = await a.get(`/api/communities/${s.cop.slug}/topics`);
      expect(list.statusCode).toBeGreaterThanOrEqual(401);
      expect(list.body).not.toContain('MARKER');
      for (const url of [
        `/api/topics/${topic.id}`,
        `/api/topics/${topic.id}/posts`,
        `/api/posts/${post.id}/revisions`,
        `/api/posts/${post.id}/source`,
      ]) {
        const res = await a.get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('MARKER');
      }
      expect(
        (await a.post(`/api/topics/${topic.id}/posts`, { body: 'hi' })).statusCode,
      ).toBeGreaterThanOrEqual(401);
    }
    expect(
      errorCode(
        await s.outsider.post(`/api/communities/${s.cop.slug}/topics`, {
          title: 'Intruder topic',
          body: 'x',
        }),
      ),
    ).toBe('forbidden');
  });

  it('opens a long thread at the first unread post and pages through it', async () => {
    const c = ctx();
    const s = await space(c);
    const topic = (
      await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
        title: 'A long thread here',
        body: 'Start',
      })
    ).json();
    for (let i = 0; i < 12; i++) {
      await (i % 2 ? s.ana : s.fac).agent.post(`/api/topics/${topic.id}/posts`, { body: `Reply ${i + 2}` });
    }
    // Never read yet (the topic's readers, kept on SQLite, do not include Ben)…
    expect((await s.ben.agent.get(`/api/topics/${topic.id}`)).json().lastReadNumber).toBe(0);
    // …then a first read position, which the next answers show.
    await s.ben.agent.post(`/api/topics/${topic.id}/read`, { number: 5 });
    const page = (await s.ben.agent.get(`/api/topics/${topic.id}/posts?limit=4`)).json();
    expect(page.items.map((p: { number: number }) => p.number)).toEqual([6, 7, 8, 9]);
    expect(page.nextFrom).toBe(10);
    const next = (await s.ben.agent.get(`/api/topics/${topic.id}/posts?from=10&limit=10`)).json();
    expect(next.items.map((p: { number: number }) => p.number)).toEqual([10, 11, 12, 13]);
    expect(next.nextFrom).toBeNull();
    expect((await s.ben.agent.get(`/api/topics/${topic.id}`)).json()).toMatchObject({
      lastReadNumber: 5,
      lastPostNumber: 13,
    });
    // Reading never moves backwards.
    await s.ben.agent.post(`/api/topics/${topic.id}/read`, { number: 2 });
    expect((await s.ben.agent.get(`/api/topics/${topic.id}`)).json().lastReadNumber).toBe(5);
    // Moving forward shows at once, for Ben only.
    await s.ben.agent.post(`/api/topics/${topic.id}/read`, { number: 9 });
    expect((await s.ben.agent.get(`/api/topics/${topic.id}`)).json().lastReadNumber).toBe(9);
    expect((await s.fac.agent.get(`/api/topics/${topic.id}`)).json().lastReadNumber).toBe(12); // her last post
  });

  it('edits with a visible history, deletes softly, and lets moderators restore', async () => {
    const c = ctx();
    const s = await space(c);
    const topic = (
      await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
        title: 'Edit history check',
        body: 'First',
      })
    ).json();
    const reply = (
      await s.ben.agent.post(`/api/topics/${topic.id}/posts`, { body: 'Original words' })
    ).json();
    expect(errorCode(await s.ana.agent.patch(`/api/posts/${reply.id}`, { body: 'Not mine' }))).toBe(
      'forbidden',
    );
    const edited = (await s.ben.agent.patch(`/api/posts/${reply.id}`, { body: 'Better words' })).json();
    expect(edited).toMatchObject({ bodyHtml: '<p>Better words</p>\n', editCount: 1 });
    // Threads carry the HTML only; the Markdown source is asked for (to edit or quote), by any reader.
    expect(edited).not.toHaveProperty('body');
    const source = (id: string, a: TestAgent) => a.get(`/api/posts/${id}/source`);
    expect((await source(reply.id, s.ana.agent)).json()).toEqual({ body: 'Better words' });
    const history = (await s.ana.agent.get(`/api/posts/${reply.id}/revisions`)).json().items;
    expect(history).toEqual([
      expect.objectContaining({
        revision: 1,
        body: 'Original words',
        editedBy: { id: s.ben.id, displayName: 'BEN' },
      }),
    ]);
    const deleted = (await s.ben.agent.delete(`/api/posts/${reply.id}`)).json();
    expect(deleted.deleted).toBe(true);
    const seen = (await s.ana.agent.get(`/api/topics/${topic.id}/posts?from=1`)).json().items[1];
    expect(seen).toMatchObject({ deleted: true, bodyHtml: '', author: null });
    expect(seen).not.toHaveProperty('body');
    // A deleted post's source: moderators only, as its text in the thread.
    for (const a of [s.ana.agent, s.ben.agent])
      expect(errorCode(await source(reply.id, a))).toBe('not_found');
    expect((await source(reply.id, s.mod.agent)).json()).toEqual({ body: 'Better words' });
    expect(errorCode(await s.ben.agent.post(`/api/posts/${reply.id}/restore`))).toBe('forbidden');
    expect((await s.mod.agent.post(`/api/posts/${reply.id}/restore`)).json()).toMatchObject({
      deleted: false,
      bodyHtml: '<p>Better words</p>\n',
    });
    expect((await source(reply.id, s.ana.agent)).json()).toEqual({ body: 'Better words' });
  });

  it('sends each reader the same page of posts, with their own permissions beside it', async () => {
    const c = ctx();
    const s = await space(c);
    const topic = (
      await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
        title: 'Who may do what',
        body: 'One',
      })
    ).json();
    const two = (await s.ben.agent.post(`/api/topics/${topic.id}/posts`, { body: 'Two' })).json();
    await s.fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'Three' });
    await s.ben.agent.post(`/api/topics/${topic.id}/posts`, { body: 'Four' });
    await s.ben.agent.delete(`/api/posts/${two.id}`);
    const page = async (agent: TestAgent) =>
      (await agent.get(`/api/topics/${topic.id}/posts?from=1&limit=20`)).json<{
        items: { number: number; bodyHtml: string; author: unknown }[];
        can: Record<string, number[]>;
      }>();
    // The topic's author may mark a reply as the solution (not a deleted one); each author edits and
    // deletes their own posts; a moderator all of them, and restores the deleted one.
    expect((await page(s.ana.agent)).can).toEqual({
      edit: [1],
      delete: [1],
      restore: [],
      markSolution: [3, 4],
    });
    expect((await page(s.ben.agent)).can).toEqual({ edit: [4], delete: [4], restore: [], markSolution: [] });
    expect((await page(s.mod.agent)).can).toEqual({
      edit: [1, 3, 4],
      delete: [1, 3, 4],
      restore: [2],
      markSolution: [3, 4],
    });
    // Moderators see the deleted post's text, others only that it was deleted, asked in either order.
    for (const [agent, shown] of [
      [s.ana.agent, ''],
      [s.mod.agent, '<p>Two</p>\n'],
      [s.ben.agent, ''],
      [s.fac.agent, '<p>Two</p>\n'],
    ] as const) {
      const items = (await page(agent)).items;
      expect(items.map((p) => p.number)).toEqual([1, 2, 3, 4]);
      expect(items[1]!.bodyHtml).toBe(shown);
    }
    // A guest of this members-only community gets nothing.
    expect(errorCode(await c.guest().get(`/api/topics/${topic.id}/posts?from=1`))).toBe('not_found');
  });

  it('reacts with a small fixed set, once per person and kind', async () => {
    const c = ctx();
    const s = await space(c);
    const topic = (
      await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
        title: 'Reactions please',
        body: 'Hello',
      })
    ).json();
    const postId = (await s.ana.agent.get(`/api/topics/${topic.id}/posts`)).json().items[0].id;
    await s.ben.agent.post(`/api/posts/${postId}/reactions`, { kind: 'insightful' });
    await s.ben.agent.post(`/api/posts/${postId}/reactions`, { kind: 'insightful' });
    const after = (await s.fac.agent.post(`/api/posts/${postId}/reactions`, { kind: 'insightful' })).json();
    expect(after.reactions).toEqual([{ kind: 'insightful', count: 2, mine: true }]);
    expect(errorCode(await s.ben.agent.post(`/api/posts/${postId}/reactions`, { kind: 'angry' }))).toBe(
      'validation_failed',
    );
    expect((await s.ben.agent.delete(`/api/posts/${postId}/reactions/insightful`)).json().reactions).toEqual([
      { kind: 'insightful', count: 1, mine: false },
    ]);
    expect(errorCode(await s.outsider.post(`/api/posts/${postId}/reactions`, { kind: 'like' }))).toBe(
      'not_found',
    );
  });

  it("counts each page's reactions per post and kind, and only that page's", async () => {
    const c = ctx();
    const s = await space(c, 'public');
    const topic = (
      await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, { title: 'Pages', body: 'One' })
    ).json();
    for (const body of ['Two', 'Three', 'Four'])
      await s.ben.agent.post(`/api/topics/${topic.id}/posts`, { body });
    const ids = (await s.ana.agent.get(`/api/topics/${topic.id}/posts?from=1`))
      .json()
      .items.map((p: { id: string }) => p.id);
    const react = (who: typeof s.ana, n: number, kind: string) =>
      who.agent.post(`/api/posts/${ids[n - 1]}/reactions`, { kind });
    await react(s.ana, 1, 'like');
    await react(s.ben, 2, 'thanks');
    await react(s.ana, 2, 'like');
    await react(s.fac, 2, 'thanks');
    await react(s.fac, 2, 'like');
    await react(s.ben, 4, 'insightful');
    const page = async (agent: typeof s.ana.agent, from: number, limit: number) => {
      const answer = (await agent.get(`/api/topics/${topic.id}/posts?from=${from}&limit=${limit}`)).json<{
        items: { number: number; reactions: unknown }[];
        mine: Record<string, string[]>;
      }>();
      return { counts: answer.items.map((p) => [p.number, p.reactions]), mine: answer.mine };
    };
    // Counts are the same for every reader; which reactions are the viewer's comes beside them.
    const two = [
      2,
      [
        { kind: 'like', count: 2 },
        { kind: 'thanks', count: 2 },
      ],
    ];
    expect(await page(s.ana.agent, 2, 2)).toEqual({ counts: [two, [3, []]], mine: { 2: ['like'] } });
    expect(await page(s.ben.agent, 1, 4)).toEqual({
      counts: [[1, [{ kind: 'like', count: 1 }]], two, [3, []], [4, [{ kind: 'insightful', count: 1 }]]],
      mine: { 2: ['thanks'], 4: ['insightful'] },
    });
    // Ana reacted on this topic, but not on this page: nothing of hers here.
    expect(await page(s.ana.agent, 3, 2)).toEqual({
      counts: [
        [3, []],
        [4, [{ kind: 'insightful', count: 1 }]],
      ],
      mine: {},
    });
    // A guest of this public community sees the counts, none of them as its own.
    expect(await page(c.guest(), 4, 1)).toEqual({
      counts: [[4, [{ kind: 'insightful', count: 1 }]]],
      mine: {},
    });
  });

  it('pins, locks and marks the solution, each by those allowed', async () => {
    const c = ctx();
    const s = await space(c);
    const older = (
      await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, { title: 'Older question', body: 'Q1' })
    ).json();
    c.clock.advance(60_000);
    const newer = (
      await s.ben.agent.post(`/api/communities/${s.cop.slug}/topics`, { title: 'Newer question', body: 'Q2' })
    ).json();
    expect(errorCode(await s.ana.agent.post(`/api/topics/${older.id}/pin`, { value: true }))).toBe(
      'forbidden',
    );
    expect((await s.mod.agent.post(`/api/topics/${older.id}/pin`, { value: true })).json().pinned).toBe(true);
    const list = (await s.ana.agent.get(`/api/communities/${s.cop.slug}/topics`))
      .json()
      .items.map((t: { id: string }) => t.id);
    expect(list).toEqual([older.id, newer.id]);

    const answer = (
      await s.fac.agent.post(`/api/topics/${older.id}/posts`, { body: 'Try outreach via libraries.' })
    ).json();
    expect(errorCode(await s.ben.agent.post(`/api/topics/${older.id}/solution`, { postId: answer.id }))).toBe(
      'forbidden',
    );
    expect(
      (await s.ana.agent.post(`/api/topics/${older.id}/solution`, { postId: answer.id })).json(),
    ).toMatchObject({ solved: true, solutionNumber: 2 });

    expect((await s.mod.agent.post(`/api/topics/${older.id}/lock`, { value: true })).json().locked).toBe(
      true,
    );
    const blocked = await s.ben.agent.post(`/api/topics/${older.id}/posts`, { body: 'Too late' });
    expect(errorCode(blocked)).toBe('topic_locked');
    expect(
      (await s.mod.agent.post(`/api/topics/${older.id}/posts`, { body: 'Closing note from the moderator.' }))
        .statusCode,
    ).toBe(201);
  });

  it('sorts by newest and most active with cursor paging', async () => {
    const c = ctx();
    const s = await space(c, 'public');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      c.clock.advance(1000);
      ids.push(
        (
          await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
            title: `Topic number ${i}`,
            body: 'x',
          })
        ).json().id,
      );
    }
    await s.ben.agent.post(`/api/topics/${ids[1]}/posts`, { body: 'busy' });
    await s.ben.agent.post(`/api/topics/${ids[1]}/posts`, { body: 'busier' });
    await s.ben.agent.post(`/api/topics/${ids[3]}/posts`, { body: 'busy' });
    const active = (await c.guest().get(`/api/communities/${s.cop.slug}/topics?sort=active&limit=2`)).json();
    expect(active.items.map((t: { id: string }) => t.id)).toEqual([ids[1], ids[3]]);
    expect(active.reads).toBeNull();
    const newest1 = (await c.guest().get(`/api/communities/${s.cop.slug}/topics?sort=newest&limit=3`)).json();
    const newest2 = (
      await c
        .guest()
        .get(`/api/communities/${s.cop.slug}/topics?sort=newest&limit=3&cursor=${newest1.nextCursor}`)
    ).json();
    expect([...newest1.items, ...newest2.items].map((t: { id: string }) => t.id)).toEqual([...ids].reverse());
    expect(newest2.nextCursor).toBeNull();
  });

  it('keeps working-group topics inside the group', async () => {
    const c = ctx();
    const s = await space(c);
    await s.fac.agent.post(`/api/communities/${s.cop.slug}/groups`, {
      slug: 'steering',
      name: 'Steering group',
      visibility: 'private',
    });
    await s.fac.agent.post(`/api/communities/${s.cop.slug}/groups/steering/members`, { userId: s.ana.id });
    const t = await s.ana.agent.post(`/api/communities/${s.cop.slug}/topics`, {
      title: 'Budget for next year',
      body: 'GROUP-MARKER',
      group: 'steering',
    });
    expect(t.statusCode).toBe(201);
    expect(t.json().group).toEqual({ slug: 'steering', name: 'Steering group' });
    expect((await s.ana.agent.get(`/api/communities/${s.cop.slug}/topics`)).json().items).toHaveLength(0);
    expect(
      (await s.ana.agent.get(`/api/communities/${s.cop.slug}/topics?group=steering`)).json().items,
    ).toHaveLength(1);
    expect(errorCode(await s.ben.agent.get(`/api/communities/${s.cop.slug}/topics?group=steering`))).toBe(
      'not_found',
    );
    expect(errorCode(await s.ben.agent.get(`/api/topics/${t.json().id}`))).toBe('not_found');
    expect(
      errorCode(
        await s.ben.agent.post(`/api/communities/${s.cop.slug}/topics`, {
          title: 'Sneaky topic',
          body: 'x',
          group: 'steering',
        }),
      ),
    ).toBe('not_found');
  });
});
