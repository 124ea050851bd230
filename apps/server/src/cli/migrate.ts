import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase, pendingMigrations } from '../db/database.ts';
import path from 'node:path';

// `npm run migrate`: applies pending migrations (the server also does this on start).
const config = loadConfig();
const database = openDatabase({
  databaseUrl: config.databaseUrl,
  sqlitePath: path.join(config.dataDir, 'discuss.sqlite'),
});
try {
  const pending = await pendingMigrations(database.db);
  if (pending.length === 0) console.log('Database is up to date.');
  const applied = await migrateToLatest(database.db);
  for (const name of applied) console.log(`applied ${name}`);
} catch (err) {
  console.error(err instanceof Error ? `${err.message}: ${String(err.cause)}` : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
