import { LIMITS } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useSignUp } from '../../api/auth.ts';
import { useSession } from '../../api/session.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import {
  apiErrorToForm,
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  hasErrors,
  useFormErrors,
} from '../../lib/form.ts';

type Field = 'displayName' | 'email' | 'password';
const IDS: Record<Field, string> = {
  displayName: 'sign-up-name',
  email: 'sign-up-email',
  password: 'sign-up-password',
};

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signUp = useSignUp();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors<Field>();

  if (session.data?.user) return <Navigate to="/" replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      displayName: checkDisplayName(t, displayName),
      email: checkEmail(t, email),
      password: checkNewPassword(t, password),
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    const address = email.trim();
    signUp.mutate(
      { displayName: displayName.trim(), email: address, password, locale: currentLocale() },
      {
        onSuccess: () => void navigate('/check-email', { state: { email: address, reason: 'sign-up' } }),
        onError: (error) =>
          errors.show(
            apiErrorToForm(
              error,
              t,
              {
                displayName: t('fields.displayName'),
                email: t('fields.email'),
                password: t('fields.password'),
              },
              { weak_password: { field: 'password' }, email_taken: { field: 'email' } },
            ),
          ),
      },
    );
  }

  return (
    <Page narrow>
      <PageHeader title={t('signUp.title')} lead={t('signUp.lead')} />
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
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
        <TextField
          id={IDS.email}
          label={t('fields.email')}
          hint={t('signUp.emailHint')}
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
          hint={t('password.hint', { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.password}
        />
        <div>
          <Button type="submit" pending={signUp.isPending} pendingLabel={t('signUp.submitting')}>
            {t('signUp.submit')}
          </Button>
        </div>
      </form>
      <p className="section-gap">
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signIn')}</Link>
      </p>
    </Page>
  );
}
