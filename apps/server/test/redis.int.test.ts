import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { postgresReachable, createTestDatabase, type TestDatabase } from './dialects.ts';
import { createUser, errorCode, TestAgent } from './helpers.ts';
import { redisReachable, TEST_REDIS_URL } from './redis.ts';
import { TestClock } from './clock.ts';
import type { FastifyInstance } from 'fastify';

const REDIS_OK = await redisReachable();
const PG_OK = await postgresReachable();

describe.skipIf(!REDIS_OK)('with Redis: limits shared by every instance', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function twoInstances(database: TestDatabase): Promise<[FastifyInstance, FastifyInstance]> {
    const prefix = `test:${randomBytes(6).toString('hex')}`;
    const secret = randomBytes(32).toString('hex');
    const apps = [] as FastifyInstance[];
    for (let i = 0; i < 2; i++) {
      const config = loadConfig(
        {
          SESSION_SECRET: secret,
          REDIS_URL: TEST_REDIS_URL,
          DATA_DIR: '/tmp/discuss-test-unused',
          PUBLIC_URL: 'http://discuss.test',
        },
        { webDist: '/nonexistent' },
      );
      const app = await buildApp(config, {
        database,
        logger: false,
        redisPrefix: prefix,
        clock: new TestClock(),
      });
      await app.ready();
      apps.push(app);
      cleanup.push(() => app.close());
    }
    return [apps[0]!, apps[1]!];
  }

  it('counts sign-in attempts across two instances: the limit holds in total, not per instance', async () => {
    const database = await createTestDatabase(PG_OK ? 'postgres' : 'sqlite');
    cleanup.push(() => database.dispose());
    const [a, b] = await twoInstances(database);
    const user = await createUser({ database, clock: new TestClock() });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const app = i % 2 === 0 ? a : b;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: user.email, password: 'wrong password!' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a session made on one instance works on the other (no state in process memory)', async () => {
    const database = await createTestDatabase(PG_OK ? 'postgres' : 'sqlite');
    cleanup.push(() => database.dispose());
    const [a, b] = await twoInstances(database);
    const user = await createUser({ database, clock: new TestClock() });
    const agentA = await new TestAgent(a).signIn(user.email, user.password);
    const agentB = new TestAgent(b);
    agentB.cookie = agentA.cookie;
    agentB.csrf = agentA.csrf;
    expect((await agentB.get('/api/me')).json().email).toBe(user.email);
    expect((await agentB.patch('/api/me', { displayName: 'Changed On B' })).statusCode).toBe(200);
    expect((await agentA.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect(errorCode(await agentB.get('/api/me'))).toBe('unauthenticated');
  });
});
