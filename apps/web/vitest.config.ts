import { defineProject, mergeConfig } from 'vitest/config';
import { webConfig } from './vite.config.ts';

export default defineProject(async () =>
  mergeConfig(await webConfig(), {
    test: {
      name: 'web',
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
    },
  }),
);
