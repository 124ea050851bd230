import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface BundleReport {
  /** Which page was measured, and why. */
  route: string;
  note: string;
  /** Vite built the app in development mode (React's development build): sizes are not representative. */
  developmentBuild: boolean;
  files: { file: string; bytes: number; gzip: number }[];
  js: { bytes: number; gzip: number; brotli: number };
  css: { bytes: number; gzip: number; brotli: number };
  totalGzip: number;
}

/**
 * What a browser downloads (JS and CSS) to show one page of the built SPA: the entry script with its
 * module preloads and stylesheets from index.html, plus the lazy route chunks of the page with the
 * dependencies Vite lists for them (`__vite__mapDeps`), and every static import of those chunks.
 */
export function measureBundle(dist: string): BundleReport {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const fromHtml = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const entry = fromHtml.find((f) => new RegExp(`src="/${f.replace(/[.]/g, '\\.')}"`).test(html));
  if (!entry) throw new Error('no entry script in index.html');
  const entrySource = readFileSync(path.join(dist, entry), 'utf8');

  // The ordered dependency table and, per lazy import, the indexes into it.
  const table =
    /m\.f=\[([^\]]*)\]/
      .exec(entrySource)?.[1]
      ?.match(/"([^"]+)"/g)
      ?.map((s) => s.slice(1, -1)) ?? [];
  const lazy = new Map<string, string[]>();
  for (const m of entrySource.matchAll(/import\(`\.\/([^`]+)`\)[^_]*?__vite__mapDeps\(\[([\d,]*)\]\)/g)) {
    lazy.set(
      `assets/${m[1]!}`,
      m[2]!
        .split(',')
        .filter(Boolean)
        .map((i) => table[Number(i)]!),
    );
  }
  const chunk = (prefix: string) => [...lazy.keys()].find((f) => path.basename(f).startsWith(prefix));
  const topic = chunk('topic-page') ?? chunk('topic');
  // The interface strings of the reader's language load (lazily) before the first render: count English. They
  // come in bundles (apps/web/src/i18n/bundles.ts), one chunk per language each (`strings-en-shell-<hash>.js`):
  // the shell before any page, and those the page lists in `page([...], …)` in src/router.tsx, which the
  // minified entry keeps as a string array just before the page's import.
  const assets = readdirSync(path.join(dist, 'assets'));
  const stringsChunk = (bundle: string) => {
    const file = assets.find((f) => f.startsWith(`strings-en-${bundle}-`) && f.endsWith('.js'));
    if (!file) throw new Error(`no English "${bundle}" strings chunk in ${dist}/assets`);
    return `assets/${file}`;
  };
  const pageStrings = (chunkFile: string): string[] => {
    const at = entrySource.indexOf(`import(\`./${path.basename(chunkFile)}\`)`);
    const before = at < 0 ? '' : entrySource.slice(Math.max(0, at - 400), at);
    const lists = [...before.matchAll(/\(\[((?:[`'"]\w+[`'"],?)*)\],\s*async\b/g)];
    const list = lists.at(-1)?.[1];
    if (list === undefined) throw new Error(`no strings bundles found for ${chunkFile} in ${entry}`);
    return ['shell', ...(list.match(/\w+/g) ?? [])].map(stringsChunk);
  };
  let route: string;
  let note: string;
  let routeChunks: string[];
  if (topic) {
    route = '/c/:slug/t/:id (topic page)';
    // The thread is a top-level route (src/router.tsx), not nested in the community layout.
    note = 'entry + topic page chunk + the English strings bundles it loads before rendering';
    routeChunks = [topic, ...pageStrings(topic)];
  } else {
    const landing = chunk('landing');
    route = '/ (landing page)';
    note =
      'The web app has no topic page route yet: this is the landing page (entry + landing chunk). ' +
      'The topic page will add its own chunk.';
    routeChunks = landing ? [landing] : [];
  }

  const files = new Set<string>(fromHtml);
  for (const c of routeChunks) for (const dep of [c, ...(lazy.get(c) ?? [])]) files.add(dep);
  // Static imports (`from"./x.js"`, `import"./x.js"`) of everything so far, transitively.
  const queue = [...files].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const f = queue.pop()!;
    const file = path.join(dist, f);
    if (!existsSync(file)) continue;
    const src = readFileSync(file, 'utf8');
    const body = f === entry ? src.replace(/import\(`[^`]+`\)/g, '') : src;
    for (const m of body.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
      const dep = `assets/${m[1]!}`;
      if (!files.has(dep)) {
        files.add(dep);
        queue.push(dep);
      }
    }
  }

  const rows = [...files].sort().map((f) => {
    const buf = readFileSync(path.join(dist, f));
    return { file: f, bytes: buf.length, gzip: gzipSync(buf).length, brotli: brotliCompressSync(buf).length };
  });
  const sum = (ext: string) =>
    rows
      .filter((r) => r.file.endsWith(ext))
      .reduce((a, r) => ({ bytes: a.bytes + r.bytes, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), {
        bytes: 0,
        gzip: 0,
        brotli: 0,
      });
  const js = sum('.js');
  const css = sum('.css');
  const vendor = readdirSync(path.join(dist, 'assets')).find(
    (f) => f.startsWith('vendor-') && f.endsWith('.js'),
  );
  const vendorSource = vendor === undefined ? '' : readFileSync(path.join(dist, 'assets', vendor), 'utf8');
  // React's development build: its JSX runtime (jsxDEV), or the React 18 file name.
  const developmentBuild = /jsxDEV/.test(entrySource) || /jsxDEV|react-dom\.development/.test(vendorSource);
  return {
    route,
    note,
    developmentBuild,
    files: rows.map(({ file, bytes, gzip }) => ({ file, bytes, gzip })),
    js,
    css,
    totalGzip: js.gzip + css.gzip,
  };
}
