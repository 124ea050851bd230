import type { LightMyRequestResponse } from 'fastify';
import { Parser } from 'htmlparser2';
import { afterAll } from 'vitest';
import type { CommunityRoleValue } from '../src/db/schema.ts';
import type { UserRow } from '../src/modules/accounts/account.repository.ts';
import { addMember, agentFor } from './community-factories.ts';
import { parseError } from './fuzz/http-checks.ts';
import { createUser, type TestAgent, type TestContext } from './helpers.ts';
import {
  HOSTILE_MARKUP,
  KITCHEN_SINK,
  hostileMentions,
  htmlFieldProblems,
  unsafeUrl,
} from './hostile-html.ts';
import { COVERAGE, endpointOf, fieldSchema } from './xss-coverage.ts';

/** How often a field kept a payload and how often it refused one (with which codes), over a run. */
export interface Tally {
  kept: number;
  refused: number;
  codes: Set<string>;
}

type Json = Record<string, unknown>;

/** A parsed JSON answer, as `res.json()` gives it (any): the suites read it field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = Record<string, any>;

const setPath = (base: Json, field: string, value: string): Json => {
  const [head, ...rest] = field.split('.');
  const name = head!.replace(/\[\]$/, '');
  const copy: Json = { ...base };
  if (rest.length > 0) copy[name] = setPath((base[name] ?? {}) as Json, rest.join('.'), value);
  else if (head!.endsWith('[]'))
    copy[name] = [value, ...((base[name] as unknown[] | undefined) ?? []).slice(1)];
  else copy[name] = value;
  return copy;
};

const getPath = (data: unknown, field: string): unknown =>
  field.split('.').reduce<unknown>((v, part) => {
    const o = (v as Json | undefined)?.[part.replace(/\[\]$/, '')];
    return part.endsWith('[]') ? (o as unknown[] | undefined)?.[0] : o;
  }, data);

/**
 * Writes hostile values through the API and collects what is wrong with the answers, so one test can
 * send a whole corpus and report every problem at once.
 */
export class Probe {
  readonly problems: string[] = [];
  constructor(
    readonly c: TestContext,
    readonly tallies: Map<string, Tally>,
  ) {}

  private tally(field: string, kept: boolean, code?: string) {
    const entry = `${field} [${this.c.database.dialect}]`;
    const t = this.tallies.get(entry) ?? { kept: 0, refused: 0, codes: new Set<string>() };
    if (kept) t.kept++;
    else t.refused++;
    if (code) t.codes.add(code);
    this.tallies.set(entry, t);
  }

  /** Notes every executable part of `html` / `…Html` fields of a JSON answer. */
  checkHtml(json: unknown, label: string) {
    for (const p of htmlFieldProblems(json)) this.problems.push(`${label}: ${p}`);
  }

  same(label: string, actual: unknown, expected: unknown) {
    if (actual !== expected)
      this.problems.push(`${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }

  /**
   * Sends `base` with `payload` at the entry's field. What the contract refuses (and U+0000, which the
   * server refuses for PostgreSQL's sake) must get 400 `validation_failed` in the error shape; text and
   * Markdown the contract accepts must succeed; a reference may get any 4xx in the error shape. Returns
   * the answer and the value the server must now hold (the contract's normalised input), or undefined.
   */
  async write(
    agent: TestAgent,
    entry: string,
    url: string,
    base: Json,
    payload: string,
  ): Promise<{ res: LightMyRequestResponse; value: unknown } | undefined> {
    const ep = endpointOf(entry);
    const field = entry.slice(entry.indexOf('.') + 1);
    const body = setPath(base, field, payload);
    const parsed = ep.body!.safeParse(body);
    const accepted = parsed.success && !payload.includes('\u0000');
    const res = await agent.request({ method: ep.method, url, payload: body });
    const label = `${entry} ${JSON.stringify(payload)} → ${res.statusCode}`;
    if (res.statusCode < 300) {
      this.checkHtml(res.json(), label);
      if (!accepted) this.problems.push(`${label}: the contract refuses it but the server kept it`);
      this.tally(entry, true);
      return { res, value: parsed.success ? getPath(parsed.data, field) : undefined };
    }
    const err = parseError(res);
    const code = typeof err === 'string' ? undefined : err.code;
    this.tally(entry, false, code ?? `bad shape ${res.statusCode}`);
    if (code === 'rate_limited') {
      this.problems.push(`${label}: rate limited (give the test more writers)`);
    } else if (typeof err === 'string' || res.statusCode >= 500) {
      this.problems.push(`${label}: ${typeof err === 'string' ? err : 'server error'}`);
    } else if (COVERAGE[entry]?.cls !== 'reference' && (accepted || code !== 'validation_failed')) {
      this.problems.push(
        `${label}: ${accepted ? 'refused a valid value' : 'wrong code'} ${res.body.slice(0, 200)}`,
      );
    }
    return undefined;
  }

  /** GET that must succeed; its `…Html` fields are checked. */
  async read<T = Json>(agent: TestAgent, url: string): Promise<T> {
    const res = await agent.get(url);
    if (res.statusCode !== 200) {
      this.problems.push(`GET ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      return {} as T;
    }
    const json = res.json<T>();
    this.checkHtml(json, `GET ${url}`);
    return json;
  }

