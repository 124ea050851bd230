import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { onlyPresence, scopeOf, trackerOf, trackWrites, uncounted } from '../src/db/write-tracker.ts';
import { SESSION_TTL_MS } from '../src/modules/accounts/session.service.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createReadCache } from '../src/platform/read-cache.ts';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode, signedInUser, TestAgent } from './helpers.ts';

// Sessions, community access and first topic-list pages are kept in process on SQLite (decision 0012).
// Every change must still take effect on the very next request; on PostgreSQL nothing is kept.
describeEachDialect('caches take every change at once', (ctx) => {
  const list = (agent: TestAgent, slug: string) => agent.get(`/api/communities/${slug}/topics`);

  it('a member removed from a members-only community loses its topic list at once', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'members' });
    const lead = await createUser(c);
    const member = await createUser(c);
    await addMember(c, cop.id, lead.id, 'facilitator');
    await addMember(c, cop.id, member.id);
    const facilitator = await agentFor(c, lead.id);
    const agent = await agentFor(c, member.id);
    expect(
      (
        await facilitator.post(`/api/communities/${cop.slug}/topics`, {
          title: 'Kept after the first read',
          body: 'Opening post',
        })
      ).statusCode,
    ).toBe(201);
    for (let i = 0; i < 2; i++) expect((await list(agent, cop.slug)).json().items).toHaveLength(1);

    expect((await facilitator.delete(`/api/communities/${cop.slug}/members/${member.id}`)).statusCode).toBe(
      204,
    );
    const after = await list(agent, cop.slug);
    expect([after.statusCode, errorCode(after)]).toEqual([403, 'forbidden']);
  });

  it('a membership written straight into the database counts at once, too', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'members' });
    const user = await createUser(c);
    const agent = await agentFor(c, user.id);
    expect((await list(agent, cop.slug)).statusCode).toBe(403);
    await addMember(c, cop.id, user.id);
    expect((await list(agent, cop.slug)).statusCode).toBe(200);
  });

  it('a session revoked from another one stops working at once', async () => {
    const c = ctx();
    const { agent, user } = await signedInUser(c);
    const other = await new TestAgent(c.app).signIn(user.email, user.password);
    for (let i = 0; i < 2; i++) expect((await other.get('/api/me')).statusCode).toBe(200);
    const sessions = (await agent.get('/api/me/sessions')).json<{
      items: { id: string; current: boolean }[];
    }>();
    const target = sessions.items.find((s) => !s.current)!;
    expect((await agent.delete(`/api/me/sessions/${target.id}`)).statusCode).toBe(204);
    const res = await other.get('/api/me');
    expect([res.statusCode, errorCode(res)]).toEqual([401, 'unauthenticated']);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
  });

  it("a session's presence touch keeps other caches, and the session reads its new times", async () => {
    const c = ctx();
    const { agent, user } = await signedInUser(c);
    const me = async () => (await agent.get('/api/me/sessions')).json<{ items: { lastSeenAt: string }[] }>();
    const seenBefore = (await me()).items[0]!.lastSeenAt;
    const tracker = trackerOf(c.database.db);
    const stamp = tracker?.stamp(['users', 'sessions']);
    c.clock.advance(11 * 60_000);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    const seenAfter = (await me()).items[0]!.lastSeenAt;
    expect(Date.parse(seenAfter) - Date.parse(seenBefore)).toBeGreaterThanOrEqual(11 * 60_000);
    const row = await c.database.db
      .selectFrom('users')
      .select('last_seen_at')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at).toBe(seenAfter);
    // On SQLite the touch did not count as a write to users or sessions (no cache was dropped for it) …
    if (tracker) expect(tracker.stamp(['users', 'sessions'])).toBe(stamp);
    // … and the session's kept row was forgotten: the next requests do not touch again.
    for (let i = 0; i < 3; i++) {
      c.clock.advance(1000);
      expect((await agent.get('/api/me')).statusCode).toBe(200);
    }
    expect((await me()).items[0]!.lastSeenAt).toBe(seenAfter);
    // A sign-out still ends the session at once.
    expect((await agent.post('/api/auth/sign-out')).statusCode).toBeLessThan(300);
    expect(errorCode(await agent.get('/api/me'))).toBe('unauthenticated');
  });

  it('a kept session still ends when it expires, and use moves its expiry on', async () => {
    const c = ctx();
    const { agent } = await signedInUser(c);
    const day = 24 * 60 * 60_000;
    for (let i = 0; i < 2; i++) expect((await agent.get('/api/me')).statusCode).toBe(200);
    // Used on day 29: still valid, and its 30 days start again from there.
    c.clock.advance(SESSION_TTL_MS - day);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    c.clock.advance(SESSION_TTL_MS - day);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    // Then left alone past its expiry: over, although its row was kept in memory.
    c.clock.advance(SESSION_TTL_MS + 1);
    const res = await agent.get('/api/me');
    expect([res.statusCode, errorCode(res)]).toEqual([401, 'unauthenticated']);
  });

  it("a topic list's read positions follow first reads and moves at once", async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const [ana, ben] = [await createUser(c), await createUser(c)];
    for (const u of [ana, ben]) await addMember(c, cop.id, u.id);
    const [anaAgent, benAgent] = [await agentFor(c, ana.id), await agentFor(c, ben.id)];
    const ids: string[] = [];
    for (const title of ['First', 'Second', 'Third']) {
      const res = await anaAgent.post(`/api/communities/${cop.slug}/topics`, { title, body: 'Hi' });
      ids.push(res.json<{ id: string }>().id);
    }
    const [, second, third] = ids as [string, string, string];
    const reads = async () =>
      (await list(benAgent, cop.slug)).json<{ reads: Record<string, number> }>().reads;
    for (let i = 0; i < 2; i++) expect(await reads()).toEqual({});
    expect((await benAgent.post(`/api/topics/${second}/read`, { number: 1 })).statusCode).toBe(204);
    expect(await reads()).toEqual({ [second]: 1 });
    expect((await anaAgent.post(`/api/topics/${second}/posts`, { body: 'More' })).statusCode).toBe(201);
    expect(await reads()).toEqual({ [second]: 1 });
    expect((await benAgent.post(`/api/topics/${second}/read`, { number: 2 })).statusCode).toBe(204);
    expect(await reads()).toEqual({ [second]: 2 });
    // Replying reads the topic to the reply.
    expect((await benAgent.post(`/api/topics/${third}/posts`, { body: 'Mine' })).statusCode).toBe(201);
    expect(await reads()).toEqual({ [second]: 2, [third]: 2 });
    // Others' reads are theirs.
    expect((await list(anaAgent, cop.slug)).json<{ reads: Record<string, number> }>().reads).toEqual({
      [ids[0]!]: 1,
      [second]: 2,
      [third]: 1,
    });
  });

  it('a new topic and a new reply show on the first page at once', async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const author = await createUser(c);
    await addMember(c, cop.id, author.id);
    const agent = await agentFor(c, author.id);
    const guest = c.guest();
    const first = (
      await agent.post(`/api/communities/${cop.slug}/topics`, {
        title: 'The first topic',
        body: 'Opening post',
      })
    ).json<{ id: string }>();
    const titles = async () =>
      (await list(guest, cop.slug)).json<{ items: { title: string }[] }>().items.map((t) => t.title);
    expect(await titles()).toEqual(['The first topic']);
    c.clock.advance(1000);
    await agent.post(`/api/communities/${cop.slug}/topics`, {
      title: 'The second topic',
      body: 'Opening post',
    });
    expect(await titles()).toEqual(['The second topic', 'The first topic']);
    c.clock.advance(1000);
    expect((await agent.post(`/api/topics/${first.id}/posts`, { body: 'Bump' })).statusCode).toBe(201);
    expect(await titles()).toEqual(['The first topic', 'The second topic']);
  });

  it("a topic's header and pages take a new name, a new last poster and a solution at once", async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const ana = await createUser(c, { display_name: 'Ana First' });
    const ben = await createUser(c, { display_name: 'Ben' });
    for (const u of [ana, ben]) await addMember(c, cop.id, u.id);
    const anaAgent = await agentFor(c, ana.id);
    const benAgent = await agentFor(c, ben.id);
    const topic = (
      await anaAgent.post(`/api/communities/${cop.slug}/topics`, { title: 'Names in the header', body: 'Hi' })
    ).json<{ id: string }>();
    type Header = {
      author: { displayName: string };
      lastPoster: { displayName: string };
      solutionNumber: number | null;
    };
    const header = async () => (await c.guest().get(`/api/topics/${topic.id}`)).json<Header>();
    const firstAuthor = async () =>
      (await c.guest().get(`/api/topics/${topic.id}/posts?from=1`)).json<{
        items: { author: { displayName: string } }[];
      }>().items[0]!.author.displayName;
    for (let i = 0; i < 2; i++) {
      expect(await header()).toMatchObject({ author: { displayName: 'Ana First' }, solutionNumber: null });
      expect(await firstAuthor()).toBe('Ana First');
    }
    expect((await anaAgent.patch('/api/me', { displayName: 'Ana Renamed' })).statusCode).toBe(200);
    expect(await header()).toMatchObject({ author: { displayName: 'Ana Renamed' } });
    expect(await firstAuthor()).toBe('Ana Renamed');
    const reply = (await benAgent.post(`/api/topics/${topic.id}/posts`, { body: 'An answer' })).json<{
      id: string;
    }>();
    expect(await header()).toMatchObject({ lastPoster: { displayName: 'Ben' } });
    expect((await anaAgent.post(`/api/topics/${topic.id}/solution`, { postId: reply.id })).statusCode).toBe(
      200,
    );
    expect(await header()).toMatchObject({ solutionNumber: 2 });
  });
});

