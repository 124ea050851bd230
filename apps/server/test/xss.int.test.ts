import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { SYSTEM } from '../src/platform/policy.ts';
import { createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { STRONG_PASSWORD, type TestAgent, uniqueEmail } from './helpers.ts';
import { KITCHEN_SINK } from './hostile-html.ts';
import {
  AHEAD_OF_CONTRACTS,
  COVERAGE,
  EXEMPT,
  endpointOf,
  fieldSchema,
  OTHER_INPUTS,
  writableStringFields,
} from './xss-coverage.ts';
import {
  batches,
  orElse,
  PAYLOADS,
  person,
  Probe,
  slug,
  talliesFor,
  writerPool,
  type J,
} from './xss-probe.ts';

/**
 * Stored XSS through the API (SECURITY.md, "stored XSS"): the hostile corpus of hostile-html.ts goes
 * into every user-writable string field listed in xss-coverage.ts, as a user allowed to write it, and
 * is read back through the endpoints (and e-mails) that show it. Plain text must round-trip exactly or
 * be refused with 400; every `…Html` field is parsed and must hold nothing executable. Discussions,
 * working groups, references and uploads are in xss-discussions.int.test.ts.
 */

const tallies = talliesFor('stored XSS');

describe('stored-XSS coverage table', () => {
  it('lists every string field of every JSON write body, or exempts it with a reason', () => {
    const fields = writableStringFields();
    const listed = [...Object.keys(COVERAGE), ...Object.keys(EXEMPT)];
    expect(
      fields.filter((f) => !listed.includes(f)),
      'new string fields: add them to COVERAGE (and test them) or to EXEMPT with a reason',
    ).toEqual([]);
    expect(
      listed.filter((f) => !fields.includes(f) && !AHEAD_OF_CONTRACTS.has(f)),
      'entries naming no field',
    ).toEqual([]);
    expect(Object.keys(OTHER_INPUTS).length).toBeGreaterThan(0);
  });

  it('pattern fields refuse every payload at the contract (so no markup can be stored there)', () => {
    const kept: string[] = [];
    for (const [entry, cov] of Object.entries(COVERAGE)) {
      if (cov.cls !== 'pattern') continue;
      const schema = fieldSchema(endpointOf(entry).body!, entry.slice(entry.indexOf('.') + 1));
      for (const p of PAYLOADS) if (schema.safeParse(p).success) kept.push(`${entry}: ${JSON.stringify(p)}`);
      tallies.set(`${entry} (schema)`, { kept: 0, refused: PAYLOADS.length, codes: new Set() });
    }
    expect(kept).toEqual([]);
  });
});

describeEachDialect('stored XSS: accounts', (ctx) => {
  it('setup, sign-up and profile display names, token names and suspension reasons', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    // The first operator, while the platform has none.
    const first = c.guest();
    const setup = await probe.write(
      first,
      'setup.displayName',
      '/api/setup',
      { email: uniqueEmail('first'), password: STRONG_PASSWORD },
      KITCHEN_SINK,
    );
    expect(setup).toBeDefined();
    probe.same('setup response', setup!.res.json().user.displayName, setup!.value);
    probe.same('setup me', (await probe.read<J>(first, '/api/me')).displayName, setup!.value);

    // Sign-up: the name is shown in the verification e-mail (argon2 is slow: a few payloads).
    for (const p of [KITCHEN_SINK, '<b>&amp;</b>', '&lt;script&gt;alert(1)&lt;/script&gt;']) {
      const email = uniqueEmail('signup');
      const res = await probe.write(
        c.guest(),
        'signUp.displayName',
        '/api/auth/sign-up',
        { email, password: STRONG_PASSWORD },
        p,
      );
      if (res) await probe.checkMail(email, [`Hello ${res.value as string},`], 'sign-up');
    }

    // Display names, read where others see them: own profile, member list, topic author, operators.
    const cop = await createCommunity(c);
    const nextUser = writerPool(async () => {
      const u = await person(c, cop.id);
      const topic = await u.agent.post(`/api/communities/${cop.slug}/topics`, {
        title: 'A topic with an author',
        body: 'Hello.',
      });
      return { ...u, topicId: topic.json<J>().id as string };
    }, 60);
    const names = new Map<string, unknown>();
    for (const p of batches('updateMe.displayName')) {
      const u = await nextUser();
      const res = await probe.write(u.agent, 'updateMe.displayName', '/api/me', {}, p);
      if (!res) continue;
      const label = `displayName ${JSON.stringify(p)}`;
      probe.same(`${label} me`, (await probe.read<J>(u.agent, '/api/me')).displayName, res.value);
      const members = await probe.read<J>(u.agent, `/api/communities/${cop.slug}/members?limit=100`);
      const mine = members.items?.find((m: J) => m.user.id === u.id);
      probe.same(`${label} members`, mine?.user.displayName, res.value);
      const topic = await probe.read<J>(c.guest(), `/api/topics/${u.topicId}`);
      probe.same(`${label} topic author`, topic.author?.displayName, res.value);
      names.set(u.id, res.value);
    }

    // Token names.
    const nextOwner = writerPool(() => person(c, null), 60);
    const tokens = new Map<string, { agent: TestAgent; value: unknown }>();
    for (const p of batches('createToken.name')) {
      const u = await nextOwner();
      const res = await probe.write(u.agent, 'createToken.name', '/api/me/tokens', {}, p);
      if (!res) continue;
      probe.same(`token ${JSON.stringify(p)}`, res.res.json().token.name, res.value);
      tokens.set(res.res.json().token.id, { agent: u.agent, value: res.value });
    }
    let listedTokens = 0;
    for (const agent of new Set([...tokens.values()].map((t) => t.agent))) {
      for (const t of (await probe.read<J>(agent, '/api/me/tokens')).items ?? []) {
        if (!tokens.has(t.id)) continue;
        probe.same(`listTokens ${t.id}`, t.name, tokens.get(t.id)!.value);
        listedTokens++;
      }
    }
    expect(listedTokens).toBe(tokens.size);

    // Suspension reasons, shown to operators.
    const nextOperator = writerPool(() => person(c, null, 'member', { is_operator: 1 }), 60);
    const reasons = new Map<string, unknown>();
    let operator: Awaited<ReturnType<typeof nextOperator>> | undefined;
    for (const p of batches('adminSuspendUser.reason')) {
      operator = await nextOperator();
      const target = await person(c, null);
      const res = await probe.write(
        operator.agent,
        'adminSuspendUser.reason',
        `/api/admin/users/${target.id}/suspend`,
        {},
        p,
      );
      if (!res) continue;
      probe.same(`suspend ${JSON.stringify(p)}`, res.res.json().suspendedReason, res.value);
      reasons.set(target.id, res.value);
    }
    const users = await probe.readAll<J>(operator!.agent, '/api/admin/users?limit=100');
    for (const u of users) {
      if (reasons.has(u.id)) probe.same(`adminListUsers ${u.id}`, u.suspendedReason, reasons.get(u.id));
      if (names.has(u.id)) probe.same(`adminListUsers name ${u.id}`, u.displayName, names.get(u.id));
    }
    expect(users.filter((u) => reasons.has(u.id) || names.has(u.id))).toHaveLength(reasons.size + names.size);
    expect(probe.problems).toEqual([]);
  });
});

