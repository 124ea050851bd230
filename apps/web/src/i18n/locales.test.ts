import { ERROR_CODES, LOCALES } from '@discuss/contracts';
import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

const FILES: Record<(typeof LOCALES)[number], unknown> = { en, fr, de, es };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** Keys with plural suffixes folded into their base key: languages need different plural forms. */
function baseKeys(entries: Map<string, unknown>): Set<string> {
  return new Set([...entries.keys()].map((key) => key.replace(PLURAL, '')));
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const english = flatten(en);

describe('translations', () => {
  it('ships every interface language', () => {
    expect(Object.keys(FILES).sort()).toEqual([...LOCALES].sort());
  });

  describe.each(LOCALES)('%s', (locale) => {
    const entries = flatten(FILES[locale]);

    it('has exactly the keys of English (plural forms aside)', () => {
      expect([...baseKeys(entries)].sort()).toEqual([...baseKeys(english)].sort());
    });

    it('has no empty values', () => {
      const empty = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(empty.map(([key]) => key)).toEqual([]);
    });

    it('has every plural form the language needs', () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const plurals = new Set(
        [...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
      );
      const missing = [...plurals].flatMap((base) =>
        categories.filter((c) => c !== 'zero' && !entries.has(`${base}_${c}`)).map((c) => `${base}_${c}`),
      );
      expect(missing).toEqual([]);
    });

    it('uses the same placeholders as English', () => {
      const wrong = [...entries].filter(([key, value]) => {
        const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
        return placeholders(value).join() !== placeholders(source).join();
      });
      expect(wrong.map(([key]) => key)).toEqual([]);
    });

    it('translates every API error code', () => {
      const missing = ERROR_CODES.filter((code) => !entries.get(`errors.codes.${code}`));
      expect(missing).toEqual([]);
    });

    // English is the source language: for it this checks nothing, but it is not skipped (CI allows no skips).
    it(locale === 'en' ? 'is the source language' : 'is a translation, not a copy of English', () => {
      if (locale === 'en') return;
      const same = [...entries].filter(([key, value]) => english.get(key) === value).map(([key]) => key);
      // A few words are the same in several languages (e.g. "Menu", "Status", "API").
      expect(same.length).toBeLessThan(entries.size * 0.05);
    });
  });
});
