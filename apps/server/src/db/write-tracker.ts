import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export type TableName = keyof DB;

/**
 * Counts the writes to each table of one SQLite database, so that a process-local cache can tell, at no
 * cost, whether what it holds may have changed since it was read (decision 0012). Every statement of the
 * connection passes through `prepare`, so every write of this process is seen, whoever issues it; commits
 * of other processes on the same file (the admin CLI) show in `PRAGMA data_version` and count as a write to
 * every table.
 */
export interface WriteTracker {
  /**
   * A number that grows whenever one of these tables is written. Equal stamps: nothing written since.
   * With `scope` (a topic's id), writes to the tables of `SCOPES` that name another topic do not count:
   * for what is read of that topic alone (its row, its pages of posts, its readers).
   */
  stamp(tables: readonly TableName[], scope?: string): number;
}

const READ = /^\s*(?:select|pragma|explain|begin|commit|end|rollback|savepoint|release)\b/i;
const WRITE =
  /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+"?(\w+)"?/i;
const ALL = '*';

/**
 * Columns that no read cache holds across sessions: an update that sets only these does not count as a
 * write to its table. Every active session writes its last-seen time (and its expiry) every 10 minutes; with
 * hundreds of members that would otherwise drop every cached topic list, post page, community and session
 * every few seconds. The session cache, which does hold a session's own times, forgets that one session
 * when it touches it (`session.service.ts`).
 */
const PRESENCE_COLUMNS: Readonly<Record<string, ReadonlySet<string>>> = {
  users: new Set(['last_seen_at']),
  sessions: new Set(['last_seen_at', 'expires_at']),
};
const UPDATE_SET = /^\s*update\s+"?(\w+)"?\s+set\s+(.*?)\s+where\s/is;
const ASSIGN_VALUE = /^\s*"?(\w+)"?\s*=\s*\?\s*$/;

/**
 * Updates of read positions: no cache holds a read position's number (each member's are read per request);
 * the sets of a topic's readers (`discussion.reads.ts`) hold only who has one, which an update never
 * changes. Inserts and deletes still count. Every member who reads moves their position forward, so this
 * keeps those sets from being dropped on every page view.
 */
const READ_POSITION_UPDATE = /^\s*update\s+"?topic_reads"?\s+set\s/i;

/**
 * Tables whose rows each belong to one topic, and the column that names it. A write to one of them whose
 * statement names its topics plainly (see `scopeOf`) counts against those topics only, for a stamp taken
 * with a scope, and against the whole table for one without (a topic list). Any other write to these
 * tables counts against every topic. A reply thus drops its own topic's kept pages and every first page of
 * a topic list, and leaves every other topic's pages kept (decision 0024).
 */
const SCOPES: ReadonlyMap<string, string> = new Map([
  ['topics', 'id'],
  ['posts', 'topic_id'],
  ['reactions', 'topic_id'],
  ['topic_reads', 'topic_id'],
  ['topic_tags', 'topic_id'],
  ['topic_shares', 'topic_id'],
  ['polls', 'topic_id'],
]);
const INSERT =
  /^\s*insert\s+into\s+"?(\w+)"?\s*\(([^()]*)\)\s*values\s*((?:\(\s*\?(?:\s*,\s*\?)*\s*\)\s*,?\s*)+)(?:on\s+conflict\s*\([^()]*\)\s*do\s+nothing\s*)?(?:returning\s+[^()]*)?$/i;
const FILTERED = /^\s*(?:update\s+"?(\w+)"?\s+set\s+.*?|delete\s+from\s+"?(\w+)"?\s+)where\s+(.*)$/is;
/** What a filter may not hold for one of its `column = ?` terms to bind every row it touches. */
const UNBINDING = /\b(?:or|not|select|from|where)\b/i;

/**
 * The topics a write names, from its bound values: for an insert of plain values (`?` each, nothing done
 * on conflict but nothing), each row's value of the topic column; for an update or a delete, the value of
 * a `"column" = ?` term of a filter that is a conjunction (no `or`, `not` or subquery). Undefined for any
 * other write: it counts against the whole table.
 */
