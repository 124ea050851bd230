import type { Locale, Me } from '@discuss/contracts';
import { useRef, useState, type MouseEvent } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import type { ThemeChoice } from '../lib/theme.ts';
import { useDismiss } from '../lib/use-dismiss.ts';
import { LanguageSelect } from './language-select.tsx';
import { LogoMark } from './logo.tsx';
import { ThemeMenu } from './theme-menu.tsx';
import { buttonClass } from './ui/button.tsx';
import { CloseIcon, MenuIcon } from './ui/icons.tsx';
import { UserMenu } from './user-menu.tsx';
import { useTranslation } from '../i18n/i18n.ts';

interface HeaderProps {
  /** Signed-in person; null for a guest; undefined while not known yet. */
  user: Me | null | undefined;
  /** While the platform has no operator there is nobody to sign in as: the account links are hidden. */
  setupRequired: boolean;
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  theme: ThemeChoice;
  onThemeChange: (choice: ThemeChoice) => void;
  onSignOut: () => void;
  /** Community invitations waiting for the signed-in person (shown in the account menu). */
  invitationCount?: number;
}

/** Site header; below 56em the navigation and tools fold into a menu button. */
export function Header({
  user,
  setupRequired,
  locale,
  onLocaleChange,
  theme,
  onThemeChange,
  onSignOut,
  invitationCount = 0,
}: HeaderProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The phone menu belongs to the page it was opened on, so it closes on navigation.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useDismiss(open, {
    close: () => setOpenOn(null),
    inside: [buttonRef, menuRef],
    button: buttonRef,
    // An open theme or account menu inside takes the first Escape (it closes itself); the next one is ours.
    ownsEscape: () => !menuRef.current?.querySelector('[aria-expanded="true"]'),
  });

  /** Close after a choice, focus back on the Menu button (a navigation then moves it to the new page). */
  function closeMenu() {
    if (!open) return;
    setOpenOn(null);
    buttonRef.current?.focus();
  }

  function onMenuClick(event: MouseEvent<HTMLDivElement>) {
    // A link, even to this very page, or a choice in the theme or account menu ends the errand.
    if ((event.target as HTMLElement).closest('a, .dropdown__panel button')) closeMenu();
  }

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          <LogoMark />
          <span>DISCUSS</span>
        </Link>
        <button
          ref={buttonRef}
          type="button"
          className="btn btn--quiet site-header__menu-button"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          {open ? <CloseIcon /> : <MenuIcon />}
          {t('header.menu')}
        </button>
        {/* The menu only reacts to clicks on its own links and buttons, which are keyboard-operable. */}
        <div id="site-menu" className="site-menu" data-open={open} ref={menuRef} onClick={onMenuClick}>
          <nav aria-label={t('header.mainNav')}>
            <ul className="site-nav">
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/communities">{t('nav.communities')}</NavLink>
              </li>
              {user?.isOperator && (
                <li>
                  <NavLink to="/admin">{t('nav.admin')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="site-tools">
            <LanguageSelect
              value={locale}
              onChange={(next) => {
                closeMenu();
                onLocaleChange(next);
              }}
            />
            <ThemeMenu value={theme} onChange={onThemeChange} />
            {user ? (
              <UserMenu user={user} onSignOut={onSignOut} invitationCount={invitationCount} />
            ) : user === null && !setupRequired ? (
              <div className="site-auth">
                <Link className={buttonClass('secondary')} to="/sign-in">
                  {t('nav.signIn')}
                </Link>
                <Link className={buttonClass('primary')} to="/sign-up">
                  {t('nav.signUp')}
                </Link>
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </header>
  );
}
