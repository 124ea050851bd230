import { useNavigate, useSearchParams } from 'react-router';
import { useVerifyEmail } from '../../api/auth.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { errorMessage, isApiError } from '../../lib/error-message.ts';
import { ResendVerificationForm } from './resend-verification.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

/**
 * Opened from the e-mailed link. The token is only sent when the person presses the button: mail scanners
 * that open links must not use up the one-time token (or get signed in).
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const token = useSearchParams()[0].get('token') ?? '';
  const verify = useVerifyEmail();
  const badLink = !token || isApiError(verify.error, 'invalid_token', 'token_expired', 'validation_failed');
  const expired = isApiError(verify.error, 'token_expired');

  function confirm() {
    verify.mutate(token, {
      onSuccess: (session) => {
        toast(t('verifyEmail.success', { name: session.user?.displayName ?? '' }));
        void navigate('/', { replace: true });
      },
    });
  }

  return (
    <Page narrow>
      <PageHeader title={t('verifyEmail.title')} lead={badLink ? undefined : t('verifyEmail.lead')} />
      {badLink ? (
        <>
          <Alert
            tone="error"
            live="alert"
            title={
              expired ? t('links.expiredTitle') : !token ? t('links.missingTitle') : t('links.invalidTitle')
            }
          >
            <p>{t('verifyEmail.newLink')}</p>
          </Alert>
          <ResendVerificationForm />
        </>
      ) : (
        <div className="stack">
          {verify.isError && (
            <Alert tone="error" live="alert">
              <p>{errorMessage(t, verify.error)}</p>
            </Alert>
          )}
          <Button pending={verify.isPending} pendingLabel={t('verifyEmail.submitting')} onClick={confirm}>
            {t('verifyEmail.submit')}
          </Button>
        </div>
      )}
    </Page>
  );
}
