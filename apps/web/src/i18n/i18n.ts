import { LOCALES, type Locale } from '@discuss/contracts';
import i18next, { type BackendModule, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const i18n = i18next;

const STORAGE_KEY = 'discuss.locale';

/** Each language is its own chunk: a visitor downloads only the one they read. */
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('./{en,fr,de,es}.json');

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

const lazyBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    const load = loaders[`./${language}.json`];
    if (!load) {
      callback(new Error(`No translations for "${language}"`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : String(error), false),
    );
  },
};

/** Start i18next. Tests pass `resources` to start synchronously without the lazy loader. */
export function initI18n(options: { lng?: Locale; resources?: Resource } = {}): Promise<unknown> {
  if (!options.resources) i18n.use(lazyBackend);
  i18n.use(initReactI18next);
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18n.init({
    lng: options.lng ?? detectLocale(),
    fallbackLng: LOCALES[0],
    supportedLngs: LOCALES,
    load: 'languageOnly',
    resources: options.resources,
    initAsync: !options.resources,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
}

/** The interface language now in use. */
export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : LOCALES[0];
}

/** Switch the interface language and remember it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
  await i18n.changeLanguage(locale);
}

/** Language names in their own language, as people look for them. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
};