describeEachDialect('stored XSS: areas and communities', (ctx) => {
  it('area names and descriptions, created and renamed', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const nextOperator = writerPool(() => person(c, null, 'member', { is_operator: 1 }), 60);
    const created = new Map<string, [string, unknown]>();
    for (const field of ['name', 'description'] as const) {
      for (const p of batches(`createArea.${field}`)) {
        const op = await nextOperator();
        const res = await probe.write(
          op.agent,
          `createArea.${field}`,
          '/api/areas',
          { slug: slug('area'), name: 'An area' },
          p,
        );
        if (res) created.set(res.res.json().id, [field, res.value]);
      }
    }
    const op = await nextOperator();
    const areas = (await probe.read<J>(op.agent, '/api/areas')).items ?? [];
    for (const a of areas) {
      const [field, value] = created.get(a.id) ?? [];
      if (field) probe.same(`listAreas ${a.id} ${field}`, a[field], value);
    }
    expect(areas.filter((a: J) => created.has(a.id))).toHaveLength(created.size);

    // Renaming: the area's name also shows in the community's summary.
    const area = (await op.agent.post('/api/areas', { slug: slug('area'), name: 'Renamed area' })).json<J>();
    const cop = await createCommunity(c, { areaId: area.id });
    for (const field of ['name', 'description'] as const) {
      for (const p of batches(`updateArea.${field}`)) {
        const writer = await nextOperator();
        const res = await probe.write(writer.agent, `updateArea.${field}`, `/api/areas/${area.id}`, {}, p);
        if (!res) continue;
        const label = `area ${field} ${JSON.stringify(p)}`;
        const listed = ((await probe.read<J>(c.guest(), '/api/areas')).items ?? []).find(
          (a: J) => a.id === area.id,
        );
        probe.same(label, listed?.[field], res.value);
        if (field === 'name')
          probe.same(
            `${label} community`,
            (await probe.read<J>(c.guest(), `/api/communities/${cop.slug}`)).area?.name,
            res.value,
          );
      }
    }
    expect(probe.problems).toEqual([]);
  });

  it('community names, short and long descriptions, created by operators', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const nextOperator = writerPool(() => person(c, null, 'member', { is_operator: 1 }), 60);
    const created = new Map<string, [string, unknown]>();
    for (const field of ['name', 'shortDescription', 'description'] as const) {
      for (const p of batches(`createCommunity.${field}`)) {
        const op = await nextOperator();
        const res = await probe.write(
          op.agent,
          `createCommunity.${field}`,
          '/api/communities',
          { slug: slug('cop'), name: 'A community', shortDescription: 'Short.' },
          p,
        );
        if (!res) continue;
        const body = res.res.json<J>();
        probe.same(`createCommunity ${field} ${JSON.stringify(p)}`, body[field], res.value);
        created.set(body.slug, [field, res.value]);
        const got = await probe.read<J>(c.guest(), `/api/communities/${body.slug}`);
        probe.same(`getCommunity ${field} ${JSON.stringify(p)}`, got[field], res.value);
      }
    }
    const listed = await probe.readAll<J>(c.guest(), '/api/communities?limit=100');
    for (const s of listed) {
      const [field, value] = created.get(s.slug) ?? [];
      if (field && field !== 'description') probe.same(`listCommunities ${s.slug} ${field}`, s[field], value);
    }
    expect(listed.filter((s: J) => created.has(s.slug))).toHaveLength(created.size);
    expect(probe.problems).toEqual([]);
  });

  it('community edits and stage notes by a facilitator; the served page is never templated', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const cop = await createCommunity(c);
    const nextFacilitator = writerPool(() => person(c, cop.id, 'facilitator'), 60);
    const url = `/api/communities/${cop.slug}`;
    for (const field of ['name', 'shortDescription', 'description'] as const) {
      for (const p of batches(`updateCommunity.${field}`)) {
        const f = await nextFacilitator();
        const res = await probe.write(f.agent, `updateCommunity.${field}`, url, {}, p);
        if (!res) continue;
        probe.same(`updateCommunity ${field} ${JSON.stringify(p)}`, res.res.json<J>()[field], res.value);
        const got = await probe.read<J>(c.guest(), url);
        probe.same(`getCommunity ${field} ${JSON.stringify(p)}`, got[field], res.value);
      }
    }
    const stages = ['coalescing', 'maturing'];
    let stage = 'potential';
    const notes: unknown[] = [];
    for (const p of batches('setStage.note')) {
      const f = await nextFacilitator();
      const to = stages.find((s) => s !== stage)!;
      const res = await probe.write(f.agent, 'setStage.note', `${url}/stage`, { stage: to }, p);
      if (!res) continue;
      stage = to;
      notes.push(res.value);
    }
    // Changes made within the same (hand-moved) millisecond have no defined order: compare as sets.
    const history = (await probe.read<J>(c.guest(), `${url}/stage`)).items ?? [];
    const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    const changes = history.filter((h: J) => h.from !== null);
    expect(sorted(changes.map((h: J) => h.note))).toEqual(sorted(notes));

    // The web app's page is a static file: no user text is ever put into it on the server.
    const dist = mkdtempSync(path.join(tmpdir(), 'discuss-xss-web-'));
    const index = '<!doctype html><title>DISCUSS</title><div id="root"></div>';
    writeFileSync(path.join(dist, 'index.html'), index);
    await c.app.services.communities.update(SYSTEM, cop.slug, { name: KITCHEN_SINK });
    const web = await buildApp(
      { ...c.config, webDist: dist },
      { database: c.database, clock: c.clock, logger: false },
    );
    try {
      for (const u of [`/c/${cop.slug}`, ...PAYLOADS.map((p) => `/c/${encodeURIComponent(p)}`)]) {
        const page = await web.inject({ method: 'GET', url: u });
        if (page.statusCode === 200) probe.same(`page ${u}`, page.body, index);
        else if (page.statusCode !== 400) probe.problems.push(`page ${u}: ${page.statusCode}`);
      }
    } finally {
      await web.close();
    }
    expect(probe.problems).toEqual([]);
  });
});

