import type { WorkingGroupDetail } from '@discuss/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useGroup, useJoinGroup, useLeaveGroup, useRemoveGroupMember } from '../../api/groups.ts';
import { Avatar } from '../../components/avatar.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Badge } from '../../components/ui/badge.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ChevronLeftIcon, EditIcon, LayersIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { afterMutation } from '../../lib/after-mutation.ts';
import { errorMessage, isApiError } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCommunityContext } from './community-context.ts';
import { AddGroupMember } from './add-group-member.tsx';
import { GroupBadges } from './group-badges.tsx';
import { GroupEditDialog } from './group-edit-dialog.tsx';
import { GroupTopics } from '../discussions/group-topics.tsx';
import { MembersOnly } from './members-only.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/c/:slug/groups/:group`: one working group, its people, and joining or managing it. */
export function GroupPage() {
  const { community } = useCommunityContext();
  if (!community.can.readContent) return <MembersOnly />;
  return <GroupView />;
}

function GroupView() {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  const { group: groupSlug = '' } = useParams();
  const group = useGroup(community.slug, groupSlug);
  const title = group.data?.name ?? t('groups.title');
  useDocumentTitle(`${title} – ${community.name}`);
  const back = (
    <Link className="back-link" to={`/c/${community.slug}/groups`}>
      <ChevronLeftIcon />
      {t('groups.back')}
    </Link>
  );

  if (group.isPending) {
    return (
      <>
        {back}
        <LoadingState />
      </>
    );
  }
  if (group.isError) {
    return (
      <>
        {back}
        {isApiError(group.error, 'not_found') ? (
          <EmptyState headingLevel={2} icon={<LayersIcon />} title={t('groups.notFoundTitle')}>
            {t('groups.notFoundText')}
          </EmptyState>
        ) : (
          <LoadError error={group.error} onRetry={() => void group.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      {back}
      <GroupDetail group={group.data} />
    </>
  );
}

function GroupDetail({ group }: { group: WorkingGroupDetail }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { community, me } = useCommunityContext();
  const join = useJoinGroup(community.slug);
  const leave = useLeaveGroup(community.slug);
  const remove = useRemoveGroupMember(community.slug, group.slug);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const locale = currentLocale();

  return (
    <div className="stack">
      <div className="section-title-row">
        <h2 className="group-title">{group.name}</h2>
        <div className="button-row">
          {group.can.join && (
            <Button
              pending={join.isPending}
              onClick={() =>
                join.mutate(group.slug, {
                  onSuccess: () => toast(t('groups.joined', { name: group.name })),
                  onError: (error) => toast(errorMessage(t, error), 'error'),
                })
              }
            >
              {t('groups.join')}
            </Button>
          )}
          {group.can.leave && (
            <Button variant="secondary" onClick={() => setConfirmLeave(true)}>
              {t('groups.leave')}
            </Button>
          )}
          {group.can.manage && (
            <Button variant="quiet" onClick={() => setEditing(true)}>
              <EditIcon />
              {t('groups.edit')}
            </Button>
          )}
        </div>
      </div>
      <GroupBadges group={group} />
      {group.description && <p className="prose">{group.description}</p>}
      {group.archived && (
        <Alert tone="warning">
          <p>{t('groups.archivedText')}</p>
        </Alert>
      )}

      {(group.visibility === 'open' || group.myRole !== null || community.can.update) && (
        <GroupTopics group={group} />
      )}

      <section aria-labelledby="group-members-title" className="stack">
        <h3 id="group-members-title">{t('groups.membersTitle')}</h3>
        {group.members.length === 0 ? (
          <EmptyState title={t('groups.noMembersTitle')}>
            {group.can.manage ? t('groups.noMembersManager') : t('groups.noMembersText')}
          </EmptyState>
        ) : (
          <ul className="list">
            {group.members.map((member) => (
              <li key={member.user.id} className="list__item">
                <div className="list__main member-summary">
                  <Avatar name={member.user.displayName} />
                  <div>
                    <p className="list__title">
                      {member.user.displayName}
                      {member.role === 'lead' && <Badge tone="success">{t('groups.role.lead')}</Badge>}
                      {member.user.id === me?.id && <Badge>{t('groups.you')}</Badge>}
                    </p>
                    <p className="list__meta">
                      {t('community.members.joined', { date: formatDate(member.joinedAt, locale) })}
                    </p>
                  </div>
                </div>
                {group.can.manage && member.user.id !== me?.id && (
                  <div className="list__actions">
                    <Button
                      variant="danger-outline"
                      onClick={() => setRemoving({ id: member.user.id, name: member.user.displayName })}
                    >
                      {t('groups.remove')}
                      <span className="visually-hidden"> {member.user.displayName}</span>
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {group.can.manage && !group.archived && <AddGroupMember group={group} />}
      </section>

      <GroupEditDialog
        slug={community.slug}
        group={editing ? group : null}
        onClose={() => setEditing(false)}
      />
      <ConfirmDialog
        open={confirmLeave}
        onClose={() => {
          setConfirmLeave(false);
          leave.reset();
        }}
        title={t('groups.leaveTitle', { name: group.name })}
        confirmLabel={t('groups.leave')}
        pending={leave.isPending}
        error={leave.isError ? errorMessage(t, leave.error) : null}
        onConfirm={() =>
          afterMutation(leave.mutateAsync(group.slug), () => {
            setConfirmLeave(false);
            toast(t('groups.left', { name: group.name }), 'info');
          })
        }
      >
        {group.visibility === 'private' ? t('groups.leaveTextPrivate') : t('groups.leaveText')}
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={t('groups.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('groups.remove')}
        pending={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast(t('groups.removed', { name: removing.name, group: group.name }));
              setRemoving(null);
            },
          });
        }}
      >
        {t('groups.removeText', { name: removing?.name ?? '', group: group.name })}
      </ConfirmDialog>
    </div>
  );
}