  /** Every item of a list endpoint, following `nextCursor`. */
  async readAll<T = Json>(agent: TestAgent, url: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const page: { items?: T[]; nextCursor?: string | null } = await this.read(
        agent,
        cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url,
      );
      items.push(...(page.items ?? []));
      cursor = page.nextCursor ?? null;
    } while (cursor);
    return items;
  }

  /**
   * Checks the e-mails queued for `to` (the outbox holds exactly what is sent): the HTML part holds
   * only the template's elements and attributes, and each expected text appears in it as text and in
   * the text part verbatim.
   */
  async checkMail(to: string, expected: string[], label: string) {
    const mails = await this.c.database.db
      .selectFrom('email_outbox')
      .select(['subject', 'text_body', 'html_body'])
      .where('to_address', '=', to)
      .execute();
    if (mails.length === 0) this.problems.push(`${label}: no e-mail to ${to}`);
    for (const m of mails) {
      const { problems, text } = mailHtml(m.html_body ?? '');
      for (const p of problems) this.problems.push(`${label} e-mail "${m.subject}": ${p}`);
      for (const e of expected) {
        if (!text.includes(e)) this.problems.push(`${label}: HTML part lacks the text ${JSON.stringify(e)}`);
        if (!m.text_body.includes(e)) this.problems.push(`${label}: text part lacks ${JSON.stringify(e)}`);
      }
    }
  }
}

const MAIL_TAGS = new Set(['html', 'body', 'p', 'br', 'a']);
const MAIL_ATTRIBUTES = new Set(['style', 'href']);

/** What is wrong with a rendered e-mail's HTML, and its text (entities decoded, `<br>` as a newline). */
export function mailHtml(html: string): { problems: string[]; text: string } {
  const problems: string[] = [];
  let text = '';
  const parser = new Parser({
    onopentag(name, attribs) {
      if (!MAIL_TAGS.has(name)) problems.push(`<${name}>`);
      if (name === 'br') text += '\n';
      for (const [k, v] of Object.entries(attribs)) {
        if (!MAIL_ATTRIBUTES.has(k)) problems.push(`${name}[${k}]`);
        if (k === 'href' && (unsafeUrl(v) || !/^https?:\/\//.test(v))) problems.push(`href ${v}`);
      }
    },
    ontext(t) {
      text += t;
    },
  });
  parser.write(html);
  parser.end();
  return { problems, text };
}

/**
 * A source of writers that hands out a fresh one every `budget` writes, so a corpus does not run into
 * the per-person rate limits (posting, invitations) that protect production.
 */
export function writerPool<W>(make: () => Promise<W>, budget: number): () => Promise<W> {
  let current: W | undefined;
  let used = budget;
  return async () => {
    if (used >= budget || current === undefined) {
      current = await make();
      used = 0;
    }
    used++;
    return current;
  };
}

/** Every payload the API suite sends to each field. */
export const PAYLOADS: readonly string[] = [...HOSTILE_MARKUP, ...hostileMentions(), KITCHEN_SINK];

/** A user in a community with a role, signed in (straight in the database: fast). */
export async function person(
  c: TestContext,
  communityId: string | null,
  role: CommunityRoleValue = 'member',
  overrides: Partial<UserRow> = {},
) {
  const user = await createUser(c, overrides);
  if (communityId) await addMember(c, communityId, user.id, role);
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    agent: await agentFor(c, user.id),
  };
}

/** The value a contract field keeps of `input`, or `fallback` when the field refuses it. */
export function orElse(entry: string, input: string, fallback: string): string {
  const r = fieldSchema(endpointOf(entry).body!, entry.slice(entry.indexOf('.') + 1)).safeParse(input);
  return r.success && !input.includes('\u0000') ? (r.data as string) : fallback;
}

let slugs = 0;
/** A fresh slug. */
export const slug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++slugs}`;

/**
 * The corpus as the values to send to one field. Markdown and references get each payload alone (its
 * context matters). Plain text is batched: payloads the field accepts are joined with spaces up to its
 * length limit (a round trip of the whole string checks each of them), the ones it refuses go alone, so
 * every payload is still either kept or refused, in fewer requests.
 */
export function batches(entry: string, payloads: readonly string[] = PAYLOADS): string[] {
  if (COVERAGE[entry]?.cls !== 'text') return [...payloads];
  const schema = fieldSchema(endpointOf(entry).body!, entry.slice(entry.indexOf('.') + 1));
  const ok = (v: string) => schema.safeParse(v).success && !v.includes('\u0000');
  const out: string[] = [];
  let open: string | undefined;
  for (const p of payloads) {
    if (!ok(p)) out.push(p);
    else if (open !== undefined && ok(`${open} ${p}`)) open = `${open} ${p}`;
    else {
      if (open !== undefined) out.push(open);
      open = p;
    }
  }
  if (open !== undefined) out.push(open);
  return out;
}

/** One line per field: how many values it kept and how many it refused, with the codes. */
export function summary(tallies: Map<string, Tally>): string {
  return [...tallies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([k, t]) =>
        `${k}: kept ${t.kept}, refused ${t.refused}${t.codes.size ? ` (${[...t.codes].join(', ')})` : ''}`,
    )
    .join('\n');
}

/** A tally for a suite file, printed when the file is done. */
export function talliesFor(title: string): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  afterAll(() => console.info(`${title}, kept / refused per field:\n${summary(tallies)}`));
  return tallies;
}
