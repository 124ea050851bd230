import type { CommunityRole, CommunitySummary, JoinPolicy, Stage, Visibility } from '@discuss/contracts';
import { currentLocale, useTranslation } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { Badge, type BadgeTone } from './ui/badge.tsx';
import {
  ArchiveIcon,
  CheckIcon,
  ClockIcon,
  CycleIcon,
  EyeOffIcon,
  GlobeIcon,
  LockIcon,
  MailIcon,
  UsersIcon,
} from './ui/icons.tsx';

const VISIBILITY_ICONS = { public: GlobeIcon, members: LockIcon, hidden: EyeOffIcon };

/** Who can see the community: an icon and a word, never colour alone. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  const Icon = VISIBILITY_ICONS[visibility];
  return (
    <Badge tone={visibility === 'public' ? 'neutral' : 'info'}>
      <Icon className="icon--sm" />
      {t(`community.visibility.${visibility}`)}
    </Badge>
  );
}

/** How people become members, in a few words ("Join on request"). */
export function JoinPolicyText({ policy }: { policy: JoinPolicy }) {
  const { t } = useTranslation();
  return <>{t(`community.joinPolicy.${policy}`)}</>;
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Badge>
      <CycleIcon className="icon--sm" />
      <span className="visually-hidden">{t('community.stageLabel')}: </span>
      {t(`community.stage.${stage}`)}
    </Badge>
  );
}

export function MemberCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span className="meta-item">
      <UsersIcon className="icon--sm" />
      {t('community.memberCount', { count, formatted: formatNumber(count, currentLocale()) })}
    </span>
  );
}

const ROLE_TONES: Record<CommunityRole, BadgeTone> = {
  facilitator: 'success',
  moderator: 'info',
  member: 'neutral',
  expert: 'warning',
};

export function RoleBadge({ role }: { role: CommunityRole }) {
  const { t } = useTranslation();
  return <Badge tone={ROLE_TONES[role]}>{t(`community.role.${role}`)}</Badge>;
}

/** The viewer's relation to a community, when there is one worth showing. */
export function MyStatusBadge({ my }: { my: CommunitySummary['my'] }) {
  const { t } = useTranslation();
  switch (my.status) {
    case 'member':
      return (
        <Badge tone="success">
          <CheckIcon className="icon--sm" />
          {my.role && my.role !== 'member' ? t(`community.my.role.${my.role}`) : t('community.my.member')}
        </Badge>
      );
    case 'pending':
      return (
        <Badge tone="warning">
          <ClockIcon className="icon--sm" />
          {t('community.my.pending')}
        </Badge>
      );
    case 'invited':
      return (
        <Badge tone="info">
          <MailIcon className="icon--sm" />
          {t('community.my.invited')}
        </Badge>
      );
    case 'suspended':
      return <Badge tone="danger">{t('community.my.suspended')}</Badge>;
    default:
      return null;
  }
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="warning">
      <ArchiveIcon className="icon--sm" />
      {t('community.archived')}
    </Badge>
  );
}
