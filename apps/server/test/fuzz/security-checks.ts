import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { internalsIn, parseError } from './http-checks.ts';

/** Asserts the error shape, the code and that nothing internal leaked. */
export function expectError(res: LightMyRequestResponse, status: number, code: string, what = '') {
  const err = parseError(res);
  const label = `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  expect(typeof err === 'string' ? err : err.code, label).toBe(code);
  expect(res.statusCode, label).toBe(status);
  expect(internalsIn(res.body), label).toEqual([]);
}

/** Parses a CSP header into directive → sources. */
function csp(header: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Problems with a response's security headers (empty when all is well). */
export function headerProblems(res: LightMyRequestResponse): string[] {
  const p: string[] = [];
  const d = csp(res.headers['content-security-policy']);
  if (!d.get('default-src')?.includes("'self'")) p.push("default-src 'self'");
  if (d.get('object-src')?.join(' ') !== "'none'") p.push("object-src 'none'");
  if (d.get('base-uri')?.join(' ') !== "'none'") p.push("base-uri 'none'");
  if (d.get('frame-ancestors')?.join(' ') !== "'none'") p.push("frame-ancestors 'none'");
  const script = d.get('script-src') ?? [];
  if (!script.includes("'self'")) p.push("script-src 'self'");
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    if (script.includes(bad)) p.push(`script-src allows ${bad}`);
  }
  if (res.headers['x-content-type-options'] !== 'nosniff') p.push('X-Content-Type-Options nosniff');
  const referrer = String(res.headers['referrer-policy'] ?? '');
  if (
    !['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)
  ) {
    p.push(`Referrer-Policy "${referrer}"`);
  }
  if (!res.headers['x-request-id']) p.push('x-request-id');
  if (res.statusCode >= 400 && internalsIn(res.body).length > 0) p.push('internals in error body');
  return p;
}

/** Every key of a JSON value, at any depth. */
export function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}
