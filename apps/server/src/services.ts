import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import type { Config } from './config/config.ts';
import { migrateToLatest, openDatabase, type Database } from './db/database.ts';
import { createAccountService, type AccountService } from './modules/accounts/account.service.ts';
import { createAdminService, type AdminService } from './modules/accounts/admin.service.ts';
import { createSessionService, type SessionService } from './modules/accounts/session.service.ts';
import { createCommunityService, type CommunityService } from './modules/communities/community.service.ts';
import { createGroupService, type GroupService } from './modules/communities/group.service.ts';
import { createInvitationService, type InvitationService } from './modules/communities/invitation.service.ts';
import { createMembershipService, type MembershipService } from './modules/communities/membership.service.ts';
import { createHealthService, type HealthService } from './modules/health/health.service.ts';
import { createUploadService, type UploadService } from './modules/uploads/upload.service.ts';
import { createDiscussionService, type DiscussionService } from './modules/discussions/discussion.service.ts';
import { createMemoryBus, createRedisBus, type EventBus } from './platform/events.ts';
import { createWriteBatcher } from './platform/group-commit.ts';
import { createLocalStorage } from './platform/storage.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { createRateLimiter, type RateLimiter } from './platform/rate-limit.ts';

/** What the capabilities are built from; the app, the CLI, the seed generator and tests share it. */
export interface Services {
  config: Config;
  database: Database;
  clock: Clock;
  mailer: Mailer;
  limiter: RateLimiter;
  redis: Redis | undefined;
  health: HealthService;
  sessions: SessionService;
  accounts: AccountService;
  admin: AdminService;
  communities: CommunityService;
  membership: MembershipService;
  invitations: InvitationService;
  groups: GroupService;
  uploads: UploadService;
  discussions: DiscussionService;
  events: EventBus;
  /** Closes what these services opened (not a database handed in). */
  close(): Promise<void>;
}

export interface ServiceOptions {
  log: FastifyBaseLogger;
  /** Test clock; defaults to the system clock. */
  clock?: Clock | undefined;
  /** Use this database instead of opening one from the config; it is then not closed here. */
  database?: Database | undefined;
  /** PostgreSQL schema to work in. */
  pgSchema?: string | undefined;
  /** Prefix of Redis keys. */
  redisPrefix?: string | undefined;
}

/** Opens the database (migrating it), Redis and the mailer, and wires every capability's service. */
export async function createServices(config: Config, opts: ServiceOptions): Promise<Services> {
  const clock = opts.clock ?? systemClock;
  const ownsDb = !opts.database;
  const database =
    opts.database ??
    openDatabase({
      databaseUrl: config.databaseUrl,
      sqlitePath: path.join(config.dataDir, 'discuss.sqlite'),
      pgSchema: opts.pgSchema,
    });
  if (ownsDb) await migrateToLatest(database.db);
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true })
    : undefined;
  const db = database.db;
  const mailer = createMailer({
    db,
    clock,
    log: opts.log,
    from: config.mailFrom,
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, 'outbox'),
  });
  const limiter = createRateLimiter({ redis, prefix: opts.redisPrefix ?? 'discuss' });
  const sessions = createSessionService({ db, clock, config });
  const accounts = createAccountService({ db, clock, config, mailer, limiter, sessions });
  const admin = createAdminService({ db, clock, sessions });
  const health = createHealthService({ db });
  const storage = createLocalStorage(path.join(config.dataDir, 'files'));
  // Uploads ask the communities capability who may fetch a community's files; communities use uploads
  // for cover images. The closure breaks the construction cycle.
  // eslint-disable-next-line prefer-const
  let communities: CommunityService;
  const uploads = createUploadService({
    db,
    clock,
    storage,
    limiter,
    communityAccess: (a, id) => communities.byId(a, id),
  });
  communities = createCommunityService({ db, clock, uploads });
  const membership = createMembershipService({ db, clock, config, mailer, limiter });
  const invitations = createInvitationService({ db, clock, config, mailer, limiter, accounts, membership });
  const groups = createGroupService({ db, clock });
  const events = redis
    ? createRedisBus(redis, `${opts.redisPrefix ?? 'discuss'}:events`, opts.log)
    : createMemoryBus();
  // Group commit for replies on SQLite, whose single connection commits one write at a time.
  const writes = createWriteBatcher(db, { enabled: database.dialect === 'sqlite' });
  const discussions = createDiscussionService({ db, clock, limiter, events, communities, uploads, writes });
  // A fresh platform starts with its five priority areas and their communities.
  await communities.ensureDefaults();
  return {
    config,
    database,
    clock,
    mailer,
    limiter,
    redis,
    health,
    sessions,
    accounts,
    admin,
    communities,
    membership,
    invitations,
    groups,
    uploads,
    discussions,
    events,
    async close() {
      await events.close();
      await mailer.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
      if (ownsDb) await database.close();
    },
  };
}
