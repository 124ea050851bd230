import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config/config.ts';
import type { DialectName } from '../src/db/database.ts';
import { iso } from '../src/platform/clock.ts';
import { hashPassword, newId } from '../src/platform/crypto.ts';
import { insertUser, type UserRow } from '../src/modules/accounts/account.repository.ts';
import { TestClock } from './clock.ts';
import { createTestDatabase, type TestDatabase } from './dialects.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

export interface TestContext {
  app: FastifyInstance;
  config: Config;
  database: TestDatabase;
  clock: TestClock;
  smtp: SmtpSink;
  /** A client without cookies. */
  guest(): TestAgent;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  redisUrl?: string;
}

/** The real app on a fresh isolated database, with a real SMTP sink and a hand-moved clock. */
export async function buildTestApp(dialect: DialectName, opts: TestAppOptions = {}): Promise<TestContext> {
  const database = await createTestDatabase(dialect);
  const smtp = await startSmtpSink();
  const clock = new TestClock();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATA_DIR: '/tmp/discuss-test-unused',
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://discuss.test',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
      ...opts.env,
    },
    { webDist: '/nonexistent' },
  );
  const app = await buildApp(config, {
    database,
    clock,
    logger: false,
    redisPrefix: `test:${randomBytes(6).toString('hex')}`,
  });
  await app.ready();
  return {
    app,
    config,
    database,
    clock,
    smtp,
    guest: () => new TestAgent(app),
    async close() {
      await app.close();
      await smtp.close();
      await database.dispose();
    },
  };
}

let seq = 0;
/** A unique, realistic e-mail address. */
export const uniqueEmail = (name = 'member') =>
  `${name}.${Date.now().toString(36)}${(seq++).toString(36)}@example.org`;
export const STRONG_PASSWORD = 'marble kettle orbit lantern';
let strongHash: Promise<string> | undefined;
/** argon2 is slow on purpose: hash the shared test password once per process. */
const hashFor = (password: string) =>
  password === STRONG_PASSWORD ? (strongHash ??= hashPassword(STRONG_PASSWORD)) : hashPassword(password);

/** Inserts a user straight into the database (verified unless told otherwise). */
export async function createUser(
  ctx: Pick<TestContext, 'database' | 'clock'>,
  overrides: Partial<UserRow> & { password?: string } = {},
): Promise<UserRow & { password: string }> {
  const { password = STRONG_PASSWORD, ...rest } = overrides;
  const now = iso(ctx.clock.now());
  const row: UserRow = {
    id: newId(),
    email: uniqueEmail(),
    password_hash: await hashFor(password),
    display_name: 'Test Member',
    locale: null,
    email_verified_at: now,
    is_operator: 0,
    suspended_at: null,
    suspended_reason: null,
    created_at: now,
    updated_at: now,
    last_seen_at: null,
    ...rest,
  };
  await insertUser(ctx.database.db, row);
  return { ...row, password };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class TestAgent {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;
  constructor(readonly app: FastifyInstance) {}

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const unsafe = opts.method && !['GET', 'HEAD', 'OPTIONS'].includes(opts.method);
    if (unsafe && this.csrf && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...opts, headers });
    const set = res.cookies.find((c) => c.name.endsWith('discuss_session'));
    if (set)
      this.cookie =
        set.value && set.maxAge !== 0 && (!set.expires || set.expires > new Date())
          ? `${set.name}=${set.value}`
          : undefined;
    if (res.headers['content-type']?.toString().includes('json')) {
      const body = res.json<{ csrfToken?: string | null }>();
      if (body && typeof body === 'object' && 'csrfToken' in body) this.csrf = body.csrfToken ?? undefined;
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown, extra: Partial<InjectOptions> & { csrf?: boolean } = {}) {
    return this.request({
      method: 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      ...extra,
    });
  }
  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as object });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  /** Signs in with e-mail and password; throws unless it worked. */
  async signIn(email: string, password = STRONG_PASSWORD): Promise<this> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

/** A signed-in agent for a freshly created user. */
export async function signedInUser(ctx: TestContext, overrides: Partial<UserRow> = {}) {
  const user = await createUser(ctx, overrides);
  const agent = await new TestAgent(ctx.app).signIn(user.email, user.password);
  return { user, agent };
}

/** The error code of a failed response. */
export const errorCode = (res: LightMyRequestResponse): string | undefined =>
  res.json<{ error?: { code?: string } }>().error?.code;
