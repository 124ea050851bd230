import { API } from '@discuss/contracts';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './endpoints.ts';

describe('ENDPOINTS', () => {
  it('matches the method and path of every operation in the contracts', () => {
    const fromContracts = Object.fromEntries(
      Object.entries(API).map(([name, endpoint]) => [name, { method: endpoint.method, path: endpoint.path }]),
    );
    expect(ENDPOINTS).toEqual(fromContracts);
  });
});
