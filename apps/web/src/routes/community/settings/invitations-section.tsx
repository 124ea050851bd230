import type { Community, Invitation } from '@discuss/contracts';
import { useState } from 'react';
import { useInvitations, useRevokeInvitation, type InvitationStatus } from '../../../api/members.ts';
import { RoleBadge } from '../../../components/community-badges.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { MailIcon } from '../../../components/ui/icons.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { LoadingState } from '../../../components/ui/spinner.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../../i18n/i18n.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatDate } from '../../../lib/format.ts';
import { InviteForm } from './invite-form.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';

const TONES: Record<Invitation['status'], BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  declined: 'neutral',
  revoked: 'neutral',
  expired: 'warning',
};

const FILTERS = [
  'pending',
  'accepted',
  'declined',
  'revoked',
  'expired',
  'all',
] as const satisfies readonly InvitationStatus[];

/** Invite people (chosen by name, or by e-mail address), and follow (or revoke) what was sent. */
export function InvitationsSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Card title={t('communitySettings.invite.title')}>
        <p className="muted">{t('communitySettings.invite.explain')}</p>
        <InviteForm community={community} />
      </Card>
      <InvitationList community={community} />
    </div>
  );
}

function InvitationList({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [show, setShow] = useState<InvitationStatus>('pending');
  const invitations = useInvitations(community.slug, show);
  const revoke = useRevokeInvitation(community.slug);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const locale = currentLocale();
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];
  const label = (invitation: Invitation | null) => invitation?.email ?? invitation?.user?.displayName ?? '';

  return (
    <Card title={t('communitySettings.invitations.title')}>
      <SelectField
        id="invitation-show"
        label={t('communitySettings.invitations.show')}
        width="auto"
        value={show}
        onChange={(event) => setShow(FILTERS.find((f) => f === event.target.value) ?? 'pending')}
        options={FILTERS.map((value) => ({
          value,
          label: t(`communitySettings.invitations.filter.${value}`),
        }))}
      />
      <div className="section-gap">
        {invitations.isPending ? (
          <LoadingState />
        ) : invitations.isError ? (
          <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={<MailIcon />} title={t('communitySettings.invitations.emptyTitle')}>
            {show === 'pending' || show === 'all'
              ? t('communitySettings.invitations.emptyText')
              : t('communitySettings.invitations.emptyOther')}
          </EmptyState>
        ) : (
          <>
            <ul className="list">
              {items.map((invitation) => (
                <li key={invitation.id} className="list__item">
                  <div className="list__main">
                    <p className="list__title">
                      <span className="invitation-target">{label(invitation)}</span>
                      <RoleBadge role={invitation.role} />
                      <Badge tone={TONES[invitation.status]}>
                        {t(`communitySettings.invitations.status.${invitation.status}`)}
                      </Badge>
                    </p>
                    <p className="list__meta">
                      {invitation.invitedBy
                        ? t('communitySettings.invitations.sentBy', {
                            name: invitation.invitedBy.displayName,
                            date: formatDate(invitation.createdAt, locale),
                          })
                        : t('communitySettings.invitations.sent', {
                            date: formatDate(invitation.createdAt, locale),
                          })}
                      {invitation.status === 'pending' && (
                        <>
                          {' '}
                          ·{' '}
                          {t('communitySettings.invitations.expires', {
                            date: formatDate(invitation.expiresAt, locale),
                          })}
                        </>
                      )}
                    </p>
                  </div>
                  {invitation.status === 'pending' && (
                    <div className="list__actions">
                      <Button variant="danger-outline" onClick={() => setRevoking(invitation)}>
                        {t('communitySettings.invitations.revoke')}
                        <span className="visually-hidden"> {label(invitation)}</span>
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            <LoadMore pages={invitations} />
          </>
        )}
      </div>
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={t('communitySettings.invitations.revokeTitle')}
        confirmLabel={t('communitySettings.invitations.revoke')}
        pending={revoke.isPending}
        error={revoke.isError ? errorMessage(t, revoke.error) : null}
        onConfirm={() => {
          if (!revoking) return;
          const target = label(revoking);
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              toast(t('communitySettings.invitations.revoked', { target }));
              setRevoking(null);
            },
          });
        }}
      >
        {t('communitySettings.invitations.revokeText', { target: label(revoking) })}
      </ConfirmDialog>
    </Card>
  );
}
