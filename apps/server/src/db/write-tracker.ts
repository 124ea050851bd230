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
  /** A number that grows whenever one of these tables is written. Equal stamps: nothing written since. */
  stamp(tables: readonly TableName[]): number;
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

/** Wraps the connection's statements so that each write counts against its table before it runs. */
export function trackWrites(sqlite: SQLite.Database, prepare: (source: string) => SQLite.Statement) {
  const versions = new Map<string, number>();
  let all = 0;
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let seenDataVersion = dataVersion.get() as number;
  let checkedThisTurn = false;
  const bump = (table: string) => {
    if (table === ALL) all++;
    else versions.set(table, (versions.get(table) ?? 0) + 1);
  };

  const tracker: WriteTracker = {
    stamp(tables) {
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
      for (const t of tables) n += versions.get(t) ?? 0;
      return n;
    },
  };

  /** Prepares a statement; a write's execution methods first count the write. */
  function prepareTracked(source: string): SQLite.Statement {
    const stmt = prepare(source);
    if (READ.test(source) || uncounted(source)) return stmt;
    const table = WRITE.exec(source)?.[1]?.toLowerCase() ?? ALL;
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        bump(table);
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
