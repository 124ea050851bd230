import { LIMITS, type AdminUser } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useSuspendUser } from '../../api/admin.ts';
import { Button } from '../../components/ui/button.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { TextAreaField } from '../../components/ui/textarea-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../lib/form.ts';
import { useTranslation } from '../../i18n/i18n.ts';

const IDS = { reason: 'suspend-reason' };

export function SuspendDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={user !== null} onClose={onClose} title={t('admin.suspend.title')}>
      {user && <SuspendForm key={user.id} user={user} onClose={onClose} />}
    </Dialog>
  );
}

function SuspendForm({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const suspend = useSuspendUser();
  const [reason, setReason] = useState('');
  const errors = useFormErrors<'reason'>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    const fields = {
      reason: !trimmed
        ? t('admin.suspend.reasonRequired')
        : trimmed.length > LIMITS.suspendReasonMax
          ? t('validation.tooLong', { max: LIMITS.suspendReasonMax })
          : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    suspend.mutate(
      { id: user.id, reason: trimmed },
      {
        onSuccess: () => {
          toast(t('admin.suspend.done', { name: user.displayName }));
          onClose();
        },
        onError: (error) => errors.show(apiErrorToForm(error, t, { reason: t('admin.suspend.reason') })),
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{t('admin.suspend.text', { name: user.displayName, email: user.email })}</p>
      <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
      <TextAreaField
        id={IDS.reason}
        label={t('admin.suspend.reason')}
        hint={t('admin.suspend.reasonHint', { max: LIMITS.suspendReasonMax })}
        maxLength={LIMITS.suspendReasonMax}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
      />
      <div className="button-row">
        <Button
          type="submit"
          variant="danger"
          pending={suspend.isPending}
          pendingLabel={t('admin.suspend.submitting')}
        >
          {t('admin.suspend.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
