import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { buildApp } from './src/app.ts';
import { loadConfig } from './src/config/config.ts';
import type { DB } from './src/db/schema.ts';
import { openDatabase } from './src/db/database.ts';
const sqlite = new SQLite('/tmp/qdata/discuss.sqlite');
sqlite.pragma('journal_mode = WAL'); sqlite.pragma('synchronous = FULL'); sqlite.pragma('foreign_keys = ON');
if (process.env.QCACHE) { const cache = new Map<string, any>(); const prep = sqlite.prepare.bind(sqlite); (sqlite as any).prepare = (src: string) => { let st = cache.get(src); if (st && !st.busy) return st; st = prep(src); cache.set(src, st); return st; }; }
const stats = new Map<string, { n: number; ms: number }>();
let on = false;
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => { if (!on) return; const k = e.query.sql.slice(0, 140); const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += e.queryDurationMillis; stats.set(k, s); } });
const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/qdata', LOG_LEVEL: 'warn', TRUST_PROXY: 'true' }, { webDist: '/nonexistent' });
const opened = process.env.QOPEN ? openDatabase({ sqlitePath: '/tmp/qdata/discuss.sqlite' }) : { db, dialect: 'sqlite' as const, close: async () => {} };
const app = await buildApp(config, { database: opened, logger: false });
await app.ready();
const users = sqlite.prepare("select u.email, c.slug from community_members m join users u on u.id=m.user_id join communities c on c.id=m.community_id where m.status='active' and u.email_verified_at is not null and u.suspended_at is null limit 20").all() as {email:string; slug:string}[];
const u = users[5]!;
const si = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: u.email, password: 'discuss-demo-2026' } });
const cookie = si.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const topics = sqlite.prepare("select t.id from topics t join communities c on c.id=t.community_id where c.slug=? and t.group_id is null").all(u.slug) as {id:string}[];
const N = Number(process.argv[2] ?? 200);
const mode = process.argv[3] ?? 'list';
on = true;
if (process.env.QSIZE) {
  const { brotliCompressSync, gzipSync, constants } = await import('node:zlib');
  const a = await app.inject({ method: 'GET', url: `/api/communities/${u.slug}/topics`, headers: { cookie } });
  const b = await app.inject({ method: 'GET', url: `/api/topics/${topics[0]!.id}/posts`, headers: { cookie } });
  for (const [name, body] of [['list', a.rawPayload], ['posts', b.rawPayload]] as const) {
    const time = (f: () => Buffer) => { f(); const t = performance.now(); let n = 0; for (let i = 0; i < 200; i++) n = f().length; return `${((performance.now() - t) / 200).toFixed(3)} ms -> ${n} B`; };
    console.log(name, body.length, 'B raw');
    console.log('  br q4', time(() => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })));
    console.log('  br q1', time(() => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })));
    console.log('  gzip6', time(() => gzipSync(body)));
    console.log('  gzip1', time(() => gzipSync(body, { level: 1 })));
  }
  process.exit(0);
}
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 0; i < N; i++) {
  if (mode === 'list') await app.inject({ method: 'GET', url: `/api/communities/${u.slug}/topics`, headers: { cookie } });
  else { const id = topics[Math.floor(Math.random()*topics.length)]!.id; await app.inject({ method: 'GET', url: `/api/topics/${id}`, headers: { cookie } }); await app.inject({ method: 'GET', url: `/api/topics/${id}/posts`, headers: { cookie } }); }
}
const total = performance.now() - t0;
const cu = process.cpuUsage(c0); console.log(`${mode}: ${(total / N).toFixed(2)} ms wall, ${((cu.user + cu.system) / 1000 / N).toFixed(2)} ms cpu per iteration`);
let q = 0;
for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) { q += s.ms; console.log(`${(s.ms / N).toFixed(3).padStart(7)} ms/it  x${(s.n / N).toFixed(1)}  ${k}`); }
console.log(`queries: ${(q / N).toFixed(2)} ms/it`);
await app.close();
