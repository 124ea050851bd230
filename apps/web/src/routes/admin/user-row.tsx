import type { AdminUser } from '@discuss/contracts';
import { Badge } from '../../components/ui/badge.tsx';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatDate } from '../../lib/format.ts';

interface UserRowProps {
  user: AdminUser;
  isSelf: boolean;
  onSuspend: () => void;
  onReinstate: () => void;
  reinstating: boolean;
}

/** One account in the operator's list: who, state in words, and the one action that fits. */
export function UserRow({ user, isSelf, onSuspend, onReinstate, reinstating }: UserRowProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="list__item">
      <div className="list__main">
        <p className="list__title">
          {user.displayName}
          {user.suspendedAt ? (
            <Badge tone="danger">{t('admin.users.badge.suspended')}</Badge>
          ) : user.emailVerified ? (
            <Badge tone="success">{t('admin.users.badge.active')}</Badge>
          ) : (
            <Badge tone="warning">{t('admin.users.badge.unverified')}</Badge>
          )}
          {user.isOperator && <Badge tone="info">{t('admin.users.badge.operator')}</Badge>}
          {isSelf && <Badge>{t('admin.users.badge.you')}</Badge>}
        </p>
        <p className="list__meta user-row__email">{user.email}</p>
        <p className="list__meta">
          {t('admin.users.joined', { date: formatDate(user.createdAt, locale) })}
          {' · '}
          {user.lastSeenAt
            ? t('admin.users.lastSeen', { date: formatDate(user.lastSeenAt, locale) })
            : t('admin.users.neverSeen')}
        </p>
        {user.suspendedAt && (
          <p className="user-row__reason">
            {t('admin.users.suspendedOn', { date: formatDate(user.suspendedAt, locale) })}
            {user.suspendedReason && <> {t('admin.users.reason', { reason: user.suspendedReason })}</>}
          </p>
        )}
      </div>
      <div className="list__actions">
        {user.suspendedAt ? (
          <Button variant="secondary" pending={reinstating} onClick={onReinstate}>
            {t('admin.users.reinstate')}
            <span className="visually-hidden"> {user.displayName}</span>
          </Button>
        ) : (
          !isSelf && (
            <Button variant="danger-outline" onClick={onSuspend}>
              {t('admin.users.suspend')}
              <span className="visually-hidden"> {user.displayName}</span>
            </Button>
          )
        )}
      </div>
    </li>
  );
}