// E-mails are checked in the outbox, which holds exactly what is sent. Delivering some 200 of them to
// the SMTP sink would only slow the suite down (delivery has its own tests), so it goes to a closed port:
// each attempt fails at once and waits for a retry the hand-moved clock never reaches.
const NO_DELIVERY = { env: { SMTP_URL: 'smtp://127.0.0.1:9?ignoreTLS=true' } };

describeEachDialect(
  'stored XSS: membership and e-mails',
  (ctx) => {
    it('request motivations and decision notes, with the decision e-mails', async () => {
      const c = ctx();
      const probe = new Probe(c, tallies);
      const cop = await createCommunity(c, { joinPolicy: 'request', name: KITCHEN_SINK });
      const nextFacilitator = writerPool(() => person(c, cop.id, 'facilitator'), 60);
      const url = `/api/communities/${cop.slug}/requests`;
      const requests: { id: string; p: string; value: unknown; email: string; name: string }[] = [];
      // Display names are the tightest text field: their batches hold every payload, so each batch is
      // one requester's name, motivation and, later, the note of the decision on the request.
      for (const p of batches('updateMe.displayName')) {
        const name = orElse('updateMe.displayName', p, 'Requester');
        const u = await person(c, null, 'member', { display_name: name });
        const res = await probe.write(u.agent, 'requestMembership.motivation', url, {}, p);
        if (!res) continue;
        probe.same(`request ${JSON.stringify(p)}`, res.res.json<J>().motivation, res.value);
        requests.push({ id: res.res.json<J>().id, p, value: res.value, email: u.email, name });
      }
      const f = await nextFacilitator();
      const pending = await probe.readAll<J>(f.agent, `${url}?status=pending&limit=100`);
      for (const r of requests) {
        probe.same(`listRequests ${r.id}`, pending.find((x) => x.id === r.id)?.motivation, r.value);
      }
      const notes = new Map<string, unknown>();
      for (const [i, { p, ...r }] of requests.entries()) {
        const decision = i % 2 === 0 ? 'approve' : 'decline';
        const writer = await nextFacilitator();
        const res = await probe.write(
          writer.agent,
          `${decision}Request.note`,
          `${url}/${r.id}/${decision}`,
          {},
          p,
        );
        if (!res) continue;
        notes.set(r.id, res.value);
        const note = res.value as string;
        await probe.checkMail(
          r.email,
          [`Hello ${r.name},`, `"${cop.name}"`, ...(note ? [`“${note}”`] : [])],
          `${decision} ${JSON.stringify(p)}`,
        );
      }
      const decided = await probe.readAll<J>(f.agent, `${url}?status=all&limit=100`);
      for (const r of decided) {
        if (notes.has(r.id)) probe.same(`decisionNote ${r.id}`, r.decisionNote, notes.get(r.id) || null);
      }
      expect(decided.filter((r) => notes.has(r.id))).toHaveLength(notes.size);
      expect(probe.problems).toEqual([]);
    });

    it('invitation messages, with hostile community and inviter names, in previews, lists and e-mails', async () => {
      const c = ctx();
      const probe = new Probe(c, tallies);
      let signUps = 0;
      for (const [i, p] of batches('updateMe.displayName').entries()) {
        const name = orElse('createCommunity.name', p, `Community ${i}`);
        const cop = await createCommunity(c, {
          name,
          shortDescription: orElse('createCommunity.shortDescription', p, 'Short.'),
          joinPolicy: 'invite',
        });
        const inviter = await person(c, cop.id, 'facilitator', {
          display_name: orElse('updateMe.displayName', p, 'Inviter'),
        });
        const invitee = await person(c, null, 'member', {
          display_name: orElse('updateMe.displayName', p, 'Invitee'),
        });
        const email = uniqueEmail('invited');
        const res = await probe.write(
          inviter.agent,
          'createInvitations.message',
          `/api/communities/${cop.slug}/invitations`,
          { emails: [email], userIds: [invitee.id] },
          p,
        );
        if (!res) continue;
        const message = res.value as string;
        const label = `invitation ${JSON.stringify(p)}`;
        const said = `${inviter.displayName} invites you to join the community of practice "${cop.name}"`;
        const note = message ? [`“${message}”`] : [];
        await probe.checkMail(email, [`Hello ${email},`, said, ...note], label);
        await probe.checkMail(invitee.email, [`Hello ${invitee.displayName},`, said, ...note], label);

        const shown = (x: J | undefined, where: string) => {
          probe.same(`${label} ${where} message`, x?.message, message);
          probe.same(`${label} ${where} community`, x?.community?.name, cop.name);
          probe.same(`${label} ${where} short`, x?.community?.shortDescription, cop.shortDescription);
          probe.same(`${label} ${where} inviter`, x?.invitedBy?.displayName, inviter.displayName);
        };
        shown(
          (await probe.read<J>(invitee.agent, '/api/me/invitations')).items?.find(
            (x: J) => x.community.slug === cop.slug,
          ),
          'myInvitations',
        );
        const mail = await c.database.db
          .selectFrom('email_outbox')
          .select('text_body')
          .where('to_address', '=', email)
          .executeTakeFirstOrThrow();
        const token = /\/invitations\/([\w-]+)/.exec(mail.text_body)![1]!;
        shown(await probe.read<J>(c.guest(), `/api/invitations/${token}`), 'preview');

        // Accepting by signing up: the new account's name (argon2 is slow: a few payloads).
        if (signUps < 3) {
          const guest = c.guest();
          const signed = await probe.write(
            guest,
            'signUpWithInvitation.displayName',
            `/api/invitations/${token}/sign-up`,
            { password: STRONG_PASSWORD },
            p,
          );
          if (!signed) continue;
          signUps++;
          probe.same(`${label} sign-up`, signed.res.json<J>().user.displayName, signed.value);
          probe.same(`${label} me`, (await probe.read<J>(guest, '/api/me')).displayName, signed.value);
        }
      }
      expect(signUps).toBe(3);
      expect(probe.problems).toEqual([]);
    });
  },
  NO_DELIVERY,
);
