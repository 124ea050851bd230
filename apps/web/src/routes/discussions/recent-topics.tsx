import './discussions.css';
import { Link } from 'react-router';
import { useTopics } from '../../api/discussions.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { MessageIcon, PlusIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { TopicRow } from './topic-list.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

/** The community's latest conversations on its overview, with a way into all of them. */
export function RecentTopics({ slug, canStart }: { slug: string; canStart: boolean }) {
  const { t } = useTranslation();
  const topics = useTopics(slug, { sort: 'latest' }, { pageSize: 5 });
  const items = topics.data?.pages[0]?.items ?? [];
  const start = canStart ? (
    <Link className={buttonClass('secondary')} to={`/c/${slug}/discussions/new`}>
      <PlusIcon />
      {t('discussions.newTopic')}
    </Link>
  ) : undefined;
  if (topics.isPending) return <LoadingState />;
  if (topics.isError) {
    return (
      <Alert tone="error">
        <p>{errorMessage(t, topics.error)}</p>
      </Alert>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState icon={<MessageIcon />} title={t('community.overview.activityEmptyTitle')} action={start}>
        {t('community.overview.activityEmptyText')}
      </EmptyState>
    );
  }
  return (
    <div className="stack">
      <ul className="topics">
        {items.map((topic) => (
          <TopicRow key={topic.id} topic={topic} />
        ))}
      </ul>
      <div className="button-row">
        <Link className={buttonClass('secondary')} to={`/c/${slug}/discussions`}>
          {t('discussions.seeAll')}
        </Link>
        {start}
      </div>
    </div>
  );
}
