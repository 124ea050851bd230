import { COMMUNITY_LIMITS, type Member } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useSuspendMember } from '../../../api/members.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { TextAreaField } from '../../../components/ui/textarea-field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../../lib/form.ts';
import { useTranslation } from '../../../i18n/i18n.ts';

const IDS = { reason: 'member-suspend-reason' };

interface SuspendMemberDialogProps {
  slug: string;
  member: Member | null;
  onClose: () => void;
}

/** Suspension in one community: the person keeps reading public parts but cannot take part. */
export function SuspendMemberDialog({ slug, member, onClose }: SuspendMemberDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={member !== null}
      onClose={onClose}
      title={t('communitySettings.suspend.title', { name: member?.user.displayName ?? '' })}
    >
      {member && <SuspendForm key={member.user.id} slug={slug} member={member} onClose={onClose} />}
    </Dialog>
  );
}

function SuspendForm({ slug, member, onClose }: { slug: string; member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const suspend = useSuspendMember(slug);
  const [reason, setReason] = useState('');
  const errors = useFormErrors<'reason'>();
  const max = COMMUNITY_LIMITS.noteMax;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    const fields = {
      reason: !text
        ? t('communitySettings.suspend.reasonRequired')
        : text.length > max
          ? t('validation.tooLong', { max })
          : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    suspend.mutate(
      { userId: member.user.id, reason: text },
      {
        onSuccess: () => {
          toast(t('communitySettings.suspend.done', { name: member.user.displayName }));
          onClose();
        },
        onError: (error) =>
          errors.show(apiErrorToForm(error, t, { reason: t('communitySettings.suspend.reason') })),
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{t('communitySettings.suspend.text', { name: member.user.displayName })}</p>
      <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
      <TextAreaField
        id={IDS.reason}
        label={t('communitySettings.suspend.reason')}
        hint={t('communitySettings.suspend.reasonHint', { max })}
        maxLength={max}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
      />
      <div className="button-row">
        <Button type="submit" variant="danger" pending={suspend.isPending} pendingLabel={t('common.saving')}>
          {t('communitySettings.suspend.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
