import type {
  ApiTokenCreateBody,
  ApiTokenCreateResponse,
  ApiTokenListResponse,
  SessionListResponse,
} from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { Config } from '../../config/config.ts';
import type { DB } from '../../db/schema.ts';
import { addMs, DAY, iso, MINUTE, type Clock } from '../../platform/clock.ts';
import { hashToken, newId, randomToken } from '../../platform/crypto.ts';
import { notFound } from '../../platform/errors.ts';
import { assertCan, type Actor, type UserActor } from '../../platform/policy.ts';
import { createReadCache } from '../../platform/read-cache.ts';
import * as repo from './account.repository.ts';
import { toApiToken, toSessionInfo } from './account.mapper.ts';

export const SESSION_TTL_MS = 30 * DAY;
/** last_seen_at is written at most this often per session, to keep reads cheap. */
const TOUCH_EVERY_MS = 10 * MINUTE;
export const API_TOKEN_PREFIX = 'dsc_';

export interface NewSession {
  /** Cookie value: the only copy of the secret. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface Authenticated {
  actor: UserActor;
  /** Set for cookie sessions: must accompany every write. */
  csrfToken: string | null;
}

export interface SessionServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'sessionSecret'>;
}

/** Session tokens are `randomToken()`: 32 bytes, 43 characters of base64url. */
const COOKIE_TOKEN_MAX = 43;

export type SessionService = ReturnType<typeof createSessionService>;

