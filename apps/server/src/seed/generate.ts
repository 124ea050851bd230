import { faker } from '@faker-js/faker';
import { SingleBar, Presets } from 'cli-progress';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { addMs, DAY, iso, type Clock } from '../platform/clock.ts';
import { hashPassword, newId } from '../platform/crypto.ts';
import { renderMarkdown } from '../platform/markdown.ts';
import { seedDiscussions } from './discussions.ts';

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
  /** Discussion topics in all, spread over the communities; default 15–40 per community. */
  topics?: number;
  /** Replies in all, spread over the topics; default 0–30 per topic. */
  replies?: number;
  /** How many demo communities (in a fixed order, the five defaults first) get discussions; default all. */
  communities?: number;
}

export interface SeedResult {
  operator: { email: string; password: string };
  members: { email: string; displayName: string; note: string }[];
  totalUsers: number;
  /** Topics and posts on the platform after the run. */
  totalTopics: number;
  totalPosts: number;
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
    {
      email: 'facilitator@demo.discuss.test',
      name: 'Fatima Haddad',
      operator: false,
      note: 'facilitator of Adult Learning',
    },
    {
      email: 'moderator@demo.discuss.test',
      name: 'Marek Nowak',
      operator: false,
      note: 'moderator of Adult Learning',
    },
    {
      email: 'teacher@demo.discuss.test',
      name: 'Jonas Weber',
      operator: false,
      note: 'member of several CoPs',
    },
    { email: 'researcher@demo.discuss.test', name: 'Claire Dubois', operator: false, note: 'invited expert' },
    { email: 'newcomer@demo.discuss.test', name: 'Aino Virtanen', operator: false, note: 'request pending' },
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

  await seedCommunities(db, clock);
  await seedDiscussions(db, clock, Object.keys(COMMUNITY_SETUP), {
    topics: opts.topics,
    replies: opts.replies,
    communities: opts.communities,
    progress: opts.progress,
    seed: opts.seed ?? 2026,
  });

  const count = async (table: 'users' | 'topics' | 'posts') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    operator: { email: DEMO_OPERATOR_EMAIL, password: DEMO_PASSWORD },
    members: named
      .filter((n) => !n.operator)
      .map((n) => ({ email: n.email, displayName: n.name, note: n.note })),
    totalUsers: await count('users'),
    totalTopics: await count('topics'),
    totalPosts: await count('posts'),
  };
}

/**
 * Demo settings for the default communities: a mix of visibilities, join policies and stages. Each gets
 * `members` people, or `share` of the generated members when there are many (bench volumes).
 */
const COMMUNITY_SETUP: Record<
  string,
  {
    visibility: 'public' | 'members' | 'hidden';
    join: 'open' | 'request' | 'invite';
    stage: 'potential' | 'coalescing' | 'maturing' | 'stewardship' | 'transformation';
    members: number;
    share: number;
  }
> = {
  'school-education': { visibility: 'public', join: 'open', stage: 'maturing', members: 48, share: 0.4 },
  'higher-education': {
    visibility: 'public',
    join: 'request',
    stage: 'coalescing',
    members: 31,
    share: 0.25,
  },
  'vocational-education-and-training': {
    visibility: 'members',
    join: 'request',
    stage: 'maturing',
    members: 36,
    share: 0.3,
  },
  'adult-learning': { visibility: 'public', join: 'open', stage: 'stewardship', members: 54, share: 0.45 },
  'transversal-policy-languages-digital': {
    visibility: 'members',
    join: 'open',
    stage: 'coalescing',
    members: 22,
    share: 0.2,
  },
  'policy-experimentation-lab': {
    visibility: 'hidden',
    join: 'invite',
    stage: 'potential',
    members: 9,
    share: 0,
  },
};

const GROUPS = [
  {
    slug: 'erasmus-proposal-2027',
    name: 'Erasmus+ proposal 2027',
    description: 'Preparing a cooperation partnership on outreach to low-skilled adults.',
    visibility: 'open' as const,
  },
  {
    slug: 'steering-group',
    name: 'Steering group',
    description: 'Facilitators and moderators planning the rhythm of the community.',
    visibility: 'private' as const,
  },
  {
    slug: 'webinar-series',
    name: 'Webinar series',
    description: 'Planning the monthly webinars and their speakers.',
    visibility: 'open' as const,
  },
];

