import { LIMITS } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSignIn } from '../../api/auth.ts';
import { useSession } from '../../api/session.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { isApiError } from '../../lib/error-message.ts';
import { apiErrorToForm, checkEmail, checkPassword, hasErrors, useFormErrors } from '../../lib/form.ts';
import { safeNext } from '../../lib/safe-next.ts';
import { ResendVerificationButton } from './resend-verification.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

type Field = 'email' | 'password';
const IDS: Record<Field, string> = { email: 'sign-in-email', password: 'sign-in-password' };

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const signIn = useSignIn();
  const toast = useToast();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors<Field>();
  const unverified = isApiError(signIn.error, 'email_not_verified');

  if (session.data?.user) return <Navigate to={next} replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { email: checkEmail(t, email), password: checkPassword(t, password) };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (result) => toast(t('signIn.welcome', { name: result.user?.displayName ?? '' })),
        onError: (error) => {
          if (isApiError(error, 'email_not_verified')) return;
          errors.show(apiErrorToForm(error, t, { email: t('fields.email'), password: t('fields.password') }));
        },
      },
    );
  }

  return (
    <Page narrow>
      <PageHeader title={t('signIn.title')} lead={t('signIn.lead')} />
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
        {unverified && (
          <Alert tone="warning" live="alert" title={t('signIn.unverifiedTitle')}>
            <p>{t('signIn.unverifiedText', { email: email.trim() })}</p>
            <ResendVerificationButton
              email={email.trim()}
              onSent={() =>
                void navigate('/check-email', { state: { email: email.trim(), reason: 'verify' } })
              }
            />
          </Alert>
        )}
        <TextField
          id={IDS.email}
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={LIMITS.emailMax}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.fields.email}
        />
        <PasswordField
          id={IDS.password}
          label={t('fields.password')}
          autoComplete="current-password"
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.password}
        />
        <div className="form-footer">
          <Button type="submit" pending={signIn.isPending} pendingLabel={t('signIn.submitting')}>
            {t('signIn.submit')}
          </Button>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </div>
      </form>
      <p className="section-gap">
        {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.createAccount')}</Link>
      </p>
    </Page>
  );
}
