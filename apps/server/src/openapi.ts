import { randomBytes } from 'node:crypto';
import { buildApp } from './app.ts';
import { loadConfig } from './config/config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';

/** The OpenAPI document the routes describe, built from an app on a throw-away in-memory database. */
export async function openApiDocument(): Promise<unknown> {
  const config = loadConfig(
    { NODE_ENV: 'test', SESSION_SECRET: randomBytes(32).toString('hex'), DATA_DIR: '/tmp/discuss-openapi' },
    { webDist: '/nonexistent' },
  );
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database.db);
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  await database.close();
  return doc;
}
