import type { Strings, TOptions } from './keys.ts';

const rules = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

function lookup(strings: Strings, key: string): string | undefined {
  let node: string | Strings | undefined = strings;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The plural form i18next would choose: `_zero` for 0 if there is one, the language's category, `_other`. */
function resolve(strings: Strings, locale: string, key: string, count: unknown): string | undefined {
  if (typeof count !== 'number') return lookup(strings, key);
  const forms = [`${key}_${pluralRules(locale).select(count)}`, `${key}_other`, key];
  if (count === 0) forms.unshift(`${key}_zero`);
  for (const form of forms) {
    const text = lookup(strings, form);
    if (text !== undefined) return text;
  }
  return undefined;
}

function interpolate(text: string, values: TOptions): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** One string of `strings` in `locale`; a missing key gives `defaultValue`, else the key itself. */
export function translate(strings: Strings, locale: string, key: string, options: TOptions = {}): string {
  const text = resolve(strings, locale, key, options.count) ?? options.defaultValue;
  return text === undefined ? key : interpolate(text, options);
}
