import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

type Tree = { [key: string]: string | Tree };
const cache = new Map<string, Tree>();

/** A string from the web app's translations, e.g. text('fr', 'landing.title'). */
export function text(locale: 'en' | 'fr' | 'de' | 'es', key: string): string {
  let tree = cache.get(locale);
  if (!tree) {
    const file = new URL(`../../apps/web/src/i18n/${locale}.json`, import.meta.url);
    tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
    cache.set(locale, tree);
  }
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no translation "${key}" in ${locale}`);
  return node;
}

/** The document's language, `<html lang>`. */
export const htmlLang = (page: Page): Promise<string> => page.evaluate(() => document.documentElement.lang);
