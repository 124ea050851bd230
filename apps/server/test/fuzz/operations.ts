import { API, type Endpoint } from '@discuss/contracts';
import fc from 'fast-check';
import { buildTestApp } from '../helpers.ts';
import { describeObject, validObject } from './contract-arbitraries.ts';

/** Every operation of the contracts, by name. */
export const OPS = Object.entries(API) as [string, Endpoint][];

/** Operations that change state: the ones CSRF protection must cover. */
export const WRITE_OPS = OPS.filter(([, ep]) => ep.method !== 'GET');

/** A value every path parameter of the contracts accepts (ids, slugs, tokens) that names nothing. */
export const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** The operation's URL with its `:name` parameters filled in (already encoded), unknown ones with NOWHERE. */
export const pathOf = (ep: Pick<Endpoint, 'path'>, encoded: Record<string, string> = {}): string =>
  ep.path.replace(/:(\w+)/g, (_, name: string) => encoded[name] ?? NOWHERE);

/** The names of an operation's path parameters. */
export const paramNames = (ep: Pick<Endpoint, 'path'>): string[] =>
  [...ep.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/**
 * Names of the operations the server serves, found once with a throwaway app: the contracts may run
 * ahead of the routes, and an unserved operation should be reported as skipped, not as a failure.
 */
export async function servedOperations(): Promise<ReadonlySet<string>> {
  const probe = await buildTestApp('sqlite');
  try {
    return new Set(
      OPS.filter(([, ep]) => probe.app.hasRoute({ method: ep.method, url: ep.path })).map(([n]) => n),
    );
  } finally {
    await probe.close();
  }
}

/** A deterministic body the contract accepts, generated from the operation's body schema. */
export function sampleBody(ep: Endpoint, seed = 1): Record<string, unknown> | undefined {
  if (!ep.body) return undefined;
  const spec = describeObject(ep.body);
  const samples = fc.sample(validObject(spec), { seed, numRuns: 50 });
  return samples.find((b) => ep.body!.safeParse(b).success) ?? samples[0];
}
