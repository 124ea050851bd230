import { insertUser, type UserRow } from '../../src/modules/accounts/account.repository.ts';
import { sessionCookieName } from '../../src/modules/accounts/auth.hooks.ts';
import { iso } from '../../src/platform/clock.ts';
import { hashPassword, newId } from '../../src/platform/crypto.ts';
import { STRONG_PASSWORD, TestAgent, uniqueEmail, type TestContext } from '../helpers.ts';

// Argon2 is slow on purpose; the probes need many users, not many hashes. One hash per process.
let sharedHash: Promise<string> | undefined;

/**
 * Like the createUser factory (verified, STRONG_PASSWORD), but reusing one password hash, so suites
 * that build users for every test do not spend their time in argon2.
 */
export async function quickUser(ctx: TestContext, overrides: Partial<UserRow> = {}) {
  const now = iso(ctx.clock.now());
  const row: UserRow = {
    id: newId(),
    email: uniqueEmail('probe'),
    password_hash: await (sharedHash ??= hashPassword(STRONG_PASSWORD)),
    display_name: 'Probe Member',
    locale: null,
    email_verified_at: now,
    is_operator: 0,
    suspended_at: null,
    suspended_reason: null,
    created_at: now,
    updated_at: now,
    last_seen_at: null,
    ...overrides,
  };
  await insertUser(ctx.database.db, row);
  return { ...row, password: STRONG_PASSWORD };
}

/** A browser-like agent with a fresh session for the user, started directly (no password check). */
export async function quickSession(ctx: TestContext, userId: string): Promise<TestAgent> {
  const session = await ctx.app.services.sessions.start(ctx.database.db, userId, 'probe');
  const agent = new TestAgent(ctx.app);
  agent.cookie = `${sessionCookieName(ctx.config)}=${session.token}`;
  agent.csrf = session.csrfToken;
  return agent;
}
