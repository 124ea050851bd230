import './invitation.css';
import { LIMITS, type InvitationPreview, type Me } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  useAcceptInvitationLink,
  useInvitationPreview,
  useSignUpWithInvitation,
} from '../../api/invitations.ts';
import { useSession } from '../../api/session.ts';
import { RoleBadge } from '../../components/community-badges.tsx';
import { LoadingPage, Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { afterMutation } from '../../lib/after-mutation.ts';
import { errorMessage, isApiError } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import {
  apiErrorToForm,
  checkDisplayName,
  checkNewPassword,
  hasErrors,
  useFormErrors,
} from '../../lib/form.ts';

/**
 * `/invitations/:token`, the link of an invitation e-mail. Nothing happens on load (mail scanners open links):
 * a signed-in person accepts with a click; a newcomer creates the account of the invited address right here;
 * someone whose account exists signs in and comes back.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const signUp = useSignUpWithInvitation(token);
  // Once an account is being created the invitation is used up: do not read it again (it would be "invalid").
  const preview = useInvitationPreview(token, signUp.isIdle || signUp.isError);

  // Signed up: the session changed and every cached answer (this invitation too) was dropped.
  if ((signUp.isPending || signUp.isSuccess) && !preview.data) {
    return (
      <Page narrow>
        <PageHeader title={t('invitation.creatingTitle')} />
        <LoadingState label={t('invitation.creating')} />
      </Page>
    );
  }
  if (preview.isPending || session.isPending) {
    return <LoadingPage title={t('invitation.title')} narrow />;
  }
  if (preview.isError) {
    return (
      <InvitationProblem
        error={preview.error}
        signedIn={!!session.data?.user}
        onRetry={() => void preview.refetch()}
      />
    );
  }

  const invitation = preview.data;
  const me = session.data?.user ?? null;
  return (
    <Page narrow>
      <PageHeader
        title={t('invitation.joinTitle', { name: invitation.community.name })}
        documentTitle={t('invitation.title')}
      />
      <InvitationSummary invitation={invitation} />
      {me ? (
        <AcceptInvitation token={token} invitation={invitation} me={me} />
      ) : invitation.email && !invitation.accountExists ? (
        <InvitationSignUp token={token} invitation={invitation} email={invitation.email} signUp={signUp} />
      ) : (
        <SignInToAccept token={token} invitation={invitation} />
      )}
    </Page>
  );
}

function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const role = t(`community.roleAs.${invitation.role}`);
  return (
    <div className="invitation-card">
      <p className="invitation-card__lead">
        {invitation.invitedBy
          ? t('invitation.invitedYou', { name: invitation.invitedBy.displayName, role })
          : t('invitation.youAreInvited', { role })}
      </p>
      <p className="invitation-card__community">
        <strong>{invitation.community.name}</strong>
        <RoleBadge role={invitation.role} />
      </p>
      {invitation.community.shortDescription && <p>{invitation.community.shortDescription}</p>}
      {invitation.message && (
        <figure className="invitation-card__message">
          <blockquote className="quote">{invitation.message}</blockquote>
          {invitation.invitedBy && <figcaption>— {invitation.invitedBy.displayName}</figcaption>}
        </figure>
      )}
      <p className="muted">
        {t('invitation.validUntil', { date: formatDate(invitation.expiresAt, currentLocale()) })}
      </p>
    </div>
  );
}

function AcceptInvitation({
  token,
  invitation,
  me,
}: {
  token: string;
  invitation: InvitationPreview;
  me: Me;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const accept = useAcceptInvitationLink(token);
  const otherAddress = invitation.email !== null && invitation.email.toLowerCase() !== me.email.toLowerCase();

  return (
    <div className="stack section-gap">
      {otherAddress && (
        <Alert tone="info" title={t('invitation.otherAddressTitle')}>
          <p>{t('invitation.otherAddressText', { invited: invitation.email, current: me.email })}</p>
        </Alert>
      )}
      {accept.isError && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, accept.error)}</p>
        </Alert>
      )}
      <div className="button-row">
        <Button
          pending={accept.isPending}
          pendingLabel={t('invitation.accepting')}
          onClick={() =>
            afterMutation(accept.mutateAsync(), (result) => {
              toast(t('invitation.welcome', { name: invitation.community.name }));
              void navigate(`/c/${result.slug}`, { replace: true });
            })
          }
        >
          {t('invitations.accept')}
        </Button>
        <Link className={buttonClass('secondary')} to={`/c/${invitation.community.slug}`}>
          {t('invitation.seeCommunity')}
        </Link>
      </div>
      <p className="muted">{t('invitation.signedInAs', { name: me.displayName, email: me.email })}</p>
    </div>
  );
}

function SignInToAccept({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const next = encodeURIComponent(`/invitations/${token}`);
  return (
    <div className="stack section-gap">
      <p>
        {invitation.email
          ? t('invitation.signInText', { email: invitation.email })
          : t('invitation.signInTextMember')}
      </p>
      <div className="button-row">
        <Link className={buttonClass('primary')} to={`/sign-in?next=${next}`}>
          {t('invitation.signInToAccept')}
        </Link>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </div>
    </div>
  );
}

type Field = 'displayName' | 'password';
const IDS: Record<Field, string> = { displayName: 'invitation-name', password: 'invitation-password' };

interface InvitationSignUpProps {
  token: string;
  invitation: InvitationPreview;
  email: string;
  signUp: ReturnType<typeof useSignUpWithInvitation>;
}

function InvitationSignUp({ token, invitation, email, signUp }: InvitationSignUpProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors<Field>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { displayName: checkDisplayName(t, displayName), password: checkNewPassword(t, password) };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    const { slug, name } = invitation.community;
    // On success the page shows "creating" in place of this form, so its own callbacks would not run.
    afterMutation(
      signUp.mutateAsync({ displayName: displayName.trim(), password, locale: currentLocale() }),
      () => {
        toast(t('invitation.welcome', { name }));
        void navigate(`/c/${slug}`, { replace: true });
      },
      (error) =>
        errors.show(
          apiErrorToForm(
            error,
            t,
            { displayName: t('fields.displayName'), password: t('fields.password') },
            { weak_password: { field: 'password' } },
          ),
        ),
    );
  }

  return (
    <section className="section-gap" aria-labelledby="invitation-sign-up-title">
      <h2 id="invitation-sign-up-title">{t('invitation.signUpTitle')}</h2>
      <p>{t('invitation.signUpText')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
        <TextField
          id="invitation-email"
          label={t('fields.email')}
          hint={t('invitation.emailHint')}
          type="email"
          autoComplete="email"
          value={email}
          readOnly
        />
        <TextField
          id={IDS.displayName}
          label={t('fields.displayName')}
          hint={t('signUp.displayNameHint')}
          autoComplete="name"
          maxLength={LIMITS.displayNameMax}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={errors.fields.displayName}
        />
        <PasswordField
          id={IDS.password}
          label={t('fields.password')}
          hint={t('password.hint', { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.password}
        />
        <div>
          <Button type="submit" pending={signUp.isPending} pendingLabel={t('invitation.creating')}>
            {t('invitation.signUpSubmit')}
          </Button>
        </div>
      </form>
      <p className="section-gap">
        {t('signUp.haveAccount')}{' '}
        <Link to={`/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`}>{t('signUp.signIn')}</Link>
      </p>
    </section>
  );
}

/** An unusable link: say why in plain words, and what to do next. */
interface InvitationProblemProps {
  error: unknown;
  signedIn: boolean;
  onRetry: () => void;
}

function InvitationProblem({ error, signedIn, onRetry }: InvitationProblemProps) {
  const { t } = useTranslation();
  const expired = isApiError(error, 'token_expired');
  const invalid = expired || isApiError(error, 'invalid_token', 'not_found', 'validation_failed');
  if (!invalid) {
    return (
      <Page narrow>
        <PageHeader title={t('invitation.title')} />
        <LoadError error={error} onRetry={onRetry} />
      </Page>
    );
  }
  return (
    <Page narrow>
      <PageHeader
        title={expired ? t('invitation.expiredTitle') : t('invitation.invalidTitle')}
        lead={expired ? t('invitation.expiredText') : t('invitation.invalidText')}
      />
      <h2>{t('invitation.nextTitle')}</h2>
      <ul className="next-steps">
        <li>{t('invitation.nextAsk')}</li>
        {signedIn ? <li>{t('invitation.nextWaiting')}</li> : <li>{t('invitation.nextSignIn')}</li>}
        <li>{t('invitation.nextBrowse')}</li>
      </ul>
      <div className="button-row">
        <Link className={buttonClass('primary')} to="/communities">
          {signedIn ? t('invitation.toCommunities') : t('community.browseAll')}
        </Link>
        {!signedIn && (
          <Link className={buttonClass('secondary')} to="/sign-in?next=%2Fcommunities">
            {t('nav.signIn')}
          </Link>
        )}
      </div>
    </Page>
  );
}
