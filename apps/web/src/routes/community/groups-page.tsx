import type { WorkingGroup } from '@discuss/contracts';
import { Link } from 'react-router';
import { useGroups, useJoinGroup } from '../../api/groups.ts';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LayersIcon, PlusIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { afterMutation } from '../../lib/after-mutation.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCommunityContext } from './community-context.ts';
import { GroupBadges } from './group-badges.tsx';
import { MembersOnly } from './members-only.tsx';
import { useTranslation } from '../../i18n/i18n.ts';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/c/:slug/groups`: the community's working groups. */
export function CommunityGroupsPage() {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  useDocumentTitle(`${t('community.tabs.groups')} – ${community.name}`);
  if (!community.can.readContent) return <MembersOnly />;
  return <GroupList />;
}

function GroupList() {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  const groups = useGroups(community.slug);
  const createLink = community.can.createGroup && (
    <Link className={buttonClass('secondary')} to={`/c/${community.slug}/settings?tab=groups`}>
      <PlusIcon />
      {t('groups.create')}
    </Link>
  );

  return (
    <section aria-labelledby="groups-title">
      <div className="section-title-row">
        <h2 id="groups-title">{t('groups.title')}</h2>
        {createLink}
      </div>
      <p className="muted prose">{t('groups.intro')}</p>
      {groups.isPending ? (
        <LoadingState />
      ) : groups.isError ? (
        <LoadError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.items.length === 0 ? (
        <EmptyState icon={<LayersIcon />} title={t('groups.emptyTitle')} action={createLink || undefined}>
          {community.can.createGroup ? t('groups.emptyManager') : t('groups.emptyText')}
        </EmptyState>
      ) : (
        <ul className="group-grid">
          {groups.data.items.map((group) => (
            <GroupCard key={group.id} group={group} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GroupCard({ group }: { group: WorkingGroup }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { community } = useCommunityContext();
  const join = useJoinGroup(community.slug);
  return (
    <li className="group-card">
      <h3 className="group-card__name">
        <Link to={`/c/${community.slug}/groups/${group.slug}`}>{group.name}</Link>
      </h3>
      <GroupBadges group={group} />
      {group.description && <p className="group-card__description">{group.description}</p>}
      {group.can.join && (
        <div>
          <Button
            variant="secondary"
            pending={join.isPending}
            onClick={() =>
              afterMutation(
                join.mutateAsync(group.slug),
                () => toast(t('groups.joined', { name: group.name })),
                (error) => toast(errorMessage(t, error), 'error'),
              )
            }
          >
            {t('groups.join')}
            <span className="visually-hidden"> {group.name}</span>
          </Button>
        </div>
      )}
    </li>
  );
}
