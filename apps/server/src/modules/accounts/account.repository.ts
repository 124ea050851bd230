import { sql, type Kysely, type Selectable } from 'kysely';
import type { ApiTokensTable, DB, OneTimeTokenPurpose, SessionsTable, UsersTable } from '../../db/schema.ts';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
type Exec = Kysely<DB>;

// ---- users

export const findUserById = (db: Exec, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Exec, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const insertUser = (db: Exec, row: UserRow) => db.insertInto('users').values(row).execute();

export const updateUser = (db: Exec, id: string, patch: Partial<Omit<UserRow, 'id'>>) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute();

export async function operatorExists(db: Exec): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('is_operator', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface UserListFilter {
  q?: string | undefined;
  status: 'all' | 'active' | 'suspended' | 'unverified';
  /** Keyset position: rows strictly after (created_at, id) in descending order. */
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Exec, f: Omit<UserListFilter, 'after' | 'limit'>) {
  let q = db.selectFrom('users');
  if (f.status === 'active') q = q.where('suspended_at', 'is', null);
  if (f.status === 'suspended') q = q.where('suspended_at', 'is not', null);
  if (f.status === 'unverified') q = q.where('email_verified_at', 'is', null);
  if (f.q) {
    const needle = escapeLike(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(email)`, 'like', sql<string>`${`${needle}%`} escape '\\'`),
        eb(sql`lower(display_name)`, 'like', sql<string>`${`%${needle}%`} escape '\\'`),
      ]),
    );
  }
  return q;
}

export async function listUsers(db: Exec, f: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
  let q = filtered(db, f).selectAll();
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const { total } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

// ---- sessions

export const insertSession = (db: Exec, row: SessionRow) => db.insertInto('sessions').values(row).execute();

export const findSessionWithUser = (db: Exec, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.display_name',
      'users.is_operator',
      'users.suspended_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();

export const touchSession = (db: Exec, id: string, lastSeenAt: string, expiresAt: string) =>
  db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();

export const listSessions = (db: Exec, userId: string, now: string) =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();

export const deleteSession = (db: Exec, userId: string, id: string) =>
  db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();

/** Ends every session of a user except, optionally, one. */
export function deleteSessionsOf(db: Exec, userId: string, exceptId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
}

export const deleteExpiredSessions = (db: Exec, now: string) =>
  db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();

// ---- API tokens

export const insertApiToken = (db: Exec, row: ApiTokenRow) =>
  db.insertInto('api_tokens').values(row).execute();

export const findApiTokenWithUser = (db: Exec, tokenHash: string) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.display_name',
      'users.is_operator',
      'users.suspended_at',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();

export const touchApiToken = (db: Exec, id: string, at: string) =>
  db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();

export const listApiTokens = (db: Exec, userId: string) =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

export const deleteApiToken = (db: Exec, userId: string, id: string) =>
  db.deleteFrom('api_tokens').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();

export const deleteApiTokensOf = (db: Exec, userId: string) =>
  db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();

// ---- one-time tokens (e-mailed links)

export const insertOneTimeToken = (
  db: Exec,
  row: {
    id: string;
    user_id: string;
    purpose: OneTimeTokenPurpose;
    token_hash: string;
    new_email: string | null;
    created_at: string;
    expires_at: string;
  },
) =>
  db
    .insertInto('one_time_tokens')
    .values({ ...row, used_at: null })
    .execute();

export const findOneTimeToken = (db: Exec, tokenHash: string, purpose: OneTimeTokenPurpose) =>
  db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();

/** Marks a token used; false when it was used meanwhile (the race loser). */
export async function useOneTimeToken(db: Exec, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Voids the unused tokens of one purpose (a new link replaces the old ones). */
export const voidOneTimeTokens = (db: Exec, userId: string, purpose: OneTimeTokenPurpose, at: string) =>
  db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
