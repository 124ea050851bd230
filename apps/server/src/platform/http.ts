import { API, ErrorResponseSchema, type ApiName, type ErrorCode } from '@discuss/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, statusOf } from './errors.ts';
import type { Actor } from './policy.ts';
import { SharedHeadAnswer, sharedAnswerSender } from './shared-answer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers are checked against their zod schema before they leave (not in production). */
    checkAnswers: boolean;
  }
}

type Ep<N extends ApiName> = (typeof API)[N];
type OutOf<S> = S extends z.ZodType ? z.output<S> : undefined;
type Field<N extends ApiName, K extends string> = Ep<N> extends Record<K, infer S> ? OutOf<S> : undefined;

/** What a route handler receives: the actor and the validated input. */
export interface RouteContext<N extends ApiName> {
  actor: Actor;
  params: Field<N, 'params'>;
  query: Field<N, 'query'>;
  body: Field<N, 'body'>;
  req: FastifyRequest;
  reply: FastifyReply;
}

type Result<N extends ApiName> = Ep<N> extends { response: infer R } ? z.input<R & z.ZodType> : void;

const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 429] as const;

/**
 * Dotted path of the first string holding U+0000, if any. PostgreSQL text cannot store it (the query
 * fails with a 500) and no field has a use for it, so it is refused on both databases alike.
 */
function nulPath(parts: Record<string, unknown>): string | undefined {
  const stack: [string, unknown][] = Object.entries(parts);
  while (stack.length > 0) {
    const [where, v] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return where;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) stack.push([`${where}.${k}`, child]);
    }
  }
  return undefined;
}

/**
 * Whether any string in a value holds the NUL character. Every request's input passes here, so it builds
 * no paths and no copies (`nulPath` does, once one is found).
 */
function hasNul(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v && typeof v === 'object') {
      for (const k in v) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return false;
}

/**
 * Registers one operation of the API table: its schemas validate, type, serialise and document it.
 * The handler returns the success body; errors are thrown as AppError.
 */
export function route<N extends ApiName>(
  app: FastifyInstance,
  name: N,
  handler: (ctx: RouteContext<N>) => Promise<Result<N> | SharedHeadAnswer<Result<N> & object>>,
): void {
  const ep = API[name] as (typeof API)[ApiName] &
    Partial<Record<'params' | 'query' | 'body' | 'response', z.ZodType>>;
  const response: Record<number, z.ZodType> = {};
  if (ep.response) response[ep.status] = ep.response;
  for (const s of ERROR_STATUSES) response[s] = ErrorResponseSchema;
  let sendShared: ReturnType<typeof sharedAnswerSender> | undefined;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: ep.method,
    url: ep.path,
    schema: {
      operationId: name,
      summary: ep.summary,
      tags: [ep.tag],
      ...(ep.params ? { params: ep.params } : {}),
      ...(ep.query ? { querystring: ep.query } : {}),
      ...(ep.body ? { body: ep.body } : {}),
      response,
    },
    // Runs on the validated input: what a handler would receive.
    preHandler: async (req) => {
      const input = [ep.params && req.params, ep.query && req.query, ep.body && req.body];
      const where = hasNul(input)
        ? nulPath({ params: input[0], query: input[1], body: input[2] })
        : undefined;
      if (where) {
        throw new AppError('validation_failed', 'Some fields are not valid', [
          { path: where, code: 'invalid_format', message: 'Must not contain the NUL character' },
        ]);
      }
    },
    handler: async (req, reply) => {
      const result = await handler({
        actor: req.actor,
        params: req.params as never,
        query: req.query as never,
        body: req.body as never,
        req,
        reply,
      });
      reply.code(ep.status);
      if (result instanceof SharedHeadAnswer) {
        sendShared ??= sharedAnswerSender(ep.response as z.ZodObject, { validate: app.checkAnswers });
        return sendShared(req, reply, result);
      }
      return ep.status === 204 ? reply.send() : reply.send(result);
    },
  });
}

/** Sends the one error shape. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: unknown,
): FastifyReply {
  const status = statusOf(code);
  if (code === 'rate_limited' && details && typeof details === 'object' && 'retryAfter' in details) {
    reply.header('retry-after', String((details as { retryAfter: number }).retryAfter));
  }
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the body as application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'The Content-Length header does not match the body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['bad_request', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['bad_request', 'The body is not valid JSON'],
  FST_REQ_FILE_TOO_LARGE: ['payload_too_large', 'The file is too large'],
  FST_FILES_LIMIT: ['bad_request', 'Send one file at a time'],
  FST_PARTS_LIMIT: ['bad_request', 'Too many parts in the form'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['unsupported_media_type', 'Send the file as multipart/form-data'],
};

/** One translator from any thrown error to the error shape; 5xx details never reach the client. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendError(reply, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        code: v.keyword,
        message: v.message ?? 'Invalid value',
      }));
      return sendError(reply, 'validation_failed', 'Some fields are not valid', details);
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return sendError(reply, known[0], known[1]);
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendError(reply, 'bad_request', 'The body is not valid JSON');
    }
    if (err.statusCode === 429)
      return sendError(reply, 'rate_limited', 'Too many requests', { retryAfter: 60 });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      req.log.info({ code: err.code }, 'client error');
      return sendError(reply, 'bad_request', 'The request could not be understood');
    }
    req.log.error({ err }, 'unexpected error');
    return sendError(reply, 'internal_error', 'Something went wrong on our side; it has been logged');
  });
}
