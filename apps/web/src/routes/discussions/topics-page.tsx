import './discussions.css';
import { Link, useParams, useSearchParams } from 'react-router';
import { TOPIC_SORTS, useTags, type TopicSort } from '../../api/discussions.ts';
import { buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ChevronLeftIcon, PlusIcon, SearchIcon } from '../../components/ui/icons.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCommunityContext } from '../community/community-context.ts';
import { MembersOnly } from '../community/members-only.tsx';
import { TopicList } from './topic-list.tsx';

export function toSort(value: string | null): TopicSort {
  return TOPIC_SORTS.find((sort) => sort === value) ?? 'latest';
}

/** `/c/:slug/discussions` and `/c/:slug/tags/:tag`: the community's topics, all or with one tag. */
export function CommunityTopicsPage() {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  const { tag } = useParams();
  const [params, setParams] = useSearchParams();
  const sort = toSort(params.get('sort'));
  const tags = useTags(community.slug, community.can.readContent);
  const tagItem = tag ? tags.data?.items.find((item) => item.slug === tag) : undefined;
  const tagName = tag ? (tagItem?.name ?? tag) : null;
  // A tag the community does not have (a mistyped or outdated address): said so, not an empty list.
  const unknownTag = tag !== undefined && tags.data !== undefined && !tagItem;
  const heading = tagName ? t('discussions.tagTitle', { name: tagName }) : t('discussions.title');
  useDocumentTitle(`${heading} – ${community.name}`);
  if (!community.can.readContent) return <MembersOnly />;

  const base = `/c/${community.slug}`;
  const start = community.can.startTopic ? (
    <Link className={buttonClass('primary')} to={`${base}/discussions/new`}>
      <PlusIcon />
      {t('discussions.newTopic')}
    </Link>
  ) : undefined;
  const locale = currentLocale();
  // Tags on no topic the reader can see lead to an empty page: not offered.
  const used = tags.data?.items.filter((item) => item.topicCount > 0 || item.slug === tag) ?? [];

  return (
    <div className="community-columns">
      <section className="community-main" aria-labelledby="topics-title">
        {tag && (
          <Link className="back-link" to={`${base}/discussions`}>
            <ChevronLeftIcon />
            {t('discussions.allTopics')}
          </Link>
        )}
        <div className="section-title-row">
          <h2 id="topics-title">{heading}</h2>
          {start}
        </div>
        {unknownTag ? (
          <EmptyState
            headingLevel={3}
            icon={<SearchIcon />}
            title={t('discussions.tagNotFoundTitle')}
            action={
              <Link className={buttonClass('secondary')} to={`${base}/discussions`}>
                {t('discussions.allTopics')}
              </Link>
            }
          >
            {t('discussions.tagNotFoundText')}
          </EmptyState>
        ) : (
          <TopicList
            slug={community.slug}
            filters={{ sort, tag }}
            onSort={(next) => {
              const copy = new URLSearchParams(params);
              if (next === 'latest') copy.delete('sort');
              else copy.set('sort', next);
              setParams(copy, { preventScrollReset: true });
            }}
            emptyAction={tag ? undefined : start}
          />
        )}
      </section>
      <aside className="community-aside stack" aria-label={t('discussions.tagsLabelAside')}>
        {used.length > 0 && (
          <div className="aside-box">
            <h2 className="aside-box__title">{t('discussions.tags')}</h2>
            <ul className="tag-cloud">
              {used.map((item) => (
                <li key={item.slug}>
                  <Link
                    className="tag"
                    to={`${base}/tags/${encodeURIComponent(item.slug)}`}
                    aria-current={item.slug === tag ? 'page' : undefined}
                  >
                    {item.name}
                    <span className="tag__count">{formatNumber(item.topicCount, locale)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </aside>
    </div>
  );
}
