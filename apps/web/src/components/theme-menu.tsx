import { THEME_CHOICES, type ThemeChoice } from '../lib/theme.ts';
import { Dropdown } from './ui/dropdown.tsx';
import { CheckIcon, MonitorIcon, MoonIcon, SunIcon } from './ui/icons.tsx';
import { useTranslation } from '../i18n/i18n.ts';

const ICONS = { system: MonitorIcon, light: SunIcon, dark: MoonIcon };

interface ThemeMenuProps {
  value: ThemeChoice;
  onChange: (choice: ThemeChoice) => void;
}

/** Light, dark, or follow the device; remembered on this device. */
export function ThemeMenu({ value, onChange }: ThemeMenuProps) {
  const { t } = useTranslation();
  const Current = ICONS[value];
  return (
    <Dropdown
      button={
        <>
          <Current />
          <span className="visually-hidden">
            {t('theme.label')}: {t(`theme.${value}`)}
          </span>
        </>
      }
    >
      <p className="dropdown__meta">{t('theme.label')}</p>
      {THEME_CHOICES.map((choice) => {
        const Icon = ICONS[choice];
        return (
          <button
            key={choice}
            type="button"
            className="dropdown__item"
            aria-pressed={choice === value}
            onClick={() => onChange(choice)}
          >
            <Icon />
            {t(`theme.${choice}`)}
            {choice === value && <CheckIcon className="dropdown__check" />}
          </button>
        );
      })}
    </Dropdown>
  );
}
