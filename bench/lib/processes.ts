import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every child this run started, by PID: stopped on success, failure and Ctrl-C alike. */
const children = new Map<number, ChildProcess>();

function forget(child: ChildProcess) {
  if (child.pid !== undefined) children.delete(child.pid);
}

/** Starts a child process and remembers its PID. */
export function start(cmd: string, args: string[], opts: SpawnOptions): ChildProcess {
  const child = spawn(cmd, args, opts);
  if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
  children.set(child.pid, child);
  child.once('exit', () => forget(child));
  return child;
}

/** Runs a command to completion (inheriting the terminal); throws on a non-zero exit. */
export async function runToEnd(cmd: string, args: string[], opts: SpawnOptions): Promise<void> {
  const child = start(cmd, args, { stdio: 'inherit', ...opts });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
}

/** Stops one child by its PID: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return forget(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timer])) === 'timeout' && child.exitCode === null) {
    process.kill(child.pid, 'SIGKILL');
    await exited;
  }
  forget(child);
}

/** Stops every child still running (used by the error and signal paths). */
export async function stopAll(): Promise<void> {
  await Promise.all([...children.values()].map((c) => stop(c, 5_000).catch(() => undefined)));
}

// Last resort when the process exits abruptly: no child outlives the benchmark.
process.on('exit', () => {
  for (const pid of children.keys()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Pipes a child's output to a log file. */
export function logTo(child: ChildProcess, file: string): void {
  const out = createWriteStream(file, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
}

/** Resident memory of a process from /proc: current (VmRSS) and the kernel's high-water mark (VmHWM), in MB. */
export function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU time a process has used so far (user + system, all threads), in milliseconds. */
export function cpuMsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** The machine's CPU time so far, in clock ticks: all of it, and what the hypervisor took (steal). */
export function machineTicks(): { total: number; steal: number } {
  try {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (guest time is inside user).
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: v.reduce((a, b) => a + b, 0), steal: v[7] ?? 0 };
  } catch {
    return { total: 0, steal: 0 };
  }
}

/** Share of the machine's CPU time the hypervisor took between two readings, in per cent. */
export const stealPct = (a: ReturnType<typeof machineTicks>, b: ReturnType<typeof machineTicks>) =>
  b.total > a.total ? Math.round((1000 * (b.steal - a.steal)) / (b.total - a.total)) / 10 : 0;

/** Samples a process's memory every `everyMs`; `peak()` is the highest RSS seen (or VmHWM, if higher). */
export function sampleMemory(pid: number, everyMs = 200) {
  let peak = 0;
  let windowPeak = 0;
  const take = () => {
    const m = memoryOf(pid);
    if (!m) return;
    peak = Math.max(peak, m.rss, m.hwm);
    windowPeak = Math.max(windowPeak, m.rss);
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    peak: () => (take(), peak),
    /** Highest RSS since the last call (per scenario). */
    window: () => {
      take();
      const w = windowPeak;
      windowPeak = memoryOf(pid)?.rss ?? 0;
      return w;
    },
    stop: () => clearInterval(timer),
  };
}
