#!/usr/bin/env node
// `npm start`: builds the web app if it is missing and the server, then runs it (SQLite in ./data by default).
// `npm run demo`: the same on ./data/demo, filled with demo data first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS, buildServer } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');
const env = { ...process.env };
if (demo && !env.DATA_DIR && !env.DATABASE_URL) env.DATA_DIR = path.join(root, 'data', 'demo');
if (!env.NODE_ENV) env.NODE_ENV = 'production';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
  console.log('Building the web app (first start only)…');
  run('npm', ['run', '-s', 'build']);
}
const tsx = ['--import', 'tsx'];
if (demo)
  run(process.execPath, [...tsx, 'apps/server/src/cli/seed.ts', '--members', env.DEMO_MEMBERS ?? '60']);

// The server runs as compiled JavaScript (no TypeScript loader in the process: less memory). It is built
// anew at every start, so it is never older than the sources.
const entry = await buildServer();

// One process: signals reach the server directly and it shuts down gracefully.
const server = spawn(process.execPath, [...NODE_FLAGS, entry], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
