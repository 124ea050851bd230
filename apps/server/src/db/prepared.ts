import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.ts';

const ARG = Symbol('query argument');
interface Placeholder {
  [ARG]: string;
  /** Position in a list argument. */
  at?: number;
}
const isPlaceholder = (v: unknown): v is Placeholder => typeof v === 'object' && v !== null && ARG in v;

/**
 * A query built and compiled by Kysely once per database (and per length of each list argument), then
 * run with new values. Kysely builds and compiles the query tree on every call, which costs more than
 * running the small indexed reads behind a topic page (decision 0018).
 *
 * `build` gets placeholders in place of the arguments (a list argument, a list of them of its length) and
 * must not branch on them: the SQL it yields is reused for any values of the same list lengths.
 */
export function prepared<A extends Record<string, unknown>, R>(
  build: (db: Kysely<DB>, args: A) => Compilable<R>,
): (db: Kysely<DB>, args: A) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<DB>, Map<string, CompiledQuery<R>>>();
  return async (db, args) => {
    let shape = '';
    for (const [k, v] of Object.entries(args)) if (Array.isArray(v)) shape += `${k}:${v.length};`;
    let byShape = compiled.get(db);
    if (!byShape) compiled.set(db, (byShape = new Map<string, CompiledQuery<R>>()));
    let query = byShape.get(shape);
    if (!query) {
      const placeholders = Object.fromEntries(
        Object.entries(args).map(([name, v]) => [
          name,
          Array.isArray(v) ? v.map((_, at) => ({ [ARG]: name, at })) : { [ARG]: name },
        ]),
      ) as A;
      query = build(db, placeholders).compile();
      if (!query.parameters.some(isPlaceholder) && Object.keys(args).length > 0) {
        throw new Error(`prepared query uses none of its arguments: ${query.sql}`);
      }
      byShape.set(shape, query);
    }
    const parameters = query.parameters.map((p) => {
      if (!isPlaceholder(p)) return p;
      const v = args[p[ARG]];
      return p.at === undefined ? v : (v as unknown[])[p.at];
    });
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
