import type { BundleReport } from './bundle.ts';
import type { ScenarioResult } from './scenarios.ts';

/** The targets on a 2-core machine with the default data (bench/README.md). */
export const TARGETS: {
  scenarios: Record<string, { rps: number; p99?: number }>;
  peakRssMb: number;
  bundleGzipKb: number;
} = {
  scenarios: {
    'topic-list': { rps: 3000, p99: 50 },
    'topic-list-guest': { rps: 3000, p99: 50 },
    'topic-page': { rps: 2000, p99: 50 },
    'topic-page-guest': { rps: 2000, p99: 50 },
    reply: { rps: 500 },
  },
  peakRssMb: 300,
  bundleGzipKb: 160,
};

interface Report {
  scenarios: ScenarioResult[];
  server: { peakRssMb: number; loadPeakRssMb: number; signInRssMb: number };
  bundle: BundleReport;
  machine: { loadAverage: { before: number[]; after: number[] } };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

function verdict(r: ScenarioResult): string {
  const t = TARGETS.scenarios[r.name];
  const problems: string[] = [];
  if (t?.rps !== undefined && r.rps < t.rps) problems.push(`< ${t.rps} req/s`);
  if (t?.p99 !== undefined && r.p99 > t.p99) problems.push(`p99 > ${t.p99} ms`);
  if (r.errors + r.timeouts + r.non2xx > 0) problems.push('errors');
  if (!t) return problems.length ? `check: ${problems.join(', ')}` : '';
  return problems.length ? `MISSED: ${problems.join(', ')}` : 'ok';
}

/** Prints the results as a table, with the targets. */
export function printReport(report: Report): void {
  console.log('');
  console.log(
    `${'scenario'.padEnd(18)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('errors', 8)}${pad('non-2xx', 9)}${pad('RSS MB', 8)}${pad('CPU ms', 8)}${pad('load ms', 9)}${pad('steal %', 9)}  target`,
  );
  for (const r of report.scenarios) {
    console.log(
      `${r.name.padEnd(18)}${pad(r.rps, 8)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.max, 9)}${pad(r.errors + r.timeouts, 8)}${pad(r.non2xx, 9)}${pad(r.peakRssMb ?? '', 8)}${pad(r.cpuMsPerRequest ?? '', 8)}${pad(r.loadCpuMsPerRequest ?? '', 9)}${pad(r.stealPct ?? '', 9)}  ${verdict(r)}`,
    );
    const odd = Object.entries(r.statusCodes).filter(([code]) => !code.startsWith('2'));
    if (odd.length)
      console.log(`${''.padEnd(18)}status codes: ${odd.map(([c, n]) => `${c}×${n}`).join(', ')}`);
  }
  const { peakRssMb: mem, loadPeakRssMb, signInRssMb } = report.server;
  const memOk = mem <= TARGETS.peakRssMb ? 'ok' : `MISSED: > ${TARGETS.peakRssMb} MB`;
  console.log(`\nServer peak memory: ${mem} MB over the whole run (VmHWM)  ${memOk}`);
  console.log(`  highest RSS under load ${loadPeakRssMb} MB; while signing members in ${signInRssMb} MB`);
  const { before, after } = report.machine.loadAverage;
  console.log(
    `Machine load average (1 min): ${before[0]} before, ${after[0]} after (other work skews req/s)`,
  );
  const b = report.bundle;
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `JS + CSS for ${b.route}: ${kb(b.totalGzip)} KB gzipped (JS ${kb(b.js.gzip)} KB, CSS ${kb(b.css.gzip)} KB; ` +
      `${b.files.length} files, ${kb(b.js.bytes + b.css.bytes)} KB raw)  ${b.totalGzip / 1024 <= TARGETS.bundleGzipKb ? 'ok' : `MISSED: > ${TARGETS.bundleGzipKb} KB`}`,
  );
  console.log(`  ${b.note}`);
  if (b.developmentBuild)
    console.log(
      '  WARNING: apps/web/dist is a development build (React development mode, e.g. built under Vitest with\n' +
        '  NODE_ENV=test). Rebuild with `NODE_ENV=production npm run build` for representative sizes.',
    );
}
