import { COMMUNITY_LIMITS, type Community, type Me } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  useJoinCommunity,
  useLeaveCommunity,
  useRequestMembership,
  useWithdrawRequest,
} from '../../api/communities.ts';
import { useAcceptInvitation, useDeclineInvitation } from '../../api/invitations.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { FormActions } from '../../components/ui/form-actions.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { CheckIcon, ClockIcon, LockIcon, MailIcon } from '../../components/ui/icons.tsx';
import { TextAreaField } from '../../components/ui/textarea-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { afterMutation } from '../../lib/after-mutation.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../lib/form.ts';
import { membershipState } from './membership-state.ts';
import { useTranslation } from '../../i18n/i18n.ts';

interface MembershipPanelProps {
  community: Community;
  me: Me | null;
}

/** The one place on a community page that says where the viewer stands, with the action that fits. */
export function MembershipPanel({ community, me }: MembershipPanelProps) {
  const { t } = useTranslation();
  const state = membershipState(community, me !== null);
  const slug = community.slug;

  let body;
  switch (state.kind) {
    case 'signIn': {
      const next = encodeURIComponent(`/c/${slug}`);
      body = (
        <>
          <p>{t(state.policy === 'open' ? 'membership.guestOpen' : 'membership.guestRequest')}</p>
          <div className="button-row">
            <Link className={buttonClass('primary')} to={`/sign-in?next=${next}`}>
              {t('membership.signInToJoin')}
            </Link>
            <Link className={buttonClass('secondary')} to="/sign-up">
              {t('nav.signUp')}
            </Link>
          </div>
        </>
      );
      break;
    }
    case 'join':
      body = <JoinAction community={community} />;
      break;
    case 'request':
      body = <RequestAction community={community} />;
      break;
    case 'pending':
      body = <PendingAction community={community} canJoin={state.canJoin} />;
      break;
    case 'invited':
      body = <InvitedAction community={community} invitationId={state.invitationId} />;
      break;
    case 'member':
      body = <MemberAction community={community} canLeave={state.canLeave} />;
      break;
    case 'suspended':
      body = (
        <Alert tone="warning" title={t('membership.suspendedTitle')}>
          <p>{t('membership.suspendedText')}</p>
        </Alert>
      );
      break;
    case 'inviteOnly':
      body = (
        <p className="membership-panel__note">
          <LockIcon />
          {t('membership.inviteOnly')}
        </p>
      );
      break;
    case 'archived':
      body = <p className="membership-panel__note">{t('membership.archived')}</p>;
      break;
  }

  return (
    <section className="membership-panel" aria-labelledby="membership-title">
      <h2 id="membership-title" className="visually-hidden">
        {t('membership.title')}
      </h2>
      {body}
    </section>
  );
}

function JoinAction({ community }: { community: Community }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('membership.openText')}</p>
      <JoinButton community={community} />
    </>
  );
}

