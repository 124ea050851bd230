import { faker } from '@faker-js/faker';
import { SingleBar, Presets } from 'cli-progress';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { addMs, DAY, iso, type Clock } from '../platform/clock.ts';
import { hashPassword, newId } from '../platform/crypto.ts';

/** The one password every demo account shares: printed by `npm run demo`, never used in production. */
export const DEMO_PASSWORD = 'discuss-demo-2026';
export const DEMO_OPERATOR_EMAIL = 'operator@demo.discuss.test';

export interface SeedOptions {
  /** Ordinary members to create besides the named demo accounts. */
  members: number;
  /** Show a progress bar (for large volumes on a terminal). */
  progress?: boolean;
  /** Fixed seed so that every run builds the same platform. */
  seed?: number;
}

export interface SeedResult {
  operator: { email: string; password: string };
  members: { email: string; displayName: string; note: string }[];
  totalUsers: number;
}

const LOCALES = ['en', 'fr', 'de', 'es', null] as const;

/**
 * The one data generator behind the demo, the tests that need volume, and the benchmarks.
 * It writes straight to the database (one password hash shared by all generated accounts).
 * Later capabilities add their content here.
 */
export async function generate(db: Kysely<DB>, clock: Clock, opts: SeedOptions): Promise<SeedResult> {
  faker.seed(opts.seed ?? 2026);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  const bar = opts.progress
    ? new SingleBar({ format: 'members {bar} {value}/{total} {eta}s' }, Presets.shades_classic)
    : undefined;

  const named = [
    { email: DEMO_OPERATOR_EMAIL, name: 'Olga Operator', operator: true, note: 'operator' },
    { email: 'facilitator@demo.discuss.test', name: 'Fatima Haddad', operator: false, note: 'member' },
    { email: 'teacher@demo.discuss.test', name: 'Jonas Weber', operator: false, note: 'member' },
    { email: 'researcher@demo.discuss.test', name: 'Claire Dubois', operator: false, note: 'member' },
    {
      email: 'unverified@demo.discuss.test',
      name: 'Pablo Ortega',
      operator: false,
      note: 'e-mail not verified',
    },
    { email: 'suspended@demo.discuss.test', name: 'Sam Suspended', operator: false, note: 'suspended' },
  ];
  const existing = new Set(
    (
      await db
        .selectFrom('users')
        .select('email')
        .where(
          'email',
          'in',
          named.map((n) => n.email),
        )
        .execute()
    ).map((r) => r.email),
  );

  const rows = named
    .filter((n) => !existing.has(n.email))
    .map((n, i) => {
      const created = iso(addMs(now, -(400 - i) * DAY));
      return {
        id: newId(),
        email: n.email,
        password_hash: passwordHash,
        display_name: n.name,
        locale: null,
        email_verified_at: n.note === 'e-mail not verified' ? null : created,
        is_operator: n.operator ? 1 : 0,
        suspended_at: n.note === 'suspended' ? iso(addMs(now, -3 * DAY)) : null,
        suspended_reason: n.note === 'suspended' ? 'Repeated off-topic advertising' : null,
        created_at: created,
        updated_at: created,
        last_seen_at: created,
      };
    });
  if (rows.length) await db.insertInto('users').values(rows).execute();

  bar?.start(opts.members, 0);
  const batch = 200;
  const usedEmails = new Set<string>();
  for (let done = 0; done < opts.members; done += batch) {
    const chunk = [];
    for (let i = done; i < Math.min(done + batch, opts.members); i++) {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      let email = faker.internet
        .email({ firstName: first, lastName: last, provider: 'example.org' })
        .toLowerCase();
      while (usedEmails.has(email)) email = `${i}.${email}`;
      usedEmails.add(email);
      const created = faker.date.between({ from: addMs(now, -700 * DAY), to: addMs(now, -DAY) });
      chunk.push({
        id: newId(),
        email,
        password_hash: passwordHash,
        display_name: `${first} ${last}`,
        locale: faker.helpers.arrayElement(LOCALES),
        email_verified_at: iso(created),
        is_operator: 0,
        suspended_at: null,
        suspended_reason: null,
        created_at: iso(created),
        updated_at: iso(created),
        last_seen_at: iso(faker.date.between({ from: created, to: now })),
      });
    }
    const fresh = (
      await db
        .selectFrom('users')
        .select('email')
        .where(
          'email',
          'in',
          chunk.map((c) => c.email),
        )
        .execute()
    ).map((r) => r.email);
    const toInsert = chunk.filter((c) => !fresh.includes(c.email));
    if (toInsert.length) await db.insertInto('users').values(toInsert).execute();
    bar?.update(Math.min(done + batch, opts.members));
  }
  bar?.stop();

  const { total } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return {
    operator: { email: DEMO_OPERATOR_EMAIL, password: DEMO_PASSWORD },
    members: named
      .filter((n) => !n.operator)
      .map((n) => ({ email: n.email, displayName: n.name, note: n.note })),
    totalUsers: Number(total),
  };
}
