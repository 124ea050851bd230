import { parseArgs } from 'node:util';
import { generate } from '../seed/generate.ts';
import { cliServices } from './context.ts';

// `npm run seed -- --members N`: fills the configured database with realistic demo data (idempotent).
const { values } = parseArgs({
  options: { members: { type: 'string', default: '60' }, quiet: { type: 'boolean' } },
});
const members = Number(values.members);
if (!Number.isInteger(members) || members < 0) {
  console.error('--members must be a whole number');
  process.exit(1);
}
const services = await cliServices();
try {
  const result = await generate(services.database.db, services.clock, {
    members,
    progress: members >= 500 && process.stdout.isTTY,
  });
  if (!values.quiet) {
    console.log(`\nDemo data ready: ${result.totalUsers} accounts.`);
    console.log(`  Operator:  ${result.operator.email}  /  ${result.operator.password}`);
    for (const m of result.members)
      console.log(`  ${m.note.padEnd(30)} ${m.email}  /  ${result.operator.password}`);
    console.log('');
  }
} finally {
  await services.close();
}
