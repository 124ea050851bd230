import '../components/community-card.css';
import { Link } from 'react-router';
import { useAreas, useCommunityPreview } from '../api/communities.ts';
import { CommunityCard } from '../components/community-card.tsx';
import { buttonClass } from '../components/ui/button.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { UsersIcon } from '../components/ui/icons.tsx';
import { LoadingState } from '../components/ui/spinner.tsx';
import { currentLocale, useTranslation } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { LoadError } from '../components/ui/load-error.tsx';

const PREVIEW = 6;

/** The landing page's window on the directory: priority areas, then the first communities. */
export function LandingCommunities({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const communities = useCommunityPreview(PREVIEW);
  const locale = currentLocale();

  return (
    <div className="stack">
      {areas.data && areas.data.items.length > 0 && (
        <nav aria-label={t('communities.areasLabel')} className="area-chips">
          <ul>
            {areas.data.items.map((area) => (
              <li key={area.id}>
                <Link className="chip" to={`/communities?area=${encodeURIComponent(area.slug)}`}>
                  {area.name}
                  <span className="chip__count" aria-hidden="true">
                    {formatNumber(area.communityCount, locale)}
                  </span>
                  <span className="visually-hidden">
                    {', '}
                    {t('communities.total', {
                      count: area.communityCount,
                      formatted: formatNumber(area.communityCount, locale),
                    })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {communities.isPending ? (
        <LoadingState />
      ) : communities.isError ? (
        <LoadError error={communities.error} onRetry={() => void communities.refetch()} />
      ) : communities.data.items.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={t('landing.communities.emptyTitle')}
          action={
            signedIn ? undefined : (
              <Link className={buttonClass('secondary')} to="/sign-up">
                {t('landing.communities.emptyAction')}
              </Link>
            )
          }
        >
          {t('landing.communities.emptyText')}
        </EmptyState>
      ) : (
        <>
          <ul className="community-grid">
            {communities.data.items.map((community) => (
              <li key={community.id}>
                <CommunityCard community={community} />
              </li>
            ))}
          </ul>
          {communities.data.total > communities.data.items.length && (
            <p>
              <Link className={buttonClass('secondary')} to="/communities">
                {t('landing.communities.seeAll', {
                  count: communities.data.total,
                  formatted: formatNumber(communities.data.total, locale),
                })}
              </Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
