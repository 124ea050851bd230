import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { trackerOf, type TableName } from '../db/write-tracker.ts';
import type { Clock } from './clock.ts';

export interface ReadCacheOptions<V = unknown> {
  db: Kysely<DB>;
  clock: Clock;
  /** Every table the cached answers are read from: a write to any of them drops them all. */
  tables: readonly TableName[];
  /** Entries kept at most (the oldest go first). */
  max: number;
  /**
   * A budget for entries of very different sizes (pages of posts): `weigh` estimates an entry's size and
   * the oldest entries go first while the kept ones weigh more than `maxWeight`.
   */
  weight?: { weigh: (value: V) => number; maxWeight: number };
  /** Longest life of an entry, whatever the writes. */
  ttlMs: number;
}

export interface ReadCache<V> {
  /**
   * The answer for `key` as `load` would give it now. A kept answer is used only while no table it was
   * read from has been written since; `until(value)` may shorten its life (e.g. to an expiry date). With
   * `scope` (the id of the one topic the answer is read from), writes that name other topics do not count
   * (`WriteTracker.stamp`).
   */
  get(
    key: string,
    load: () => Promise<V>,
    until?: (value: V) => number | undefined,
    scope?: string,
  ): Promise<V>;
  /** Drops what is kept under `key` (after a write the tracker does not count, see `PRESENCE_COLUMNS`). */
  forget(key: string): void;
  /** Whether anything is kept at all (not on PostgreSQL): a value worth preparing for reuse, or not. */
  readonly keeps: boolean;
}

interface Entry<V> {
  value: V;
  stamp: number;
  expiresAt: number;
  weight: number;
}

/**
 * A process-local cache of database answers that can never serve what a write has changed (decision 0012):
 * each entry carries the write stamp of its tables from before it was read, and is used only while the
 * stamp is unchanged. Only SQLite has a write tracker (one process owns the file); on PostgreSQL, where
 * other instances write unseen, every call loads. Cached values are shared: callers must not mutate them.
 */
export function createReadCache<V>(opts: ReadCacheOptions<V>): ReadCache<V> {
  const tracker = trackerOf(opts.db);
  if (!tracker) {
    return { get: (_key, load) => load(), forget: () => undefined, keeps: false };
  }
  const entries = new Map<string, Entry<V>>();
  // Concurrent misses of one key share one load.
  const loading = new Map<string, { stamp: number; promise: Promise<V> }>();
  let totalWeight = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    totalWeight -= entry.weight;
    entries.delete(key);
  };
  const keep = (key: string, value: V, stamp: number, expiresAt: number) => {
    drop(key);
    const weight = opts.weight ? opts.weight.weigh(value) : 0;
    // An entry heavier than the whole budget is not kept at all.
    if (opts.weight && weight > opts.weight.maxWeight) return;
    const maxWeight = opts.weight?.maxWeight ?? Infinity;
    while (entries.size > 0 && (entries.size >= opts.max || totalWeight + weight > maxWeight)) {
      drop(entries.keys().next().value!);
    }
    entries.set(key, { value, stamp, expiresAt, weight });
    totalWeight += weight;
  };

  return {
    keeps: true,
    async get(key, load, until, scope) {
      const stamp = tracker.stamp(opts.tables, scope);
      const now = opts.clock.ms();
      const hit = entries.get(key);
      if (hit && hit.stamp === stamp && hit.expiresAt > now) return hit.value;
      if (hit) drop(key);
      const pending = loading.get(key);
      if (pending?.stamp === stamp) return pending.promise;
      const promise = load();
      loading.set(key, { stamp, promise });
      try {
        const value = await promise;
        const expiresAt = Math.min(now + opts.ttlMs, until?.(value) ?? Infinity);
        // Kept only if nothing was written while it loaded (such an entry would be dropped on first use)
        // and the key was not forgotten meanwhile.
        const current = loading.get(key)?.promise === promise;
        if (current && tracker.stamp(opts.tables, scope) === stamp && expiresAt > now) {
          keep(key, value, stamp, expiresAt);
        }
        return value;
      } finally {
        if (loading.get(key)?.promise === promise) loading.delete(key);
      }
    },
    forget(key) {
      drop(key);
      loading.delete(key);
    },
  };
}
