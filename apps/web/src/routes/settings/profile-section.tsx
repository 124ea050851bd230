import { LIMITS, LOCALES, type Me } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useUpdateMe } from '../../api/account.ts';
import { Button } from '../../components/ui/button.tsx';
import { Card } from '../../components/ui/card.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { LANGUAGE_NAMES, currentLocale, isLocale, setLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatDate } from '../../lib/format.ts';
import { apiErrorToForm, checkDisplayName, hasErrors, useFormErrors } from '../../lib/form.ts';

type Field = 'displayName' | 'locale';
const IDS: Record<Field, string> = { displayName: 'profile-name', locale: 'profile-locale' };

export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateMe();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocaleValue] = useState<string>(me.locale ?? '');
  const errors = useFormErrors<Field>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { displayName: checkDisplayName(t, displayName) };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    update.mutate(
      { displayName: displayName.trim(), locale: isLocale(locale) ? locale : null },
      {
        onSuccess: (updated) => {
          if (updated.locale) void setLocale(updated.locale);
          toast(t('settings.profile.saved'));
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(error, t, {
              displayName: t('fields.displayName'),
              locale: t('settings.profile.language'),
            }),
          ),
      },
    );
  }

  return (
    <Card title={t('settings.profile.title')}>
      <p className="muted">
        {t('settings.profile.memberSince', { date: formatDate(me.createdAt, currentLocale()) })}
      </p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
        <TextField
          id={IDS.displayName}
          label={t('fields.displayName')}
          hint={t('settings.profile.displayNameHint')}
          autoComplete="name"
          maxLength={LIMITS.displayNameMax}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={errors.fields.displayName}
        />
        <SelectField
          id={IDS.locale}
          label={t('settings.profile.language')}
          hint={t('settings.profile.languageHint')}
          value={locale}
          onChange={(event) => setLocaleValue(event.target.value)}
          error={errors.fields.locale}
          options={[
            { value: '', label: t('settings.profile.languageUnset') },
            ...LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value })),
          ]}
        />
        <div>
          <Button type="submit" pending={update.isPending} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
