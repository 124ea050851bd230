import { execFile } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import { BROWSER, HOST, type Scenario, type ScenarioResult } from './scenarios.ts';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wrk.lua');
/** wrk runs one thread: it drives tens of thousands of requests per second and leaves the server the rest. */
const THREADS = 1;
/** Requests written out per scenario; wrk goes round them again if a run sends more. */
const REQUESTS_PER_FILE = 60_000;

/** Whether wrk is on the PATH (Debian: `apt-get install wrk`). */
export function hasWrk(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, 'wrk'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** One request as raw HTTP/1.1, as wrk sends it. */
function raw(req: autocannon.RequestData, port: number): string {
  const body = req.body === undefined ? '' : String(req.body);
  const headers: Record<string, string> = { host: `${HOST}:${port}`, ...req.headers };
  if (body) headers['content-length'] = String(Buffer.byteLength(body));
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `${req.method ?? 'GET'} ${req.path ?? '/'} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Writes the scenario's requests for wrk: its request sequences (a topic, then that topic's posts for the
 * same member) one after the other, built by the same functions autocannon calls, so both tools send the
 * same mix. Connections take the next request in turn, so the two requests of a sequence may travel on
 * different connections; the load is the same.
 */
export function writeRequests(s: Scenario, port: number, file: string): void {
  const out: string[] = [];
  while (out.length < REQUESTS_PER_FILE) {
    const ctx: Record<string, unknown> = {};
    for (const { setupRequest, onResponse: _, ...fixed } of s.requests) {
      const base: autocannon.RequestData = {
        method: 'GET',
        ...fixed,
        headers: { ...BROWSER, ...fixed.headers },
      };
      const req = setupRequest ? setupRequest(base, ctx) : base;
      if (!req) break;
      out.push(raw(req, port));
    }
    // A scenario of one fixed request needs no more than one copy.
    if (s.requests.every((r) => !r.setupRequest)) break;
  }
  writeFileSync(file, out.join('\0'));
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  statuses: Record<string, number>;
}

/** Runs wrk once (under bash's `time`, which reports the CPU it used). */
function wrkOnce(port: number, file: string, seconds: number, connections: number) {
  const args = [
    '-c',
    'TIMEFORMAT="WRK_CPU %U %S"; time wrk "$@"',
    'bench-wrk',
    `--threads=${THREADS}`,
    `--connections=${connections}`,
    `--duration=${seconds}s`,
    '--timeout=10s',
    `--script=${SCRIPT}`,
    `http://${HOST}:${port}`,
    '--',
    file,
    String(THREADS),
  ];
  return new Promise<{ summary: WrkSummary; cpuMs: number }>((resolve, reject) => {
    execFile('bash', args, { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      const line = stdout.split('\n').find((l) => l.startsWith('WRK_RESULT '));
      const cpu = /WRK_CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      if (err || !line || !cpu) {
        reject(new Error(`wrk failed: ${err?.message ?? ''}\n${stdout}\n${stderr}`));
        return;
      }
      resolve({
        summary: JSON.parse(line.slice('WRK_RESULT '.length)) as WrkSummary,
        cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000,
      });
    });
  });
}

/** Runs one scenario with wrk over loopback (after a warm-up) and condenses the result. */
export async function runScenarioWrk(
  port: number,
  s: Scenario,
  opts: { duration: number; connections: number; warmup: number },
  file: string,
  /** Called when the measured part starts (after the warm-up). */
  onStart: () => void = () => undefined,
): Promise<ScenarioResult> {
  writeRequests(s, port, file);
  if (opts.warmup > 0 && !s.noWarmup) await wrkOnce(port, file, opts.warmup, opts.connections);
  onStart();
  const { summary: w, cpuMs } = await wrkOnce(port, file, opts.duration, opts.connections);
  const seconds = w.durationUs / 1e6;
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    name: s.name,
    description: s.description,
    duration: Number(seconds.toFixed(2)),
    requests: w.requests,
    rps: Math.round(w.requests / seconds),
    p50: ms(w.p50Us),
    p99: ms(w.p99Us),
    max: ms(w.maxUs),
    errors: w.connect + w.read + w.write,
    timeouts: w.timeout,
    non2xx: Object.entries(w.statuses)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((n, [, count]) => n + count, 0),
    statusCodes: w.statuses,
    loadCpuMsPerRequest: Number((cpuMs / Math.max(1, w.requests)).toFixed(3)),
  };
}
