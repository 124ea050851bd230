import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { z } from 'zod';
import { jsonWriter } from './serializer.ts';

/**
 * An answer whose leading properties (`head`) are the same for many requests — a topic list page as every
 * reader sees it — followed by what is the viewer's own (`tail`). A handler returns the same `head` object
 * for as long as it is valid (a read cache gives that); the head is then written once per object, and
 * gzip-compressed once when it is sent again, instead of once per request (decision 0017). A head that is
 * never reused (PostgreSQL, where nothing is cached; later pages) costs what any answer costs.
 */
export class SharedHeadAnswer<A extends object> {
  constructor(
    readonly head: Partial<A>,
    readonly tail: Partial<A>,
  ) {}
}

interface EncodedHead {
  /** The head's JSON without its closing brace. */
  json: Buffer;
  /** gzip header and the head's deflate blocks, ending on a byte boundary (sync flush); made when the
   * head is sent a second time (a head that is never reused is compressed as any answer). */
  gzip?: Buffer;
  crc?: number;
}

// RFC 1952: magic, deflate, no flags, no time, no extra flags, OS unknown.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const STORED_MAX = 0xffff;

/**
 * Raw bytes as deflate "stored" blocks (RFC 1951, 3.2.4), the last one final. They may follow a stream
 * that ended with a sync flush, which leaves it on a byte boundary with no block open.
 */
function storedBlocks(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  do {
    const part = data.subarray(at, at + STORED_MAX);
    at += part.length;
    const header = Buffer.alloc(5);
    header[0] = at >= data.length ? 1 : 0; // BFINAL, BTYPE 00
    header.writeUInt16LE(part.length, 1);
    header.writeUInt16LE(~part.length & 0xffff, 3);
    out.push(header, part);
  } while (at < data.length);
  return out;
}

type Writer = (data: unknown) => string;

/** Writes and sends shared-head answers of one response schema. */
export function sharedAnswerSender(schema: z.ZodObject, opts: { validate: boolean }) {
  const writers = new Map<string, Writer>();
  const writerFor = (keys: string[]): Writer => {
    const id = keys.join(',');
    let w = writers.get(id);
    if (!w) {
      w = jsonWriter(schema.pick(Object.fromEntries(keys.map((k) => [k, true])) as never));
      writers.set(id, w);
    }
    return w;
  };
  const heads = new WeakMap<object, EncodedHead>();

  function encodeHead(head: object): { encoded: EncodedHead; seen: boolean } {
    const cached = heads.get(head);
    if (cached) return { encoded: cached, seen: true };
    const text = writerFor(Object.keys(head))(head);
    const encoded = { json: Buffer.from(text.slice(0, -1)) }; // open: the tail's properties follow
    heads.set(head, encoded);
    return { encoded, seen: false };
  }

  return function send(req: FastifyRequest, reply: FastifyReply, answer: SharedHeadAnswer<object>) {
    if (opts.validate) schema.parse({ ...answer.head, ...answer.tail });
    const { encoded: head, seen } = encodeHead(answer.head);
    const tailText = writerFor(Object.keys(answer.tail))(answer.tail).slice(1);
    const tail = Buffer.from(head.json.length > 1 && tailText !== '}' ? `,${tailText}` : tailText);
    reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
    const accept = req.headers['accept-encoding'];
    if (!seen || !accept || negotiate(accept, ['gzip']) !== 'gzip') {
      // The compression plugin compresses this as any answer (brotli or gzip, as the client accepts).
      return reply.send(Buffer.concat([head.json, tail]));
    }
    if (!head.gzip) {
      const deflated = deflateRawSync(head.json, { finishFlush: constants.Z_SYNC_FLUSH });
      head.gzip = Buffer.concat([GZIP_HEADER, deflated]);
      head.crc = crc32(head.json);
    }
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(tail, head.crc), 0);
    trailer.writeUInt32LE((head.json.length + tail.length) >>> 0, 4);
    return reply
      .header('content-encoding', 'gzip')
      .send(Buffer.concat([head.gzip, ...storedBlocks(tail), trailer]));
  };
}
