import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { migrations } from '../../apps/server/src/db/migrations/index.ts';
import { runToEnd } from './processes.ts';

export interface DataSize {
  members: number;
  communities: number;
  topics: number;
  replies: number;
}

/** The server's migrations (this checkout's) that a database has not had yet. */
function missingMigrations(file: string): string[] {
  const db = new SQLite(file, { readonly: true });
  try {
    const done = new Set(
      (db.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name),
    );
    return Object.keys(migrations).filter((name) => !done.has(name));
  } finally {
    db.close();
  }
}

/** Environment for child processes: this machine's SQLite only, no Redis, no mail server. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL', 'WEB_DIST', 'HOST', 'PORT'])
    delete env[k];
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra };
}

const FILES = ['discuss.sqlite', 'session-secret'];

/**
 * Fills `dataDir` with demo data of the given size using the one generator (`npm run seed`). With a
 * cache folder, the generated database is kept there and copied for later runs of the same size.
 */
export async function buildData(
  root: string,
  dataDir: string,
  size: DataSize,
  cacheDir?: string,
): Promise<{ seconds: number; cached: boolean }> {
  const target = cacheDir ?? dataDir;
  const meta = path.join(target, 'bench-size.json');
  const wanted = JSON.stringify(size);
  let seconds = 0;
  const cached =
    cacheDir !== undefined &&
    existsSync(path.join(cacheDir, 'discuss.sqlite')) &&
    existsSync(meta) &&
    readFileSync(meta, 'utf8') === wanted;
  if (!cached) {
    if (cacheDir && existsSync(path.join(cacheDir, 'discuss.sqlite')))
      throw new Error(`${cacheDir} holds data of another size: remove it or choose another --data-cache`);
    mkdirSync(target, { recursive: true });
    const started = Date.now();
    await runToEnd(
      process.execPath,
      [
        '--import',
        'tsx',
        'apps/server/src/cli/seed.ts',
        ...['--members', String(size.members), '--communities', String(size.communities)],
        ...['--topics', String(size.topics), '--replies', String(size.replies)],
      ],
      { cwd: root, env: childEnv({ DATA_DIR: target }) },
    );
    seconds = (Date.now() - started) / 1000;
    writeFileSync(meta, wanted);
  }
  if (cacheDir) {
    const behind = missingMigrations(path.join(cacheDir, 'discuss.sqlite'));
    if (behind.length > 0) {
      console.warn(
        `Warning: the data cache predates ${behind.join(', ')}; the server applies it at start, and what that ` +
          `takes stays in its resident memory. Remove ${cacheDir} to generate the data again.`,
      );
    }
    mkdirSync(dataDir, { recursive: true });
    for (const f of [...FILES, 'discuss.sqlite-wal'])
      if (existsSync(path.join(cacheDir, f))) copyFileSync(path.join(cacheDir, f), path.join(dataDir, f));
  }
  return { seconds, cached };
}

export interface Plan {
  /** Members who may post, with the communities they are active in and their read positions by topic id. */
  members: { email: string; communities: string[]; reads: Map<string, number> }[];
  /** Slug and visibility of each community with discussions. */
  communities: Map<string, { slug: string; public: boolean }>;
  /** Community topics (not in working groups) by community id. */
  topics: Map<string, { id: string; locked: boolean; postCount: number }[]>;
  counts: { users: number; topics: number; posts: number; communities: number };
}

/** Reads who and what the scenarios may use straight from the generated database (before the server starts). */
export function readPlan(dataDir: string): Plan {
  const db = new SQLite(path.join(dataDir, 'discuss.sqlite'), { readonly: true });
  try {
    const now = new Date().toISOString();
    const rows = db
      .prepare(
        `select u.email, m.community_id from community_members m join users u on u.id = m.user_id
         where m.status = 'active' and u.suspended_at is null and u.email_verified_at is not null
           and u.is_operator = 0 and (m.expires_at is null or m.expires_at > ?)
         order by u.email`,
      )
      .all(now) as { email: string; community_id: string }[];
    const byEmail = new Map<string, string[]>();
    for (const r of rows) byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), r.community_id]);

    const reads = new Map<string, Map<string, number>>();
    for (const r of db
      .prepare(
        `select u.email, r.topic_id, r.last_read_number from topic_reads r join users u on u.id = r.user_id`,
      )
      .all() as { email: string; topic_id: string; last_read_number: number }[]) {
      const mine = reads.get(r.email) ?? new Map<string, number>();
      mine.set(r.topic_id, r.last_read_number);
      reads.set(r.email, mine);
    }

    const topics = new Map<string, { id: string; locked: boolean; postCount: number }[]>();
    for (const t of db
      .prepare(
        `select id, community_id, locked_at is not null as locked, post_count from topics
         where group_id is null and deleted_at is null order by id`,
      )
      .all() as { id: string; community_id: string; locked: number; post_count: number }[]) {
      const list = topics.get(t.community_id) ?? [];
      list.push({ id: t.id, locked: t.locked === 1, postCount: t.post_count });
      topics.set(t.community_id, list);
    }
    const communities = new Map(
      (
        db.prepare('select id, slug, visibility from communities').all() as {
          id: string;
          slug: string;
          visibility: string;
        }[]
      )
        .filter((c) => topics.has(c.id))
        .map((c) => [c.id, { slug: c.slug, public: c.visibility === 'public' }]),
    );
    const count = (table: string) =>
      (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      members: [...byEmail]
        .map(([email, cs]) => ({
          email,
          communities: cs.filter((c) => topics.has(c)),
          reads: reads.get(email) ?? new Map<string, number>(),
        }))
        .filter((m) => m.communities.length > 0),
      communities,
      topics,
      counts: {
        users: count('users'),
        topics: count('topics'),
        posts: count('posts'),
        communities: count('communities'),
      },
    };
  } finally {
    db.close();
  }
}
