import { LIMITS, type WorkingGroupDetail } from '@discuss/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useAddGroupMember } from '../../api/groups.ts';
import { useMembers } from '../../api/members.ts';
import { Avatar } from '../../components/avatar.tsx';
import { RoleBadge } from '../../components/community-badges.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SearchIcon, UserPlusIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useCommunityContext } from './community-context.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** Find a community member by name and add them to the group, as a member or a lead. */
export function AddGroupMember({ group }: { group: WorkingGroupDetail }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { community } = useCommunityContext();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<'member' | 'lead'>('member');
  const members = useMembers(
    community.slug,
    { q, role: '', status: 'active' },
    { enabled: q !== '', pageSize: 8 },
  );
  const add = useAddGroupMember(community.slug, group.slug);
  const inGroup = new Set(group.members.map((m) => m.user.id));
  const results = (members.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (m) => !inGroup.has(m.user.id),
  );

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQ(query.trim());
  }

  return (
    <section className="card add-member" aria-labelledby={titleId}>
      <h3 className="card__title" id={titleId}>
        {t('groups.addTitle')}
      </h3>
      <form className="filters filters--compact" role="search" onSubmit={search}>
        <TextField
          id="group-add-search"
          type="search"
          label={t('groups.addSearch')}
          hint={t('groups.addSearchHint')}
          maxLength={LIMITS.searchQueryMax}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <SelectField
          id="group-add-role"
          label={t('groups.addRole')}
          value={role}
          onChange={(event) => setRole(event.target.value === 'lead' ? 'lead' : 'member')}
          options={[
            { value: 'member', label: t('groups.role.member') },
            { value: 'lead', label: t('groups.role.lead') },
          ]}
        />
        <Button type="submit" variant="secondary">
          <SearchIcon />
          {t('groups.addFind')}
        </Button>
      </form>
      {q !== '' &&
        (members.isPending ? (
          <LoadingState />
        ) : members.isError ? (
          <Alert tone="error" live="alert">
            <p>{errorMessage(t, members.error)}</p>
          </Alert>
        ) : results.length === 0 ? (
          <p className="muted" role="status">
            {t('groups.addNone', { q })}
          </p>
        ) : (
          <>
            <p className="visually-hidden" role="status">
              {t('groups.addFound', { count: results.length })}
            </p>
            <ul className="list" aria-label={t('groups.addResults')}>
              {results.map((member) => (
                <li key={member.user.id} className="list__item">
                  <div className="list__main member-summary">
                    <Avatar name={member.user.displayName} />
                    <p className="list__title">
                      {member.user.displayName}
                      <RoleBadge role={member.role} />
                    </p>
                  </div>
                  <div className="list__actions">
                    <Button
                      variant="secondary"
                      pending={add.isPending && add.variables.userId === member.user.id}
                      onClick={() =>
                        add.mutate(
                          { userId: member.user.id, role },
                          {
                            onSuccess: () =>
                              toast(t('groups.added', { name: member.user.displayName, group: group.name })),
                            onError: (error) => toast(errorMessage(t, error), 'error'),
                          },
                        )
                      }
                    >
                      <UserPlusIcon />
                      {role === 'lead' ? t('groups.addAsLead') : t('groups.addAsMember')}
                      <span className="visually-hidden"> {member.user.displayName}</span>
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
