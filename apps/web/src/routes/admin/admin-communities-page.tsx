import './admin.css';
import { LIMITS, type CommunitySummary } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useArchiveCommunity, useAreas, useCommunityDirectory } from '../../api/communities.ts';
import {
  ArchivedBadge,
  JoinPolicyText,
  MemberCount,
  StageBadge,
  VisibilityBadge,
} from '../../components/community-badges.tsx';
import { Page, PageHeader } from '../../components/page.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { PlusIcon, SearchIcon, SettingsIcon, UsersIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { RequireOperator } from '../guards.tsx';
import { AdminNav } from './admin-nav.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/admin/communities`: every community, hidden and archived ones included. */
export function AdminCommunitiesPage() {
  const { t } = useTranslation();
  return <RequireOperator title={t('adminCommunities.title')}>{() => <AdminCommunities />}</RequireOperator>;
}

function AdminCommunities() {
  const { t } = useTranslation();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const area = params.get('area') ?? '';
  const communities = useCommunityDirectory({ q, area, scope: 'all', includeArchived: true }, 50);
  const areas = useAreas();
  const archive = useArchiveCommunity();
  const [archiving, setArchiving] = useState<CommunitySummary | null>(null);
  const locale = currentLocale();
  const items = communities.data?.pages.flatMap((page) => page.items) ?? [];
  const total = communities.data?.pages[0]?.total ?? 0;

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');
    const next = new URLSearchParams();
    if (text(form.get('q'))) next.set('q', text(form.get('q')));
    if (text(form.get('area'))) next.set('area', text(form.get('area')));
    setParams(next, { preventScrollReset: true });
  }

  function setArchived(community: CommunitySummary, archived: boolean) {
    archive.mutate(
      { slug: community.slug, archived },
      {
        onSuccess: () => {
          setArchiving(null);
          toast(
            archived
              ? t('adminCommunities.archivedDone', { name: community.name })
              : t('adminCommunities.unarchived', { name: community.name }),
          );
        },
        onError: (error) => {
          if (!archived) toast(errorMessage(t, error), 'error');
        },
      },
    );
  }

  return (
    <Page>
      <PageHeader title={t('adminCommunities.title')} lead={t('adminCommunities.lead')} />
      <AdminNav />
      <div className="admin-toolbar">
        <Link className={buttonClass('primary')} to="/admin/communities/new">
          <PlusIcon />
          {t('adminCommunities.create')}
        </Link>
      </div>
      <form key={`${q}|${area}`} className="filters" role="search" onSubmit={search}>
        <TextField
          id="admin-community-search"
          name="q"
          type="search"
          label={t('communities.searchLabel')}
          defaultValue={q}
          maxLength={LIMITS.searchQueryMax}
        />
        <SelectField
          id="admin-community-area"
          name="area"
          label={t('communityForm.area')}
          defaultValue={area}
          options={[
            { value: '', label: t('communities.allAreas') },
            ...(areas.data?.items ?? []).map((a) => ({ value: a.slug, label: a.name })),
          ]}
        />
        <Button type="submit" variant="secondary">
          <SearchIcon />
          {t('communities.search')}
        </Button>
      </form>
      {communities.isPending ? (
        <LoadingState />
      ) : communities.isError && !communities.data ? (
        <LoadError error={communities.error} onRetry={() => void communities.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          headingLevel={2}
          title={q || area ? t('communities.emptyFilteredTitle') : t('adminCommunities.emptyTitle')}
        >
          {q || area ? t('communities.emptyFilteredText') : t('adminCommunities.emptyText')}
        </EmptyState>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('communities.total', { count: total, formatted: formatNumber(total, locale) })}
          </p>
          <ul className="list">
            {items.map((community) => (
              <li key={community.id} className="list__item">
                <div className="list__main">
                  <p className="list__title">
                    <Link to={`/c/${community.slug}`}>{community.name}</Link>
                  </p>
                  <p className="list__meta">
                    <span className="slug">/c/{community.slug}</span>
                    {' · '}
                    {community.area?.name ?? t('community.noArea')}
                  </p>
                  <p className="list__badges">
                    <VisibilityBadge visibility={community.visibility} />
                    <StageBadge stage={community.stage} />
                    {community.archived && <ArchivedBadge />}
                    <MemberCount count={community.memberCount} />
                    <span className="meta-item">
                      <JoinPolicyText policy={community.joinPolicy} />
                    </span>
                  </p>
                </div>
                <div className="list__actions">
                  <Link className={buttonClass('secondary')} to={`/c/${community.slug}/settings`}>
                    <SettingsIcon />
                    {t('community.tabs.settings')}
                    <span className="visually-hidden"> {community.name}</span>
                  </Link>
                  {community.archived ? (
                    <Button
                      variant="secondary"
                      pending={archive.isPending && archive.variables.slug === community.slug}
                      onClick={() => setArchived(community, false)}
                    >
                      {t('adminCommunities.unarchive')}
                      <span className="visually-hidden"> {community.name}</span>
                    </Button>
                  ) : (
                    <Button variant="danger-outline" onClick={() => setArchiving(community)}>
                      {t('adminCommunities.archive')}
                      <span className="visually-hidden"> {community.name}</span>
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <LoadMore pages={communities} />
        </>
      )}
      <ConfirmDialog
        open={archiving !== null}
        onClose={() => {
          setArchiving(null);
          archive.reset();
        }}
        title={t('adminCommunities.archiveConfirmTitle', { name: archiving?.name ?? '' })}
        confirmLabel={t('adminCommunities.archive')}
        pending={archive.isPending}
        error={archive.isError ? errorMessage(t, archive.error) : null}
        onConfirm={() => archiving && setArchived(archiving, true)}
      >
        {t('adminCommunities.archiveText')}
      </ConfirmDialog>
    </Page>
  );
}
