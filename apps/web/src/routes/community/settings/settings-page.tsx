import type { Community } from '@discuss/contracts';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { buttonClass } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import {
  CycleIcon,
  EditIcon,
  InboxIcon,
  LayersIcon,
  LockIcon,
  SendIcon,
  UsersIcon,
} from '../../../components/ui/icons.tsx';
import { Tabs } from '../../../components/ui/tabs.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useCommunityContext } from '../community-context.ts';
import { GeneralSection } from './general-section.tsx';
import { GroupsSection } from './groups-section.tsx';
import { InvitationsSection } from './invitations-section.tsx';
import { LifecycleSection } from './lifecycle-section.tsx';
import { MembersSection } from './members-section.tsx';
import { RequestsSection } from './requests-section.tsx';
import { useTranslation } from '../../../i18n/i18n.ts';

const TABS = ['general', 'members', 'requests', 'invitations', 'lifecycle', 'groups'] as const;
type Tab = (typeof TABS)[number];
const ICONS = {
  general: EditIcon,
  members: UsersIcon,
  requests: InboxIcon,
  invitations: SendIcon,
  lifecycle: CycleIcon,
  groups: LayersIcon,
};

/** Which settings sections the viewer may use, from the community's `can`. */
function allowedTabs(c: Community): Tab[] {
  const allowed: Record<Tab, boolean> = {
    general: c.can.update,
    members: c.can.manageMembers,
    requests: c.can.manageMembers,
    invitations: c.can.invite,
    lifecycle: c.can.setStage,
    groups: c.can.createGroup,
  };
  return TABS.filter((tab) => allowed[tab]);
}

/** `/c/:slug/settings`: what facilitators and operators change; the open section is in the URL (?tab=). */
export function CommunitySettingsPage() {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  const [params, setParams] = useSearchParams();
  const tabs = allowedTabs(community);
  const first = tabs[0];
  const tab = tabs.find((id) => id === params.get('tab')) ?? first;
  useDocumentTitle(
    tab
      ? `${t(`communitySettings.tabs.${tab}`)} – ${t('communitySettings.title')} – ${community.name}`
      : `${t('communitySettings.title')} – ${community.name}`,
  );

  if (!tab) {
    return (
      <EmptyState
        headingLevel={2}
        icon={<LockIcon />}
        title={t('communitySettings.forbiddenTitle')}
        action={
          <Link className={buttonClass('secondary')} to={`/c/${community.slug}`}>
            {t('community.backToOverview')}
          </Link>
        }
      >
        {t('communitySettings.forbiddenText')}
      </EmptyState>
    );
  }

  const select = (id: Tab) =>
    setParams(id === first ? {} : { tab: id }, { replace: true, preventScrollReset: true });

  return (
    <Tabs
      vertical
      label={t('communitySettings.title')}
      selected={tab}
      onSelect={select}
      items={tabs.map((id) => {
        const Icon = ICONS[id];
        return {
          id,
          label: (
            <>
              <Icon />
              {t(`communitySettings.tabs.${id}`)}
              {id === 'requests' && community.pendingRequestCount > 0 && (
                <Badge tone="warning">
                  {community.pendingRequestCount}
                  <span className="visually-hidden">
                    {' '}
                    {t('communitySettings.pendingCount', { count: community.pendingRequestCount })}
                  </span>
                </Badge>
              )}
            </>
          ),
        };
      })}
    >
      {tab === 'general' && <GeneralSection community={community} />}
      {tab === 'members' && <MembersSection community={community} />}
      {tab === 'requests' && <RequestsSection community={community} />}
      {tab === 'invitations' && <InvitationsSection community={community} />}
      {tab === 'lifecycle' && <LifecycleSection community={community} />}
      {tab === 'groups' && <GroupsSection community={community} />}
    </Tabs>
  );
}