/** Demo communities were founded this long ago: before their stage changes (≤ 180 days) and members (≤ 300). */
const FOUNDED_DAYS_AGO = 365;

/** Dates the community's first stage-history entry ("potential", no previous stage) at its founding. */
async function datePotentialStage(db: Kysely<DB>, communityId: string, founded: string): Promise<void> {
  const first = await db
    .selectFrom('stage_changes')
    .select('id')
    .where('community_id', '=', communityId)
    .where('from_stage', 'is', null)
    .executeTakeFirst();
  if (first) {
    await db.updateTable('stage_changes').set({ created_at: founded }).where('id', '=', first.id).execute();
    return;
  }
  await db
    .insertInto('stage_changes')
    .values({
      id: newId(),
      community_id: communityId,
      from_stage: null,
      to_stage: 'potential',
      note: 'Incubated by the platform',
      changed_by: null,
      created_at: founded,
    })
    .execute();
}

/** Puts demo members in every community, in every role, with requests, invitations and working groups. */
async function seedCommunities(db: Kysely<DB>, clock: Clock): Promise<void> {
  if (
    await db
      .selectFrom('platform_settings')
      .select('key')
      .where('key', '=', 'demo_communities')
      .executeTakeFirst()
  )
    return;
  const now = clock.now();
  const users = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('is_operator', '=', 0)
    .where('suspended_at', 'is', null)
    .where('email_verified_at', 'is not', null)
    .orderBy('created_at')
    .execute();
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const pool = users.filter((u) => !u.email.endsWith('@demo.discuss.test')).map((u) => u.id);
  const named = (local: string) => byEmail.get(`${local}@demo.discuss.test`)!;

  if (
    !(await db
      .selectFrom('communities')
      .select('id')
      .where('slug', '=', 'policy-experimentation-lab')
      .executeTakeFirst())
  ) {
    const area = await db
      .selectFrom('areas')
      .select('id')
      .where('slug', '=', 'transversal')
      .executeTakeFirst();
    const description =
      'A closed lab where policy makers and researchers try out and evaluate policy ideas before they are proposed to the wider communities.\n\nMembership by invitation of the facilitators.';
    await db
      .insertInto('communities')
      .values({
        id: newId(),
        slug: 'policy-experimentation-lab',
        name: 'Policy experimentation lab',
        short_description: 'Policy makers and researchers testing policy ideas together, by invitation.',
        description,
        description_html: renderMarkdown(description),
        area_id: area?.id ?? null,
        languages: 'en,fr',
        visibility: 'hidden',
        join_policy: 'invite',
        stage: 'potential',
        member_count: 0,
        archived_at: null,
        created_by: null,
        created_at: iso(addMs(now, -60 * DAY)),
        updated_at: iso(addMs(now, -60 * DAY)),
      })
      .execute();
  }

  const communities = await db.selectFrom('communities').select(['id', 'slug', 'stage']).execute();
  let cursor = 0;
  const take = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n && pool.length; i++) out.push(pool[(cursor + i) % pool.length]!);
    cursor = (cursor + Math.ceil(n / 2)) % Math.max(pool.length, 1);
    return out;
  };
  for (const c of communities) {
    const setup = COMMUNITY_SETUP[c.slug];
    if (!setup) continue;
    // Founded before every back-dated stage change and membership, so the history reads in order.
    const founded = iso(addMs(now, -FOUNDED_DAYS_AGO * DAY));
    await db
      .updateTable('communities')
      .set({ visibility: setup.visibility, join_policy: setup.join, stage: setup.stage, created_at: founded })
      .where('id', '=', c.id)
      .execute();
    await datePotentialStage(db, c.id, founded);
    const stages = ['potential', 'coalescing', 'maturing', 'stewardship', 'transformation'] as const;
    const upto = stages.indexOf(setup.stage);
    for (let i = 1; i <= upto; i++) {
      await db
        .insertInto('stage_changes')
        .values({
          id: newId(),
          community_id: c.id,
          from_stage: stages[i - 1]!,
          to_stage: stages[i]!,
          note: faker.helpers.arrayElement([
            'First online meeting held',
            'Core group formed',
            'Shared practice library started',
            'Regular webinars established',
            'Members took over facilitation',
          ]),
          changed_by: named('facilitator'),
          created_at: iso(addMs(now, -(upto - i + 1) * 45 * DAY)),
        })
        .execute();
    }
    const people = take(Math.max(setup.members, Math.round(pool.length * setup.share)));
    const roles = new Map<string, 'facilitator' | 'moderator' | 'member' | 'expert'>();
    people.forEach((id, i) => roles.set(id, i === 0 ? 'facilitator' : i < 3 ? 'moderator' : 'member'));
    if (c.slug === 'adult-learning') {
      roles.set(named('facilitator'), 'facilitator');
      roles.set(named('moderator'), 'moderator');
      roles.set(named('researcher'), 'expert');
    }
    if (['adult-learning', 'school-education', 'transversal-policy-languages-digital'].includes(c.slug))
      roles.set(named('teacher'), 'member');
    if (c.slug === 'policy-experimentation-lab') roles.set(named('facilitator'), 'facilitator');
    const rows = [...roles].map(([userId, role]) => ({
      community_id: c.id,
      user_id: userId,
      role,
      status: 'active' as const,
      joined_at: iso(faker.date.between({ from: addMs(now, -300 * DAY), to: addMs(now, -DAY) })),
      expires_at: role === 'expert' ? iso(addMs(now, 60 * DAY)) : null,
      suspended_reason: null,
    }));
    const existing = new Set(
      (
        await db.selectFrom('community_members').select('user_id').where('community_id', '=', c.id).execute()
      ).map((r) => r.user_id),
    );
    const fresh = rows.filter((r) => !existing.has(r.user_id));
    for (let i = 0; i < fresh.length; i += 100)
      await db
        .insertInto('community_members')
        .values(fresh.slice(i, i + 100))
        .execute();
    const { n } = await db
      .selectFrom('community_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', c.id)
      .where('status', '=', 'active')
      .where('role', '!=', 'expert')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('communities')
      .set({ member_count: Number(n) })
      .where('id', '=', c.id)
      .execute();

    if (setup.join === 'request') {
      const requesters = [named('newcomer'), ...pool.filter((id) => !roles.has(id)).slice(0, 3)];
      for (const userId of requesters) {
        await db
          .insertInto('membership_requests')
          .values({
            id: newId(),
            community_id: c.id,
            user_id: userId,
            motivation: faker.helpers.arrayElement([
              'I coordinate a KA2 project on this topic and would like to share our results.',
              'I am a trainer in a VET school and want to learn from peers.',
              'Our university runs a similar pilot; we could exchange experience.',
            ]),
            status: 'pending',
            created_at: iso(addMs(now, -faker.number.int({ min: 1, max: 10 }) * DAY)),
            decided_at: null,
            decided_by: null,
            decision_note: null,
          })
          .execute();
      }
    }
    const facilitator = [...roles].find(([, r]) => r === 'facilitator')?.[0] ?? null;
    for (let i = 0; i < 2; i++) {
      await db
        .insertInto('invitations')
        .values({
          id: newId(),
          community_id: c.id,
          email: faker.internet.email({ provider: 'example.org' }).toLowerCase(),
          user_id: null,
          role: i === 0 ? 'member' : 'expert',
          access_days: i === 0 ? null : 90,
          message: 'We would value your experience in this community.',
          token_hash: newId(),
          invited_by: facilitator,
          status: 'pending',
          created_at: iso(addMs(now, -2 * DAY)),
          expires_at: iso(addMs(now, 12 * DAY)),
          responded_at: null,
          accepted_by: null,
        })
        .execute();
    }
    for (const g of GROUPS.slice(0, c.slug === 'adult-learning' ? 3 : 1 + (c.slug.length % 2))) {
      const gid = newId();
      await db
        .insertInto('working_groups')
        .values({
          id: gid,
          community_id: c.id,
          slug: g.slug,
          name: g.name,
          description: g.description,
          visibility: g.visibility,
          archived_at: null,
          created_by: facilitator,
          created_at: iso(addMs(now, -30 * DAY)),
        })
        .execute();
      const gm = [...roles].filter(([, r]) => r !== 'expert').slice(0, g.visibility === 'private' ? 3 : 8);
      if (gm.length)
        await db
          .insertInto('working_group_members')
          .values(
            gm.map(([userId, r], i) => ({
              group_id: gid,
              user_id: userId,
              role: i === 0 || r === 'facilitator' ? ('lead' as const) : ('member' as const),
              joined_at: iso(addMs(now, -20 * DAY)),
            })),
          )
          .execute();
    }
  }
  await db
    .insertInto('platform_settings')
    .values({ key: 'demo_communities', value: iso(now) })
    .execute();
}
