import { parseArgs } from 'node:util';
import { generate } from '../seed/generate.ts';
import { cliServices } from './context.ts';

// `npm run seed -- --members N [--topics N] [--replies N] [--communities N]`: fills the configured
// database with realistic demo data (idempotent: a second run adds nothing).
const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '60' },
    topics: { type: 'string' },
    replies: { type: 'string' },
    communities: { type: 'string' },
    seed: { type: 'string' },
    quiet: { type: 'boolean' },
  },
});

function count(name: keyof typeof values, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number`);
    process.exit(1);
  }
  return n;
}
const members = count('members', values.members)!;
const topics = count('topics', values.topics);
const replies = count('replies', values.replies);
const communities = count('communities', values.communities);
const seed = count('seed', values.seed);

const services = await cliServices();
try {
  const started = Date.now();
  const result = await generate(services.database.db, services.clock, {
    members,
    progress: (members >= 500 || (topics ?? 0) >= 1000) && process.stdout.isTTY,
    ...(topics === undefined ? {} : { topics }),
    ...(replies === undefined ? {} : { replies }),
    ...(communities === undefined ? {} : { communities }),
    ...(seed === undefined ? {} : { seed }),
  });
  if (!values.quiet) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nDemo data ready in ${secs} s: ${result.totalUsers} accounts, ${result.totalTopics} topics, ${result.totalPosts} posts.`,
    );
    console.log(`  Operator:  ${result.operator.email}  /  ${result.operator.password}`);
    for (const m of result.members)
      console.log(`  ${m.note.padEnd(30)} ${m.email}  /  ${result.operator.password}`);
    console.log('');
  }
} finally {
  await services.close();
}
