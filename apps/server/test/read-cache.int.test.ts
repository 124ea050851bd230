import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { onlyPresence, trackerOf, uncounted } from '../src/db/write-tracker.ts';
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
