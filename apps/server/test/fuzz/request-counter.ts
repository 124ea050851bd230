import type { FastifyInstance } from 'fastify';
import { beforeEach } from 'vitest';
import type { TestContext } from '../helpers.ts';

/**
 * Counts every request a test sends through `app.inject` (TestAgent included), so a suite can report
 * how many requests it made. Wraps the method on this one test app only.
 */
export function countRequests(app: FastifyInstance): () => number {
  let n = 0;
  const inject = app.inject.bind(app) as (...args: unknown[]) => unknown;
  (app as unknown as { inject: (...args: unknown[]) => unknown }).inject = (...args: unknown[]) => {
    n++;
    return inject(...args);
  };
  return () => n;
}

/** Counts the requests of each test, per dialect, for the suite's report. */
export function countRequestsPerDialect(ctx: () => TestContext, totals: Record<string, number>): void {
  beforeEach(() => {
    const dialect = ctx().database.dialect;
    const sent = countRequests(ctx().app);
    return () => {
      totals[dialect] = (totals[dialect] ?? 0) + sent();
    };
  });
}
