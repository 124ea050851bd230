import type SQLite from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.ts';

const sqliteOf = new WeakMap<Kysely<DB>, SQLite.Database>();

/**
 * Lets prepared queries on this (SQLite) database run straight on its connection (`db/database.ts`).
 * Only the Kysely instance itself is registered: a transaction object falls back to Kysely.
 */
export function registerSqliteConnection(db: Kysely<DB>, sqlite: SQLite.Database): void {
  sqliteOf.set(db, sqlite);
}

const ARG = Symbol('query argument');
interface Placeholder {
  [ARG]: string;
  /** Position in a list argument. */
  at?: number;
}
const isPlaceholder = (v: unknown): v is Placeholder => typeof v === 'object' && v !== null && ARG in v;

interface Compiled<R> {
  query: CompiledQuery<R>;
  plan: ({ value: unknown } | { name: string; at: number | undefined })[];
}

/**
 * A query built and compiled by Kysely once per database (and per length of each list argument), then
 * run with new values. Kysely builds and compiles the query tree on every call, which costs more than
 * running the small indexed reads behind a topic page (decision 0018).
 *
 * `build` gets placeholders in place of the arguments (a list argument, a list of them of its length) and
 * must not branch on them: the SQL it yields is reused for any values of the same list lengths.
 */
export interface Prepared<A, R> {
  /** All rows. */
  (db: Kysely<DB>, args: A): Promise<R[]>;
  /** The first row, if any. */
  first(db: Kysely<DB>, args: A): Promise<R | undefined>;
}

export function prepared<A extends Record<string, unknown>, R>(
  build: (db: Kysely<DB>, args: A) => Compilable<R>,
): Prepared<A, R> {
  const compiled = new WeakMap<Kysely<DB>, Map<string, Compiled<R>>>();
  const run = async (db: Kysely<DB>, args: A): Promise<R[]> => {
    let shape = '';
    for (const k in args) {
      const v = args[k];
      if (Array.isArray(v)) shape += `${k}:${v.length};`;
    }
    let byShape = compiled.get(db);
    if (!byShape) compiled.set(db, (byShape = new Map<string, Compiled<R>>()));
    let c = byShape.get(shape);
    if (!c) {
      const placeholders = Object.fromEntries(
        Object.entries(args).map(([name, v]) => [
          name,
          Array.isArray(v) ? v.map((_, at) => ({ [ARG]: name, at })) : { [ARG]: name },
        ]),
      ) as A;
      const query = build(db, placeholders).compile();
      if (!query.parameters.some(isPlaceholder) && Object.keys(args).length > 0) {
        throw new Error(`prepared query uses none of its arguments: ${query.sql}`);
      }
      // Where each parameter comes from: a fixed value, an argument, or an element of a list argument.
      const plan = query.parameters.map((p) =>
        isPlaceholder(p) ? { name: p[ARG], at: p.at } : { value: p },
      );
      c = { query, plan };
      byShape.set(shape, c);
    }
    const parameters = c.plan.map((p) =>
      'value' in p ? p.value : p.at === undefined ? args[p.name] : (args[p.name] as unknown[])[p.at],
    );
    // On SQLite, outside a transaction, the statement runs at once on the connection: the same prepared
    // statement Kysely would use, without its connection lock and promise hops. Inside a transaction, the
    // query waits for the connection through Kysely, so it never reads another request's uncommitted rows.
    const sqlite = sqliteOf.get(db);
    if (sqlite && !sqlite.inTransaction) return sqlite.prepare(c.query.sql).all(parameters) as R[];
    return (await db.executeQuery<R>({ ...c.query, parameters })).rows;
  };
  return Object.assign(run, { first: async (db: Kysely<DB>, args: A) => (await run(db, args))[0] });
}
