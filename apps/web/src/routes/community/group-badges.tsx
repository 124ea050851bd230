import type { WorkingGroup } from '@discuss/contracts';
import { ArchivedBadge } from '../../components/community-badges.tsx';
import { Badge } from '../../components/ui/badge.tsx';
import { CheckIcon, GlobeIcon, LockIcon, UsersIcon } from '../../components/ui/icons.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';

/** Open or private, size, archived, and the viewer's place in the group: words with icons. */
export function GroupBadges({ group }: { group: WorkingGroup }) {
  const { t } = useTranslation();
  const Visibility = group.visibility === 'open' ? GlobeIcon : LockIcon;
  return (
    <p className="group-badges">
      <Badge tone={group.visibility === 'open' ? 'neutral' : 'info'}>
        <Visibility className="icon--sm" />
        {t(`groups.visibility.${group.visibility}`)}
      </Badge>
      {group.archived && <ArchivedBadge />}
      {group.myRole && (
        <Badge tone="success">
          <CheckIcon className="icon--sm" />
          {group.myRole === 'lead' ? t('groups.youLead') : t('groups.youMember')}
        </Badge>
      )}
      <span className="meta-item">
        <UsersIcon className="icon--sm" />
        {t('groups.memberCount', {
          count: group.memberCount,
          formatted: formatNumber(group.memberCount, currentLocale()),
        })}
      </span>
    </p>
  );
}
