import { LIMITS } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSetup } from '../api/auth.ts';
import { useSession } from '../api/session.ts';
import { LoadingPage, Page, PageHeader } from '../components/page.tsx';
import { Alert } from '../components/ui/alert.tsx';
import { Button, buttonClass } from '../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../components/ui/error-summary.tsx';
import { PasswordField } from '../components/ui/password-field.tsx';
import { TextField } from '../components/ui/text-field.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../i18n/i18n.ts';
import {
  apiErrorToForm,
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  hasErrors,
  useFormErrors,
} from '../lib/form.ts';

type Field = 'displayName' | 'email' | 'password';
const IDS: Record<Field, string> = {
  displayName: 'setup-name',
  email: 'setup-email',
  password: 'setup-password',
};

/** One-time screen: while no operator exists, create the first one. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const session = useSession();
  const setup = useSetup();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors<Field>();

  if (session.isPending) {
    return <LoadingPage title={t('setup.title')} narrow />;
  }

  if (!session.data?.setupRequired && !setup.isPending) {
    return (
      <Page narrow>
        <PageHeader title={t('setup.doneTitle')} lead={t('setup.doneText')} />
        <Link className={buttonClass('secondary')} to="/">
          {t('common.goHome')}
        </Link>
      </Page>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      displayName: checkDisplayName(t, displayName),
      email: checkEmail(t, email),
      password: checkNewPassword(t, password),
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    setup.mutate(
      { displayName: displayName.trim(), email: email.trim(), password, locale: currentLocale() },
      {
        onSuccess: () => {
          toast(t('setup.success'));
          void navigate('/admin/users', { replace: true });
        },
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
              { weak_password: { field: 'password' } },
            ),
          ),
      },
    );
  }

  return (
    <Page narrow>
      <PageHeader title={t('setup.title')} lead={t('setup.lead')} />
      <form className="form" noValidate onSubmit={submit}>
        <Alert tone="info" title={t('setup.noticeTitle')}>
          <p>{t('setup.noticeText')}</p>
        </Alert>
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
        <TextField
          id={IDS.displayName}
          label={t('fields.displayName')}
          autoComplete="name"
          maxLength={LIMITS.displayNameMax}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={errors.fields.displayName}
        />
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
          hint={t('password.hint', { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.password}
        />
        <div>
          <Button type="submit" pending={setup.isPending} pendingLabel={t('setup.submitting')}>
            {t('setup.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
