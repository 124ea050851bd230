import { Link, useLocation } from 'react-router';
import { Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { MailIcon } from '../../components/ui/icons.tsx';
import { ResendVerificationButton, ResendVerificationForm } from './resend-verification.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

/** Router state handed over by sign up, resend and forgot password (never in the URL: it holds an address). */
export interface CheckEmailState {
  email?: string;
  reason?: 'sign-up' | 'verify' | 'reset';
}

function readState(state: unknown): CheckEmailState {
  if (typeof state !== 'object' || state === null) return {};
  const { email, reason } = state as Record<string, unknown>;
  return {
    email: typeof email === 'string' ? email : undefined,
    reason: reason === 'sign-up' || reason === 'verify' || reason === 'reset' ? reason : undefined,
  };
}

export function CheckEmailPage() {
  const { t } = useTranslation();
  const { email, reason } = readState(useLocation().state);
  const message =
    email && reason === 'reset'
      ? t('checkEmail.reset', { email })
      : email && reason
        ? t('checkEmail.verify', { email })
        : t('checkEmail.generic');

  return (
    <Page narrow>
      <PageHeader title={t('checkEmail.title')} />
      <Alert tone="success" title={t('checkEmail.sentTitle')}>
        <p>{message}</p>
      </Alert>
      <div className="prose section-gap">
        <h2>
          <MailIcon /> {t('checkEmail.noEmailTitle')}
        </h2>
        <ul>
          <li>{t('checkEmail.tipWait')}</li>
          <li>{t('checkEmail.tipSpam')}</li>
          <li>{t('checkEmail.tipAddress')}</li>
        </ul>
      </div>
      {reason === 'reset' ? (
        <p>
          <Link to="/forgot-password">{t('checkEmail.resetAgain')}</Link>
        </p>
      ) : email ? (
        <ResendVerificationButton email={email} />
      ) : (
        <ResendVerificationForm />
      )}
      {reason === 'sign-up' && (
        <p className="section-gap">
          <Link to="/sign-up">{t('checkEmail.wrongAddress')}</Link>
        </p>
      )}
    </Page>
  );
}
