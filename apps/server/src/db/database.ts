import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';
import { registerSqliteConnection } from './prepared.ts';
import { createRowShaper } from './sqlite-rows.ts';
import { registerTracker, trackWrites } from './write-tracker.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent, SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  /** SQLite file, or ':memory:'. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one). */
  pgSchema?: string;
  poolSize?: number;
}

/** Opens the database: SQLite (WAL, synchronous=FULL, foreign keys) or PostgreSQL. */
export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.databaseUrl) {
    // Timestamps are stored as text and int8 counts come back as strings by default: parse them.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      ...(opts.pgSchema
        ? { options: `-c search_path=${opts.pgSchema} -c synchronous_commit=on` }
        : { options: '-c synchronous_commit=on' }),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqlitePath ?? ':memory:';
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL, which can lose recent commits on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const tracked = trackWrites(sqlite, sqlite.prepare.bind(sqlite));
  reusePreparedStatements(sqlite, tracked.prepare);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerTracker(db, tracked.tracker);
  registerSqliteConnection(db, sqlite);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew, and compiling a statement costs SQLite more than running a small
 * one. Keep the most recent statements by SQL text and reuse them (a statement still being iterated
 * is never handed out twice). Reader statements get rows built from arrays (`sqlite-rows.ts`).
 */
function reusePreparedStatements(
  sqlite: SQLite.Database,
  prepare: (source: string) => SQLite.Statement,
  max = 1000,
): void {
  const cache = new Map<string, SQLite.Statement>();
  const rows = createRowShaper();
  sqlite.prepare = ((source: string) => {
    rows.sawSql(source);
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const stmt = rows.shape(prepare(source));
    cache.set(source, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return stmt;
  }) as typeof sqlite.prepare;
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** The migrator; `schema` pins its bookkeeping tables to one PostgreSQL schema. */
export function migrator(db: Kysely<DB>, schema?: string): Migrator {
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** Applies every pending migration. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>, schema?: string): Promise<string[]> {
  const { error, results } = await migrator(db, schema).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Names of migrations not yet applied (all of them while Kysely's bookkeeping table cannot be read). Read
 * straight from that table: the migrator's own listing introspects every table of every schema first, which
 * costs more on each readiness probe and fails while another schema of the database is being dropped.
 */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const names = Object.keys(migrations).sort();
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return names.filter((name) => !applied.has(name));
  } catch {
    return names;
  }
}

/** Cheap round trip to the database. */
export async function pingDatabase(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
