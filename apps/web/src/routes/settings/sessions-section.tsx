import type { SessionInfo } from '@discuss/contracts';
import { useState } from 'react';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from '../../api/account.ts';
import { Badge } from '../../components/ui/badge.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Card } from '../../components/ui/card.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { DeviceIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';
import { LoadError } from '../../components/ui/load-error.tsx';

export function SessionsSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeAll = useRevokeOtherSessions();
  const [confirmAll, setConfirmAll] = useState(false);
  const locale = currentLocale();

  function device(session: SessionInfo): string {
    if (!session.userAgent) return t('settings.sessions.unknownDevice');
    const { browser, os } = describeUserAgent(session.userAgent);
    if (browser && os) return t('settings.sessions.browserOn', { browser, os });
    return browser ?? os ?? session.userAgent.slice(0, 60);
  }

  const items = [...(sessions.data?.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const others = items.filter((session) => !session.current);

  function revokeOthers() {
    revokeAll.mutate(undefined, {
      onSuccess: () => {
        setConfirmAll(false);
        toast(t('settings.sessions.othersRevoked'));
      },
      onError: (error) => toast(errorMessage(t, error), 'error'),
    });
  }

  return (
    <Card title={t('settings.sessions.title')}>
      <p className="muted">{t('settings.sessions.explain')}</p>
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <div className="stack">
          <ul className="list">
            {items.map((session) => {
              const label = device(session);
              return (
                <li key={session.id} className="list__item">
                  <DeviceIcon />
                  <div className="list__main">
                    <p className="list__title">
                      {label}
                      {session.current && <Badge tone="success">{t('settings.sessions.thisDevice')}</Badge>}
                    </p>
                    <p className="list__meta">
                      {t('settings.sessions.signedIn', { date: formatDateTime(session.createdAt, locale) })}
                      {' · '}
                      {t('settings.sessions.lastActive', {
                        date: formatDateTime(session.lastSeenAt, locale),
                      })}
                    </p>
                  </div>
                  {!session.current && (
                    <div className="list__actions">
                      <Button
                        variant="secondary"
                        pending={revoke.isPending && revoke.variables === session.id}
                        onClick={() =>
                          revoke.mutate(session.id, {
                            onSuccess: () => toast(t('settings.sessions.revoked', { device: label })),
                            onError: (error) => toast(errorMessage(t, error), 'error'),
                          })
                        }
                      >
                        {t('settings.sessions.signOut')}
                        <span className="visually-hidden"> {label}</span>
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {others.length > 0 ? (
            <Button variant="danger-outline" onClick={() => setConfirmAll(true)}>
              {t('settings.sessions.signOutOthers')}
            </Button>
          ) : (
            <p className="muted">{t('settings.sessions.onlyThis')}</p>
          )}
        </div>
      )}
      <Dialog
        open={confirmAll}
        onClose={() => setConfirmAll(false)}
        title={t('settings.sessions.confirmTitle')}
      >
        <p>{t('settings.sessions.confirmText')}</p>
        <div className="button-row">
          <Button
            variant="danger"
            pending={revokeAll.isPending}
            pendingLabel={t('settings.sessions.signingOut')}
            onClick={revokeOthers}
          >
            {t('settings.sessions.signOutOthers')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirmAll(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
