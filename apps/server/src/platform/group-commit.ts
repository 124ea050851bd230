import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Runs units of work in transactions; with group commit, concurrent units share one commit. */
export interface WriteBatcher {
  /**
   * Runs `work` in a transaction and resolves once it is committed (durable). A unit that throws is
   * rolled back alone and rejects with its error; the others are unaffected.
   */
  run<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
}

interface Unit {
  work: (trx: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit. With SQLite and `synchronous=FULL`, every commit waits for the disk (an fsync of about
 * a millisecond here) and better-sqlite3 waits synchronously, so the whole process stalls once per
 * commit and commits in a row cap writes at a few hundred per second. Instead, a unit waits until the
 * event loop has taken in what has already arrived (`setImmediate`: no timer, microseconds when idle);
 * then every unit queued by then runs in one transaction, each behind its own savepoint, and all share
 * a single commit. A lone unit runs in its own transaction.
 *
 * Only for databases with one connection (SQLite); PostgreSQL commits concurrent transactions together
 * on its own, so `enabled: false` simply runs each unit in its own transaction.
 */
export function createWriteBatcher(
  db: Kysely<DB>,
  opts: { enabled: boolean; maxBatch?: number },
): WriteBatcher {
  if (!opts.enabled) return { run: (work) => db.transaction().execute(work) };
  const maxBatch = opts.maxBatch ?? 64;
  const queue: Unit[] = [];
  let busy = false;

  async function runBatch(batch: Unit[]): Promise<void> {
    if (batch.length === 1) {
      const [unit] = batch as [Unit];
      try {
        unit.resolve(await db.transaction().execute(unit.work));
      } catch (err) {
        unit.reject(err);
      }
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    let trx;
    try {
      trx = await db.startTransaction().execute();
      for (const [i, unit] of batch.entries()) {
        const name = `unit_${i}`;
        const sp = await trx.savepoint(name).execute();
        try {
          const value = await unit.work(sp);
          await sp.releaseSavepoint(name).execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sp.rollbackToSavepoint(name).execute();
          await sp.releaseSavepoint(name).execute();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (err) {
      // The commit (or the transaction itself) failed: nothing of this batch is stored.
      if (trx)
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
      for (const unit of batch) unit.reject(err);
      return;
    }
    batch.forEach((unit, i) => {
      const o = outcomes[i]!;
      if (o.ok) unit.resolve(o.value);
      else unit.reject(o.error);
    });
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, maxBatch));
    } finally {
      busy = false;
    }
  }

  return {
    run<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!busy) {
          busy = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
