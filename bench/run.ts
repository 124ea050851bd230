import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../apps/server/src/seed/generate.ts';
import { measureBundle, type BundleReport } from './lib/bundle.ts';
import { buildData, childEnv, readPlan } from './lib/data.ts';
import {
  cpuMsOf,
  logTo,
  machineTicks,
  stealPct,
  runToEnd,
  sampleMemory,
  start,
  stop,
  stopAll,
} from './lib/processes.ts';
import { HOST, runScenario, scenarios, signIn, type ScenarioResult } from './lib/scenarios.ts';
import { printReport, TARGETS } from './lib/report.ts';
import { hasWrk, runScenarioWrk } from './lib/wrk.ts';

// `npm run bench`: generated data → production server on 127.0.0.1 → autocannon scenarios → a table and
// bench/results/<date>-<sha>.json. Every option is a flag or a BENCH_* variable; see bench/README.md.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = (name: string, fallback: string) => process.env[`BENCH_${name}`] ?? fallback;
const { values } = parseArgs({
  options: {
    members: { type: 'string', default: env('MEMBERS', '1000') },
    communities: { type: 'string', default: env('COMMUNITIES', '5') },
    topics: { type: 'string', default: env('TOPICS', '10000') },
    replies: { type: 'string', default: env('REPLIES', '100000') },
    duration: { type: 'string', default: env('DURATION', '15') },
    warmup: { type: 'string', default: env('WARMUP', '3') },
    connections: { type: 'string', default: env('CONNECTIONS', '50') },
    sessions: { type: 'string', default: env('SESSIONS', '1000') },
    scenarios: { type: 'string', default: env('SCENARIOS', '') },
    'data-cache': { type: 'string', default: env('DATA_CACHE', '') },
    'web-dist': { type: 'string', default: env('WEB_DIST', '') },
    'server-root': { type: 'string', default: env('SERVER_ROOT', '') },
    label: { type: 'string', default: env('LABEL', '') },
    profile: { type: 'string', default: env('PROFILE', '') },
    tool: { type: 'string', default: env('TOOL', 'auto') },
    'log-level': { type: 'string', default: env('LOG_LEVEL', 'warn') },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(readFileSync(path.join(root, 'bench/README.md'), 'utf8').split('\n## ')[1]);
  process.exit(0);
}
const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
  return n;
};
const size = {
  members: num('members'),
  communities: num('communities'),
  topics: num('topics'),
  replies: num('replies'),
};
if (!['auto', 'wrk', 'autocannon'].includes(values.tool))
  throw new Error('--tool must be wrk, autocannon or auto');
/** The load tool: wrk where it is installed (it leaves the server more of this two-core machine). */
const tool = values.tool === 'auto' ? (hasWrk() ? 'wrk' : 'autocannon') : values.tool;
if (tool === 'wrk' && !hasWrk()) throw new Error('wrk is not installed (Debian: apt-get install wrk)');
const run = {
  duration: num('duration'),
  warmup: num('warmup'),
  connections: num('connections'),
};

/** A free port on loopback. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(port: number, exited: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exited()) throw new Error('the server exited during start-up');
    try {
      if ((await fetch(`http://${HOST}:${port}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('the server did not become ready in time');
}

/** How to start the server of a checkout: its compiled build, or the sources through tsx. */
async function serverEntry(serverRoot: string): Promise<string[]> {
  const script = path.join(serverRoot, 'scripts/build-server.mjs');
  if (!existsSync(script)) return ['--import', 'tsx', 'apps/server/src/server.ts'];
  const { buildServer, NODE_FLAGS = [] } = (await import(pathToFileURL(script).href)) as {
    buildServer: () => Promise<string>;
    NODE_FLAGS?: string[];
  };
  return [...NODE_FLAGS, await buildServer()];
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'discuss-bench-'));
function cleanUp() {
  if (values.keep) console.log(`Data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  let server: ReturnType<typeof start> | undefined;
  try {
    // 1. Data, with the one generator.
    console.log(
      `Data: ${size.members} members, ${size.communities} communities, ${size.topics} topics, ${size.replies} replies (SQLite in ${dataDir})`,
    );
    const seed = await buildData(root, dataDir, size, values['data-cache'] || undefined);
    console.log(
      seed.cached ? 'Data copied from the cache.' : `Data generated in ${seed.seconds.toFixed(1)} s.`,
    );
    const plan = readPlan(dataDir);

    // 2. The web app, built for production every time (a few seconds): apps/web/dist may hold another
    // kind of build (the browser journeys build it under NODE_ENV=test, React's development build).
    const webDist = values['web-dist'] ? path.resolve(values['web-dist']) : path.join(root, 'apps/web/dist');
    if (values['web-dist']) {
      if (!existsSync(path.join(webDist, 'index.html'))) throw new Error(`no index.html in ${webDist}`);
    } else {
      console.log('Building the web app…');
      await runToEnd('npm', ['run', '-s', 'build'], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
    const bundle: BundleReport = measureBundle(webDist);

    // 3. The server: a separate production process on loopback.
    const port = await freePort();
    const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
    // Another checkout's server may be measured on the same data (A/B comparisons).
    const serverRoot = values['server-root'] ? path.resolve(values['server-root']) : root;
    // As `npm start` runs it: compiled JavaScript, where the checkout can build it (older ones run on tsx).
    const entry = await serverEntry(serverRoot);
    server = start(process.execPath, [...profile, ...entry], {
      cwd: serverRoot,
      env: childEnv({
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST,
        TRUST_PROXY: 'true',
        WEB_DIST: webDist,
        LOG_LEVEL: values['log-level'],
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const serverLog = path.join(dataDir, 'server.log');
    logTo(server, serverLog);
    const proc = server;
    await waitReady(port, () => proc.exitCode !== null);
    const memory = sampleMemory(server.pid!);
    console.log(`Server (PID ${server.pid}) ready on http://${HOST}:${port}`);

    const loadBefore = os.loadavg();
    const sessions = await signIn(port, plan, DEMO_PASSWORD, num('sessions'));
    const signInRssMb = Math.round(memory.window());
    console.log(`Signed in ${sessions.length} members.`);

    // 4. The scenarios, one after the other.
    const wanted = values.scenarios ? values.scenarios.split(',').map((s) => s.trim()) : undefined;
    const list = scenarios(plan, sessions).filter((s) => (wanted ? wanted.includes(s.name) : !s.optional));
    const results: ScenarioResult[] = [];
    for (const s of list) {
      process.stdout.write(`Running ${s.name} (${run.duration} s)… `);
      let cpuBefore = 0;
      let loadCpuBefore = 0;
      let ticksBefore = machineTicks();
      const pid = server.pid!;
      const onStart = () => {
        cpuBefore = cpuMsOf(pid);
        loadCpuBefore = cpuMsOf(process.pid);
        ticksBefore = machineTicks();
        memory.window();
      };
      const r =
        tool === 'wrk'
          ? await runScenarioWrk(port, s, run, path.join(dataDir, `${s.name}.requests`), onStart)
          : await runScenario(port, s, run, onStart);
      const perRequest = (ms: number) => Number((ms / Math.max(1, r.requests)).toFixed(3));
      r.stealPct = stealPct(ticksBefore, machineTicks());
      r.cpuMsPerRequest = perRequest(cpuMsOf(pid) - cpuBefore);
      // wrk reports its own CPU; autocannon runs in this process.
      r.loadCpuMsPerRequest ??= perRequest(cpuMsOf(process.pid) - loadCpuBefore);
      r.peakRssMb = Math.round(memory.window());
      results.push(r);
      console.log(`${r.rps} req/s`);
    }
    const peakRssMb = Math.round(memory.peak());
    const loadPeakRssMb = Math.max(0, ...results.map((r) => r.peakRssMb ?? 0));
    memory.stop();

    const sha = git(['rev-parse', '--short', 'HEAD']);
    const report = {
      date: new Date().toISOString(),
      git: { sha, dirty: git(['status', '--porcelain']).length > 0 },
      label: values.label || undefined,
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memMb: Math.round(os.totalmem() / 2 ** 20),
        // Other work on the machine skews req/s (CPU ms per request much less): keep it in the record.
        loadAverage: {
          before: loadBefore.map((n) => Number(n.toFixed(2))),
          after: os.loadavg().map((n) => Number(n.toFixed(2))),
        },
      },
      node: process.version,
      database: 'sqlite (WAL, synchronous=FULL)',
      size,
      data: plan.counts,
      seedSeconds: seed.cached ? null : seed.seconds,
      run: {
        ...run,
        tool,
        sessions: sessions.length,
        logLevel: values['log-level'],
        serverRoot: values['server-root'] || undefined,
      },
      scenarios: results,
      server: { peakRssMb, loadPeakRssMb, signInRssMb },
      bundle,
      targets: TARGETS,
    };
    printReport(report);
    const dir = path.join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(
      dir,
      `${report.date.slice(0, 10)}-${sha}${values.label ? `-${values.label.replace(/[^\w.-]/g, '_')}` : ''}.json`,
    );
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nResults written to ${path.relative(root, file)}`);
  } catch (err) {
    const log = path.join(dataDir, 'server.log');
    if (existsSync(log))
      console.error(
        `\nServer log (last lines):\n${readFileSync(log, 'utf8').split('\n').slice(-20).join('\n')}`,
      );
    throw err;
  } finally {
    if (server) await stop(server);
    await stopAll();
    cleanUp();
  }
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping what the benchmark started…`);
    void stopAll().finally(() => {
      cleanUp();
      process.exit(130);
    });
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
