import type { AdminUser, AdminUserListQuery, AdminUserListResponse, SetupBody } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { hashPassword, newId } from '../../platform/crypto.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { assertCan, can, type Actor } from '../../platform/policy.ts';
import * as repo from './account.repository.ts';
import { toAdminUser, toMe } from './account.mapper.ts';
import type { SignedIn, RequestMeta } from './account.service.ts';
import { assertStrongPassword } from './password-rules.ts';
import type { SessionService } from './session.service.ts';

export interface AdminServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  sessions: SessionService;
}

const encodeCursor = (u: repo.UserRow) => Buffer.from(`${u.created_at}|${u.id}`).toString('base64url');
function decodeCursor(c: string | undefined): { createdAt: string; id: string } | undefined {
  if (!c) return undefined;
  const text = Buffer.from(c, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([\w-]{1,64})$/.exec(text);
  if (!m) throw new AppError('bad_request', 'The cursor is not valid');
  return { createdAt: m[1]!, id: m[2]! };
}

export type AdminService = ReturnType<typeof createAdminService>;

/** First-run setup, operator accounts, and the operator's user management. */
export function createAdminService({ db, clock, sessions }: AdminServiceDeps) {
  async function insertOperator(exec: Kysely<DB>, input: SetupBody): Promise<repo.UserRow> {
    assertStrongPassword(input.password, [input.email, input.displayName]);
    const now = iso(clock.now());
    const user: repo.UserRow = {
      id: newId(),
      email: input.email,
      password_hash: await hashPassword(input.password),
      display_name: input.displayName,
      locale: input.locale ?? null,
      email_verified_at: now,
      is_operator: 1,
      suspended_at: null,
      suspended_reason: null,
      created_at: now,
      updated_at: now,
      last_seen_at: null,
    };
    if (await repo.findUserByEmail(exec, input.email)) {
      throw new AppError('email_taken', 'This e-mail address is already used by another account');
    }
    await repo.insertUser(exec, user);
    return user;
  }

  async function target(id: string) {
    const user = await repo.findUserById(db, id);
    if (!user) throw notFound('User');
    return user;
  }

  return {
    setupRequired: async (): Promise<boolean> => !(await repo.operatorExists(db)),

    /** Creates the first operator; refused once any operator exists. Signs the new operator in. */
    async setup(input: SetupBody, meta: RequestMeta): Promise<SignedIn> {
      const { user, session } = await db.transaction().execute(async (trx) => {
        if (await repo.operatorExists(trx))
          throw new AppError('setup_already_done', 'The platform is already set up');
        const user = await insertOperator(trx, input);
        return { user, session: await sessions.start(trx, user.id, meta.userAgent) };
      });
      return { me: toMe(user), session };
    },

    /** Headless operator creation (CLI): works whether or not operators exist; promotes an existing account. */
    async createOperator(input: SetupBody): Promise<{ created: boolean; id: string }> {
      return db.transaction().execute(async (trx) => {
        const existing = await repo.findUserByEmail(trx, input.email);
        if (existing) {
          await repo.updateUser(trx, existing.id, { is_operator: 1, updated_at: iso(clock.now()) });
          return { created: false, id: existing.id };
        }
        return { created: true, id: (await insertOperator(trx, input)).id };
      });
    },

    async listUsers(actor: Actor, query: AdminUserListQuery): Promise<AdminUserListResponse> {
      assertCan(actor, 'admin.users.list');
      const { rows, total } = await repo.listUsers(db, {
        q: query.q || undefined,
        status: query.status,
        after: decodeCursor(query.cursor),
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toAdminUser),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
        total,
      };
    },

    /** Suspends a user and ends their sessions and API tokens at once. */
    async suspend(actor: Actor, id: string, reason: string): Promise<AdminUser> {
      assertCan(actor, 'admin.users.list');
      const user = await target(id);
      if (actor.userId === id)
        throw new AppError('cannot_suspend_self', 'You cannot suspend your own account');
      assertCan(actor, 'admin.users.suspend', { id: user.id, isOperator: user.is_operator === 1 });
      await db.transaction().execute(async (trx) => {
        const now = iso(clock.now());
        await repo.updateUser(trx, id, {
          suspended_at: user.suspended_at ?? now,
          suspended_reason: reason,
          updated_at: now,
        });
        await repo.deleteSessionsOf(trx, id);
        await repo.deleteApiTokensOf(trx, id);
      });
      return toAdminUser(await target(id));
    },

    async reinstate(actor: Actor, id: string): Promise<AdminUser> {
      assertCan(actor, 'admin.users.list');
      const user = await target(id);
      if (!can(actor, 'admin.users.suspend', { id: user.id, isOperator: user.is_operator === 1 })) {
        throw new AppError('forbidden', 'You are not allowed to do this');
      }
      await repo.updateUser(db, id, {
        suspended_at: null,
        suspended_reason: null,
        updated_at: iso(clock.now()),
      });
      return toAdminUser(await target(id));
    },
  };
}
