import { expect, it } from 'vitest';
import { DAY } from '../src/platform/clock.ts';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode, type TestContext } from './helpers.ts';

async function people(c: TestContext, communityId: string, n = 3) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = await createUser(c, { display_name: `Person ${i}` });
    await addMember(c, communityId, u.id, i === n - 1 ? 'moderator' : 'member');
    out.push({ id: u.id, agent: await agentFor(c, u.id) });
  }
  return out;
}

describeEachDialect('tags, polls and sharing', (ctx) => {
  it('tags topics, lists a tag page and counts per tag', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'public' });
    const [ana] = await people(c, cop.id);
    const t1 = await ana!.agent.post(`/api/communities/${cop.slug}/topics`, {
      title: 'Micro-credentials in VET',
      body: 'x',
      tags: ['Micro-credentials', 'VET', 'vet'],
    });
    expect(t1.json().tags).toEqual([
      { slug: 'micro-credentials', name: 'Micro-credentials' },
      { slug: 'vet', name: 'VET' },
    ]);
    await ana!.agent.post(`/api/communities/${cop.slug}/topics`, {
      title: 'Validation of learning',
      body: 'x',
      tags: ['Validation'],
    });
    const page = (await c.guest().get(`/api/communities/${cop.slug}/topics?tag=vet`)).json();
    expect(page.items.map((t: { id: string }) => t.id)).toEqual([t1.json().id]);
    expect((await c.guest().get(`/api/communities/${cop.slug}/topics?tag=nothing`)).json().items).toEqual([]);
    const tags = (await c.guest().get(`/api/communities/${cop.slug}/tags`)).json().items;
    expect(tags).toEqual([
      { slug: 'micro-credentials', name: 'Micro-credentials', topicCount: 1 },
      { slug: 'validation', name: 'Validation', topicCount: 1 },
      { slug: 'vet', name: 'VET', topicCount: 1 },
    ]);
    const retag = await ana!.agent.patch(`/api/topics/${t1.json().id}`, { tags: ['Validation'] });
    expect(retag.json().tags).toEqual([{ slug: 'validation', name: 'Validation' }]);
    expect(
      errorCode(
        await ana!.agent.post(`/api/communities/${cop.slug}/topics`, {
          title: 'Too many tags',
          body: 'x',
          tags: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'],
        }),
      ),
    ).toBe('validation_failed');
    const privateCop = await createCommunity(c, { visibility: 'members' });
    expect(errorCode(await c.guest().get(`/api/communities/${privateCop.slug}/tags`))).toBe(
      'unauthenticated',
    );
  });

  it('runs a single-choice poll: results after voting, votes replaced, closed polls refuse votes', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'members' });
    const [ana, ben, mod] = await people(c, cop.id);
    const closesAt = new Date(c.clock.now().getTime() + DAY).toISOString();
    const topic = (
      await ana!.agent.post(`/api/communities/${cop.slug}/topics`, {
        title: 'When should we meet?',
        body: 'Pick one',
        poll: { question: 'Best month for the webinar?', options: ['March', 'April', 'May'], closesAt },
      })
    ).json();
    expect(topic.poll).toMatchObject({
      question: 'Best month for the webinar?',
      multiple: false,
      closed: false,
      voters: null,
      canVote: true,
    });
    expect(topic.poll.options.every((o: { votes: number | null }) => o.votes === null)).toBe(true);
    const [march, april] = topic.poll.options.map((o: { id: string }) => o.id);
    const afterBen = (
      await ben!.agent.post(`/api/topics/${topic.id}/poll/votes`, { optionIds: [march] })
    ).json();
    expect(afterBen.poll).toMatchObject({ myVotes: [march], voters: 1 });
    expect(afterBen.poll.options[0].votes).toBe(1);
    expect(
      errorCode(await ben!.agent.post(`/api/topics/${topic.id}/poll/votes`, { optionIds: [march, april] })),
    ).toBe('validation_failed');
    expect(
      errorCode(
        await ben!.agent.post(`/api/topics/${topic.id}/poll/votes`, {
          optionIds: ['00000000-0000-0000-0000-000000000000'],
        }),
      ),
    ).toBe('validation_failed');
    const changed = (
      await ben!.agent.post(`/api/topics/${topic.id}/poll/votes`, { optionIds: [april] })
    ).json();
    expect(changed.poll.options.map((o: { votes: number }) => o.votes)).toEqual([0, 1, 0]);
    // Ana has not voted: results stay hidden for her.
    expect((await ana!.agent.get(`/api/topics/${topic.id}`)).json().poll.voters).toBeNull();
    c.clock.advance(2 * DAY);
    expect(
      errorCode(await mod!.agent.post(`/api/topics/${topic.id}/poll/votes`, { optionIds: [march] })),
    ).toBe('poll_closed');
    const closed = (await ana!.agent.get(`/api/topics/${topic.id}`)).json().poll;
    expect(closed).toMatchObject({ closed: true, voters: 1, canVote: false });
    const outsider = await agentFor(c, (await createUser(c)).id);
    expect(errorCode(await outsider.post(`/api/topics/${topic.id}/poll/votes`, { optionIds: [march] }))).toBe(
      'not_found',
    );
  });

  it('counts a multiple-choice poll', async () => {
    const c = ctx();
    const cop = await createCommunity(c);
    const [ana, ben] = await people(c, cop.id);
    const topic = (
      await ana!.agent.post(`/api/communities/${cop.slug}/topics`, {
        title: 'Which topics interest you?',
        body: 'Several allowed',
        poll: { question: 'Interests', options: ['Outreach', 'Guidance', 'Validation'], multiple: true },
      })
    ).json();
    const ids = topic.poll.options.map((o: { id: string }) => o.id);
    await ana!.agent.post(`/api/topics/${topic.id}/poll/votes`, { optionIds: [ids[0], ids[2]] });
    const res = (await ben!.agent.post(`/api/topics/${topic.id}/poll/votes`, { optionIds: [ids[0]] })).json();
    expect(res.poll.options.map((o: { votes: number }) => o.votes)).toEqual([2, 0, 1]);
    expect(res.poll.voters).toBe(2);
  });

  it('shares a topic into another community the author belongs to; readers there see only what the source allows', async () => {
    const c = ctx();
    const source = await createCommunity(c, { visibility: 'members', name: 'VET source' });
    const target = await createCommunity(c, { visibility: 'public', name: 'Adult target' });
    const author = await createUser(c);
    await addMember(c, source.id, author.id);
    await addMember(c, target.id, author.id);
    const a = await agentFor(c, author.id);
    const topic = (
      await a.post(`/api/communities/${source.slug}/topics`, {
        title: 'Work-based learning for adults',
        body: 'SHARE-MARKER',
      })
    ).json();
    expect(topic.can.share).toBe(true);
    const shared = await a.post(`/api/topics/${topic.id}/shares`, { community: target.slug });
    expect(shared.json().sharedInto).toEqual([{ slug: target.slug, name: 'Adult target' }]);

    // A member of both sees it in the target with a link back to its home.
    const both = await createUser(c);
    await addMember(c, source.id, both.id);
    await addMember(c, target.id, both.id);
    const listBoth = (
      await (await agentFor(c, both.id)).get(`/api/communities/${target.slug}/topics`)
    ).json();
    expect(
      listBoth.shared.map((t: { id: string; community: { slug: string } }) => [t.id, t.community.slug]),
    ).toEqual([[topic.id, source.slug]]);
    // A member of the target only (and a guest) cannot read the members-only source: it is not listed.
    const onlyTarget = await createUser(c);
    await addMember(c, target.id, onlyTarget.id);
    const listOnly = await (await agentFor(c, onlyTarget.id)).get(`/api/communities/${target.slug}/topics`);
    expect(listOnly.json().shared).toEqual([]);
    expect(listOnly.body).not.toContain('SHARE-MARKER');
    expect((await c.guest().get(`/api/communities/${target.slug}/topics`)).json().shared).toEqual([]);
    // Replies stay in one place: the topic's home.
    expect((await a.get(`/api/topics/${topic.id}`)).json().community.slug).toBe(source.slug);

    const elsewhere = await createCommunity(c);
    expect(errorCode(await a.post(`/api/topics/${topic.id}/shares`, { community: elsewhere.slug }))).toBe(
      'forbidden',
    );
    const other = await agentFor(c, both.id);
    expect(errorCode(await other.post(`/api/topics/${topic.id}/shares`, { community: target.slug }))).toBe(
      'forbidden',
    );
  });
});

