import type { CommunityRole, Member } from '@discuss/contracts';
import type { MemberRoleFilter } from '../../api/members.ts';
import { Avatar } from '../../components/avatar.tsx';
import { RoleBadge } from '../../components/community-badges.tsx';
import { Badge } from '../../components/ui/badge.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatDate } from '../../lib/format.ts';

export const ROLES: readonly CommunityRole[] = ['facilitator', 'moderator', 'member', 'expert'];

export function toRoleFilter(value: string | null): MemberRoleFilter {
  return ROLES.find((role) => role === value) ?? '';
}

/** Name, role, and for invited experts the day their access ends. */
export function MemberSummary({ member }: { member: Member }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="list__main member-summary">
      <Avatar name={member.user.displayName} />
      <div>
        <p className="list__title">
          {member.user.displayName}
          <RoleBadge role={member.role} />
          {member.status === 'suspended' && <Badge tone="danger">{t('community.members.suspended')}</Badge>}
        </p>
        <p className="list__meta">
          {t('community.members.joined', { date: formatDate(member.joinedAt, locale) })}
          {member.role === 'expert' && member.expiresAt && (
            <> · {t('community.members.expertUntil', { date: formatDate(member.expiresAt, locale) })}</>
          )}
        </p>
      </div>
    </div>
  );
}
