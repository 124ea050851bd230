import { parseArgs } from 'node:util';
import { SetupBodySchema } from '@discuss/contracts';
import { randomToken } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';
import { SYSTEM } from '../platform/policy.ts';
import { cliServices } from './context.ts';

const HELP = `Usage: npm run admin -- <command> [options]

Commands:
  create-operator --email E [--name N] [--password P]
      Creates an operator account (or makes an existing account an operator).
      Without --password a strong one is generated and printed once.
  list-users [--status all|active|suspended|unverified] [--q TEXT]
  suspend --email E --reason TEXT      Suspends an account and ends its sessions and tokens.
  reinstate --email E                  Lifts a suspension.
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    reason: { type: 'string' },
    status: { type: 'string', default: 'all' },
    q: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const command = positionals[0];
if (!command || values.help) {
  console.log(HELP);
  process.exit(command ? 0 : 1);
}

const services = await cliServices();
try {
  const findId = async (email: string | undefined) => {
    if (!email) throw new Error('--email is required');
    const page = await services.admin.listUsers(SYSTEM, {
      q: email.toLowerCase(),
      status: 'all',
      limit: 100,
    });
    const user = page.items.find((u) => u.email === email.toLowerCase());
    if (!user) throw new Error(`No account with the e-mail address ${email}`);
    return user.id;
  };
  switch (command) {
    case 'create-operator': {
      const generated = values.password ? undefined : `${randomToken(12)}-${randomToken(6)}`;
      const input = SetupBodySchema.parse({
        email: values.email,
        displayName: values.name ?? 'Platform operator',
        password: values.password ?? generated,
      });
      const { created } = await services.admin.createOperator(input);
      console.log(created ? `Operator ${input.email} created.` : `${input.email} is now an operator.`);
      if (created && generated) console.log(`Password (shown once): ${generated}`);
      break;
    }
    case 'list-users': {
      const page = await services.admin.listUsers(SYSTEM, {
        status: values.status as 'all',
        q: values.q,
        limit: 100,
      });
      for (const u of page.items) {
        console.log(
          [
            u.email,
            u.displayName,
            u.isOperator ? 'operator' : '',
            u.suspendedAt ? 'suspended' : '',
            u.emailVerified ? '' : 'unverified',
          ]
            .filter(Boolean)
            .join('\t'),
        );
      }
      console.log(`${page.total} user(s)`);
      break;
    }
    case 'suspend': {
      if (!values.reason) throw new Error('--reason is required');
      await services.admin.suspend(SYSTEM, await findId(values.email), values.reason);
      console.log(`Suspended ${values.email}.`);
      break;
    }
    case 'reinstate': {
      await services.admin.reinstate(SYSTEM, await findId(values.email));
      console.log(`Reinstated ${values.email}.`);
      break;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      process.exitCode = 1;
  }
} catch (err) {
  if (err instanceof AppError) console.error(`${err.code}: ${err.message}`);
  else if (err instanceof Error && err.name === 'ZodError') console.error(`Invalid input: ${err.message}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await services.close();
}
