import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Database, type DialectName } from '../src/db/database.ts';

/** PostgreSQL used by the tests; override with TEST_DATABASE_URL. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

let pgReachable: Promise<boolean> | undefined;

/** Whether PostgreSQL answers; in CI an unreachable PostgreSQL fails the run instead of skipping. */
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (err) {
      if (IN_CI)
        throw new Error(`PostgreSQL is required in CI but not reachable at ${TEST_PG_URL}`, { cause: err });
      console.warn(`[skip] PostgreSQL suites: not reachable at ${TEST_PG_URL} (${(err as Error).message})`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

/** The dialects this run covers: SQLite always, PostgreSQL when reachable (always in CI). */
export async function testDialects(): Promise<DialectName[]> {
  return (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase extends Database {
  /** PostgreSQL schema the test works in, if any. */
  schema?: string;
  /** Drops everything the test created. */
  dispose(): Promise<void>;
}

const SCHEMA_LOCK = 7_341_001;

/**
 * Runs `fn` while no other test worker creates, migrates or drops a schema. Hold it around anything that
 * runs Kysely's migrator: it reads the migration tables of every schema, and one dropped meanwhile fails it.
 */
export async function withSchemaLock<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    await c.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn(c);
  } finally {
    await c.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    await c.end();
  }
}

/** A fresh, migrated, isolated database: in-memory SQLite, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(database.db);
    return { ...database, dispose: () => database.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  // Kysely's migrator looks for its tables in every schema of the database, so creating, migrating
  // and dropping test schemas is serialised across test workers with an advisory lock.
  const database = await withSchemaLock(async (c) => {
    await c.query(`create schema ${schema}`);
    const db = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 4 });
    await migrateToLatest(db.db, schema);
    return db;
  });
  return {
    ...database,
    schema,
    async dispose() {
      await database.close();
      await withSchemaLock((c) => c.query(`drop schema if exists ${schema} cascade`));
    },
  };
}