function JoinButton({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const join = useJoinCommunity(community.slug);
  return (
    <Button
      pending={join.isPending}
      pendingLabel={t('membership.joining')}
      onClick={() =>
        afterMutation(
          join.mutateAsync(),
          () => toast(t('membership.joined', { name: community.name })),
          (error) => toast(errorMessage(t, error), 'error'),
        )
      }
    >
      {t('membership.join')}
    </Button>
  );
}

function RequestAction({ community }: { community: Community }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <p>{t('membership.requestText')}</p>
      <Button onClick={() => setOpen(true)}>{t('membership.request')}</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('membership.requestTitle', { name: community.name })}
      >
        <RequestForm community={community} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

const REQUEST_IDS = { motivation: 'request-motivation' };

function RequestForm({ community, onDone }: { community: Community; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const request = useRequestMembership(community.slug);
  const [motivation, setMotivation] = useState('');
  const errors = useFormErrors<'motivation'>();
  const max = COMMUNITY_LIMITS.motivationMax;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = motivation.trim();
    const fields = {
      motivation: !text
        ? t('membership.motivationRequired')
        : text.length > max
          ? t('validation.tooLong', { max })
          : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    afterMutation(
      request.mutateAsync({ motivation: text }),
      () => {
        toast(t('membership.requested', { name: community.name }));
        onDone();
      },
      (error) => errors.show(apiErrorToForm(error, t, { motivation: t('membership.motivation') })),
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{t('membership.requestExplain')}</p>
      <ErrorSummary items={summaryItems(errors, REQUEST_IDS)} focusKey={errors.attempt} />
      <TextAreaField
        id={REQUEST_IDS.motivation}
        label={t('membership.motivation')}
        hint={t('membership.motivationHint', { max })}
        maxLength={max}
        rows={5}
        value={motivation}
        onChange={(event) => setMotivation(event.target.value)}
        error={errors.fields.motivation}
      />
      <FormActions
        pending={request.isPending}
        onCancel={onDone}
        submitLabel={t('membership.sendRequest')}
        pendingLabel={t('common.sending')}
      />
    </form>
  );
}

function PendingAction({ community, canJoin }: { community: Community; canJoin: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const withdraw = useWithdrawRequest(community.slug);
  return (
    <>
      <p className="membership-panel__status">
        <ClockIcon />
        <strong>{t('membership.pendingTitle')}</strong>
      </p>
      <p>{t('membership.pendingText')}</p>
      <div className="button-row">
        {canJoin && <JoinButton community={community} />}
        <Button
          variant="secondary"
          pending={withdraw.isPending}
          onClick={() =>
            afterMutation(
              withdraw.mutateAsync(),
              () => toast(t('membership.withdrawn'), 'info'),
              (error) => toast(errorMessage(t, error), 'error'),
            )
          }
        >
          {t('membership.withdraw')}
        </Button>
      </div>
    </>
  );
}

function InvitedAction({ community, invitationId }: { community: Community; invitationId: string | null }) {
  const { t } = useTranslation();
  const toast = useToast();
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const busy = accept.isPending || decline.isPending;
  return (
    <>
      <p className="membership-panel__status">
        <MailIcon />
        <strong>{t('membership.invitedTitle')}</strong>
      </p>
      <p>{t('membership.invitedText')}</p>
      {invitationId && (
        <div className="button-row">
          <Button
            pending={accept.isPending}
            disabled={busy}
            onClick={() =>
              afterMutation(
                accept.mutateAsync({ id: invitationId, slug: community.slug }),
                () => toast(t('membership.joined', { name: community.name })),
                (error) => toast(errorMessage(t, error), 'error'),
              )
            }
          >
            {t('invitations.accept')}
          </Button>
          <Button
            variant="secondary"
            pending={decline.isPending}
            disabled={busy}
            onClick={() =>
              afterMutation(
                decline.mutateAsync({ id: invitationId, slug: community.slug }),
                () => toast(t('invitations.declined', { name: community.name }), 'info'),
                (error) => toast(errorMessage(t, error), 'error'),
              )
            }
          >
            {t('invitations.decline')}
          </Button>
        </div>
      )}
    </>
  );
}

function MemberAction({ community, canLeave }: { community: Community; canLeave: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const leave = useLeaveCommunity(community.slug);
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState(false);
  const role = community.my.role ?? 'member';
  return (
    <>
      <p className="membership-panel__status">
        <CheckIcon />
        <strong>{role === 'member' ? t('membership.memberTitle') : t(`community.my.role.${role}`)}</strong>
      </p>
      {canLeave && (
        <Button variant="secondary" onClick={() => setConfirm(true)}>
          {t('membership.leave')}
        </Button>
      )}
      <ConfirmDialog
        open={confirm}
        onClose={() => {
          setConfirm(false);
          leave.reset();
        }}
        title={t('membership.leaveTitle', { name: community.name })}
        confirmLabel={t('membership.leave')}
        pending={leave.isPending}
        error={leave.isError ? errorMessage(t, leave.error) : null}
        onConfirm={() =>
          afterMutation(leave.mutateAsync(), () => {
            setConfirm(false);
            toast(t('membership.left', { name: community.name }), 'info');
            // A hidden community disappears for those who left it: its page would now be "not found".
            if (community.visibility === 'hidden') void navigate('/communities');
          })
        }
      >
        {community.visibility === 'public'
          ? t('membership.leaveTextPublic')
          : t('membership.leaveTextPrivate')}
      </ConfirmDialog>
    </>
  );
}
