import { Redis } from 'ioredis';
import { IN_CI } from './dialects.ts';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let reachable: Promise<boolean> | undefined;

/** Whether Redis answers; in CI an unreachable Redis fails the run instead of skipping. */
export function redisReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const r = new Redis(TEST_REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      retryStrategy: () => null,
    });
    try {
      await r.connect();
      await r.ping();
      return true;
    } catch (err) {
      if (IN_CI)
        throw new Error(`Redis is required in CI but not reachable at ${TEST_REDIS_URL}`, { cause: err });
      console.warn(`[skip] Redis suites: not reachable at ${TEST_REDIS_URL} (${(err as Error).message})`);
      return false;
    } finally {
      r.disconnect();
    }
  })();
  return reachable;
}
