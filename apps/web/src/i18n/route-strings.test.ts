import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUNDLES, type Bundle } from './bundles.ts';
import en from './en.json';

/*
 * Every key a page's code can ask for must be in a bundle that page loads, or it shows as a raw key. Read
 * from the source: the static imports from each page module (src/router.tsx), every string in them that is a
 * key of en.json (or the start of one, in a template literal), against the shell and the bundles the page
 * and its parents list in `page([...], …)`.
 */

const SRC = path.resolve(import.meta.dirname, '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Dotted paths of en.json: leaves (plural suffixes folded) and the objects above them. */
const PATHS = new Set<string>();
(function walk(node: unknown, prefix: string) {
  if (prefix) PATHS.add(prefix.replace(PLURAL, ''));
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node)) walk(child, prefix ? `${prefix}.${key}` : key);
})(en, '');

interface Scanned {
  imports: string[];
  keys: string[];
  /** `t(…)` calls whose key no reader can check: a template starting with no key prefix. */
  unreadable: string[];
}

const scanned = new Map<string, Scanned>();

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** A key (or a template's key prefix: `community.stage.${stage}`) in a string; a lone word is not one. */
function keyOf(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return node.text.includes('.') && PATHS.has(node.text) ? node.text : undefined;
  }
  if (!ts.isTemplateExpression(node) || !node.head.text.endsWith('.')) return undefined;
  const prefix = node.head.text.slice(0, -1);
  return PATHS.has(prefix) ? prefix : undefined;
}

function scan(file: string): Scanned {
  const known = scanned.get(file);
  if (known) return known;
  const result: Scanned = { imports: [], keys: [], unreadable: [] };
  const source = parse(file);
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const specifier = (node.moduleSpecifier as ts.StringLiteral).text;
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      if (!typeOnly && specifier.startsWith('.') && /\.tsx?$/.test(specifier)) {
        result.imports.push(path.resolve(path.dirname(file), specifier));
      }
    }
    const key = keyOf(node);
    if (key) result.keys.push(key);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const [first] = node.arguments;
      if (first && ts.isTemplateExpression(first) && !keyOf(first)) result.unreadable.push(first.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  scanned.set(file, result);
  return result;
}

/** Files a module brings in statically (dynamic `import()` is a page of its own). */
function graph(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...scan(file).imports);
  }
  return [...seen];
}

function sectionsOf(bundles: Iterable<Bundle>): Set<string> {
  return new Set([...bundles].flatMap((bundle) => BUNDLES[bundle]));
}

/** Keys the files use that are in none of `sections`, each with the file that uses it. */
function stray(files: string[], sections: Set<string>): string[] {
  return files.flatMap((file) =>
    scan(file)
      .keys.filter((key) => !sections.has(key.split('.')[0]!))
      .map((key) => `${path.relative(SRC, file)}: ${key}`),
  );
}

interface Page {
  module: string;
  bundles: Bundle[];
}

function property(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name) return p.initializer;
  }
  return undefined;
}

/** Every lazy route of src/router.tsx with the bundles it and its parents load; throws on any other shape. */
function pages(): Page[] {
  const source = parse(path.join(SRC, 'router.tsx'));
  const out: Page[] = [];
  const route = (node: ts.Node, inherited: Bundle[]) => {
    if (!ts.isObjectLiteralExpression(node)) return;
    let bundles = inherited;
    const lazy = property(node, 'lazy');
    if (lazy) {
      const [list, load] =
        ts.isCallExpression(lazy) && lazy.expression.getText() === 'page' ? lazy.arguments : [];
      if (!list || !load || !ts.isArrayLiteralExpression(list)) {
        throw new Error(`A lazy route not declared with page([...strings], load): ${lazy.getText()}`);
      }
      bundles = [...inherited, ...list.elements.map((e) => (e as ts.StringLiteral).text as Bundle)];
      const module = /import\('([^']+)'\)/.exec(load.getText())?.[1];
      if (!module) throw new Error(`No import() in ${load.getText()}`);
      out.push({ module: path.join(SRC, module), bundles });
    }
    const children = property(node, 'children');
    if (children && ts.isArrayLiteralExpression(children))
      for (const c of children.elements) route(c, bundles);
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'routes' && node.initializer) {
      if (ts.isArrayLiteralExpression(node.initializer))
        for (const r of node.initializer.elements) route(r, []);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const shellFiles = graph(path.join(SRC, 'main.tsx'));
const PAGES = pages();

describe('strings bundles', () => {
  it('put every section of the strings in exactly one bundle', () => {
    const listed = Object.values(BUNDLES).flat();
    expect([...listed].sort()).toEqual(Object.keys(en).sort());
  });

  it('find the pages of the router', () => {
    expect(PAGES.length).toBeGreaterThan(20);
    expect(PAGES.map((p) => path.relative(SRC, p.module))).toContain('routes/discussions/topic-page.tsx');
  });

  it('cover every key the shell (code loaded before any page) uses', () => {
    expect(stray(shellFiles, sectionsOf(['shell']))).toEqual([]);
  });

  it.each(PAGES.map((p) => [path.relative(SRC, p.module), p] as const))(
    '%s loads the strings its components use',
    (_, { module, bundles }) => {
      expect(stray(graph(module), sectionsOf(['shell', ...bundles]))).toEqual([]);
    },
  );

  it('can read every translated key in the code (no t(`${section}.x`) keys)', () => {
    const files = new Set([...shellFiles, ...PAGES.flatMap((p) => graph(p.module))]);
    expect([...files].flatMap((f) => scan(f).unreadable)).toEqual([]);
  });
});
