import '../../components/community-card.css';
import './directory.css';
import { LIMITS } from '@discuss/contracts';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAreas, useCommunityDirectory, type DirectoryFilters } from '../../api/communities.ts';
import { useMe } from '../../api/session.ts';
import { CommunityCard } from '../../components/community-card.tsx';
import { Page, PageHeader } from '../../components/page.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { PlusIcon, SearchIcon, UsersIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { cx } from '../../lib/cx.ts';
import { formatNumber } from '../../lib/format.ts';
import { MyInvitations } from './my-invitations.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/communities`: every community the viewer may see, by area, searchable; the viewer's own on request. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters: DirectoryFilters = {
    area: params.get('area') ?? '',
    q: params.get('q') ?? '',
    scope: me && params.get('mine') === '1' ? 'mine' : 'all',
  };
  const communities = useCommunityDirectory(filters);
  const areas = useAreas();
  const locale = currentLocale();
  const items = communities.data?.pages.flatMap((page) => page.items) ?? [];
  const total = communities.data?.pages[0]?.total ?? 0;
  const filtered = filters.area !== '' || filters.q !== '';

  /** The same URL with one parameter changed (or removed when empty). */
  function withParam(key: string, value: string): string {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    return qs ? `/communities?${qs}` : '/communities';
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    const next = new URLSearchParams(params);
    const q = typeof value === 'string' ? value.trim() : '';
    if (q) next.set('q', q);
    else next.delete('q');
    setParams(next, { preventScrollReset: true });
  }

  return (
    <Page>
      <PageHeader title={t('communities.title')} lead={t('communities.lead')} />
      {me && <MyInvitations />}

      <div className="directory-tools">
        <form key={filters.q} className="directory-search" role="search" onSubmit={search}>
          <TextField
            id="community-search"
            name="q"
            type="search"
            label={t('communities.searchLabel')}
            defaultValue={filters.q}
            maxLength={LIMITS.searchQueryMax}
          />
          <Button type="submit" variant="secondary">
            <SearchIcon />
            {t('communities.search')}
          </Button>
        </form>
        {me && (
          <nav className="scope-toggle" aria-label={t('communities.scopeLabel')}>
            <Link
              to={withParam('mine', '')}
              className="scope-toggle__option"
              aria-current={filters.scope === 'all' ? 'true' : undefined}
            >
              {t('communities.scopeAll')}
            </Link>
            <Link
              to={withParam('mine', '1')}
              className="scope-toggle__option"
              aria-current={filters.scope === 'mine' ? 'true' : undefined}
            >
              {t('communities.scopeMine')}
            </Link>
          </nav>
        )}
      </div>

      {areas.data && areas.data.items.length > 0 && (
        <nav className="area-chips" aria-label={t('communities.areasLabel')}>
          <ul>
            <li>
              <Link
                className="chip"
                to={withParam('area', '')}
                aria-current={filters.area === '' ? 'true' : undefined}
              >
                {t('communities.allAreas')}
              </Link>
            </li>
            {areas.data.items.map((area) => (
              <li key={area.id}>
                <Link
                  className="chip"
                  to={withParam('area', area.slug)}
                  aria-current={filters.area === area.slug ? 'true' : undefined}
                >
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
      ) : communities.isError && !communities.data ? (
        <LoadError error={communities.error} onRetry={() => void communities.refetch()} />
      ) : items.length === 0 ? (
        <DirectoryEmpty
          filtered={filtered}
          mine={filters.scope === 'mine'}
          operator={me?.isOperator ?? false}
        />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('communities.total', { count: total, formatted: formatNumber(total, locale) })}
          </p>
          <ul className={cx('community-grid', communities.isPlaceholderData && 'is-stale')}>
            {items.map((community) => (
              <li key={community.id}>
                <CommunityCard community={community} level={2} />
              </li>
            ))}
          </ul>
          <LoadMore pages={communities}>
            <p className="muted">
              {t('communities.shown', {
                shown: formatNumber(items.length, locale),
                total: formatNumber(total, locale),
              })}
            </p>
          </LoadMore>
        </>
      )}
    </Page>
  );
}

function DirectoryEmpty({
  filtered,
  mine,
  operator,
}: {
  filtered: boolean;
  mine: boolean;
  operator: boolean;
}) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchIcon />}
        headingLevel={2}
        title={t('communities.emptyFilteredTitle')}
        action={
          <Link className={buttonClass('secondary')} to={mine ? '/communities?mine=1' : '/communities'}>
            {t('communities.clearFilters')}
          </Link>
        }
      >
        {t('communities.emptyFilteredText')}
      </EmptyState>
    );
  }
  if (mine) {
    return (
      <EmptyState
        icon={<UsersIcon />}
        headingLevel={2}
        title={t('communities.emptyMineTitle')}
        action={
          <Link className={buttonClass('primary')} to="/communities">
            {t('communities.browseAll')}
          </Link>
        }
      >
        {t('communities.emptyMineText')}
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<UsersIcon />}
      headingLevel={2}
      title={t('communities.emptyTitle')}
      action={
        operator ? (
          <Link className={buttonClass('primary')} to="/admin/communities/new">
            <PlusIcon />
            {t('adminCommunities.create')}
          </Link>
        ) : undefined
      }
    >
      {operator ? t('communities.emptyOperator') : t('communities.emptyText')}
    </EmptyState>
  );
}
