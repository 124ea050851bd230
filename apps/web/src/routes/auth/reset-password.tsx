import { LIMITS } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useResetPassword } from '../../api/auth.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { isApiError } from '../../lib/error-message.ts';
import { apiErrorToForm, checkNewPassword, hasErrors, useFormErrors } from '../../lib/form.ts';
import { useTranslation } from '../../i18n/i18n.ts';

const IDS = { password: 'reset-password' };

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const token = useSearchParams()[0].get('token') ?? '';
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const errors = useFormErrors<'password'>();
  const badLink = !token || isApiError(reset.error, 'invalid_token', 'token_expired');
  const expired = isApiError(reset.error, 'token_expired');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { password: checkNewPassword(t, password) };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    reset.mutate(
      { token, password },
      {
        onSuccess: () => {
          toast(t('resetPassword.success'));
          void navigate('/', { replace: true });
        },
        onError: (error) => {
          if (isApiError(error, 'invalid_token', 'token_expired')) return;
          errors.show(
            apiErrorToForm(
              error,
              t,
              { password: t('fields.newPassword') },
              { weak_password: { field: 'password' } },
            ),
          );
        },
      },
    );
  }

  return (
    <Page narrow>
      <PageHeader title={t('resetPassword.title')} lead={badLink ? undefined : t('resetPassword.lead')} />
      {badLink ? (
        <div className="stack">
          <Alert
            tone="error"
            live="alert"
            title={
              expired ? t('links.expiredTitle') : !token ? t('links.missingTitle') : t('links.invalidTitle')
            }
          >
            <p>{t('resetPassword.newLink')}</p>
          </Alert>
          <Link className={buttonClass('primary')} to="/forgot-password">
            {t('resetPassword.requestNew')}
          </Link>
        </div>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
          <PasswordField
            id={IDS.password}
            label={t('fields.newPassword')}
            hint={t('password.hint', { min: LIMITS.passwordMin })}
            autoComplete="new-password"
            maxLength={LIMITS.passwordMax}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.fields.password}
          />
          <div>
            <Button type="submit" pending={reset.isPending} pendingLabel={t('common.saving')}>
              {t('resetPassword.submit')}
            </Button>
          </div>
        </form>
      )}
    </Page>
  );
}
