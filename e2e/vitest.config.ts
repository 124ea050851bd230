import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One browser at a time on a 2-core machine keeps journeys stable.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    globalSetup: ['./support/global-setup.ts'],
  },
});