describeEachDialect('Markdown in posts and the composer preview', (ctx) => {
  it('renders task lists and highlighted code, and previews exactly what a post would show', async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'public' });
    const [ana] = await people(c, cop.id, 1);
    const body = '- [ ] draft the call\n- [x] find partners\n\n```python\ndef f():\n    return "<b>"\n```';
    const preview = await ana!.agent.post('/api/markdown/preview', { body });
    expect(preview.statusCode).toBe(200);
    const html: string = preview.json().html;
    expect(html).toContain('<ul class="contains-task-list">');
    expect(html).toContain('<input checked disabled type="checkbox" />');
    expect(html).toContain('<code class="language-python"><span class="hljs-keyword">def</span>');
    expect(html).toContain('&lt;b&gt;');
    const topic = await ana!.agent.post(`/api/communities/${cop.slug}/topics`, { title: 'Checklist', body });
    const posts = (await ana!.agent.get(`/api/topics/${topic.json().id}/posts`)).json();
    expect(posts.items[0].bodyHtml).toBe(html);
    // Nothing is stored by a preview, and it needs an account (it renders, so it costs).
    const hostile = await ana!.agent.post('/api/markdown/preview', {
      body: '<script>alert(1)</script> [x](javascript:alert(1)) @[Ana](00000000-0000-4000-8000-000000000000)',
    });
    expect(hostile.json().html).toContain('&lt;script&gt;');
    expect(hostile.json().html).not.toMatch(/<script|href="javascript:/i);
    expect(errorCode(await c.guest().post('/api/markdown/preview', { body: 'hi' }))).toBe('unauthenticated');
    expect(errorCode(await ana!.agent.post('/api/markdown/preview', { body: 42 }))).toBe('validation_failed');
  });
});
