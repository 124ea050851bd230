import { LIMITS } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useResendVerification } from '../../api/auth.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { apiErrorToForm, checkEmail, hasErrors, useFormErrors } from '../../lib/form.ts';

/** Ask for a new verification link for a typed address, then show "check your e-mail". */
export function ResendVerificationForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resend = useResendVerification();
  const [email, setEmail] = useState(initialEmail);
  const errors = useFormErrors<'email'>();
  const ids = { email: 'resend-email' };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { email: checkEmail(t, email) };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    const address = email.trim();
    resend.mutate(
      { email: address, locale: currentLocale() },
      {
        onSuccess: () => void navigate('/check-email', { state: { email: address, reason: 'verify' } }),
        onError: (error) => errors.show(apiErrorToForm(error, t, { email: t('fields.email') })),
      },
    );
  }

  return (
    <form className="form section-gap" noValidate onSubmit={submit}>
      <h2>{t('resend.title')}</h2>
      <ErrorSummary items={summaryItems(errors, ids)} focusKey={errors.attempt} />
      <TextField
        id={ids.email}
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
      <div>
        <Button type="submit" pending={resend.isPending} pendingLabel={t('common.sending')}>
          {t('resend.submit')}
        </Button>
      </div>
    </form>
  );
}

/** One button that sends the link again to a known address. */
export function ResendVerificationButton({ email, onSent }: { email: string; onSent?: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const resend = useResendVerification();
  return (
    <div className="stack">
      <Button
        variant="secondary"
        pending={resend.isPending}
        pendingLabel={t('common.sending')}
        onClick={() =>
          resend.mutate(
            { email, locale: currentLocale() },
            {
              onSuccess: () => {
                toast(t('resend.sent', { email }));
                onSent?.();
              },
            },
          )
        }
      >
        {t('resend.submit')}
      </Button>
      {resend.isError && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, resend.error)}</p>
        </Alert>
      )}
    </div>
  );
}