// What is kept of one topic (its row and header, its pages of posts, its readers, its tags, shares and poll)
// drops on a write that names that topic, and stays on writes to other topics (decision 0024).
describeEachDialect("a topic's writes reach its own reads, and leave other topics' kept reads", (ctx) => {
  type Page = { items: { number: number; bodyHtml: string; deleted: boolean; reactions: unknown[] }[] };
  type View = {
    title: string;
    pinned: boolean;
    locked: boolean;
    solutionNumber: number | null;
    replyCount: number;
    tags: { slug: string }[];
    sharedInto: { slug: string }[];
    lastReadNumber: number | null;
  };

  it('every kind of write, on both databases; on SQLite the other topic keeps its stamps', async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const other = await createCommunity(c);
    const [ana, ben, fac] = [await createUser(c), await createUser(c), await createUser(c)];
    for (const u of [ana, ben]) await addMember(c, cop.id, u.id);
    await addMember(c, cop.id, fac.id, 'facilitator');
    await addMember(c, other.id, ana.id);
    const [anaAgent, benAgent, facAgent] = [
      await agentFor(c, ana.id),
      await agentFor(c, ben.id),
      await agentFor(c, fac.id),
    ];
    const open = async (title: string) =>
      (await anaAgent.post(`/api/communities/${cop.slug}/topics`, { title, body: 'Opening post' })).json<{
        id: string;
      }>().id;
    const a = await open('Topic written to');
    const b = await open('Topic left alone');
    expect((await benAgent.post(`/api/topics/${b}/posts`, { body: 'A reply on B' })).statusCode).toBe(201);
    const page = async (id: string) =>
      (await c.guest().get(`/api/topics/${id}/posts?from=1`)).json<Page>().items;
    const view = async (id: string, agent = c.guest()) => (await agent.get(`/api/topics/${id}`)).json<View>();

    const tracker = trackerOf(c.database.db);
    const kept = {
      pages: ['posts', 'users', 'reactions'],
      header: ['topics', 'users'],
      readers: ['topic_reads'],
      extras: ['topic_tags', 'topic_shares', 'polls'],
    } as const;
    const stamps = (id: string) =>
      Object.fromEntries(Object.entries(kept).map(([k, tables]) => [k, tracker?.stamp(tables, id)]));
    const bPage = await page(b);
    const bView = await view(b);
    let replyId = '';

    const writes: { name: string; moves: (keyof typeof kept)[]; run: () => Promise<void> }[] = [
      {
        name: 'reply',
        moves: ['pages', 'header'],
        run: async () => {
          const res = await benAgent.post(`/api/topics/${a}/posts`, { body: 'A reply on A' });
          expect(res.statusCode).toBe(201);
          replyId = res.json<{ id: string }>().id;
          expect((await page(a)).map((p) => p.number)).toEqual([1, 2]);
          expect((await view(a)).replyCount).toBe(1);
        },
      },
      {
        name: 'edit',
        moves: ['pages'],
        run: async () => {
          expect((await benAgent.patch(`/api/posts/${replyId}`, { body: 'Edited on A' })).statusCode).toBe(
            200,
          );
          expect((await page(a))[1]!.bodyHtml).toContain('Edited on A');
        },
      },
      {
        name: 'react',
        moves: ['pages'],
        run: async () => {
          expect((await anaAgent.post(`/api/posts/${replyId}/reactions`, { kind: 'like' })).statusCode).toBe(
            200,
          );
          expect((await page(a))[1]!.reactions).toEqual([{ kind: 'like', count: 1 }]);
        },
      },
      {
        name: 'unreact',
        moves: ['pages'],
        run: async () => {
          expect((await anaAgent.delete(`/api/posts/${replyId}/reactions/like`)).statusCode).toBe(200);
          expect((await page(a))[1]!.reactions).toEqual([]);
        },
      },
      {
        name: 'delete',
        moves: ['pages'],
        run: async () => {
          expect((await facAgent.delete(`/api/posts/${replyId}`)).statusCode).toBe(200);
          expect((await page(a))[1]!.deleted).toBe(true);
        },
      },
      {
        name: 'restore',
        moves: ['pages'],
        run: async () => {
          expect((await facAgent.post(`/api/posts/${replyId}/restore`)).statusCode).toBe(200);
          expect((await page(a))[1]!.deleted).toBe(false);
        },
      },
      {
        name: 'solution',
        moves: ['header'],
        run: async () => {
          expect((await anaAgent.post(`/api/topics/${a}/solution`, { postId: replyId })).statusCode).toBe(
            200,
          );
          expect((await view(a)).solutionNumber).toBe(2);
        },
      },
      {
        name: 'pin and lock',
        moves: ['header'],
        run: async () => {
          expect((await facAgent.post(`/api/topics/${a}/pin`, { value: true })).statusCode).toBe(200);
          expect((await facAgent.post(`/api/topics/${a}/lock`, { value: true })).statusCode).toBe(200);
          expect(await view(a)).toMatchObject({ pinned: true, locked: true });
        },
      },
      {
        name: 'title and tags',
        moves: ['header', 'extras'],
        run: async () => {
          const res = await anaAgent.patch(`/api/topics/${a}`, {
            title: 'Renamed topic',
            tags: ['evidence'],
          });
          expect(res.statusCode).toBe(200);
          expect(await view(a)).toMatchObject({ title: 'Renamed topic', tags: [{ slug: 'evidence' }] });
        },
      },
      {
        name: 'share',
        moves: ['extras'],
        run: async () => {
          expect((await anaAgent.post(`/api/topics/${a}/shares`, { community: other.slug })).statusCode).toBe(
            200,
          );
          expect((await view(a)).sharedInto).toEqual([expect.objectContaining({ slug: other.slug })]);
        },
      },
      {
        name: 'first read',
        moves: ['readers'],
        run: async () => {
          expect((await view(a, facAgent)).lastReadNumber).toBe(0);
          expect((await facAgent.post(`/api/topics/${a}/read`, { number: 2 })).statusCode).toBe(204);
          expect((await view(a, facAgent)).lastReadNumber).toBe(2);
        },
      },
    ];

    for (const w of writes) {
      const before = { a: stamps(a), b: stamps(b) };
      await w.run();
      // Whatever else happened, the topic left alone reads the same.
      expect(await page(b), w.name).toEqual(bPage);
      expect(await view(b), w.name).toEqual(bView);
      if (!tracker) continue;
      const after = { a: stamps(a), b: stamps(b) };
      for (const k of w.moves) expect(after.a[k], `${w.name}: ${k} of A`).toBeGreaterThan(before.a[k]!);
      // New tags go into the community's tag table, which every topic's tags are read from.
      const still = Object.keys(kept).filter((k) => !(w.name === 'title and tags' && k === 'extras'));
      for (const k of still) expect(after.b[k], `${w.name}: ${k} of B`).toBe(before.b[k]);
    }
  });
});

