import { ERROR_CODES, ErrorResponseSchema, type ErrorCode } from '@discuss/contracts';
import type { LightMyRequestResponse } from 'fastify';

/** Text that means internals reached the client: stack frames, source paths, driver messages. */
const INTERNALS: readonly RegExp[] = [
  /\b[A-Za-z]*Error:/,
  /\n\s+at\s/,
  /\bat\s+\S+\s+\([^)]*:\d+:\d+\)/,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /node_modules/,
  /\/(?:work|home|usr|opt|tmp)\//,
  /[A-Z]:\\\\/,
  /\bSQLITE_[A-Z]+/,
  /\bsyntax error at or near\b/,
  /\bduplicate key value\b/,
  /\brelation "[^"]+"/,
  /\binvalid byte sequence\b/,
  /\bkysely\b/i,
  /"stack"\s*:/,
];

/**
 * Internals found in a response body. A match that also occurs in what the client sent is an echo
 * (e.g. an unknown key named in a validation message), not a leak.
 */
export function internalsIn(body: string, sent = ''): string[] {
  const found: string[] = [];
  for (const re of INTERNALS) {
    const m = re.exec(body);
    if (m && !sent.includes(m[0])) found.push(m[0]);
  }
  return found;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * Parses a 4xx/5xx body as the one error shape; returns a description of what is wrong with it
 * instead when it does not conform.
 */
export function parseError(res: LightMyRequestResponse): ErrorBody | string {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) return `content-type is "${type}"`;
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return `body is not JSON: ${res.body.slice(0, 200)}`;
  }
  const parsed = ErrorResponseSchema.safeParse(json);
  if (!parsed.success) return `body is not the error shape: ${res.body.slice(0, 200)}`;
  if (!(ERROR_CODES as readonly string[]).includes(parsed.data.error.code)) return 'unknown error code';
  return parsed.data.error;
}

/** One line describing a request, for failure messages. */
export const describeRequest = (method: string, url: string, note = ''): string =>
  `${method} ${url.length > 160 ? `${url.slice(0, 160)}…(${url.length})` : url}${note ? ` [${note}]` : ''}`;
