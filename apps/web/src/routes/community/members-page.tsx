import { LIMITS, type Member } from '@discuss/contracts';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMembers } from '../../api/members.ts';
import { Button } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { SearchIcon, UsersIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCommunityContext } from './community-context.ts';
import { MemberSummary, ROLES, toRoleFilter } from './member-summary.tsx';
import { MembersOnly } from './members-only.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/c/:slug/members`: who is in the community, with their roles. */
export function CommunityMembersPage() {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  useDocumentTitle(`${t('community.tabs.members')} – ${community.name}`);
  if (!community.can.readContent) return <MembersOnly />;
  return <MemberDirectory slug={community.slug} />;
}

function MemberDirectory({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = toRoleFilter(params.get('role'));
  const members = useMembers(slug, { q, role, status: 'active' });
  const locale = currentLocale();
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  const total = members.data?.pages[0]?.total ?? 0;
  const filtered = q !== '' || role !== '';

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');
    if (text(form.get('q'))) next.set('q', text(form.get('q')));
    const chosen = toRoleFilter(text(form.get('role')));
    if (chosen) next.set('role', chosen);
    setParams(next, { preventScrollReset: true });
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('community.members.title')}</h2>
      <form key={`${q}|${role}`} className="filters" role="search" onSubmit={search}>
        <TextField
          id="member-search"
          name="q"
          type="search"
          label={t('community.members.searchLabel')}
          defaultValue={q}
          maxLength={LIMITS.searchQueryMax}
        />
        <SelectField
          id="member-role"
          name="role"
          label={t('community.members.roleLabel')}
          defaultValue={role}
          options={[
            { value: '', label: t('community.members.allRoles') },
            ...ROLES.map((value) => ({ value, label: t(`community.rolePlural.${value}`) })),
          ]}
        />
        <Button type="submit" variant="secondary">
          <SearchIcon />
          {t('community.members.search')}
        </Button>
      </form>
      {members.isPending ? (
        <LoadingState />
      ) : members.isError && !members.data ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<UsersIcon />} title={t('community.members.emptyTitle')}>
          {filtered ? t('community.members.emptyFiltered') : t('community.members.emptyText')}
        </EmptyState>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('community.memberCount', { count: total, formatted: formatNumber(total, locale) })}
          </p>
          <ul className="list">
            {items.map((member) => (
              <MemberRow key={member.user.id} member={member} />
            ))}
          </ul>
          <LoadMore pages={members} />
        </>
      )}
    </section>
  );
}

function MemberRow({ member }: { member: Member }) {
  return (
    <li className="list__item">
      <MemberSummary member={member} />
    </li>
  );
}
