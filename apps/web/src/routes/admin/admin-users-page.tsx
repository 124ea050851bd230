import './admin.css';
import type { AdminUser, Me } from '@discuss/contracts';
import { LIMITS } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAdminUsers, useReinstateUser, type AdminUserStatus } from '../../api/admin.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { SearchIcon, UsersIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { RequireOperator } from '../guards.tsx';
import { AdminNav } from './admin-nav.tsx';
import { SuspendDialog } from './suspend-dialog.tsx';
import { UserRow } from './user-row.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

const STATUSES = ['all', 'active', 'suspended', 'unverified'] as const satisfies readonly AdminUserStatus[];

function toStatus(value: string | null): AdminUserStatus {
  return STATUSES.find((status) => status === value) ?? 'all';
}

export function AdminUsersPage() {
  const { t } = useTranslation();
  return <RequireOperator title={t('admin.users.title')}>{(me) => <AdminUsers me={me} />}</RequireOperator>;
}

function AdminUsers({ me }: { me: Me }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = toStatus(params.get('status'));
  const users = useAdminUsers({ q, status });
  const reinstate = useReinstateUser();
  const [suspending, setSuspending] = useState<AdminUser | null>(null);
  const locale = currentLocale();
  const filtered = q !== '' || status !== 'all';

  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const total = users.data?.pages[0]?.total ?? 0;

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');
    const query = text(form.get('q')).trim();
    const chosen = toStatus(text(form.get('status')));
    if (query) next.set('q', query);
    if (chosen !== 'all') next.set('status', chosen);
    setParams(next, { preventScrollReset: true });
  }

  function onReinstate(user: AdminUser) {
    reinstate.mutate(user.id, {
      onSuccess: () => toast(t('admin.users.reinstated', { name: user.displayName })),
      onError: (error) => toast(errorMessage(t, error), 'error'),
    });
  }

  return (
    <Page>
      <PageHeader title={t('admin.users.title')} lead={t('admin.users.lead')} />
      <AdminNav />
      {/* Keyed by the URL so that Back/Forward also resets the inputs. */}
      <form key={`${q}|${status}`} className="filters" role="search" onSubmit={search}>
        <TextField
          id="user-search"
          name="q"
          type="search"
          label={t('admin.users.searchLabel')}
          defaultValue={q}
          maxLength={LIMITS.searchQueryMax}
          spellCheck={false}
          autoCapitalize="none"
        />
        <SelectField
          id="user-status"
          name="status"
          label={t('admin.users.statusLabel')}
          defaultValue={status}
          options={STATUSES.map((value) => ({ value, label: t(`admin.users.status.${value}`) }))}
        />
        <Button type="submit" variant="secondary">
          <SearchIcon />
          {t('admin.users.search')}
        </Button>
      </form>

      {users.isPending ? (
        <LoadingState />
      ) : users.isError && !users.data ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={t('admin.users.emptyTitle')}
          action={
            filtered ? (
              <Link className={buttonClass('secondary')} to="/admin/users">
                {t('admin.users.clearFilters')}
              </Link>
            ) : undefined
          }
        >
          {filtered ? t('admin.users.emptyFiltered') : t('admin.users.emptyText')}
        </EmptyState>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('admin.users.total', { count: total, formatted: formatNumber(total, locale) })}
          </p>
          <ul className="list">
            {items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isSelf={user.id === me.id}
                onSuspend={() => setSuspending(user)}
                onReinstate={() => onReinstate(user)}
                reinstating={reinstate.isPending && reinstate.variables === user.id}
              />
            ))}
          </ul>
          <LoadMore pages={users} label={t('admin.users.loadMore')}>
            <p className="muted">
              {t('admin.users.shown', {
                shown: formatNumber(items.length, locale),
                total: formatNumber(total, locale),
              })}
            </p>
          </LoadMore>
        </>
      )}
      <SuspendDialog user={suspending} onClose={() => setSuspending(null)} />
    </Page>
  );
}