export function scopeOf(source: string): ((params: readonly unknown[]) => string[]) | undefined {
  const insert = INSERT.exec(source);
  if (insert) {
    const column = SCOPES.get(insert[1]!.toLowerCase());
    const columns = insert[2]!.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
    const at = column === undefined ? -1 : columns.indexOf(column);
    if (at < 0) return undefined;
    return (params) => {
      const keys: string[] = [];
      for (let i = at; i < params.length; i += columns.length) keys.push(String(params[i]));
      return keys;
    };
  }
  const filtered = FILTERED.exec(source);
  if (!filtered) return undefined;
  const table = (filtered[1] ?? filtered[2])!.toLowerCase();
  const column = SCOPES.get(table);
  const where = filtered[3]!;
  if (column === undefined || UNBINDING.test(where) || source.includes("'")) return undefined;
  const term = new RegExp(`(?:^|\\(|\\band\\s)\\s*(?:"?${table}"?\\.)?"?${column}"?\\s*=\\s*\\?`, 'i').exec(
    where,
  );
  if (!term) return undefined;
  const before = source.length - where.length + term.index + term[0].length;
  const at = (source.slice(0, before).match(/\?/g)?.length ?? 0) - 1;
  return (params) => [String(params[at])];
}

/** An update that only sets presence columns (each to a bound value). */
export function onlyPresence(source: string): boolean {
  const m = UPDATE_SET.exec(source);
  const columns = m && PRESENCE_COLUMNS[m[1]!.toLowerCase()];
  if (!columns) return false;
  return m[2]!.split(',').every((part) => {
    const column = ASSIGN_VALUE.exec(part)?.[1];
    return column !== undefined && columns.has(column.toLowerCase());
  });
}

/** A write that does not count against its table: presence, and read positions moving. */
export const uncounted = (source: string): boolean =>
  onlyPresence(source) || READ_POSITION_UPDATE.test(source);

/**
 * A statement's bound values in order, as one array (Kysely) or one by one; undefined for any other way of
 * binding (named values, arrays mixed with values), whose positions cannot be read here.
 */
function positional(args: readonly unknown[]): readonly unknown[] | undefined {
  if (args.length === 1 && Array.isArray(args[0])) return args[0] as unknown[];
  const plain = args.every((a) => a === null || typeof a !== 'object' || Buffer.isBuffer(a));
  return plain ? args : undefined;
}

/** Wraps the connection's statements so that each write counts against its table before it runs. */
export function trackWrites(sqlite: SQLite.Database, prepare: (source: string) => SQLite.Statement) {
  /** Writes to each table, whatever they name. */
  const any = new Map<string, number>();
  /** Writes to each table of `SCOPES` that name no topic plainly. */
  const wide = new Map<string, number>();
  /** Per table of `SCOPES`, per topic, the writes that named it. */
  const scoped = new Map<string, Map<string, number>>();
  let all = 0;
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let seenDataVersion = dataVersion.get() as number;
  let checkedThisTurn = false;
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const bump = (table: string, keys: readonly string[] | undefined) => {
    if (table === ALL) {
      all++;
      return;
    }
    add(any, table);
    if (!keys) {
      add(wide, table);
      return;
    }
    let byKey = scoped.get(table);
    if (!byKey) scoped.set(table, (byKey = new Map<string, number>()));
    for (const key of keys) add(byKey, key);
  };

  const tracker: WriteTracker = {
    stamp(tables, scope) {
      // Other processes' commits are looked for once per turn of the event loop: a commit that ends
      // before a request's turn begins is always seen by it.
      if (!checkedThisTurn) {
        checkedThisTurn = true;
        setImmediate(() => (checkedThisTurn = false));
        const dv = dataVersion.get() as number;
        if (dv !== seenDataVersion) {
          seenDataVersion = dv;
          all++;
        }
      }
      let n = all;
      for (const t of tables) {
        if (scope === undefined || !SCOPES.has(t)) n += any.get(t) ?? 0;
        else n += (wide.get(t) ?? 0) + (scoped.get(t)?.get(scope) ?? 0);
      }
      return n;
    },
  };

  /** Prepares a statement; a write's execution methods first count the write. */
  function prepareTracked(source: string): SQLite.Statement {
    const stmt = prepare(source);
    if (READ.test(source) || uncounted(source)) return stmt;
    const table = WRITE.exec(source)?.[1]?.toLowerCase() ?? ALL;
    const keysOf = SCOPES.has(table) ? scopeOf(source) : undefined;
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const params = keysOf && positional(args);
        bump(table, params ? keysOf(params) : undefined);
        return original(...args);
      };
    }
    return stmt;
  }
  return { tracker, prepare: prepareTracked };
}

const trackers = new WeakMap<Kysely<DB>, WriteTracker>();

/** Remembers the tracker of a Kysely instance (SQLite only). */
export function registerTracker(db: Kysely<DB>, tracker: WriteTracker): void {
  trackers.set(db, tracker);
}

/** The write tracker of this database, or undefined (PostgreSQL: other instances write unseen). */
export function trackerOf(db: Kysely<DB>): WriteTracker | undefined {
  return trackers.get(db);
}
