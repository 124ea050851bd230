import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, runnerImport, type Plugin, type UserConfig } from 'vite';
import { BUNDLES } from './src/i18n/bundles.ts';

type Contracts = typeof import('@discuss/contracts');

/** The contracts, loaded through Vite's own module runner (they are TypeScript). */
async function loadContracts(): Promise<Contracts> {
  const { module } = await runnerImport<Contracts>('@discuss/contracts', {
    configFile: false,
    logLevel: 'silent',
  });
  return module;
}

/**
 * Method and path of every operation, read from the contracts' API table when the app is built or served. The
 * browser gets this small table instead of the table's zod schemas (about 25 KB gzipped it does not need).
 */
function endpointsOf(contracts: Contracts): Record<string, { method: string; path: string }> {
  return Object.fromEntries(
    Object.entries(contracts.API).map(([name, endpoint]) => [
      name,
      { method: endpoint.method, path: endpoint.path },
    ]),
  );
}

/** JSON-like data only: strings, numbers, booleans, null, arrays and plain objects of them. */
function isPlain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlain);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isPlain);
}

/**
 * In the production build, `@discuss/contracts` is replaced by a module of its plain values (limits,
 * enumerations, error codes). The web app takes only types and such constants from it, but a contracts
 * module that is imported at all keeps its zod schemas, and with them zod (about 25 KB gzipped), in the
 * bundle. A zod schema used at run time would fail the build as a missing export, not pass unnoticed.
 * Tests and the dev server keep the real package.
 */
function contractConstants(contracts: Contracts): Plugin {
  const id = '\0discuss-contract-constants';
  return {
    name: 'discuss-contract-constants',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === '@discuss/contracts' ? id : null),
    load: (source) =>
      source === id
        ? Object.entries(contracts)
            .filter(([, value]) => isPlain(value))
            .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
            .join('\n')
        : null,
  };
}

const STRINGS = '\0discuss-strings:';

/** `\0discuss-strings:shell:/…/src/i18n/en`: not ending in `.json`, so Vite's JSON plugin leaves it alone. */
function stringsId(id: string | null | undefined): { bundle: string; file: string; locale: string } | null {
  const match = id?.startsWith(STRINGS) ? /^(\w+):(.*[\\/](\w+))$/.exec(id.slice(STRINGS.length)) : null;
  return match ? { bundle: match[1]!, file: `${match[2]!}.json`, locale: match[3]! } : null;
}

/**
 * `./en.json?strings=shell` is the shell bundle's sections of en.json (src/i18n/bundles.ts), as a module of
 * its own: translators keep one file per language, browsers load only the bundles a page needs.
 */
function stringBundles(): Plugin {
  return {
    name: 'discuss-strings',
    enforce: 'pre',
    async resolveId(source, importer) {
      const match = /^(.+)\.json\?strings=(\w+)$/.exec(source);
      if (!match) return null;
      const file = await this.resolve(`${match[1]!}.json`, importer, { skipSelf: true });
      return file ? `${STRINGS}${match[2]!}:${file.id.replace(/\.json$/, '')}` : null;
    },
    load(id) {
      const strings = stringsId(id);
      if (!strings) return null;
      const { bundle, file } = strings;
      if (!Object.hasOwn(BUNDLES, bundle)) this.error(`No strings bundle "${bundle}" (src/i18n/bundles.ts)`);
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const sections = BUNDLES[bundle as keyof typeof BUNDLES].map((section) => [section, all[section]]);
      return `export default ${JSON.stringify(Object.fromEntries(sections))};`;
    },
  };
}

/** `strings-fr-discussions-<hash>.js`: the bench (bench/lib/bundle.ts) finds a page's strings by name. */
function chunkFileName(chunk: { facadeModuleId: string | null }): string {
  const strings = stringsId(chunk.facadeModuleId);
  return strings ? `assets/strings-${strings.locale}-${strings.bundle}-[hash].js` : 'assets/[name]-[hash].js';
}

/** Shared by `vite` and the `web` Vitest project (vitest.config.ts). */
export async function webConfig(): Promise<UserConfig> {
  const contracts = await loadContracts();
  return {
    plugins: [contractConstants(contracts), stringBundles(), react()],
    define: {
      __DISCUSS_ENDPOINTS__: JSON.stringify(endpointsOf(contracts)),
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
        output: {
          codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/ }] },
          chunkFileNames: chunkFileName,
        },
      },
    },
  };
}

export default defineConfig(webConfig);
