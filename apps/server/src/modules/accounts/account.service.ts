import type {
  AuthResetPasswordBody,
  AuthSignInBody,
  AuthSignUpBody,
  Me,
  MeEmailBody,
  MePasswordBody,
  MeUpdateBody,
} from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { Config } from '../../config/config.ts';
import type { DB, OneTimeTokenPurpose } from '../../db/schema.ts';
import { addMs, HOUR, iso, type Clock } from '../../platform/clock.ts';
import {
  dummyPasswordHash,
  hashPassword,
  hashToken,
  newId,
  randomToken,
  verifyPassword,
} from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { renderMail, type MailKind } from '../../platform/mail/templates.ts';
import { assertCan, type Actor } from '../../platform/policy.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import * as repo from './account.repository.ts';
import { toMe } from './account.mapper.ts';
import { assertStrongPassword } from './password-rules.ts';
import type { NewSession, SessionService } from './session.service.ts';

const TOKEN_TTL: Record<OneTimeTokenPurpose, number> = {
  verify_email: 48 * HOUR,
  reset_password: 1 * HOUR,
  change_email: 48 * HOUR,
};
const LINK_PATH: Record<OneTimeTokenPurpose, string> = {
  verify_email: '/verify-email',
  reset_password: '/reset-password',
  change_email: '/confirm-email',
};

/** Who is asking, as far as rate limits and session records care. */
export interface RequestMeta {
  ip: string;
  userAgent?: string | undefined;
}

export interface SignedIn {
  me: Me;
  session: NewSession;
}

export interface AccountServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'sessionSecret'>;
  mailer: Mailer;
  limiter: RateLimiter;
  sessions: SessionService;
}

export type AccountService = ReturnType<typeof createAccountService>;

