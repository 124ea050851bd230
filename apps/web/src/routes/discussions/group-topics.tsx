import './discussions.css';
import type { WorkingGroupDetail } from '@discuss/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TopicSort } from '../../api/discussions.ts';
import { buttonClass } from '../../components/ui/button.tsx';
import { PlusIcon } from '../../components/ui/icons.tsx';
import { useCommunityContext } from '../community/community-context.ts';
import { TopicList } from './topic-list.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

/** A working group's own discussions, on the group's page. */
export function GroupTopics({ group }: { group: WorkingGroupDetail }) {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  const [sort, setSort] = useState<TopicSort>('latest');
  const mayStart = !group.archived && !community.archived && (group.myRole !== null || community.can.update);
  const start = mayStart ? (
    <Link
      className={buttonClass('secondary')}
      to={`/c/${community.slug}/discussions/new?group=${encodeURIComponent(group.slug)}`}
    >
      <PlusIcon />
      {t('discussions.newTopicInGroup')}
    </Link>
  ) : undefined;
  return (
    <section aria-labelledby="group-topics-title" className="stack">
      <div className="section-title-row">
        <h3 id="group-topics-title">{t('discussions.groupTitle')}</h3>
        {start}
      </div>
      <TopicList
        slug={community.slug}
        filters={{ sort, group: group.slug }}
        onSort={setSort}
        emptyAction={start}
      />
    </section>
  );
}
