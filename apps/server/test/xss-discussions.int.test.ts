import { expect, it } from 'vitest';
import { createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import type { TestAgent } from './helpers.ts';
import { hostileMentions } from './hostile-html.ts';
import { COVERAGE, inContracts } from './xss-coverage.ts';
import { batches, PAYLOADS, person, Probe, slug, talliesFor, writerPool, type J } from './xss-probe.ts';

/**
 * Stored XSS through the API, second half (see xss.int.test.ts): working groups, topics, posts, their
 * edit history, tags, polls, the composer preview, reference fields and upload file names.
 */

const tallies = talliesFor('stored XSS (discussions)');

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A topic's title, or the name of its first tag. */
const titleOrTag = (topic: J, field: string): unknown =>
  field === 'title' ? topic.title : topic.tags?.[0]?.name;

/** Posting is limited to 30 a minute per person: a fresh member every 25 posts. */
const POSTS_PER_WRITER = 25;

describeEachDialect('stored XSS: working groups', (ctx) => {
  it('group names and descriptions, created and edited, and in topic lists', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const cop = await createCommunity(c);
    const base = `/api/communities/${cop.slug}/groups`;
    const nextFacilitator = writerPool(() => person(c, cop.id, 'facilitator'), 60);
    const created = new Map<string, [string, unknown]>();
    for (const field of ['name', 'description'] as const) {
      for (const p of batches(`createGroup.${field}`)) {
        const f = await nextFacilitator();
        const res = await probe.write(
          f.agent,
          `createGroup.${field}`,
          base,
          { slug: slug('wg'), name: 'A group' },
          p,
        );
        if (!res) continue;
        const g = res.res.json<J>();
        probe.same(`createGroup ${field} ${JSON.stringify(p)}`, g[field], res.value);
        created.set(g.slug, [field, res.value]);
        probe.same(
          `getGroup ${field} ${JSON.stringify(p)}`,
          (await probe.read<J>(c.guest(), `${base}/${g.slug}`))[field],
          res.value,
        );
      }
    }
    const listed = (await probe.read<J>(c.guest(), base)).items ?? [];
    for (const g of listed) {
      const [field, value] = created.get(g.slug) ?? [];
      if (field) probe.same(`listGroups ${g.slug} ${field}`, g[field], value);
    }
    expect(listed.filter((g: J) => created.has(g.slug))).toHaveLength(created.size);

    const group = (
      await (await nextFacilitator()).agent.post(base, { slug: slug('wg'), name: 'Edited group' })
    ).json<J>();
    let name = group.name;
    for (const field of ['name', 'description'] as const) {
      for (const p of batches(`updateGroup.${field}`)) {
        const f = await nextFacilitator();
        const res = await probe.write(f.agent, `updateGroup.${field}`, `${base}/${group.slug}`, {}, p);
        if (!res) continue;
        if (field === 'name') name = res.value;
        probe.same(`updateGroup ${field} ${JSON.stringify(p)}`, res.res.json<J>()[field], res.value);
        const got = await probe.read<J>(c.guest(), `${base}/${group.slug}`);
        probe.same(`getGroup ${field} ${JSON.stringify(p)}`, got[field], res.value);
      }
    }
    const author = await person(c, cop.id);
    await author.agent.post(`${base}/${group.slug}/join`);
    await author.agent.post(`/api/communities/${cop.slug}/topics`, {
      title: 'A topic in the group',
      body: 'Hello.',
      group: group.slug,
    });
    const topics = await probe.read<J>(c.guest(), `/api/communities/${cop.slug}/topics?group=${group.slug}`);
    probe.same('listTopics group name', topics.items?.[0]?.group?.name, name);
    expect(probe.problems).toEqual([]);
  });
});

