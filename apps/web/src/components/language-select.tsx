import { LOCALES, type Locale } from '@discuss/contracts';
import { useId } from 'react';
import { LANGUAGE_NAMES, isLocale, useTranslation } from '../i18n/i18n.ts';
import { GlobeIcon } from './ui/icons.tsx';

interface LanguageSelectProps {
  value: Locale;
  onChange: (locale: Locale) => void;
}

/** Interface language switcher; each option is written in its own language. */
export function LanguageSelect({ value, onChange }: LanguageSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label className="visually-hidden" htmlFor={id}>
        {t('header.language')}
      </label>
      <GlobeIcon />
      <select
        id={id}
        value={value}
        onChange={(event) => {
          if (isLocale(event.target.value)) onChange(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LANGUAGE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
