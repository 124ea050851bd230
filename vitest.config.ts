import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['apps/server', 'apps/web', 'e2e'],
    // Two test files at a time (Vitest's default on two cores is one): the server and web suites take
    // 6–7 minutes instead of 12–15, which keeps CI well under 20 minutes. Browser journeys still run one
    // file at a time (e2e/vitest.config.ts).
    maxWorkers: 2,
  },
});
