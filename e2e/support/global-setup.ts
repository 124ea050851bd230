import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the web app once before the journeys (they run against the production build). */
export default function setup(): void {
  if (!chromiumPath()) return; // the suites will skip (or fail in CI) with their own message
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app for the browser journeys failed');
}
