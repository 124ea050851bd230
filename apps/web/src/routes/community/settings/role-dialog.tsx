import { COMMUNITY_LIMITS, COMMUNITY_ROLES, type CommunityRole, type Member } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useSetMemberRole } from '../../../api/members.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { RadioGroup } from '../../../components/ui/choice-group.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../../i18n/i18n.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatDays } from '../../../lib/format.ts';

export const ACCESS_DAYS = [30, 90, 180, 365].filter((days) => days <= COMMUNITY_LIMITS.expertMaxDays);

interface RoleDialogProps {
  slug: string;
  member: Member | null;
  onClose: () => void;
}

export function RoleDialog({ slug, member, onClose }: RoleDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={member !== null}
      onClose={onClose}
      title={t('communitySettings.role.title', { name: member?.user.displayName ?? '' })}
    >
      {member && <RoleForm key={member.user.id} slug={slug} member={member} onClose={onClose} />}
    </Dialog>
  );
}

function RoleForm({ slug, member, onClose }: { slug: string; member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const setRole = useSetMemberRole(slug);
  const [role, setRoleValue] = useState<CommunityRole>(member.role);
  const [days, setDays] = useState('90');
  const locale = currentLocale();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRole.mutate(
      { userId: member.user.id, body: role === 'expert' ? { role, expiresInDays: Number(days) } : { role } },
      {
        onSuccess: () => {
          toast(
            t('communitySettings.role.done', {
              name: member.user.displayName,
              role: t(`community.roleNoun.${role}`),
            }),
          );
          onClose();
        },
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      {setRole.isError && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, setRole.error)}</p>
        </Alert>
      )}
      <RadioGroup
        id="member-role-choice"
        name="role"
        legend={t('communitySettings.role.legend')}
        options={COMMUNITY_ROLES.map((value) => ({
          value,
          label: t(`community.role.${value}`),
          description: t(`community.roleHelp.${value}`),
        }))}
        value={role}
        onChange={setRoleValue}
      />
      {role === 'expert' && (
        <SelectField
          id="member-role-days"
          label={t('communitySettings.role.days')}
          hint={t('communitySettings.role.daysHint')}
          width="auto"
          value={days}
          onChange={(event) => setDays(event.target.value)}
          options={ACCESS_DAYS.map((value) => ({ value: String(value), label: formatDays(value, locale) }))}
        />
      )}
      <FormActions
        pending={setRole.isPending}
        onCancel={onClose}
        submitLabel={t('communitySettings.role.submit')}
      />
    </form>
  );
}
