import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  discussionKeys,
  TOPIC_SORTS,
  useTopics,
  type ListedTopic,
  type TopicFilters,
} from '../../api/discussions.ts';
import { Avatar } from '../../components/avatar.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Badge } from '../../components/ui/badge.tsx';
import { Button } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { MessageIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { cx } from '../../lib/cx.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { TimeAgo } from './time-ago.tsx';
import { TopicBadges, TopicTags } from './topic-badges.tsx';
import { useLiveEvents } from './use-live.ts';
import { LoadError } from '../../components/ui/load-error.tsx';

interface TopicListProps {
  slug: string;
  filters: TopicFilters;
  onSort: (sort: TopicFilters['sort']) => void;
  /** What to show when there is nothing yet, e.g. a "start a topic" button. */
  emptyAction?: React.ReactNode;
  /** Heading level of the empty state. */
  headingLevel?: 2 | 3;
}

/**
 * A community's (or working group's, or tag's) topics: sort, unread markers, paging, and a notice when
 * something new arrived live (the list does not reorder under the reader's pointer: they choose to refresh).
 */
export function TopicList({ slug, filters, onSort, emptyAction, headingLevel = 3 }: TopicListProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const topics = useTopics(slug, filters);
  const [fresh, setFresh] = useState(0);
  const items = topics.data?.pages.flatMap((page) => page.items) ?? [];
  const shared = topics.data?.pages[0]?.shared ?? [];

  useLiveEvents(
    { community: slug },
    (event) => {
      if (event.type === 'topic.created' || event.type === 'post.created') setFresh((n) => n + 1);
      else void client.invalidateQueries({ queryKey: discussionKeys.lists(slug) });
    },
    () => void client.invalidateQueries({ queryKey: discussionKeys.lists(slug) }),
  );

  function refresh() {
    setFresh(0);
    void client.invalidateQueries({ queryKey: discussionKeys.lists(slug) });
  }

  return (
    <div className="topic-list">
      <div className="topic-list__bar">
        <nav aria-label={t('discussions.sortLabel')}>
          <ul className="segmented">
            {TOPIC_SORTS.map((sort) => (
              <li key={sort}>
                <button
                  type="button"
                  className={cx('segmented__item', filters.sort === sort && 'segmented__item--current')}
                  aria-pressed={filters.sort === sort}
                  onClick={() => onSort(sort)}
                >
                  {t(`discussions.sort.${sort}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {fresh > 0 && (
        <div className="live-notice" role="status">
          <span>{t('discussions.newActivity', { count: fresh })}</span>
          <Button variant="secondary" onClick={refresh}>
            {t('discussions.showNew')}
          </Button>
        </div>
      )}
      {topics.isPending ? (
        <LoadingState />
      ) : topics.isError && !topics.data ? (
        <LoadError error={topics.error} onRetry={() => void topics.refetch()} />
      ) : items.length === 0 && shared.length === 0 ? (
        <EmptyState
          headingLevel={headingLevel}
          icon={<MessageIcon />}
          title={t('discussions.emptyTitle')}
          action={emptyAction}
        >
          {filters.tag ? t('discussions.emptyTag') : t('discussions.emptyText')}
        </EmptyState>
      ) : (
        <>
          {/* Topics shared in from other communities come first: a few, and easy to miss after a long list. */}
          {shared.length > 0 && (
            <section className="shared-topics" aria-labelledby="shared-title">
              <h3 id="shared-title">{t('discussions.sharedHere')}</h3>
              <ul className="topics">
                {shared.map((topic) => (
                  <TopicRow key={topic.id} topic={topic} sharedFrom />
                ))}
              </ul>
            </section>
          )}
          <ul className="topics" aria-busy={topics.isFetching}>
            {items.map((topic) => (
              <TopicRow key={topic.id} topic={topic} />
            ))}
          </ul>
          <div className="load-more">
            {topics.hasNextPage && (
              <Button
                variant="secondary"
                pending={topics.isFetchingNextPage}
                pendingLabel={t('common.loading')}
                onClick={() => void topics.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            )}
            {topics.isFetchNextPageError && (
              <Alert tone="error" live="alert">
                <p>{errorMessage(t, topics.error)}</p>
              </Alert>
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** One topic: title (bold while unread), badges, tags, who started it, replies and last activity. */
export function TopicRow({ topic, sharedFrom = false }: { topic: ListedTopic; sharedFrom?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unread = topic.isNew === true || (topic.unreadCount ?? 0) > 0;
  const starter = topic.author?.displayName ?? t('discussions.formerMember');
  const last = topic.lastPoster?.displayName ?? starter;
  return (
    <li className={cx('topic-row', unread && 'topic-row--unread', topic.pinned && 'topic-row--pinned')}>
      <Avatar name={starter} />
      <div className="topic-row__main">
        <p className="topic-row__title">
          <Link to={`/c/${topic.community.slug}/t/${topic.id}`}>{topic.title}</Link>
          {topic.isNew ? (
            <Badge tone="info">{t('discussions.new')}</Badge>
          ) : (topic.unreadCount ?? 0) > 0 ? (
            <Badge tone="info">{t('discussions.unread', { count: topic.unreadCount ?? 0 })}</Badge>
          ) : null}
        </p>
        <div className="topic-row__facts">
          <TopicBadges topic={topic} />
          {topic.group && <span className="meta-item">{topic.group.name}</span>}
          {sharedFrom && (
            <span className="meta-item">{t('discussions.sharedFrom', { name: topic.community.name })}</span>
          )}
          <TopicTags slug={topic.community.slug} tags={topic.tags} />
        </div>
        <p className="topic-row__meta muted">
          {t('discussions.startedBy', { name: starter })} ·{' '}
          {topic.replyCount > 0 ? (
            <>
              {t('discussions.lastReplyBy', { name: last })} <TimeAgo iso={topic.lastPostAt} />
            </>
          ) : (
            <TimeAgo iso={topic.createdAt} />
          )}
        </p>
      </div>
      <p className="topic-row__count">
        <span className="topic-row__number">{formatNumber(topic.replyCount, locale)}</span>
        <span className="topic-row__unit">{t('discussions.replies', { count: topic.replyCount })}</span>
      </p>
    </li>
  );
}
