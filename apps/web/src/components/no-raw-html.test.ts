import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');
const ALLOWED = 'components/sanitized-html.tsx';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('raw HTML (SECURITY.md rule 5)', () => {
  it('is rendered by sanitized-html.tsx only', () => {
    const offenders = sources(SRC)
      .map((path) => ({ path: relative(SRC, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }))
      .filter(({ path, text }) => path !== ALLOWED && /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('sets no style attributes, which the CSP (style-src self) would refuse', () => {
    const offenders = sources(SRC)
      .filter((path) => /\bstyle=\{/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path));
    expect(offenders).toEqual([]);
  });
});
