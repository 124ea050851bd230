import type { Me } from '@discuss/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Dropdown } from './ui/dropdown.tsx';
import { LogOutIcon, SettingsIcon, ShieldIcon, UserIcon } from './ui/icons.tsx';

interface UserMenuProps {
  user: Me;
  onSignOut: () => void;
}

export function UserMenu({ user, onSignOut }: UserMenuProps) {
  const { t } = useTranslation();
  return (
    <Dropdown
      button={
        <>
          <UserIcon />
          <span className="visually-hidden">{t('header.accountMenu')}: </span>
          <span className="user-menu__name">{user.displayName}</span>
        </>
      }
    >
      <p className="dropdown__meta">
        {t('header.signedInAs')}
        <strong>{user.email}</strong>
      </p>
      <Link className="dropdown__item" to="/settings">
        <SettingsIcon />
        {t('nav.settings')}
      </Link>
      {user.isOperator && (
        <Link className="dropdown__item" to="/admin/users">
          <ShieldIcon />
          {t('nav.admin')}
        </Link>
      )}
      <button type="button" className="dropdown__item" onClick={onSignOut}>
        <LogOutIcon />
        {t('nav.signOut')}
      </button>
    </Dropdown>
  );
}
