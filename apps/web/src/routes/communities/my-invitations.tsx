import type { MyInvitation } from '@discuss/contracts';
import { Link } from 'react-router';
import { useAcceptInvitation, useDeclineInvitation, useMyInvitations } from '../../api/invitations.ts';
import { RoleBadge } from '../../components/community-badges.tsx';
import { Button } from '../../components/ui/button.tsx';
import { MailIcon } from '../../components/ui/icons.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { afterMutation } from '../../lib/after-mutation.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';

/** Invitations waiting for the signed-in person, highlighted above the directory. Nothing when none. */
export function MyInvitations() {
  const { t } = useTranslation();
  const invitations = useMyInvitations();
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="my-invitations" id="invitations" aria-labelledby="my-invitations-title">
      <h2 id="my-invitations-title" className="my-invitations__title">
        <MailIcon />
        {t('invitations.waitingTitle', { count: items.length })}
      </h2>
      <ul className="my-invitations__list">
        {items.map((invitation) => (
          <InvitationItem key={invitation.id} invitation={invitation} />
        ))}
      </ul>
    </section>
  );
}

function InvitationItem({ invitation }: { invitation: MyInvitation }) {
  const { t } = useTranslation();
  const toast = useToast();
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const { community } = invitation;
  const busy = accept.isPending || decline.isPending;
  const target = { id: invitation.id, slug: community.slug };

  return (
    <li className="my-invitation">
      <div className="my-invitation__text">
        <p className="my-invitation__name">
          <Link to={`/c/${community.slug}`}>{community.name}</Link>
          <RoleBadge role={invitation.role} />
        </p>
        <p className="list__meta">
          {invitation.invitedBy
            ? t('invitations.invitedBy', { name: invitation.invitedBy.displayName })
            : t('invitations.invited')}
          {' · '}
          {t('invitations.expires', { date: formatDate(invitation.expiresAt, currentLocale()) })}
        </p>
        {invitation.message && <blockquote className="quote">{invitation.message}</blockquote>}
      </div>
      <div className="button-row">
        <Button
          pending={accept.isPending}
          disabled={busy}
          onClick={() =>
            afterMutation(
              accept.mutateAsync(target),
              () => toast(t('membership.joined', { name: community.name })),
              (error) => toast(errorMessage(t, error), 'error'),
            )
          }
        >
          {t('invitations.accept')}
          <span className="visually-hidden"> {community.name}</span>
        </Button>
        <Button
          variant="secondary"
          pending={decline.isPending}
          disabled={busy}
          onClick={() =>
            afterMutation(
              decline.mutateAsync(target),
              () => toast(t('invitations.declined', { name: community.name }), 'info'),
              (error) => toast(errorMessage(t, error), 'error'),
            )
          }
        >
          {t('invitations.decline')}
          <span className="visually-hidden"> {community.name}</span>
        </Button>
      </div>
    </li>
  );
}
