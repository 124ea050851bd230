import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API } from '@discuss/contracts';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { migrator as makeMigrator } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { openApiDocument } from '../src/openapi.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createTestDatabase, postgresReachable, withSchemaLock } from './dialects.ts';
import { errorCode } from './helpers.ts';

const PG_OK = await postgresReachable();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describeEachDialect('platform endpoints', (ctx) => {
  it('answers health and readiness', async () => {
    const c = ctx();
    expect((await c.guest().get('/api/health')).json()).toMatchObject({ status: 'ok' });
    expect((await c.guest().get('/api/ready')).json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok' },
    });
    // A migration this build knows but the database has not recorded: not ready (503), until it is.
    const { rows } = await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration order by name desc limit 1`.execute(c.database.db);
    const last = rows[0]!;
    await sql`delete from kysely_migration where name = ${last.name}`.execute(c.database.db);
    try {
      const res = await c.guest().get('/api/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({
        code: 'not_ready',
        details: { checks: { database: 'ok', migrations: 'pending' } },
      });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(
        c.database.db,
      );
    }
    expect((await c.guest().get('/api/ready')).statusCode).toBe(200);
  });

  it('answers unknown API routes with 404 in the error shape', async () => {
    const c = ctx();
    const res = await c.guest().get('/api/does-not-exist?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'route_not_found', message: 'No route GET /api/does-not-exist' },
    });
  });

  it('serves Prometheus metrics', async () => {
    const c = ctx();
    await c.guest().get('/api/health');
    const res = await c.guest().get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('discuss_http_requests_total{method="GET",route="/api/health",status="200"}');
  });

  it('serves the OpenAPI document and its browsable reference', async () => {
    const c = ctx();
    const doc = (await c.guest().get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.0.3');
    expect((await c.guest().get('/api/docs/')).statusCode).toBe(200);
  });
});

for (const dialect of ['sqlite', 'postgres'] as const) {
  it.skipIf(dialect === 'postgres' && !PG_OK)(
    `migrations apply from empty and roll back completely [${dialect}]`,
    async () => {
      const database = await createTestDatabase(dialect);
      try {
        const roundTrip = async () => {
          const migrator = makeMigrator(database.db, database.schema);
          const names = Object.keys(migrations);
          const applied = await migrator.getMigrations();
          expect(applied.every((m) => m.executedAt)).toBe(true);
          for (let i = 0; i < names.length; i++) {
            const r = await migrator.migrateDown();
            expect(r.error).toBeUndefined();
          }
          const tables = (await database.db.introspection.getTables())
            .filter((t) => !database.schema || t.schema === database.schema)
            .map((t) => t.name);
          expect(tables.filter((t) => !t.startsWith('kysely_'))).toEqual([]);
          const again = await migrator.migrateToLatest();
          expect(again.error).toBeUndefined();
          expect(again.results?.map((r) => r.migrationName)).toEqual(names);
          await sql`select count(*) from users`.execute(database.db);
        };
        // The migrator reads every schema: other workers must not drop theirs meanwhile.
        await (dialect === 'postgres' ? withSchemaLock(roundTrip) : roundTrip());
      } finally {
        await database.dispose();
      }
    },
  );
}

it('keeps the committed OpenAPI document in step with the routes (run `npm run openapi` after changing them)', async () => {
  const committed = JSON.parse(readFileSync(path.join(root, 'docs/openapi.json'), 'utf8'));
  expect(await openApiDocument()).toEqual(committed);
});

it('documents every operation of the API table in OpenAPI', async () => {
  const doc = (await openApiDocument()) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  const operations = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
  // Every JSON operation comes from the API table; the event stream is the one non-JSON operation.
  expect(new Set(operations)).toEqual(new Set([...Object.keys(API), 'stream']));
});

it('serves the web app with a fallback to index.html for client-side routes, and 404 JSON under /api', async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'discuss-web-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>DISCUSS</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'app-123.js'), 'console.log(1)');
  const database = await createTestDatabase('sqlite');
  const config = loadConfig({ SESSION_SECRET: 'y'.repeat(40), DATA_DIR: dist }, { webDist: dist });
  const app = await buildApp(config, { database, logger: false });
  try {
    const page = await app.inject({ method: 'GET', url: '/settings/sessions' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await app.inject({ method: 'GET', url: '/assets/app-123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(errorCode(await app.inject({ method: 'GET', url: '/api/nope' }))).toBe('route_not_found');
    const missingAsset = await app.inject({ method: 'GET', url: '/assets/gone-456.js' });
    expect(missingAsset.statusCode).toBe(404);
    expect(errorCode(missingAsset)).toBe('route_not_found');
    expect(errorCode(await app.inject({ method: 'POST', url: '/somewhere' }))).toBe('route_not_found');
  } finally {
    await app.close();
    await database.dispose();
  }
});
