import type { Me } from '@discuss/contracts';
import { Link } from 'react-router';
import { Dropdown } from './ui/dropdown.tsx';
import { LogOutIcon, MailIcon, SettingsIcon, ShieldIcon, UserIcon, UsersIcon } from './ui/icons.tsx';
import { useTranslation } from '../i18n/i18n.ts';

interface UserMenuProps {
  user: Me;
  onSignOut: () => void;
  /** Community invitations waiting for an answer. */
  invitationCount?: number;
}

export function UserMenu({ user, onSignOut, invitationCount = 0 }: UserMenuProps) {
  const { t } = useTranslation();
  const waiting = invitationCount > 0;
  return (
    <Dropdown
      button={
        <>
          <UserIcon />
          <span className="visually-hidden">{t('header.accountMenu')}: </span>
          <span className="user-menu__name">{user.displayName}</span>
          {waiting && (
            <span className="count-badge">
              <span aria-hidden="true">{invitationCount}</span>
              <span className="visually-hidden">
                {' '}
                ({t('header.invitationsWaiting', { count: invitationCount })})
              </span>
            </span>
          )}
        </>
      }
    >
      <p className="dropdown__meta">
        {t('header.signedInAs')}
        <strong>{user.email}</strong>
      </p>
      <Link className="dropdown__item" to={waiting ? '/communities#invitations' : '/communities?mine=1'}>
        {waiting ? <MailIcon /> : <UsersIcon />}
        {waiting ? t('nav.invitations') : t('nav.myCommunities')}
        {waiting && <span className="count-badge dropdown__count">{invitationCount}</span>}
      </Link>
      {waiting && (
        <Link className="dropdown__item" to="/communities?mine=1">
          <UsersIcon />
          {t('nav.myCommunities')}
        </Link>
      )}
      <Link className="dropdown__item" to="/settings">
        <SettingsIcon />
        {t('nav.settings')}
      </Link>
      {user.isOperator && (
        <Link className="dropdown__item" to="/admin">
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
