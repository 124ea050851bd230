import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER = 'apps/server/src/server.ts';

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function waitFor(cond: () => boolean | Promise<boolean>, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code)),
  );

describe('the server process', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('refuses to start on bad configuration with a clear message and exit code 1', async () => {
    const { child, output } = startServer({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'discuss-p-')),
    });
    children.push(child);
    expect(await exited(child)).toBe(1);
    expect(output()).toContain('Invalid configuration');
    expect(output()).toContain('PORT (got "eighty"): must be a number');
    expect(output()).toContain('DATABASE_URL (got "mysql://x")');
    expect(output()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('starts on SQLite, finishes in-flight work and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'discuss-p-'));
    const port = String(40000 + Math.floor(Math.random() * 20000));
    const { child, output } = startServer({ PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      try {
        return (await fetch(`${url}/api/ready`)).ok;
      } catch {
        return false;
      }
    }, 'the server to be ready');
    // A sign-up is in flight (argon2 hashing) when the signal arrives: it must still complete.
    const inflight = fetch(`${url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'late@example.org',
        password: 'marble kettle orbit lantern',
        displayName: 'Late Comer',
      }),
    });
    await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    expect((await inflight).status).toBe(202);
    expect(await exited(child)).toBe(0);
    expect(output()).toContain('shutting down');
    // Without SMTP the verification e-mail was written to DATA_DIR/outbox and its link logged.
    expect(output()).toContain('e-mail written to outbox folder');
  });

  it('creates an operator headlessly with `npm run admin -- create-operator`', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'discuss-p-'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/admin.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    const created = run('create-operator', '--email', 'Ops@Example.org', '--name', 'Ops Person');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Operator ops@example.org created.');
    expect(created.stdout).toMatch(/Password \(shown once\): \S{20,}/);
    const list = run('list-users');
    expect(list.stdout).toContain('ops@example.org\tOps Person\toperator');
    const bad = run('create-operator', '--email', 'not-an-email');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Invalid input');
  });
});
