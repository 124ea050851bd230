import type { ReadyResponse } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import { pendingMigrations, pingDatabase } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';

export const VERSION = '0.1.0';

export type HealthService = ReturnType<typeof createHealthService>;

/** Liveness and readiness of this instance. */
export function createHealthService({ db }: { db: Kysely<DB> }) {
  return {
    /** Throws `not_ready` (503) with the failing checks when the database is down or migrations are pending. */
    async readiness(): Promise<ReadyResponse> {
      const database = (await pingDatabase(db)) ? ('ok' as const) : ('unreachable' as const);
      // Any error while reading the migration table means "not ready", never a 500.
      const pending = database === 'ok' ? await pendingMigrations(db).catch(() => ['unknown']) : ['unknown'];
      const migrations = pending.length === 0 ? ('ok' as const) : ('pending' as const);
      const checks = { database, migrations };
      if (database !== 'ok' || migrations !== 'ok')
        throw new AppError('not_ready', 'Not ready to serve', { checks });
      return { status: 'ready', checks };
    },
  };
}
