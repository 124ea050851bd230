import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TestContext } from '../helpers.ts';

/** Tables whose full content is hashed: the ones a rejected request could corrupt quietly. */
export const HASHED_TABLES = ['users', 'sessions', 'api_tokens', 'one_time_tokens'] as const;

/** Row counts of every table plus a content hash of the account tables. */
export interface DbSnapshot {
  counts: Record<string, number>;
  hashes: Record<(typeof HASHED_TABLES)[number], string>;
}

/**
 * Takes snapshots of a test database. Tables are discovered from the catalog, so a table added by a
 * later migration is covered without touching the tests.
 */
export async function snapshotter(ctx: TestContext): Promise<() => Promise<DbSnapshot>> {
  const { db, dialect } = ctx.database;
  // Catalog queries scoped to this test's own schema: Kysely's introspector reads every schema of the
  // shared PostgreSQL database and fails when another test drops its schema at the same moment.
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select c.relname as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p')`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const tables = rows.map((r) => r.name).sort();
  if (!tables.includes('users')) throw new Error(`snapshot: no users table among ${tables.join(', ')}`);
  // One round trip for every count: `select (select count(*) from a) as "a", …`.
  const countAll = sql<Record<string, number | string>>`select ${sql.join(
    tables.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`),
  )}`;
  return async () => {
    const { rows } = await countAll.execute(db);
    const counts = Object.fromEntries(tables.map((t) => [t, Number(rows[0]?.[t])]));
    const hashes = {} as DbSnapshot['hashes'];
    for (const t of HASHED_TABLES) {
      const all = await db.selectFrom(t).selectAll().orderBy('id').execute();
      hashes[t] = createHash('sha256').update(JSON.stringify(all)).digest('hex');
    }
    return { counts, hashes };
  };
}
