import { Link, useSearchParams } from 'react-router';
import { useConfirmEmailChange } from '../../api/auth.ts';
import { useMe } from '../../api/session.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { errorMessage, isApiError } from '../../lib/error-message.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** Opened from the link sent to a new address; like verification, it waits for a press of the button. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const token = useSearchParams()[0].get('token') ?? '';
  const confirm = useConfirmEmailChange();
  const badLink = !token || isApiError(confirm.error, 'invalid_token', 'token_expired', 'validation_failed');
  const expired = isApiError(confirm.error, 'token_expired');
  const next = me ? (
    <Link className={buttonClass('secondary')} to="/settings?tab=email">
      {t('confirmEmail.toSettings')}
    </Link>
  ) : (
    <Link className={buttonClass('secondary')} to="/sign-in">
      {t('nav.signIn')}
    </Link>
  );

  if (confirm.isSuccess) {
    return (
      <Page narrow>
        <PageHeader title={t('confirmEmail.doneTitle')} />
        <div className="stack">
          <Alert tone="success" live="status">
            <p>{t('confirmEmail.done', { email: confirm.data.email })}</p>
          </Alert>
          {next}
        </div>
      </Page>
    );
  }

  return (
    <Page narrow>
      <PageHeader title={t('confirmEmail.title')} lead={badLink ? undefined : t('confirmEmail.lead')} />
      <div className="stack">
        {badLink ? (
          <>
            <Alert
              tone="error"
              live="alert"
              title={
                expired ? t('links.expiredTitle') : !token ? t('links.missingTitle') : t('links.invalidTitle')
              }
            >
              <p>{t('confirmEmail.newLink')}</p>
            </Alert>
            {next}
          </>
        ) : (
          <>
            {confirm.isError && (
              <Alert tone="error" live="alert">
                <p>{errorMessage(t, confirm.error)}</p>
              </Alert>
            )}
            <div>
              <Button
                pending={confirm.isPending}
                pendingLabel={t('confirmEmail.submitting')}
                onClick={() => confirm.mutate(token)}
              >
                {t('confirmEmail.submit')}
              </Button>
            </div>
          </>
        )}
      </div>
    </Page>
  );
}
