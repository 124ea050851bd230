import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
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
    readonly head: Partial<A> | PreparedHead,
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

/**
 * A head written and gzip-compressed ahead of time, for a cache that keeps only these bytes: a compressed
 * page of a thread takes a fifth of the memory its rows would (decision 0022). Its JSON is inflated again
 * only for a client that does not accept gzip.
 */
export class PreparedHead {
  private constructor(
    /** gzip header and the head's deflate blocks, ending on a byte boundary (sync flush). */
    readonly gzip: Buffer,
    /** CRC-32 and length of the head's JSON (without its closing brace). */
    readonly crc: number,
    readonly length: number,
  ) {}

  /** Writes `head` with `writer` (JSON of the whole object) and compresses it. */
  static of(head: object, writer: (data: unknown) => string): PreparedHead {
    const json = Buffer.from(writer(head).slice(0, -1));
    return new PreparedHead(gzipOpen(json), crc32(json), json.length);
  }

  /** The head's JSON without its closing brace, as written. */
  json(): Buffer {
    return inflateRawSync(this.gzip.subarray(GZIP_HEADER.length), { finishFlush: constants.Z_SYNC_FLUSH });
  }
}

/** A writer of JSON for the properties `keys` of `schema`, made once per schema and list of keys. */
const writersBySchema = new WeakMap<z.ZodObject, Map<string, Writer>>();
export function writerOf(schema: z.ZodObject, keys: readonly string[]): Writer {
  let writers = writersBySchema.get(schema);
  if (!writers) writersBySchema.set(schema, (writers = new Map<string, Writer>()));
  const id = keys.join(',');
  let w = writers.get(id);
  if (!w) {
    w = jsonWriter(schema.pick(Object.fromEntries(keys.map((k) => [k, true])) as never));
    writers.set(id, w);
  }
  return w;
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
  const heads = new WeakMap<object, EncodedHead>();

  function encodeHead(head: object): { encoded: EncodedHead; seen: boolean } {
    const cached = heads.get(head);
    if (cached) return { encoded: cached, seen: true };
    const text = writerOf(schema, Object.keys(head))(head);
    const encoded = { json: Buffer.from(text.slice(0, -1)) }; // open: the tail's properties follow
    heads.set(head, encoded);
    return { encoded, seen: false };
  }

  return function send(req: FastifyRequest, reply: FastifyReply, answer: SharedHeadAnswer<object>) {
    const prepared = answer.head instanceof PreparedHead ? answer.head : undefined;
    if (opts.validate) {
      const head: unknown = prepared ? JSON.parse(`${prepared.json().toString()}}`) : answer.head;
      schema.parse({ ...(head as object), ...answer.tail });
    }
    const tailText = writerOf(schema, Object.keys(answer.tail))(answer.tail).slice(1);
    reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
    const accept = req.headers['accept-encoding'];
    const gzip = accept !== undefined && negotiate(accept, ['gzip']) === 'gzip';
    if (prepared) {
      const tail = withComma(prepared.length, tailText);
      if (gzip) return sendGzip(reply, prepared, tail);
      return reply.send(Buffer.concat([prepared.json(), tail]));
    }
    const { encoded: head, seen } = encodeHead(answer.head);
    const tail = withComma(head.json.length, tailText);
    if (!seen || !gzip) {
      // The compression plugin compresses this as any answer (brotli or gzip, as the client accepts).
      return reply.send(Buffer.concat([head.json, tail]));
    }
    if (!head.gzip) {
      head.gzip = gzipOpen(head.json);
      head.crc = crc32(head.json);
    }
    return sendGzip(reply, { gzip: head.gzip, crc: head.crc!, length: head.json.length }, tail);
  };
}

/**
 * gzip header and `json`'s deflate blocks, ending with a sync flush (on a byte boundary, no block open), in a
 * buffer of its own: a small one cut from Node's shared pool would keep the whole 8 KB slab alive.
 */
function gzipOpen(json: Buffer): Buffer {
  const deflated = deflateRawSync(json, { finishFlush: constants.Z_SYNC_FLUSH });
  const gzip = Buffer.allocUnsafeSlow(GZIP_HEADER.length + deflated.length);
  GZIP_HEADER.copy(gzip, 0);
  deflated.copy(gzip, GZIP_HEADER.length);
  return gzip;
}

/** The tail's properties after the head's: a comma between them unless either is empty. */
const withComma = (headLength: number, tailText: string) =>
  Buffer.from(headLength > 1 && tailText !== '}' ? `,${tailText}` : tailText);

/** A compressed head, then the tail as stored blocks and the gzip trailer. */
function sendGzip(reply: FastifyReply, head: { gzip: Buffer; crc: number; length: number }, tail: Buffer) {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tail, head.crc), 0);
  trailer.writeUInt32LE((head.length + tail.length) >>> 0, 4);
  return reply
    .header('content-encoding', 'gzip')
    .send(Buffer.concat([head.gzip, ...storedBlocks(tail), trailer]));
}