describe('writes scoped to a topic (SQLite)', () => {
  it('count against the topic bound, however the values are passed, or against every topic', () => {
    const sqlite = new SQLite(':memory:');
    try {
      sqlite.exec('create table posts (id text, topic_id text, body text)');
      const { tracker, prepare } = trackWrites(sqlite, sqlite.prepare.bind(sqlite));
      const stamps = () => [tracker.stamp(['posts'], 't1'), tracker.stamp(['posts'], 't2')];
      const edit = prepare('update "posts" set "body" = ? where "topic_id" = ? and "id" = ?');
      const moved = (write: () => void) => {
        const before = stamps();
        write();
        return stamps().map((n, i) => n > before[i]!);
      };
      expect(moved(() => edit.run(['x', 't1', 'p1']))).toEqual([true, false]);
      expect(moved(() => edit.run('x', 't2', 'p1'))).toEqual([false, true]);
      // Values in arrays mixed with single ones: positions unknown here, so every topic.
      expect(moved(() => edit.run('x', ['t1', 'p1']))).toEqual([true, true]);
      const named = prepare('update "posts" set "body" = @body where "topic_id" = @topic');
      expect(moved(() => named.run({ body: 'x', topic: 't1' }))).toEqual([true, true]);
    } finally {
      sqlite.close();
    }
  });

  it('name their topics only where the statement binds them plainly', async () => {
    const database = openDatabase({});
    try {
      const db = database.db;
      /** The topics Kysely's own statement names, as the tracker reads them; undefined: every topic. */
      const scope = (q: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
        const { sql, parameters } = q.compile();
        return scopeOf(sql)?.(parameters);
      };
      const post = {
        id: 'p1',
        topic_id: 't1',
        number: 2,
        author_id: null,
        body: 'b',
        body_html: '<p>b</p>',
        reply_to_number: null,
        edit_count: 0,
        edited_at: null,
        deleted_at: null,
        deleted_by: null,
        created_at: 'now',
      };
      expect(scope(db.insertInto('posts').values(post))).toEqual(['t1']);
      expect(
        scope(
          db.insertInto('topic_tags').values([
            { topic_id: 't1', tag_id: 'x' },
            { topic_id: 't2', tag_id: 'y' },
          ]),
        ),
      ).toEqual(['t1', 't2']);
      expect(
        scope(
          db
            .insertInto('topic_reads')
            .values({ user_id: 'u', topic_id: 't1', last_read_number: 1, updated_at: 'now' })
            .onConflict((oc) => oc.columns(['user_id', 'topic_id']).doNothing()),
        ),
      ).toEqual(['t1']);
      expect(
        scope(
          db
            .updateTable('topics')
            .set((eb) => ({ post_count: eb('post_count', '+', 1), last_post_at: 'now' }))
            .where('id', '=', 't1')
            .returning('last_post_number'),
        ),
      ).toEqual(['t1']);
      expect(
        scope(db.updateTable('posts').set({ body: 'x' }).where('topic_id', '=', 't1').where('id', '=', 'p1')),
      ).toEqual(['t1']);
      expect(
        scope(
          db
            .deleteFrom('reactions')
            .where('post_id', '=', 'p1')
            .where('topic_id', '=', 't1')
            .where('kind', '=', 'like'),
        ),
      ).toEqual(['t1']);
      expect(scope(db.deleteFrom('topic_tags').where('topic_tags.topic_id', '=', 't1'))).toEqual(['t1']);

      // Every topic: no topic named, or not bound by the filter as a whole.
      expect(scope(db.updateTable('posts').set({ body: 'x' }).where('id', '=', 'p1'))).toBeUndefined();
      expect(
        scope(
          db
            .updateTable('topics')
            .set({ title: 'x' })
            .where((eb) => eb.or([eb('id', '=', 't1'), eb('author_id', '=', 'u')])),
        ),
      ).toBeUndefined();
      expect(
        scope(
          db
            .updateTable('topics')
            .set({ title: 'x' })
            .where((eb) => eb.not(eb('id', '=', 't1'))),
        ),
      ).toBeUndefined();
      expect(
        scope(
          db
            .updateTable('posts')
            .set({ body: 'x' })
            .where('topic_id', 'in', db.selectFrom('topics').select('id').where('id', '=', 't1')),
        ),
      ).toBeUndefined();
      expect(
        scope(
          db
            .updateTable('topics')
            .set((eb) => ({
              post_count: eb
                .selectFrom('posts')
                .select((e) => e.fn.countAll<number>().as('n'))
                .where('topic_id', '=', 't2'),
            }))
            .where('id', '=', 't1'),
        ),
      ).toBeUndefined();
      expect(
        scope(
          db
            .insertInto('topic_reads')
            .values({ user_id: 'u', topic_id: 't1', last_read_number: 1, updated_at: 'now' })
            .onConflict((oc) => oc.columns(['user_id', 'topic_id']).doUpdateSet({ last_read_number: 2 })),
        ),
      ).toBeUndefined();
      expect(scope(db.updateTable('topics').set({ title: 'x' }).where('id', '>', 't1'))).toBeUndefined();
      expect(scope(db.updateTable('users').set({ display_name: 'x' }).where('id', '=', 'u'))).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});

describe('write tracker (SQLite)', () => {
  it('sees writes of its own connection per table, and commits of other processes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'discuss-tracker-'));
    const file = path.join(dir, 'discuss.sqlite');
    const database = openDatabase({ sqlitePath: file });
    try {
      await migrateToLatest(database.db);
      const tracker = trackerOf(database.db)!;
      const users = tracker.stamp(['users']);
      const topics = tracker.stamp(['topics']);
      await database.db.updateTable('topics').set({ title: 'x' }).where('id', '=', 'none').execute();
      expect(tracker.stamp(['users'])).toBe(users);
      expect(tracker.stamp(['topics'])).toBeGreaterThan(topics);

      let loads = 0;
      const cache = createReadCache<number>({
        db: database.db,
        clock: systemClock,
        tables: ['users'],
        max: 10,
        ttlMs: 60_000,
      });
      const read = () => cache.get('k', async () => ++loads);
      expect([await read(), await read()]).toEqual([1, 1]);
      // Another process (the admin CLI, say) commits to the same file.
      const other = new SQLite(file);
      other.prepare("insert into platform_settings (key, value) values ('elsewhere', 'x')").run();
      other.close();
      await new Promise((resolve) => setImmediate(resolve));
      expect(await read()).toBe(2);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('presence writes', () => {
  it('are updates that set only last-seen times and expiries of users and sessions', () => {
    expect(onlyPresence('update "users" set "last_seen_at" = ? where "id" = ?')).toBe(true);
    expect(onlyPresence('update "sessions" set "last_seen_at" = ?, "expires_at" = ? where "id" = ?')).toBe(
      true,
    );
    expect(onlyPresence('update "users" set "last_seen_at" = ?, "display_name" = ? where "id" = ?')).toBe(
      false,
    );
    expect(onlyPresence('update "users" set "suspended_at" = ? where "id" = ?')).toBe(false);
    expect(onlyPresence('update "topics" set "last_seen_at" = ? where "id" = ?')).toBe(false);
    expect(onlyPresence('update "sessions" set "expires_at" = "created_at" where "id" = ?')).toBe(false);
    expect(onlyPresence('delete from "sessions" where "id" = ?')).toBe(false);
    expect(onlyPresence('update "users" set "last_seen_at" = ?')).toBe(false);
  });

  it('and updates of read positions; inserting or deleting one still counts', () => {
    expect(
      uncounted(
        'update "topic_reads" set "last_read_number" = case when last_read_number < ? then ? else last_read_number end, "updated_at" = ? where "user_id" = ? and "topic_id" = ?',
      ),
    ).toBe(true);
    expect(uncounted('update "users" set "last_seen_at" = ? where "id" = ?')).toBe(true);
    expect(uncounted('insert into "topic_reads" ("user_id", "topic_id") values (?, ?)')).toBe(false);
    expect(uncounted('delete from "topic_reads" where "user_id" = ?')).toBe(false);
    expect(uncounted('update "topics" set "title" = ? where "id" = ?')).toBe(false);
  });
});

describe('read cache (SQLite): a weight budget', () => {
  it('drops the oldest entries while the kept ones weigh more than the budget, and never keeps a heavier one', async () => {
    const database = openDatabase({});
    try {
      await migrateToLatest(database.db);
      const cache = createReadCache<string>({
        db: database.db,
        clock: systemClock,
        tables: ['posts'],
        max: 100,
        ttlMs: 60_000,
        weight: { weigh: (v) => v.length, maxWeight: 10 },
      });
      let loads = 0;
      const get = (key: string, value: string) =>
        cache.get(key, async () => {
          loads++;
          return value;
        });
      /** Whether `key` is served without loading (a miss loads `value` and keeps it, as any get). */
      const kept = async (key: string, value = '') => {
        const before = loads;
        await get(key, value);
        return loads === before;
      };
      await get('a', 'aaaa');
      await get('b', 'bbbb');
      await get('c', 'cc'); // 10 in all: exactly the budget
      expect([await kept('a'), await kept('b'), await kept('c')]).toEqual([true, true, true]);
      await get('d', 'ddd'); // 13: the oldest, a, goes (9)
      expect([await kept('b'), await kept('c'), await kept('d')]).toEqual([true, true, true]);
      expect(await kept('a', 'a')).toBe(false); // kept again, lighter: 10
      // An entry heavier than the whole budget is served but not kept, and what is kept stays.
      await get('huge', 'h'.repeat(11));
      expect([await kept('b'), await kept('c'), await kept('d'), await kept('a')]).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect(await kept('huge', 'h'.repeat(11))).toBe(false);
      // A forgotten entry gives its weight back: e (4) takes b's place (4), nothing else goes.
      cache.forget('b');
      await get('e', 'eeee');
      expect([await kept('c'), await kept('d'), await kept('a'), await kept('e')]).toEqual([
        true,
        true,
        true,
        true,
      ]);
    } finally {
      await database.close();
    }
  });
});
