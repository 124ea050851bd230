import { LIMITS } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useForgotPassword } from '../../api/auth.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { apiErrorToForm, checkEmail, hasErrors, useFormErrors } from '../../lib/form.ts';

const IDS = { email: 'forgot-email' };

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const errors = useFormErrors<'email'>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { email: checkEmail(t, email) };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    const address = email.trim();
    forgot.mutate(
      { email: address, locale: currentLocale() },
      {
        onSuccess: () => void navigate('/check-email', { state: { email: address, reason: 'reset' } }),
        onError: (error) => errors.show(apiErrorToForm(error, t, { email: t('fields.email') })),
      },
    );
  }

  return (
    <Page narrow>
      <PageHeader title={t('forgotPassword.title')} lead={t('forgotPassword.lead')} />
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
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
        <div className="form-footer">
          <Button type="submit" pending={forgot.isPending} pendingLabel={t('common.sending')}>
            {t('forgotPassword.submit')}
          </Button>
          <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
        </div>
      </form>
    </Page>
  );
}
