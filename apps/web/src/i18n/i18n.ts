import { LOCALES, type Locale } from '@discuss/contracts';
import { useSyncExternalStore } from 'react';
import { BUNDLES, type Bundle } from './bundles.ts';
import type { Strings, TFunction } from './keys.ts';
import { translate } from './translate.ts';

export type { TFunction, TOptions, TranslationKey } from './keys.ts';
export type { Bundle } from './bundles.ts';

const STORAGE_KEY = 'discuss.locale';

type Loader = () => Promise<Strings>;
type Loaders = Record<string, Loader>;

/**
 * Per bundle, one chunk per language (`./en.json?strings=shell` is split out of en.json at build time by the
 * `discuss-strings` plugin in vite.config.ts): a visitor downloads only their language, and only what the
 * pages they open need. The globs must be literal, hence one line per bundle.
 */
const LOADERS: Record<Bundle, Loaders> = {
  shell: import.meta.glob<Strings>('./{en,fr,de,es}.json', { query: '?strings=shell', import: 'default' }),
  landing: import.meta.glob<Strings>('./{en,fr,de,es}.json', {
    query: '?strings=landing',
    import: 'default',
  }),
  account: import.meta.glob<Strings>('./{en,fr,de,es}.json', {
    query: '?strings=account',
    import: 'default',
  }),
  community: import.meta.glob<Strings>('./{en,fr,de,es}.json', {
    query: '?strings=community',
    import: 'default',
  }),
  membership: import.meta.glob<Strings>('./{en,fr,de,es}.json', {
    query: '?strings=membership',
    import: 'default',
  }),
  groups: import.meta.glob<Strings>('./{en,fr,de,es}.json', { query: '?strings=groups', import: 'default' }),
  discussions: import.meta.glob<Strings>('./{en,fr,de,es}.json', {
    query: '?strings=discussions',
    import: 'default',
  }),
  admin: import.meta.glob<Strings>('./{en,fr,de,es}.json', { query: '?strings=admin', import: 'default' }),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** The remembered choice, else the first supported browser language, else English. */
export function detectLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of tags) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return LOCALES[0];
}

const strings: Record<Locale, Strings> = { en: {}, fr: {}, de: {}, es: {} };
const loaded: Record<Locale, Set<Bundle>> = { en: new Set(), fr: new Set(), de: new Set(), es: new Set() };
const loading = new Map<string, Promise<void>>();
/** Bundles the pages opened so far need: a language switch loads them all before it shows. */
const needed = new Set<Bundle>(['shell']);

/** The language on screen (null before initI18n) and the one being loaded, if a switch is under way. */
let shown: Locale | null = null;
let target: Locale | null = null;
let t: TFunction = (key) => key;
const listeners = new Set<() => void>();

function load(locale: Locale, bundle: Bundle): Promise<void> {
  if (loaded[locale].has(bundle)) return Promise.resolve();
  const id = `${locale}:${bundle}`;
  let promise = loading.get(id);
  if (!promise) {
    const loader = LOADERS[bundle][`./${locale}.json`];
    if (!loader) return Promise.reject(new Error(`No "${bundle}" strings for "${locale}"`));
    promise = loader()
      .then((sections) => {
        Object.assign(strings[locale], sections);
        loaded[locale].add(bundle);
      })
      .finally(() => loading.delete(id));
    loading.set(id, promise);
  }
  return promise;
}

/** Load every needed bundle in `locale`, including any a page asks for while this runs. */
async function loadNeeded(locale: Locale): Promise<void> {
  for (;;) {
    const missing = [...needed].filter((bundle) => !loaded[locale].has(bundle));
    if (missing.length === 0) return;
    await Promise.all(missing.map((bundle) => load(locale, bundle)));
  }
}

function show(locale: Locale): void {
  shown = locale;
  const table = strings[locale];
  t = (key, options) => translate(table, locale, key, options);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

/**
 * Start the translator in the detected language with the shell strings. Tests pass `strings` (all of a
 * language) to start synchronously, without loading anything.
 */
export function initI18n(options: { lng?: Locale; strings?: Strings } = {}): Promise<void> {
  const locale = options.lng ?? target ?? detectLocale();
  target = locale;
  if (options.strings) {
    Object.assign(strings[locale], options.strings);
    for (const bundle of Object.keys(BUNDLES) as Bundle[]) loaded[locale].add(bundle);
    show(locale);
    return Promise.resolve();
  }
  // Should the strings fail to load, the page still shows (with keys), as it did with i18next.
  return loadNeeded(locale).then(
    () => show(locale),
    (error: unknown) => {
      console.error(error);
      show(locale);
    },
  );
}

/**
 * Load the strings a page needs (in the language on screen, and in the one a switch is loading) before it
 * renders: routes call this from their `lazy` function.
 */
export async function loadStrings(bundles: readonly Bundle[]): Promise<void> {
  for (const bundle of bundles) needed.add(bundle);
  target ??= detectLocale();
  const locales = new Set([shown ?? target, target]);
  await Promise.all([...locales].flatMap((locale) => bundles.map((bundle) => load(locale, bundle))));
}

/** The interface language now in use. */
export function currentLocale(): Locale {
  return shown ?? LOCALES[0];
}

/** Switch the interface language (once its strings are in) and remember it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
  target = locale;
  try {
    await loadNeeded(locale);
  } catch (error) {
    // Offline, say: the interface stays in the language it is in.
    console.error(error);
    if (target === locale) target = shown;
    return;
  }
  // A later switch wins over this one.
  if (target === locale && shown !== locale) show(locale);
}

/** Translate outside React (tests, helpers given no `t`). */
export function translateNow(...args: Parameters<TFunction>): string {
  return t(...args);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentT = () => t;

/** `t` in the language on screen; the component re-renders when the language changes. */
export function useTranslation(): { t: TFunction } {
  return { t: useSyncExternalStore(subscribe, currentT, currentT) };
}

/** Language names in their own language, as people look for them. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
};