/** Sessions (cookies), personal API tokens, and turning either into an actor. */
export function createSessionService({ db, clock, config }: SessionServiceDeps) {
  const h = (t: string) => hashToken(config.sessionSecret, t);
  // Every API request hashes its cookie before it can look the session up; the HMAC of a token never
  // changes, so the hashes of recently seen cookies are kept (only cookies of a real token's length, so
  // that long junk cookies cannot fill memory).
  const cookieHashes = new Map<string, string>();
  const cookieHash = (token: string) => {
    let hash = cookieHashes.get(token);
    if (hash === undefined) {
      hash = h(token);
      if (token.length > COOKIE_TOKEN_MAX) return hash;
      if (cookieHashes.size >= 10_000) cookieHashes.delete(cookieHashes.keys().next().value!);
      cookieHashes.set(token, hash);
    }
    return hash;
  };
  // Every API request resolves its cookie. Any write to sessions or users (sign-out, revocation,
  // suspension, a password change) drops what is kept at once (decision 0012).
  type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSessionWithUser>>>;
  type Kept = { row: SessionRow; expiresMs: number; lastSeenMs: number } | undefined;
  /** A session's row with its times as numbers, worked out once per load rather than on every request. */
  const load = async (hash: string): Promise<Kept> => {
    const row = await repo.findSessionWithUser(db, hash);
    return row && { row, expiresMs: Date.parse(row.expires_at), lastSeenMs: Date.parse(row.last_seen_at) };
  };
  const byTokenHash = createReadCache<Kept>({
    db,
    clock,
    tables: ['sessions', 'users'],
    max: 10_000,
    ttlMs: MINUTE,
  });

  return {
    /** Starts a new session (a new id every sign-in). Runs inside the caller's transaction. */
    async start(exec: Kysely<DB>, userId: string, userAgent: string | undefined): Promise<NewSession> {
      const now = clock.now();
      const token = randomToken();
      const csrfToken = randomToken(24);
      const expiresAt = addMs(now, SESSION_TTL_MS);
      await repo.insertSession(exec, {
        id: newId(),
        token_hash: h(token),
        user_id: userId,
        csrf_token: csrfToken,
        user_agent: userAgent ? userAgent.slice(0, 300) : null,
        created_at: iso(now),
        last_seen_at: iso(now),
        expires_at: iso(expiresAt),
      });
      await repo.updateUser(exec, userId, { last_seen_at: iso(now) });
      return { token, csrfToken, expiresAt };
    },

    /** Resolves a session cookie; null when unknown, expired, or the user is suspended. */
    async fromSessionToken(token: string): Promise<Authenticated | null> {
      const hash = cookieHash(token);
      const kept = await byTokenHash.get(hash, () => load(hash));
      const nowMs = clock.ms();
      if (!kept || kept.expiresMs <= nowMs || kept.row.suspended_at !== null) return null;
      const { row } = kept;
      if (nowMs - kept.lastSeenMs > TOUCH_EVERY_MS) {
        // Presence writes do not drop the caches (write-tracker.ts): this session's kept row is forgotten
        // here, so the next request reads its new times.
        const now = new Date(nowMs);
        await repo.touchSession(db, row.session_id, iso(now), iso(addMs(now, SESSION_TTL_MS)));
        await repo.updateUser(db, row.user_id, { last_seen_at: iso(now) });
        byTokenHash.forget(hash);
      }
      return {
        actor: {
          kind: 'user',
          userId: row.user_id,
          displayName: row.display_name,
          isOperator: row.is_operator === 1,
          via: 'session',
          credentialId: row.session_id,
        },
        csrfToken: row.csrf_token,
      };
    },

    /** Resolves an `Authorization: Bearer` API token; null when unknown, expired or the user is suspended. */
    async fromApiToken(secret: string): Promise<Authenticated | null> {
      if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
      const row = await repo.findApiTokenWithUser(db, h(secret));
      const now = clock.now();
      if (!row || row.suspended_at !== null || (row.expires_at !== null && row.expires_at <= iso(now)))
        return null;
      if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
        await repo.touchApiToken(db, row.token_id, iso(now));
      }
      return {
        actor: {
          kind: 'user',
          userId: row.user_id,
          displayName: row.display_name,
          isOperator: row.is_operator === 1,
          via: 'token',
          credentialId: row.token_id,
        },
        csrfToken: null,
      };
    },

    /** Whether the credential behind an actor still holds (for long-lived streams: sign-out and suspension end them). */
    async stillValid(actor: Actor): Promise<boolean> {
      if (actor.kind !== 'user') return true;
      if (actor.via === 'system' || !actor.credentialId) return actor.via === 'system';
      const at = iso(clock.now());
      const table = actor.via === 'session' ? 'sessions' : 'api_tokens';
      const row = await db
        .selectFrom(table)
        .innerJoin('users', 'users.id', `${table}.user_id`)
        .select(['users.suspended_at', `${table}.expires_at`])
        .where(`${table}.id`, '=', actor.credentialId)
        .executeTakeFirst();
      return !!row && row.suspended_at === null && (row.expires_at === null || row.expires_at > at);
    },

    /** Ends the session that made the request. */
    async end(actor: Actor): Promise<void> {
      if (actor.kind === 'user' && actor.via === 'session' && actor.credentialId) {
        await repo.deleteSession(db, actor.userId, actor.credentialId);
      }
    },

    async list(actor: Actor): Promise<SessionListResponse> {
      assertCan(actor, 'account.manage');
      const rows = await repo.listSessions(db, actor.userId, iso(clock.now()));
      const current = actor.via === 'session' ? actor.credentialId : null;
      return { items: rows.map((r) => toSessionInfo(r, current)) };
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      assertCan(actor, 'account.manage');
      const r = await repo.deleteSession(db, actor.userId, id);
      if (Number(r.numDeletedRows) !== 1) throw notFound('Session');
    },

    /** Ends every session of the account except the one making the request. */
    async revokeOthers(actor: Actor): Promise<void> {
      assertCan(actor, 'account.manage');
      await repo.deleteSessionsOf(
        db,
        actor.userId,
        actor.via === 'session' ? (actor.credentialId ?? undefined) : undefined,
      );
    },

    async listTokens(actor: Actor): Promise<ApiTokenListResponse> {
      assertCan(actor, 'account.manage');
      return { items: (await repo.listApiTokens(db, actor.userId)).map(toApiToken) };
    },

    async createToken(actor: Actor, body: ApiTokenCreateBody): Promise<ApiTokenCreateResponse> {
      assertCan(actor, 'account.manage');
      const now = clock.now();
      const secret = `${API_TOKEN_PREFIX}${randomToken()}`;
      const row: repo.ApiTokenRow = {
        id: newId(),
        user_id: actor.userId,
        name: body.name,
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        token_hash: h(secret),
        created_at: iso(now),
        last_used_at: null,
        expires_at: body.expiresInDays ? iso(addMs(now, body.expiresInDays * DAY)) : null,
      };
      await repo.insertApiToken(db, row);
      return { token: toApiToken(row), secret };
    },

    async revokeToken(actor: Actor, id: string): Promise<void> {
      assertCan(actor, 'account.manage');
      const r = await repo.deleteApiToken(db, actor.userId, id);
      if (Number(r.numDeletedRows) !== 1) throw notFound('API token');
    },

    /** Housekeeping job: drops expired sessions. */
    async purgeExpired(): Promise<number> {
      const r = await repo.deleteExpiredSessions(db, iso(clock.now()));
      return Number(r.numDeletedRows);
    },
  };
}
