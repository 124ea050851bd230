import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { AppError } from './errors.ts';

/** Named limits: points per duration (seconds). Shared by every instance through Redis when configured. */
export const LIMIT_RULES = {
  signInIp: { points: 30, duration: 15 * 60 },
  signInAccount: { points: 10, duration: 15 * 60 },
  signUpIp: { points: 10, duration: 60 * 60 },
  emailIp: { points: 10, duration: 60 * 60 },
  emailAccount: { points: 5, duration: 60 * 60 },
  tokenIp: { points: 30, duration: 15 * 60 },
  writeActor: { points: 120, duration: 60 },
  uploadActor: { points: 30, duration: 10 * 60 },
  postActor: { points: 30, duration: 60 },
  /** Reads that search accounts by name (people pickers): bounds enumeration of names. */
  searchActor: { points: 60, duration: 60 },
} as const;

export type LimitName = keyof typeof LIMIT_RULES;

export interface RateLimiter {
  /** Counts one hit against `key`; throws `rate_limited` with `retryAfter` once over the limit. */
  consume(name: LimitName, key: string): Promise<void>;
  /** Forgets the hits of `key` (e.g. after a successful sign-in). */
  reset(name: LimitName, key: string): Promise<void>;
}

export function createRateLimiter(opts: { redis?: Redis | undefined; prefix: string }): RateLimiter {
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const [name, rule] of Object.entries(LIMIT_RULES) as [LimitName, (typeof LIMIT_RULES)[LimitName]][]) {
    const base = { ...rule, keyPrefix: `${opts.prefix}:rl:${name}` };
    limiters.set(
      name,
      opts.redis
        ? new RateLimiterRedis({ ...base, storeClient: opts.redis, useRedisPackage: false })
        : new RateLimiterMemory(base),
    );
  }
  const get = (name: LimitName): RateLimiterAbstract => limiters.get(name)!;
  return {
    async consume(name, key) {
      try {
        await get(name).consume(key);
      } catch (e) {
        if (e instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
          throw new AppError('rate_limited', 'Too many attempts; try again later', { retryAfter });
        }
        throw e;
      }
    },
    async reset(name, key) {
      await get(name).delete(key);
    },
  };
}
