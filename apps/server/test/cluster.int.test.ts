import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresReachable, TEST_PG_URL } from './dialects.ts';
import { redisReachable, TEST_REDIS_URL } from './redis.ts';
import { openStream } from './sse.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const READY = (await postgresReachable()) && (await redisReachable());

/** Two real server processes on different ports sharing one PostgreSQL database and Redis. */
describe.skipIf(!READY)('two instances behind one PostgreSQL and Redis', () => {
  const dbName = `discuss_cluster_${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  const procs: ChildProcess[] = [];
  const urls: string[] = [];
  const admin = () => new pg.Client({ connectionString: TEST_PG_URL });

  async function start(port: number): Promise<string> {
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: TEST_PG_URL.replace(/\/[^/]*$/, `/${dbName}`),
        REDIS_URL: TEST_REDIS_URL,
        SESSION_SECRET: secret,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'discuss-cluster-')),
        PUBLIC_URL: url,
        LOG_LEVEL: 'warn',
        WEB_DIST: '/nonexistent',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    procs.push(child);
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${url}/api/ready`)).ok) return url;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`instance on ${port} did not become ready`);
  }

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`create database ${dbName}`);
    await c.end();
    const base = 41000 + Math.floor(Math.random() * 9000);
    // Started together: migrations and first-run defaults must survive the race.
    urls.push(...(await Promise.all([start(base), start(base + 1)])));
  });

  afterAll(async () => {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null) return resolve();
            p.once('exit', () => resolve());
            p.kill('SIGTERM');
          }),
      ),
    );
    const c = admin();
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  });

  it('an event raised on one instance reaches a stream connected to the other; outsiders get nothing', async () => {
    const [a, b] = urls as [string, string];
    const json = { 'content-type': 'application/json' };
    const setup = await fetch(`${a}/api/setup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        email: 'ops@example.org',
        password: 'marble kettle orbit lantern',
        displayName: 'Ops',
      }),
    });
    expect(setup.status).toBe(201);
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const write = (base: string, url: string, body: unknown) =>
      fetch(`${base}${url}`, {
        method: 'POST',
        headers: { ...json, cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });

    const cop = await write(a, '/api/communities', {
      slug: 'cluster-lab',
      name: 'Cluster lab',
      shortDescription: 'Two instances',
      visibility: 'members',
    });
    expect(cop.status).toBe(201);
    const topic = (await (
      await write(a, '/api/communities/cluster-lab/topics', { title: 'Across instances', body: 'Start' })
    ).json()) as { id: string };

    const onB = await openStream(`${b}/api/stream?topic=${topic.id}`, cookie);
    expect(onB.status).toBe(200);
    expect((await openStream(`${b}/api/stream?topic=${topic.id}`)).status).toBe(404);
    const reply = (await (
      await write(a, `/api/topics/${topic.id}/posts`, { body: 'Posted on A' })
    ).json()) as { id: string };
    const e = await onB.next((x) => x.event === 'post.created');
    expect(e.data.postId).toBe(reply.id);
    onB.close();

    // Signing out on A ends the session on B with the very next request: no instance keeps it.
    expect((await fetch(`${b}/api/me`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${a}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${b}/api/me`, { headers: { cookie } })).status).toBe(401);
  });
});