describeEachDialect('stored XSS: discussions', (ctx) => {
  it('topic titles, opening posts, tags and polls, and later title and tag edits', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const cop = await createCommunity(c);
    const url = `/api/communities/${cop.slug}/topics`;
    const nextMember = writerPool(() => person(c, cop.id), POSTS_PER_WRITER);
    const base = { title: 'A topic about teaching', body: 'Opening post.' };
    const poll = { question: 'Which one?', options: ['One', 'Two'] };
    const kept = new Map<string, [string, unknown]>();
    for (const field of ['title', 'body', 'tags[]', 'poll.question', 'poll.options[]']) {
      for (const p of batches(`createTopic.${field}`)) {
        const m = await nextMember();
        const body = field.startsWith('poll') ? { ...base, poll } : base;
        const res = await probe.write(m.agent, `createTopic.${field}`, url, body, p);
        if (!res) continue;
        const t = res.res.json<J>();
        kept.set(t.id, [field, res.value]);
        const label = `createTopic ${field} ${JSON.stringify(p)}`;
        if (field === 'title' || field === 'tags[]') probe.same(label, titleOrTag(t, field), res.value);
        if (field === 'body') {
          const first = (await probe.read<J>(c.guest(), `/api/topics/${t.id}/posts?from=1`)).items?.[0];
          const source = await probe.read<J>(c.guest(), `/api/posts/${first?.id}/source`);
          probe.same(`${label} getPostSource`, source.body, res.value);
        } else if (field.startsWith('poll')) {
          const got = (await probe.read<J>(c.guest(), `/api/topics/${t.id}`)).poll;
          probe.same(label, field === 'poll.question' ? got?.question : got?.options?.[0]?.label, res.value);
        }
      }
    }
    const listed = await probe.readAll<J>(c.guest(), `${url}?limit=100`);
    for (const t of listed) {
      const [field, value] = kept.get(t.id) ?? [];
      if (field === 'title') probe.same(`listTopics title ${t.id}`, t.title, value);
      if (field === 'tags[]') probe.same(`listTopics tag ${t.id}`, t.tags?.[0]?.name, value);
    }
    expect(listed.filter((t: J) => kept.has(t.id))).toHaveLength(kept.size);

    // Renaming and retagging a topic, as its moderators.
    const topic = (await (await nextMember()).agent.post(url, base)).json<J>();
    const nextModerator = writerPool(() => person(c, cop.id, 'moderator'), 60);
    for (const field of ['title', 'tags[]']) {
      for (const p of batches(`updateTopic.${field}`)) {
        const m = await nextModerator();
        const res = await probe.write(m.agent, `updateTopic.${field}`, `/api/topics/${topic.id}`, {}, p);
        if (!res) continue;
        const label = `updateTopic ${field} ${JSON.stringify(p)}`;
        probe.same(label, titleOrTag(res.res.json<J>(), field), res.value);
        const got = await probe.read<J>(c.guest(), `/api/topics/${topic.id}`);
        probe.same(`${label} getTopic`, titleOrTag(got, field), res.value);
        if (field === 'tags[]') kept.set(`${topic.id} ${p}`, [field, res.value]);
      }
    }
    const tagged = new Set([...kept.values()].filter(([f]) => f === 'tags[]').map(([, v]) => v));
    for (const t of (await probe.read<J>(c.guest(), `/api/communities/${cop.slug}/tags`)).items ?? []) {
      if (!tagged.has(t.name)) probe.problems.push(`listTags: unexpected tag ${JSON.stringify(t.name)}`);
    }
    expect(probe.problems).toEqual([]);
  });

  it('replies with hostile Markdown and mentions, edits and their history, the composer preview', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const cop = await createCommunity(c);
    const nextMember = writerPool(() => person(c, cop.id), POSTS_PER_WRITER);
    const topic = (
      await (
        await nextMember()
      ).agent.post(`/api/communities/${cop.slug}/topics`, {
        title: 'Replies to this topic',
        body: 'Opening post.',
      })
    ).json<J>();
    const mentioned = await person(c, cop.id);
    const bodies = [...PAYLOADS, ...hostileMentions(mentioned.id)];
    const replies = new Map<string, unknown>();
    for (const p of bodies) {
      const m = await nextMember();
      const res = await probe.write(m.agent, 'createPost.body', `/api/topics/${topic.id}/posts`, {}, p);
      if (!res) continue;
      replies.set(res.res.json<J>().id, res.value);
    }
    const posts =
      (await probe.read<J>(c.guest(), `/api/topics/${topic.id}/posts?from=1&limit=200`)).items ?? [];
    for (const post of posts) {
      if (!replies.has(post.id)) continue;
      const source = await probe.read<J>(c.guest(), `/api/posts/${post.id}/source`);
      probe.same(`getPostSource ${post.id}`, source.body, replies.get(post.id));
    }
    expect(posts.filter((x: J) => replies.has(x.id))).toHaveLength(replies.size);

    // Edits by moderators: each earlier text is kept in the post's history.
    const author = await nextMember();
    const original = 'The first version.';
    const post = (await author.agent.post(`/api/topics/${topic.id}/posts`, { body: original })).json<J>();
    const nextModerator = writerPool(() => person(c, cop.id, 'moderator'), 60);
    const versions: unknown[] = [original];
    for (const p of bodies) {
      const m = await nextModerator();
      const res = await probe.write(m.agent, 'updatePost.body', `/api/posts/${post.id}`, {}, p);
      if (!res) continue;
      const source = await probe.read<J>(c.guest(), `/api/posts/${post.id}/source`);
      probe.same(`updatePost ${JSON.stringify(p)} getPostSource`, source.body, res.value);
      versions.push(res.value);
    }
    const history = (await probe.read<J>(c.guest(), `/api/posts/${post.id}/revisions`)).items ?? [];
    expect(history).toHaveLength(versions.length - 1);
    for (const r of history) probe.same(`revision ${r.revision}`, r.body, versions[r.revision - 1]);
    const now = (await probe.read<J>(c.guest(), `/api/topics/${topic.id}/posts?from=${post.number}&limit=1`))
      .items?.[0];
    probe.same(
      'edited post',
      (await probe.read<J>(c.guest(), `/api/posts/${now?.id}/source`)).body,
      versions.at(-1),
    );

    if (inContracts('previewMarkdown.body')) {
      for (const p of bodies) {
        const m = await nextMember();
        await probe.write(m.agent, 'previewMarkdown.body', '/api/markdown/preview', {}, p);
      }
    }
    expect(probe.problems).toEqual([]);
  });
});

