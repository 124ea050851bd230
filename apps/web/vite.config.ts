import react from '@vitejs/plugin-react';
import { defineConfig, runnerImport, type UserConfig } from 'vite';

type Contracts = typeof import('@discuss/contracts');

/**
 * Method and path of every operation, read from the contracts' API table when the app is built or served. The
 * browser gets this small table instead of the table's zod schemas (about 25 KB gzipped it does not need).
 * The contracts are TypeScript, so they are loaded through Vite's own module runner.
 */
async function readEndpoints(): Promise<Record<string, { method: string; path: string }>> {
  const { module } = await runnerImport<Contracts>('@discuss/contracts', {
    configFile: false,
    logLevel: 'silent',
  });
  return Object.fromEntries(
    Object.entries(module.API).map(([name, endpoint]) => [
      name,
      { method: endpoint.method, path: endpoint.path },
    ]),
  );
}

/** Shared by `vite` and the `web` Vitest project (vitest.config.ts). */
export async function webConfig(): Promise<UserConfig> {
  return {
    plugins: [react()],
    define: {
      __DISCUSS_ENDPOINTS__: JSON.stringify(await readEndpoints()),
    },
    server: {
      port: 5173,
      strictPort: true,
      // The API runs on its own port in development; the browser still sees one origin (cookies, CSP).
      proxy: { '/api': { target: 'http://localhost:3000' } },
    },
    preview: {
      port: 4173,
      proxy: { '/api': { target: 'http://localhost:3000' } },
    },
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        // Libraries in one long-cached chunk; every page is its own chunk (see src/router.tsx).
        output: { codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/ }] } },
        treeshake: {
          // @discuss/contracts declares no "sideEffects", so importing LIMITS would pull in zod and every
          // schema. Its modules only declare values; the web app uses its types and a few constants.
          moduleSideEffects: (id: string) => !/[\\/]packages[\\/]contracts[\\/]/.test(id),
        },
      },
    },
  };
}

export default defineConfig(webConfig);
