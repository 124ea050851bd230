import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PreparedHead, SharedHeadAnswer, sharedAnswerSender, writerOf } from './shared-answer.ts';

const Schema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string() })),
  nextCursor: z.string().nullable(),
  reads: z.record(z.string(), z.number().int()).nullable(),
});
type Answer = z.infer<typeof Schema>;

const head = {
  items: Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, title: `Topic ${i}: é, “quotes”, \u2028` })),
  nextCursor: 'abc',
};

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(
  tail: () => Partial<Answer>,
  validate = false,
  h: Partial<Answer> | PreparedHead = head,
) {
  app = Fastify();
  // As in production (app.ts): what this module does not compress itself, the plugin does.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  const send = sharedAnswerSender(Schema, { validate });
  app.get('/list', async (req, reply) => send(req, reply, new SharedHeadAnswer<Answer>(h, tail())));
  await app.ready();
  return app;
}

describe('shared-head answers', () => {
  it('compresses a head as any answer when first sent, then reuses its gzip bytes', async () => {
    const a = await serve(() => ({ reads: { t1: 3 } }));
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    const first = await a.inject({ url: '/list', headers: browser });
    expect(first.headers['content-encoding']).toBe('br'); // the plugin's choice, as for any answer
    expect(JSON.parse(brotliDecompressSync(first.rawPayload).toString())).toEqual({
      ...head,
      reads: { t1: 3 },
    });
    const gz = await a.inject({ url: '/list', headers: browser });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('accept-encoding');
    expect(gz.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual({ ...head, reads: { t1: 3 } });

    for (const accept of [undefined, 'identity', 'gzip;q=0']) {
      const plain = await a.inject({ url: '/list', headers: accept ? { 'accept-encoding': accept } : {} });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.json()).toEqual({ ...head, reads: { t1: 3 } });
    }
    const br = await a.inject({ url: '/list', headers: { 'accept-encoding': 'br' } });
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual({ ...head, reads: { t1: 3 } });
  });

  it("appends each viewer's own tail to the same compressed head", async () => {
    let n = 0;
    const a = await serve(() => ({ reads: n++ % 2 ? null : { t0: n } }));
    const bodies = [];
    for (let i = 0; i < 5; i++) {
      bodies.push((await a.inject({ url: '/list', headers: { 'accept-encoding': 'gzip' } })).rawPayload);
    }
    expect(bodies.map((b) => JSON.parse(gunzipSync(b).toString()).reads)).toEqual([
      { t0: 1 },
      null,
      { t0: 3 },
      null,
      { t0: 5 },
    ]);
    // From the second answer on, all but the last bytes (the tail's stored block, 5 bytes of header, and
    // the 8-byte trailer) are the gzip header and the head's deflate blocks, the same each time.
    const common = (x: Buffer, y: Buffer) => {
      let i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      return i;
    };
    const ownBytes = 5 + Buffer.byteLength(',"reads":null}') + 8;
    expect(common(bodies[2]!, bodies[3]!)).toBeGreaterThanOrEqual(bodies[3]!.length - ownBytes);
    expect(common(bodies[3]!, bodies[4]!)).toBeGreaterThanOrEqual(bodies[3]!.length - ownBytes);
  });

  it('splits a tail above 64 KB into several stored blocks', async () => {
    const reads = Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`topic-${i}`, i]));
    const a = await serve(() => ({ reads }));
    for (let i = 0; i < 2; i++) {
      const res = await a.inject({ url: '/list', headers: { 'accept-encoding': 'gzip' } });
      expect(JSON.parse(gunzipSync(res.rawPayload).toString()).reads).toEqual(reads);
    }
  });

  it('works with an empty head and over real HTTP with a decoding client', async () => {
    const a = await serve(() => ({ reads: null }), false, { items: [], nextCursor: null });
    const url = await a.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${url}/list`, { headers: { 'accept-encoding': 'gzip' } });
      // The first answer is too small for the plugin; the second is this module's gzip.
      expect(res.headers.get('content-encoding')).toBe(i === 0 ? null : 'gzip');
      expect(await res.json()).toEqual({ items: [], nextCursor: null, reads: null });
    }
  });

  it('checks the whole answer against its schema when asked to', async () => {
    const a = await serve(() => ({ reads: { t1: 1.5 } }), true);
    expect((await a.inject({ url: '/list' })).statusCode).toBe(500);
  });

  it('sends a head prepared ahead of time: its gzip bytes as they are, or its JSON inflated again', async () => {
    const prepared = PreparedHead.of(head, writerOf(Schema, ['items', 'nextCursor']));
    // Its bytes are a buffer of their own, not a slice of Node's shared pool that would keep 8 KB alive.
    expect(prepared.gzip.byteOffset).toBe(0);
    expect(prepared.gzip.buffer.byteLength).toBe(prepared.gzip.length);
    const a = await serve(() => ({ reads: { t2: 7 } }), true, prepared);
    const whole = { ...head, reads: { t2: 7 } };
    const gz = await a.inject({ url: '/list', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip'); // from the first answer on
    expect(gz.rawPayload.subarray(0, prepared.gzip.length)).toEqual(prepared.gzip);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(whole);
    const plain = await a.inject({ url: '/list' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(whole);
    const br = await a.inject({ url: '/list', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(whole);
    // Checked against the schema as any answer: a bad tail still fails.
    await a.close();
    const bad = await serve(() => ({ reads: { t2: 0.5 } }), true, prepared);
    expect((await bad.inject({ url: '/list' })).statusCode).toBe(500);
  });
});
