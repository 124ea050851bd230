import type { Migration } from 'kysely';
import * as m20261128220000 from './20261128220000_accounts.ts';

/** Every migration, in order. Append new ones; never edit or reorder landed ones. */
export const migrations: Record<string, Migration> = {
  '20261128220000_accounts': m20261128220000,
};
