import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LockIcon } from '../../components/ui/icons.tsx';
import { useCommunityContext } from './community-context.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** Shown in place of a workroom section to someone who may see the community but not read it. */
export function MembersOnly() {
  const { t } = useTranslation();
  const { community, me } = useCommunityContext();
  return (
    <EmptyState
      headingLevel={2}
      icon={<LockIcon />}
      title={t('community.overview.membersOnlyTitle')}
      action={
        <Link
          className={buttonClass('secondary')}
          to={me ? `/c/${community.slug}` : `/sign-in?next=${encodeURIComponent(`/c/${community.slug}`)}`}
        >
          {me ? t('community.backToOverview') : t('nav.signIn')}
        </Link>
      }
    >
      {t('community.overview.membersOnlyText')}
    </EmptyState>
  );
}
