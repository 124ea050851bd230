import './discussions.css';
import type { Post, Topic } from '@discuss/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import {
  discussionKeys,
  fetchNewPosts,
  fetchPostSource,
  loadedPosts,
  openingPost,
  pageStart,
  refreshPost,
  usePosts,
  useTopic,
} from '../../api/discussions.ts';
import { useMe } from '../../api/session.ts';
import { LoadingPage, Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { MessageIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { errorMessage, isApiError } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { quoteMarkdown } from './markdown-edit.ts';
import { PollView } from './poll-view.tsx';
import { PostItem } from './post-item.tsx';
import { useReadTracker } from './read-tracker.ts';
import { ReplyBox, type ReplyBoxHandle } from './reply-box.tsx';
import { TopicBadges, TopicTags } from './topic-badges.tsx';
import { TopicTools } from './topic-tools.tsx';
import { useLiveEvents, type LiveEvent } from './use-live.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/c/:slug/t/:id`: a thread, opened at the first unread post, with live replies and the reply box. */
export function TopicPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const topic = useTopic(id);
  const from = Number(search.get('post'));
  const start = Number.isInteger(from) && from >= 1 ? from : null;

  if (topic.isPending) {
    return <LoadingPage title={t('discussions.loadingTopic')} />;
  }
  if (topic.isError) {
    const missing = isApiError(topic.error, 'not_found');
    return (
      <Page>
        <PageHeader title={missing ? t('discussions.topicNotFoundTitle') : t('community.errorTitle')} />
        {missing ? (
          <EmptyState
            headingLevel={2}
            icon={<MessageIcon />}
            title={t('discussions.topicNotFoundTitle')}
            action={
              <Link className={buttonClass('secondary')} to="/communities">
                {t('community.browseAll')}
              </Link>
            }
          >
            {t('discussions.topicNotFoundText')}
          </EmptyState>
        ) : (
          <LoadError error={topic.error} onRetry={() => void topic.refetch()} />
        )}
      </Page>
    );
  }
  return <TopicView key={`${topic.data.id}:${start}`} topic={topic.data} start={start} />;
}

function TopicView({ topic, start }: { topic: Topic; start: number | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const { hash } = useLocation();
  // Where the thread opened (the post asked for in the address, or the read position; and the page holding
  // it) and what was unread then: kept while reading moves the topic's read position. Posts that arrive
  // later (the reader's own replies among them) are not marked unread.
  const [opened] = useState(() => {
    const at = start ?? openingPost(topic);
    return {
      at,
      start: pageStart(at),
      lastRead: topic.lastReadNumber ?? 0,
      lastPost: topic.lastPostNumber,
    };
  });
  const posts = usePosts(topic.id, opened.start);
  const items = loadedPosts(posts.data);
  const [waiting, setWaiting] = useState(0);
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const replyRef = useRef<ReplyBoxHandle>(null);
  const base = `/c/${topic.community.slug}`;
  useDocumentTitle(`${topic.title} – ${topic.community.name}`);
  useReadTracker(list, { id: topic.id, slug: topic.community.slug, lastReadNumber: topic.lastReadNumber });

  const atEnd = posts.data !== undefined && !posts.hasNextPage;
  useLiveEvents(
    { topic: topic.id },
    (event: LiveEvent) => {
      if (event.type === 'post.created') {
        void client.invalidateQueries({ queryKey: discussionKeys.topic(topic.id), exact: true });
        if (items.some((post) => post.id === event.postId)) return;
        if (atEnd) void fetchNewPosts(client, topic.id);
        else setWaiting((n) => n + 1);
      } else if ((event.type === 'post.updated' || event.type === 'reaction.changed') && event.number) {
        void refreshPost(client, topic.id, event.number);
      } else if (event.type === 'topic.updated') {
        void client.invalidateQueries({ queryKey: discussionKeys.topic(topic.id), exact: true });
      }
    },
    () => void client.invalidateQueries({ queryKey: discussionKeys.topic(topic.id) }),
  );

  // Once the posts are there, bring the post the address (or else the read position) points at into view;
  // again whenever a link inside the thread changes the address's #post-N. The unread divider sits before the
  // first unread post, which may open the next page: until that is loaded, the last read post is shown.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (items.length === 0) return;
    const wanted = hash || (opened.at === 1 ? '' : start ? `#post-${opened.at}` : '#first-unread');
    if (scrolledTo.current === wanted) return;
    const byId = (id: string) => document.getElementById(decodeURIComponent(id.slice(1)));
    const target = wanted
      ? (byId(wanted) ?? (wanted === '#first-unread' ? byId(`#post-${opened.at}`) : null))
      : null;
    if (wanted && !target) return;
    scrolledTo.current = wanted;
    target?.scrollIntoView({ block: 'start' });
    if (hash) target?.focus({ preventScroll: true });
  }, [items.length, hash, opened.at, start]);

  // Earlier posts go in above the ones being read: the first post shown stays where it was on screen
  // (the browser's own scroll anchoring holds on to the button instead, and the reader lands on post 1).
  const anchor = useRef<{ number: number; top: number } | null>(null);
  function loadEarlier() {
    const first = items[0];
    const el = first && document.getElementById(`post-${first.number}`);
    anchor.current = el ? { number: first.number, top: el.getBoundingClientRect().top } : null;
    void posts.fetchPreviousPage();
  }
  const firstNumber = items[0]?.number;
  useLayoutEffect(() => {
    const a = anchor.current;
    if (!a || firstNumber === undefined || firstNumber >= a.number) return;
    anchor.current = null;
    const el = document.getElementById(`post-${a.number}`);
    if (el) window.scrollBy(0, el.getBoundingClientRect().top - a.top);
  }, [firstNumber]);

  function reply(post: Post) {
    replyRef.current?.replyTo(post);
  }
  async function quote(post: Post, excerpt: string) {
    const author = post.author?.displayName ?? t('discussions.formerMember');
    let body = '';
    if (!excerpt.trim()) {
      // Threads list only the HTML: the whole post's Markdown is read now. Should that fail, its text as shown.
      body = await fetchPostSource(post.id).catch(
        () => document.querySelector(`#post-${post.number} .post-body`)?.textContent ?? '',
      );
    }
    replyRef.current?.quote(post, quoteMarkdown({ number: post.number, author, body }, excerpt));
  }

  const solution = topic.solutionNumber;
  return (
    <div className="container page topic-page">
      <nav aria-label={t('community.breadcrumb')}>
        <ol className="breadcrumb">
          <li>
            <Link to="/communities">{t('communities.title')}</Link>
          </li>
          <li>
            <Link to={base}>{topic.community.name}</Link>
          </li>
          {topic.group ? (
            <li>
              <Link to={`${base}/groups/${topic.group.slug}`}>{topic.group.name}</Link>
            </li>
          ) : (
            <li>
              <Link to={`${base}/discussions`}>{t('community.tabs.discussions')}</Link>
            </li>
          )}
        </ol>
      </nav>
      <header className="topic-header">
        <h1 tabIndex={-1} className="topic-header__title">
          {topic.title}
        </h1>
        <div className="topic-header__facts">
          <TopicBadges topic={topic} />
          <TopicTags slug={topic.community.slug} tags={topic.tags} />
        </div>
        {topic.sharedInto.length > 0 && (
          <p className="muted topic-header__shared">
            {t('discussions.sharedInto')}{' '}
            {topic.sharedInto.map((c, i) => (
              <span key={c.slug}>
                {i > 0 && ', '}
                <Link to={`/c/${c.slug}/discussions`}>{c.name}</Link>
              </span>
            ))}
          </p>
        )}
        <TopicTools topic={topic} />
      </header>

      {solution !== null && (
        <Alert tone="success" className="topic-solution">
          <p>
            {t('discussions.solvedNotice')}{' '}
            <Link to={postLink(solution)}>{t('discussions.seeSolution', { number: solution })}</Link>
          </p>
        </Alert>
      )}

      {topic.poll && <PollView poll={topic.poll} topicId={topic.id} />}

      {posts.isPending ? (
        <LoadingState />
      ) : posts.isError && !posts.data ? (
        <LoadError error={posts.error} onRetry={() => void posts.refetch()} />
      ) : (
        <section aria-label={t('discussions.postsLabel', { count: topic.postCount })}>
          {posts.hasPreviousPage && (
            <div className="load-more">
              <Button
                variant="secondary"
                pending={posts.isFetchingPreviousPage}
                pendingLabel={t('common.loading')}
                onClick={loadEarlier}
              >
                {t('discussions.loadEarlier')}
              </Button>
            </div>
          )}
          <ol className="posts" ref={setList}>
            {items.map((post) => (
              <PostItem
                key={post.id}
                post={post}
                topic={topic}
                signedIn={me !== null}
                onReply={reply}
                onQuote={(post, excerpt) => void quote(post, excerpt)}
                postLink={postLink}
                firstUnread={
                  opened.lastRead > 0 && post.number === opened.lastRead + 1 && post.number <= opened.lastPost
                }
              />
            ))}
          </ol>
          {posts.hasNextPage && (
            <div className="load-more">
              <Button
                variant="secondary"
                pending={posts.isFetchingNextPage}
                pendingLabel={t('common.loading')}
                onClick={() => {
                  setWaiting(0);
                  void posts.fetchNextPage();
                }}
              >
                {waiting > 0 ? t('discussions.newReplies', { count: waiting }) : t('discussions.loadLater')}
              </Button>
            </div>
          )}
          {(posts.isFetchNextPageError || posts.isFetchPreviousPageError) && (
            <Alert tone="error" live="alert">
              <p>{errorMessage(t, posts.error)}</p>
            </Alert>
          )}
        </section>
      )}

      <ReplyBox ref={replyRef} topic={topic} signedIn={me !== null} />
    </div>
  );

  /** A link to a post: an anchor when it is loaded, otherwise the thread opened there. */
  function postLink(number: number): string {
    const loaded = items.some((post) => post.number === number);
    return loaded ? `#post-${number}` : `?post=${number}#post-${number}`;
  }
}
