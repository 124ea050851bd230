import { LIMITS, type Community, type Member } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  useMembers,
  useReinstateMember,
  useRemoveMember,
  type MemberStatusFilter,
} from '../../../api/members.ts';
import { useMe } from '../../../api/session.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SearchIcon, UsersIcon } from '../../../components/ui/icons.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { LoadingState } from '../../../components/ui/spinner.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../../i18n/i18n.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatNumber } from '../../../lib/format.ts';
import { MemberSummary, ROLES, toRoleFilter } from '../member-summary.tsx';
import { RoleDialog } from './role-dialog.tsx';
import { SuspendMemberDialog } from './suspend-member-dialog.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';

const STATUSES = ['active', 'suspended', 'all'] as const satisfies readonly MemberStatusFilter[];

function toStatus(value: string | null): MemberStatusFilter {
  return STATUSES.find((status) => status === value) ?? 'active';
}

type Pending =
  | { kind: 'role'; member: Member }
  | { kind: 'suspend'; member: Member }
  | { kind: 'remove'; member: Member }
  | null;

/** Facilitators manage people: roles, suspensions in this community, removal. */
export function MembersSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = toRoleFilter(params.get('role'));
  const status = toStatus(params.get('status'));
  const members = useMembers(community.slug, { q, role, status });
  const reinstate = useReinstateMember(community.slug);
  const remove = useRemoveMember(community.slug);
  const [pending, setPending] = useState<Pending>(null);
  const locale = currentLocale();
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  const total = members.data?.pages[0]?.total ?? 0;

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');
    const next = new URLSearchParams({ tab: 'members' });
    if (text(form.get('q'))) next.set('q', text(form.get('q')));
    const chosenRole = toRoleFilter(text(form.get('role')));
    if (chosenRole) next.set('role', chosenRole);
    const chosenStatus = toStatus(text(form.get('status')));
    if (chosenStatus !== 'active') next.set('status', chosenStatus);
    setParams(next, { replace: true, preventScrollReset: true });
  }

  const close = () => {
    setPending(null);
    remove.reset();
  };

  return (
    <Card title={t('communitySettings.members.title')}>
      <p className="muted">{t('communitySettings.members.explain')}</p>
      <form key={`${q}|${role}|${status}`} className="filters filters--wide" role="search" onSubmit={search}>
        <TextField
          id="settings-member-search"
          name="q"
          type="search"
          label={t('community.members.searchLabel')}
          defaultValue={q}
          maxLength={LIMITS.searchQueryMax}
        />
        <SelectField
          id="settings-member-role"
          name="role"
          label={t('community.members.roleLabel')}
          defaultValue={role}
          options={[
            { value: '', label: t('community.members.allRoles') },
            ...ROLES.map((value) => ({ value, label: t(`community.rolePlural.${value}`) })),
          ]}
        />
        <SelectField
          id="settings-member-status"
          name="status"
          label={t('communitySettings.members.statusLabel')}
          defaultValue={status}
          options={STATUSES.map((value) => ({
            value,
            label: t(`communitySettings.members.status.${value}`),
          }))}
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
          {t('community.members.emptyFiltered')}
        </EmptyState>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('community.memberCount', { count: total, formatted: formatNumber(total, locale) })}
          </p>
          <ul className="list">
            {items.map((member) => {
              const name = member.user.displayName;
              const self = member.user.id === me?.id;
              return (
                <li key={member.user.id} className="list__item">
                  <MemberSummary member={member} />
                  {self ? (
                    <Badge>{t('groups.you')}</Badge>
                  ) : (
                    <div className="list__actions">
                      <Button variant="secondary" onClick={() => setPending({ kind: 'role', member })}>
                        {t('communitySettings.members.changeRole')}
                        <span className="visually-hidden"> {name}</span>
                      </Button>
                      {member.status === 'suspended' ? (
                        <Button
                          variant="secondary"
                          pending={reinstate.isPending && reinstate.variables === member.user.id}
                          onClick={() =>
                            reinstate.mutate(member.user.id, {
                              onSuccess: () => toast(t('communitySettings.members.reinstated', { name })),
                              onError: (error) => toast(errorMessage(t, error), 'error'),
                            })
                          }
                        >
                          {t('communitySettings.members.reinstate')}
                          <span className="visually-hidden"> {name}</span>
                        </Button>
                      ) : (
                        <Button variant="secondary" onClick={() => setPending({ kind: 'suspend', member })}>
                          {t('communitySettings.members.suspend')}
                          <span className="visually-hidden"> {name}</span>
                        </Button>
                      )}
                      <Button variant="danger-outline" onClick={() => setPending({ kind: 'remove', member })}>
                        {t('communitySettings.members.remove')}
                        <span className="visually-hidden"> {name}</span>
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <LoadMore pages={members} />
        </>
      )}
      <RoleDialog
        slug={community.slug}
        member={pending?.kind === 'role' ? pending.member : null}
        onClose={close}
      />
      <SuspendMemberDialog
        slug={community.slug}
        member={pending?.kind === 'suspend' ? pending.member : null}
        onClose={close}
      />
      <ConfirmDialog
        open={pending?.kind === 'remove'}
        onClose={close}
        title={t('communitySettings.members.removeTitle', { name: pending?.member.user.displayName ?? '' })}
        confirmLabel={t('communitySettings.members.remove')}
        pending={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => {
          if (pending?.kind !== 'remove') return;
          const { member } = pending;
          remove.mutate(member.user.id, {
            onSuccess: () => {
              toast(t('communitySettings.members.removed', { name: member.user.displayName }));
              close();
            },
          });
        }}
      >
        {t('communitySettings.members.removeText', {
          name: pending?.member.user.displayName ?? '',
          community: community.name,
        })}
      </ConfirmDialog>
    </Card>
  );
}
