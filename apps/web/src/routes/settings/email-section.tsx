import { LIMITS, type Me } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useChangeEmail } from '../../api/account.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Badge } from '../../components/ui/badge.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Card } from '../../components/ui/card.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { apiErrorToForm, checkEmail, checkPassword, hasErrors, useFormErrors } from '../../lib/form.ts';
import { useTranslation } from '../../i18n/i18n.ts';

type Field = 'newEmail' | 'currentPassword';
const IDS: Record<Field, string> = { newEmail: 'email-new', currentPassword: 'email-password' };

export function EmailSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const change = useChangeEmail();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = useFormErrors<Field>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = newEmail.trim();
    const fields = {
      newEmail:
        checkEmail(t, newEmail) ??
        (address.toLowerCase() === me.email.toLowerCase() ? t('settings.email.sameAddress') : undefined),
      currentPassword: checkPassword(t, password),
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    change.mutate(
      { newEmail: address, currentPassword: password },
      {
        onSuccess: () => {
          setSentTo(address);
          setNewEmail('');
          setPassword('');
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(
              error,
              t,
              { newEmail: t('fields.newEmail'), currentPassword: t('fields.currentPassword') },
              {
                email_taken: { field: 'newEmail' },
                invalid_credentials: { field: 'currentPassword', message: t('settings.wrongPassword') },
              },
            ),
          ),
      },
    );
  }

  return (
    <Card title={t('settings.email.title')}>
      <p>
        {t('settings.email.current')} <strong className="break-anywhere">{me.email}</strong>{' '}
        {me.emailVerified ? (
          <Badge tone="success">{t('settings.email.verified')}</Badge>
        ) : (
          <Badge tone="warning">{t('settings.email.unverified')}</Badge>
        )}
      </p>
      <p className="muted">{t('settings.email.explain')}</p>
      <form className="form" noValidate onSubmit={submit}>
        {sentTo && (
          <Alert tone="success" live="status" title={t('settings.email.sentTitle')}>
            <p>{t('settings.email.sentText', { email: sentTo })}</p>
          </Alert>
        )}
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
        <TextField
          id={IDS.newEmail}
          label={t('fields.newEmail')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={LIMITS.emailMax}
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
          error={errors.fields.newEmail}
        />
        <PasswordField
          id={IDS.currentPassword}
          label={t('fields.currentPassword')}
          hint={t('settings.email.passwordHint')}
          autoComplete="current-password"
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.currentPassword}
        />
        <div>
          <Button type="submit" pending={change.isPending} pendingLabel={t('common.sending')}>
            {t('settings.email.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
