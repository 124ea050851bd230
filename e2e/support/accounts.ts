import type { Locale } from '@discuss/contracts';
import { insertUser } from '../../apps/server/src/modules/accounts/account.repository.ts';
import { iso } from '../../apps/server/src/platform/clock.ts';
import { hashPassword, newId } from '../../apps/server/src/platform/crypto.ts';
import type { Platform } from './platform.ts';

/** A password the server's strength check accepts (four unrelated words). */
export const PASSWORD = 'marble kettle orbit lantern';

let seq = 0;
/** A unique, realistic address; lower case, as the server stores it. */
export function uniqueEmail(name = 'member'): string {
  seq += 1;
  return `${name}.${Date.now().toString(36)}${seq.toString(36)}@example.org`;
}

export interface Account {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

let passwordHash: Promise<string> | undefined;
// argon2 is slow on purpose: hash the shared password once per file.
const hashFor = (password: string) =>
  password === PASSWORD ? (passwordHash ??= hashPassword(PASSWORD)) : hashPassword(password);

/**
 * An account inserted straight into the platform's database, for journeys that are not about signing up.
 * Verified and not an operator unless told otherwise.
 */
export async function seedAccount(
  platform: Platform,
  opts: {
    displayName?: string;
    email?: string;
    password?: string;
    operator?: boolean;
    verified?: boolean;
    locale?: Locale | null;
  } = {},
): Promise<Account> {
  const { database, clock } = platform.app.services;
  const now = iso(clock.now());
  const account: Account = {
    id: newId(),
    email: opts.email ?? uniqueEmail(opts.operator ? 'operator' : 'member'),
    password: opts.password ?? PASSWORD,
    displayName: opts.displayName ?? (opts.operator ? 'Olga Operator' : 'Mia Member'),
  };
  await insertUser(database.db, {
    id: account.id,
    email: account.email,
    password_hash: await hashFor(account.password),
    display_name: account.displayName,
    locale: opts.locale ?? null,
    email_verified_at: opts.verified === false ? null : now,
    is_operator: opts.operator ? 1 : 0,
    suspended_at: null,
    suspended_reason: null,
    created_at: now,
    updated_at: now,
    last_seen_at: null,
  });
  return account;
}
