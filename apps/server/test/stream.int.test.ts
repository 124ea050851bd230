import { expect, it } from 'vitest';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, type TestAgent, type TestContext } from './helpers.ts';
import { openStream } from './sse.ts';

async function listening(c: TestContext): Promise<string> {
  await c.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = c.app.server.address() as { port: number };
  return `http://127.0.0.1:${addr.port}`;
}

async function member(c: TestContext, communityId: string, role: 'member' | 'facilitator' = 'member') {
  const u = await createUser(c);
  await addMember(c, communityId, u.id, role);
  return { id: u.id, agent: await agentFor(c, u.id) };
}

const topicIn = async (a: TestAgent, slug: string, title = 'Live topic for streaming') =>
  (await a.post(`/api/communities/${slug}/topics`, { title, body: 'Opening post' })).json<{ id: string }>();

describeEachDialect('live updates over one stream', (ctx) => {
  it('delivers a reply posted through the API to a member watching the topic', async () => {
    const c = ctx();
    const base = await listening(c);
    const cop = await createCommunity(c, { visibility: 'members' });
    const [ana, ben] = [await member(c, cop.id), await member(c, cop.id)];
    const topic = await topicIn(ana.agent, cop.slug);
    const stream = await openStream(`${base}/api/stream?topic=${topic.id}`, ben.agent.cookie);
    expect(stream.status).toBe(200);
    const reply = (
      await ana.agent.post(`/api/topics/${topic.id}/posts`, { body: 'Hello live world' })
    ).json();
    const e = await stream.next((x) => x.event === 'post.created');
    expect(e.data).toEqual({ type: 'post.created', topicId: topic.id, postId: reply.id, number: 2 });
    // Ids only: the content is fetched through the API, which applies the policy again.
    expect(JSON.stringify(stream.events)).not.toContain('Hello live world');
    await ana.agent.patch(`/api/posts/${reply.id}`, { body: 'Edited live' });
    await ana.agent.post(`/api/posts/${reply.id}/reactions`, { kind: 'thanks' });
    await stream.next((x) => x.event === 'post.updated');
    await stream.next((x) => x.event === 'reaction.changed');
    stream.close();
  });

  it('refuses a stream of a topic the person may not read, and filters community streams per event', async () => {
    const c = ctx();
    const base = await listening(c);
    const cop = await createCommunity(c, { visibility: 'members' });
    const fac = await member(c, cop.id, 'facilitator');
    const topic = await topicIn(fac.agent, cop.slug);
    const outsider = await agentFor(c, (await createUser(c)).id);
    expect((await openStream(`${base}/api/stream?topic=${topic.id}`, outsider.cookie)).status).toBe(404);
    expect((await openStream(`${base}/api/stream?topic=${topic.id}`)).status).toBe(404);

    const watching = await openStream(`${base}/api/stream?community=${cop.slug}`, outsider.cookie);
    expect(watching.status).toBe(200);
    await fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'Members only' });
    // Then the community opens up: the next event is allowed. Events are sent in order, so
    // receiving the second proves the first was withheld.
    await fac.agent.patch(`/api/communities/${cop.slug}`, { visibility: 'public' });
    const open = (await fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'Now public' })).json();
    const got = await watching.next((x) => x.event === 'post.created');
    expect(got.data.postId).toBe(open.id);
    expect(watching.events.filter((x) => x.event === 'post.created')).toHaveLength(1);
    watching.close();
  });

  it('stops serving an open stream at once when the person leaves or is signed out', async () => {
    const c = ctx();
    const base = await listening(c);
    const cop = await createCommunity(c, { visibility: 'members' });
    const fac = await member(c, cop.id, 'facilitator');
    const ben = await member(c, cop.id);
    const topic = await topicIn(fac.agent, cop.slug);
    const stream = await openStream(`${base}/api/stream?topic=${topic.id}`, ben.agent.cookie);
    const first = (await fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'one' })).json();
    await stream.next((x) => x.data.postId === first.id);
    await fac.agent.delete(`/api/communities/${cop.slug}/members/${ben.id}`);
    await fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'two, after removal' });
    await addMember(c, cop.id, ben.id, 'member');
    const third = (
      await fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'three, after re-adding' })
    ).json();
    await stream.next((x) => x.data.postId === third.id);
    expect(stream.events.filter((x) => x.event === 'post.created').map((x) => x.data.number)).toEqual([2, 4]);

    await ben.agent.post('/api/auth/sign-out');
    await fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'five, after sign-out' });
    // A fresh stream for the facilitator proves the event went out; Ben's must not have it.
    const facStream = await openStream(`${base}/api/stream?topic=${topic.id}`, fac.agent.cookie);
    const six = (await fac.agent.post(`/api/topics/${topic.id}/posts`, { body: 'six' })).json();
    await facStream.next((x) => x.data.postId === six.id);
    expect(stream.events.filter((x) => x.event === 'post.created').map((x) => x.data.number)).toEqual([2, 4]);
    stream.close();
    facStream.close();
  });
});
