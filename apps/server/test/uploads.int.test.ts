import { expect, it } from 'vitest';
import { addMember, agentFor, createCommunity } from './community-factories.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser, errorCode, type TestAgent } from './helpers.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
);
const HTML = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

function multipart(data: Buffer, filename: string, type = 'image/png') {
  const boundary = '----discussBoundary7MA4YWxk';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (a: TestAgent, data: Buffer, name: string, type?: string) => {
  const m = multipart(data, name, type);
  return a.request({ method: 'POST', url: '/api/uploads', payload: m.payload, headers: m.headers });
};

describeEachDialect('uploads and files', (ctx) => {
  it('stores an image by its content type and serves it only to its owner while unattached', async () => {
    const c = ctx();
    const owner = await agentFor(c, (await createUser(c)).id);
    const res = await upload(owner, PNG, '../../etc/passwd <cover>.png');
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ mediaType: 'image/png', size: PNG.length, url: `/files/${file.id}` });
    expect(file.name).not.toContain('/');
    const got = await owner.get(file.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(got.headers['cache-control']).toContain('private');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const other = await agentFor(c, (await createUser(c)).id);
    expect(errorCode(await other.get(file.url))).toBe('not_found');
    expect(errorCode(await c.guest().get(file.url))).toBe('not_found');
    expect(errorCode(await c.guest().get('/files/00000000-0000-0000-0000-000000000000'))).toBe('not_found');
  });

  it('refuses SVG, HTML and other types whatever their name or declared type, and empty or anonymous uploads', async () => {
    const c = ctx();
    const a = await agentFor(c, (await createUser(c)).id);
    for (const [data, name] of [
      [SVG, 'logo.png'],
      [HTML, 'photo.jpg'],
      [Buffer.from('just text'), 'notes.gif'],
    ] as const) {
      const res = await upload(a, data, name, 'image/png');
      expect(res.statusCode, name).toBe(415);
      expect(errorCode(res)).toBe('unsupported_file_type');
    }
    expect(errorCode(await upload(a, Buffer.alloc(0), 'empty.png'))).toBe('bad_request');
    expect(errorCode(await upload(c.guest(), PNG, 'x.png'))).toBe('unauthenticated');
    const json = await a.post('/api/uploads', { file: 'x' });
    expect(errorCode(json)).toBe('unsupported_media_type');
    expect(await c.database.db.selectFrom('uploads').select('id').execute()).toHaveLength(0);
  });

  it('refuses a file over 5 MiB with 413', async () => {
    const c = ctx();
    const a = await agentFor(c, (await createUser(c)).id);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const res = await upload(a, big, 'big.png');
    expect(res.statusCode).toBe(413);
    expect(errorCode(res)).toBe('payload_too_large');
  });

  it("sets a community's cover: visible to whoever may see the community, hidden ones stay hidden", async () => {
    const c = ctx();
    for (const visibility of ['public', 'members', 'hidden'] as const) {
      const cop = await createCommunity(c, { visibility });
      const facUser = await createUser(c);
      await addMember(c, cop.id, facUser.id, 'facilitator');
      const fac = await agentFor(c, facUser.id);
      const file = (await upload(fac, PNG, 'cover.png')).json();
      const res = await fac.patch(`/api/communities/${cop.slug}`, { coverImageId: file.id });
      expect(res.statusCode).toBe(200);
      expect(res.json().coverImageUrl).toBe(`/files/${file.id}`);
      const outsider = await agentFor(c, (await createUser(c)).id);
      const seen = await outsider.get(file.url);
      expect(seen.statusCode, visibility).toBe(visibility === 'hidden' ? 404 : 200);
      if (visibility === 'public') expect(seen.headers['cache-control']).toContain('public');
      // Someone else's upload cannot become a cover.
      const stranger = await createUser(c);
      const theirs = (await upload(await agentFor(c, stranger.id), PNG, 'theirs.png')).json();
      expect(errorCode(await fac.patch(`/api/communities/${cop.slug}`, { coverImageId: theirs.id }))).toBe(
        'not_found',
      );
      expect(
        (await fac.patch(`/api/communities/${cop.slug}`, { coverImageId: null })).json().coverImageUrl,
      ).toBeNull();
    }
  });

  it('lets an operator create a community with its cover; an unknown image creates nothing', async () => {
    const c = ctx();
    const operator = await agentFor(c, (await createUser(c, { is_operator: 1 })).id);
    const file = (await upload(operator, PNG, 'cover.png')).json();
    const body = { slug: 'with-cover', name: 'With a cover', shortDescription: 'Covered.' };
    const res = await operator.post('/api/communities', { ...body, coverImageId: file.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().coverImageUrl).toBe(`/files/${file.id}`);
    expect((await c.guest().get(file.url)).statusCode).toBe(200);
    const refused = await operator.post('/api/communities', {
      ...body,
      slug: 'unknown-cover',
      coverImageId: 'no-such-upload',
    });
    expect(errorCode(refused)).toBe('not_found');
    expect((await c.guest().get('/api/communities/unknown-cover')).statusCode).toBe(404);
  });
});

describeEachDialect('images in posts', (ctx) => {
  it("an image a member puts in a post becomes readable by the post's readers, and by nobody else", async () => {
    const c = ctx();
    const cop = await createCommunity(c, { visibility: 'members' });
    const [ana, ben, eve] = [await createUser(c), await createUser(c), await createUser(c)];
    await addMember(c, cop.id, ana.id, 'member');
    await addMember(c, cop.id, ben.id, 'member');
    const [a, b, e] = await Promise.all([ana, ben, eve].map((u) => agentFor(c, u.id)));
    const mine = (await upload(a!, PNG, 'chart.png')).json();
    const other = (await upload(e!, PNG, 'not-hers.png')).json();
    expect((await b!.get(mine.url)).statusCode).toBe(404);

    const topic = await a!.post(`/api/communities/${cop.slug}/topics`, {
      title: 'Our results',
      body: `![chart](${mine.url}) and ![someone else's](${other.url})`,
    });
    expect(topic.statusCode).toBe(201);
    expect((await b!.get(mine.url)).statusCode).toBe(200);
    // Not a member, a guest, or a file of someone else: nothing changes for them.
    expect((await e!.get(mine.url)).statusCode).toBe(404);
    expect((await c.guest().get(mine.url)).statusCode).toBe(404);
    expect((await b!.get(other.url)).statusCode).toBe(404);
    expect((await e!.get(other.url)).statusCode).toBe(200);

    // A reply and an edit attach too.
    const later = (await upload(a!, PNG, 'later.png')).json();
    const reply = await a!.post(`/api/topics/${topic.json().id}/posts`, { body: 'More:' });
    expect((await b!.get(later.url)).statusCode).toBe(404);
    await a!.patch(`/api/posts/${reply.json().id}`, { body: `More: ![](${later.url})` });
    expect((await b!.get(later.url)).statusCode).toBe(200);
  });
});