/** Sign-up, verification, sign-in, password reset and own-profile changes. */
export function createAccountService(d: AccountServiceDeps) {
  const { db, clock, mailer, limiter, sessions } = d;
  const h = (t: string) => hashToken(d.config.sessionSecret, t);

  /** Creates a one-time link token and queues its e-mail, inside `exec`'s transaction. */
  async function sendLink(
    exec: Kysely<DB>,
    user: repo.UserRow,
    purpose: OneTimeTokenPurpose,
    opts: { to?: string; newEmail?: string } = {},
  ): Promise<void> {
    const now = clock.now();
    const token = randomToken();
    await repo.voidOneTimeTokens(exec, user.id, purpose, iso(now));
    await repo.insertOneTimeToken(exec, {
      id: newId(),
      user_id: user.id,
      purpose,
      token_hash: h(token),
      new_email: opts.newEmail ?? null,
      created_at: iso(now),
      expires_at: iso(addMs(now, TOKEN_TTL[purpose])),
    });
    const link = `${d.config.publicUrl}${LINK_PATH[purpose]}?token=${encodeURIComponent(token)}`;
    await queueMail(exec, user, purpose, link, opts.to);
  }

  async function queueMail(exec: Kysely<DB>, user: repo.UserRow, kind: MailKind, link: string, to?: string) {
    const m = renderMail(kind, user.locale, user.display_name, link);
    await mailer.enqueue(exec, { to: to ?? user.email, subject: m.subject, text: m.text, html: m.html });
  }

  /** Checks a link token; returns its row, or throws invalid_token / token_expired. Does not consume it. */
  async function checkLink(exec: Kysely<DB>, token: string, purpose: OneTimeTokenPurpose) {
    const row = await repo.findOneTimeToken(exec, h(token), purpose);
    if (!row || row.used_at !== null)
      throw new AppError('invalid_token', 'This link is not valid or was already used');
    if (row.expires_at <= iso(clock.now()))
      throw new AppError('token_expired', 'This link has expired; ask for a new one');
    return row;
  }

  async function consumeLink(exec: Kysely<DB>, token: string, purpose: OneTimeTokenPurpose) {
    const row = await checkLink(exec, token, purpose);
    if (!(await repo.useOneTimeToken(exec, row.id, iso(clock.now())))) {
      throw new AppError('invalid_token', 'This link is not valid or was already used');
    }
    return row;
  }

  const flushMail = () => void mailer.flush();

  return {
    /** Always answers the same way, whether or not the address is known (no enumeration). */
    async signUp(input: AuthSignUpBody, meta: RequestMeta): Promise<void> {
      await limiter.consume('signUpIp', meta.ip);
      assertStrongPassword(input.password, [input.email, input.displayName]);
      const passwordHash = await hashPassword(input.password);
      const existing = await repo.findUserByEmail(db, input.email);
      if (existing) {
        // A second sign-up of an unverified address re-sends the link; a verified one gets nothing new.
        if (existing.email_verified_at === null && existing.suspended_at === null) {
          await limiter.consume('emailAccount', existing.id);
          await db.transaction().execute((trx) => sendLink(trx, existing, 'verify_email'));
          flushMail();
        }
        return;
      }
      const now = iso(clock.now());
      const user: repo.UserRow = {
        id: newId(),
        email: input.email,
        password_hash: passwordHash,
        display_name: input.displayName,
        locale: input.locale ?? null,
        email_verified_at: null,
        is_operator: 0,
        suspended_at: null,
        suspended_reason: null,
        created_at: now,
        updated_at: now,
        last_seen_at: null,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertUser(trx, user);
          await sendLink(trx, user, 'verify_email');
        });
      } catch (err) {
        // A concurrent sign-up of the same address won the unique index: same answer as "exists".
        if (await repo.findUserByEmail(db, input.email)) return;
        throw err;
      }
      flushMail();
    },

    async resendVerification(email: string, meta: RequestMeta): Promise<void> {
      await limiter.consume('emailIp', meta.ip);
      await limiter.consume('emailAccount', email);
      const user = await repo.findUserByEmail(db, email);
      if (!user || user.email_verified_at !== null || user.suspended_at !== null) return;
      await db.transaction().execute((trx) => sendLink(trx, user, 'verify_email'));
      flushMail();
    },

    async verifyEmail(token: string, meta: RequestMeta): Promise<SignedIn> {
      await limiter.consume('tokenIp', meta.ip);
      const result = await db.transaction().execute(async (trx) => {
        const t = await consumeLink(trx, token, 'verify_email');
        const user = await repo.findUserById(trx, t.user_id);
        if (!user) throw new AppError('invalid_token', 'This link is not valid or was already used');
        if (user.suspended_at) throw new AppError('account_suspended', 'This account is suspended');
        const now = iso(clock.now());
        await repo.updateUser(trx, user.id, {
          email_verified_at: user.email_verified_at ?? now,
          updated_at: now,
        });
        const session = await sessions.start(trx, user.id, meta.userAgent);
        return { userId: user.id, session };
      });
      return { me: await this.meById(result.userId), session: result.session };
    },

    async signIn(input: AuthSignInBody, meta: RequestMeta): Promise<SignedIn> {
      await limiter.consume('signInIp', meta.ip);
      await limiter.consume('signInAccount', input.email);
      const user = await repo.findUserByEmail(db, input.email);
      // Verify against a dummy hash for unknown addresses so timing does not tell them apart.
      const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
      if (!user || !ok)
        throw new AppError('invalid_credentials', 'The e-mail address or password is not right');
      if (user.suspended_at) throw new AppError('account_suspended', 'This account is suspended');
      if (!user.email_verified_at) {
        throw new AppError('email_not_verified', 'Confirm your e-mail address first: we sent you a link');
      }
      await limiter.reset('signInAccount', input.email);
      const session = await db.transaction().execute((trx) => sessions.start(trx, user.id, meta.userAgent));
      return { me: toMe(user), session };
    },

    async forgotPassword(email: string, meta: RequestMeta): Promise<void> {
      await limiter.consume('emailIp', meta.ip);
      await limiter.consume('emailAccount', email);
      const user = await repo.findUserByEmail(db, email);
      if (!user || user.suspended_at !== null) return;
      await db.transaction().execute((trx) => sendLink(trx, user, 'reset_password'));
      flushMail();
    },

    /** Sets the new password, ends every session and token-less login, and signs in here. */
    async resetPassword(input: AuthResetPasswordBody, meta: RequestMeta): Promise<SignedIn> {
      await limiter.consume('tokenIp', meta.ip);
      const pending = await checkLink(db, input.token, 'reset_password');
      const user = await repo.findUserById(db, pending.user_id);
      if (!user) throw new AppError('invalid_token', 'This link is not valid or was already used');
      assertStrongPassword(input.password, [user.email, user.display_name]);
      const passwordHash = await hashPassword(input.password);
      const session = await db.transaction().execute(async (trx) => {
        await consumeLink(trx, input.token, 'reset_password');
        const now = iso(clock.now());
        await repo.updateUser(trx, user.id, {
          password_hash: passwordHash,
          email_verified_at: user.email_verified_at ?? now,
          updated_at: now,
        });
        await repo.deleteSessionsOf(trx, user.id);
        if (user.suspended_at) throw new AppError('account_suspended', 'This account is suspended');
        return sessions.start(trx, user.id, meta.userAgent);
      });
      await limiter.reset('signInAccount', user.email);
      return { me: await this.meById(user.id), session };
    },

    /**
     * Creates an account whose address is already proven (e.g. by an invitation link sent to it),
     * inside the caller's transaction, and starts a session. `email_taken` when the address is in use.
     */
    async createVerified(
      exec: Kysely<DB>,
      input: { email: string; password: string; displayName: string; locale?: string | undefined },
      meta: RequestMeta,
    ): Promise<{ userId: string; session: NewSession }> {
      await limiter.consume('signUpIp', meta.ip);
      if (await repo.findUserByEmail(exec, input.email)) {
        throw new AppError(
          'email_taken',
          'An account with this address exists: sign in to accept the invitation',
        );
      }
      assertStrongPassword(input.password, [input.email, input.displayName]);
      const now = iso(clock.now());
      const id = newId();
      await repo.insertUser(exec, {
        id,
        email: input.email,
        password_hash: await hashPassword(input.password),
        display_name: input.displayName,
        locale: input.locale ?? null,
        email_verified_at: now,
        is_operator: 0,
        suspended_at: null,
        suspended_reason: null,
        created_at: now,
        updated_at: now,
        last_seen_at: null,
      });
      return { userId: id, session: await sessions.start(exec, id, meta.userAgent) };
    },

    async meById(id: string): Promise<Me> {
      const user = await repo.findUserById(db, id);
      if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
      return toMe(user);
    },

    async me(actor: Actor): Promise<Me> {
      assertCan(actor, 'account.manage');
      return this.meById(actor.userId);
    },

    async updateMe(actor: Actor, patch: MeUpdateBody): Promise<Me> {
      assertCan(actor, 'account.manage');
      const set: Partial<repo.UserRow> = { updated_at: iso(clock.now()) };
      if (patch.displayName !== undefined) set.display_name = patch.displayName;
      if (patch.locale !== undefined) set.locale = patch.locale;
      await repo.updateUser(db, actor.userId, set);
      return this.meById(actor.userId);
    },

    /** Changes the password and ends every other session of the account. */
    async changePassword(actor: Actor, input: MePasswordBody): Promise<void> {
      assertCan(actor, 'account.manage');
      await limiter.consume('signInAccount', actor.userId);
      const user = await repo.findUserById(db, actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new AppError('invalid_credentials', 'The current password is not right', [
          {
            path: 'body.currentPassword',
            code: 'invalid_credentials',
            message: 'The current password is not right',
          },
        ]);
      }
      assertStrongPassword(input.newPassword, [user.email, user.display_name]);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, user.id, { password_hash: passwordHash, updated_at: iso(clock.now()) });
        await repo.deleteSessionsOf(
          trx,
          user.id,
          actor.via === 'session' ? (actor.credentialId ?? undefined) : undefined,
        );
      });
      await limiter.reset('signInAccount', actor.userId);
    },

    /** Sends a confirmation link to the new address; answers the same whether or not it is taken. */
    async requestEmailChange(actor: Actor, input: MeEmailBody): Promise<void> {
      assertCan(actor, 'account.manage');
      await limiter.consume('emailAccount', actor.userId);
      const user = await repo.findUserById(db, actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new AppError('invalid_credentials', 'The current password is not right', [
          {
            path: 'body.currentPassword',
            code: 'invalid_credentials',
            message: 'The current password is not right',
          },
        ]);
      }
      if (input.newEmail === user.email || (await repo.findUserByEmail(db, input.newEmail))) return;
      await db
        .transaction()
        .execute((trx) =>
          sendLink(trx, user, 'change_email', { to: input.newEmail, newEmail: input.newEmail }),
        );
      flushMail();
    },

    async confirmEmailChange(token: string, meta: RequestMeta): Promise<Me> {
      await limiter.consume('tokenIp', meta.ip);
      const userId = await db.transaction().execute(async (trx) => {
        const t = await consumeLink(trx, token, 'change_email');
        const user = await repo.findUserById(trx, t.user_id);
        if (!user || !t.new_email)
          throw new AppError('invalid_token', 'This link is not valid or was already used');
        if (await repo.findUserByEmail(trx, t.new_email)) {
          throw new AppError('email_taken', 'This e-mail address is already used by another account');
        }
        const now = iso(clock.now());
        await repo.updateUser(trx, user.id, { email: t.new_email, email_verified_at: now, updated_at: now });
        await queueMail(trx, user, 'email_changed_notice', `${d.config.publicUrl}/sign-in`, user.email);
        return user.id;
      });
      flushMail();
      return this.meById(userId);
    },
  };
}
