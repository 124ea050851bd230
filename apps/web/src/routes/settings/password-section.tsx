import { LIMITS, type Me } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useChangePassword } from '../../api/account.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Card } from '../../components/ui/card.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { apiErrorToForm, checkNewPassword, checkPassword, hasErrors, useFormErrors } from '../../lib/form.ts';
import { useTranslation } from '../../i18n/i18n.ts';

type Field = 'currentPassword' | 'newPassword';
const IDS: Record<Field, string> = { currentPassword: 'password-current', newPassword: 'password-new' };

export function PasswordSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const errors = useFormErrors<Field>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      currentPassword: checkPassword(t, current),
      newPassword:
        checkNewPassword(t, next) ?? (next === current ? t('settings.password.samePassword') : undefined),
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    setDone(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setDone(true);
          setCurrent('');
          setNext('');
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(
              error,
              t,
              { currentPassword: t('fields.currentPassword'), newPassword: t('fields.newPassword') },
              {
                weak_password: { field: 'newPassword' },
                invalid_credentials: { field: 'currentPassword', message: t('settings.wrongPassword') },
              },
            ),
          ),
      },
    );
  }

  return (
    <Card title={t('settings.password.title')}>
      <p className="muted">{t('settings.password.explain')}</p>
      <form className="form" noValidate onSubmit={submit}>
        {done && (
          <Alert tone="success" live="status" title={t('settings.password.doneTitle')}>
            <p>{t('settings.password.doneText')}</p>
          </Alert>
        )}
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={me.email} readOnly hidden />
        <PasswordField
          id={IDS.currentPassword}
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          maxLength={LIMITS.passwordMax}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={errors.fields.currentPassword}
        />
        <PasswordField
          id={IDS.newPassword}
          label={t('fields.newPassword')}
          hint={t('password.hint', { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
          value={next}
          onChange={(event) => setNext(event.target.value)}
          error={errors.fields.newPassword}
        />
        <div>
          <Button type="submit" pending={change.isPending} pendingLabel={t('common.saving')}>
            {t('settings.password.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
