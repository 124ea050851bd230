import type { ApiBody, ApiName, ApiParams, ApiQuery, ApiResponse, ErrorCode } from '@discuss/contracts';
import { ENDPOINTS } from './endpoints.ts';

/** Failures that happen before the server answers with its error shape. */
export type ClientErrorCode = 'network_error' | 'bad_response';

/** Any failed API call: the server's `{ error: { code, message, details } }`, or a client-side failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type CallOptions<N extends ApiName> = {
  signal?: AbortSignal;
  /** A multipart body (file uploads), for operations without a JSON body. */
  form?: ApiBody<N> extends undefined ? FormData : never;
} & (ApiParams<N> extends undefined ? { params?: undefined } : { params: ApiParams<N> }) &
  (ApiQuery<N> extends undefined ? { query?: undefined } : { query?: ApiQuery<N> }) &
  (ApiBody<N> extends undefined ? { body?: undefined } : { body: ApiBody<N> });

type CallArgs<N extends ApiName> =
  object extends CallOptions<N> ? [options?: CallOptions<N>] : [options: CallOptions<N>];

interface LooseOptions {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;

/** Remember the CSRF token of the current session; it is sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function buildUrl(
  path: string,
  params?: Record<string, string>,
  query?: Record<string, unknown>,
): string {
  const filled = path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined) throw new Error(`Missing path parameter "${key}" for ${path}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (scalar && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

function isErrorBody(
  value: unknown,
): value is { error: { code: ErrorCode; message?: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
  );
}

async function send(name: ApiName, options: LooseOptions): Promise<Response> {
  const { method, path } = ENDPOINTS[name];
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A form gets its Content-Type (multipart, with its boundary) from the browser, never from us.
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.params, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'The server could not be reached', cause);
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) {
    return new ApiError(
      res.status,
      body.error.code,
      body.error.message ?? res.statusText,
      body.error.details,
    );
  }
  const code = res.status >= 500 ? 'internal_error' : 'bad_response';
  return new ApiError(res.status, code, `Unexpected response ${res.status}`);
}

/**
 * Call one API operation by its name in the contracts' `API` table. Resolves with the typed success body
 * (undefined for 204) and rejects with an `ApiError`. A `csrf_failed` answer refreshes the token once and retries.
 */
export async function apiCall<N extends ApiName>(
  name: N,
  ...[options]: CallArgs<N>
): Promise<ApiResponse<N>> {
  const opts = (options ?? {}) as LooseOptions;
  let res = await send(name, opts);
  if (!res.ok) {
    let error = await toApiError(res);
    if (error.code === 'csrf_failed' && name !== 'session') {
      const session = await apiCall('session', { signal: opts.signal });
      setCsrfToken(session.csrfToken);
      res = await send(name, opts);
      if (!res.ok) error = await toApiError(res);
    }
    if (!res.ok) throw error;
  }
  if (res.status === 204) return undefined as ApiResponse<N>;
  try {
    return (await res.json()) as ApiResponse<N>;
  } catch (cause) {
    throw new ApiError(res.status, 'bad_response', 'The response was not JSON', cause);
  }
}