describeEachDialect('stored XSS: references and file names', (ctx) => {
  it('hostile ids and slugs get a 4xx in the error shape, never a 5xx', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const cop = await createCommunity(c);
    const author = await person(c, cop.id);
    const op = writerPool(() => person(c, null, 'member', { is_operator: 1 }), 100);
    const facilitator = writerPool(() => person(c, cop.id, 'facilitator'), 100);
    const inviter = writerPool(() => person(c, cop.id, 'facilitator'), 5);
    const poster = writerPool(() => person(c, cop.id), POSTS_PER_WRITER);
    const moderator = writerPool(() => person(c, cop.id, 'moderator'), 100);
    const topic = (
      await author.agent.post(`/api/communities/${cop.slug}/topics`, {
        title: 'A topic with a poll',
        body: 'Vote.',
        poll: { question: 'Which one?', options: ['One', 'Two'] },
      })
    ).json<J>();
    const group = (
      await (
        await facilitator()
      ).agent.post(`/api/communities/${cop.slug}/groups`, {
        slug: slug('wg'),
        name: 'A group',
      })
    ).json<J>();
    const community = () => ({ slug: slug('cop'), name: 'A community', shortDescription: 'Short.' });
    const none = () => ({});
    const topicUrl = `/api/topics/${topic.id}`;
    const copUrl = `/api/communities/${cop.slug}`;
    // The field, who writes it, where, and the rest of a valid body.
    const cases: [string, () => Promise<{ agent: TestAgent }>, string, () => J][] = [
      ['shareTopic.community', async () => author, `${topicUrl}/shares`, none],
      ['createTopic.group', poster, `${copUrl}/topics`, () => ({ title: 'A topic in a group', body: 'x' })],
      ['votePoll.optionIds[]', poster, `${topicUrl}/poll/votes`, none],
      ['markSolution.postId', moderator, `${topicUrl}/solution`, none],
      ['addGroupMember.userId', facilitator, `${copUrl}/groups/${group.slug}/members`, none],
      ['createCommunity.areaId', op, '/api/communities', community],
      ['createCommunity.facilitatorIds[]', op, '/api/communities', community],
      ['createCommunity.coverImageId', op, '/api/communities', community],
      ['updateCommunity.areaId', facilitator, copUrl, none],
      ['updateCommunity.coverImageId', facilitator, copUrl, none],
      ['createInvitations.userIds[]', inviter, `${copUrl}/invitations`, none],
    ];
    for (const [entry, writer, url, base] of cases) {
      expect(COVERAGE[entry]?.cls, entry).toBe('reference');
      if (!inContracts(entry)) continue;
      for (const p of PAYLOADS) {
        const res = await probe.write((await writer()).agent, entry, url, base(), p);
        if (res && entry === 'createInvitations.userIds[]') {
          probe.same(
            `invite skipped ${JSON.stringify(p)}`,
            res.res.json<J>().skipped?.[0]?.target,
            res.value,
          );
        } else if (res) {
          probe.problems.push(`${entry} ${JSON.stringify(p)}: accepted a reference to nothing`);
        }
      }
    }
    expect(probe.problems).toEqual([]);
  });

  it('upload file names come back as text and in a Content-Disposition that cannot be broken out of', async () => {
    const c = ctx();
    const probe = new Probe(c, tallies);
    const uploader = writerPool(() => person(c, null), 25);
    for (const p of PAYLOADS) {
      const boundary = '----xssBoundary7MA4YWxk';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${p}"\r\nContent-Type: image/png\r\n\r\n`;
      const u = await uploader();
      const res = await u.agent.request({
        method: 'POST',
        url: '/api/uploads',
        payload: Buffer.concat([Buffer.from(head), PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      const label = `upload ${JSON.stringify(p)} → ${res.statusCode}`;
      if (res.statusCode >= 500) probe.problems.push(label);
      if (res.statusCode !== 201) continue;
      probe.checkHtml(res.json(), label);
      const file = await u.agent.get(res.json<J>().url);
      const disposition = String(file.headers['content-disposition']);
      if (!/^inline; filename\*=UTF-8''[\w%!'()*.~-]*$/.test(disposition))
        probe.problems.push(`${label}: ${disposition}`);
    }
    expect(probe.problems).toEqual([]);
  });
});
