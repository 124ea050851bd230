import { afterEach, beforeEach, describe } from 'vitest';
import type { DialectName } from '../src/db/database.ts';
import { postgresReachable } from './dialects.ts';
import { buildTestApp, type TestAppOptions, type TestContext } from './helpers.ts';

const PG_OK = await postgresReachable();

/**
 * Runs a suite once per database: SQLite always, PostgreSQL when reachable (skipped with a reason
 * otherwise; in CI an unreachable PostgreSQL fails instead). Each test gets a fresh app and database.
 */
export function describeEachDialect(
  name: string,
  body: (get: () => TestContext) => void,
  opts: TestAppOptions = {},
): void {
  for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
    const run = dialect === 'sqlite' || PG_OK ? describe : describe.skip;
    run(`${name} [${dialect}]`, () => {
      let ctx: TestContext | undefined;
      beforeEach(async () => {
        ctx = await buildTestApp(dialect, opts);
      });
      afterEach(async () => {
        await ctx?.close();
        ctx = undefined;
      });
      body(() => {
        if (!ctx) throw new Error('test context not ready');
        return ctx;
      });
    });
  }
}
