import type {
  ApiBody,
  Post,
  PostListResponse,
  ReactionKind,
  Topic,
  TopicListQuery,
  TopicListResponse,
  TopicSummary,
} from '@discuss/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { apiCall } from './client.ts';

export type TopicSort = NonNullable<TopicListQuery['sort']>;
export const TOPIC_SORTS: readonly TopicSort[] = ['latest', 'newest', 'active'];

export interface TopicFilters {
  group?: string | undefined;
  tag?: string | undefined;
  sort: TopicSort;
}

/** Posts per page of a thread. */
export const POSTS_PAGE = 20;

/**
 * Query keys of discussions. A community's lists live under `['topics', slug]`; a topic and its posts under
 * `['topic', id]`, so one invalidation refreshes a thread after a live event.
 */
export const discussionKeys = {
  lists: (slug: string) => ['topics', slug] as const,
  list: (slug: string, filters: TopicFilters) => ['topics', slug, filters] as const,
  tags: (slug: string) => ['tags', slug] as const,
  topic: (id: string) => ['topic', id] as const,
  posts: (id: string) => ['topic', id, 'posts'] as const,
  postsFrom: (id: string, start: number) => ['topic', id, 'posts', start] as const,
  revisions: (postId: string) => ['post', postId, 'revisions'] as const,
  source: (postId: string) => ['post', postId, 'source'] as const,
};

/** A listed topic with what the viewer has not read of it (null for guests). */
export interface ListedTopic extends TopicSummary {
  /** Posts the viewer has not read. */
  unreadCount: number | null;
  /** The viewer has never opened it. */
  isNew: boolean | null;
}

/** The server sends read positions apart from the topics (the topics are the same for every reader). */
export function withReadState(page: TopicListResponse) {
  const { reads } = page;
  const listed = (t: TopicSummary): ListedTopic => {
    const read = reads?.[t.id];
    return {
      ...t,
      unreadCount: reads ? Math.max(0, t.lastPostNumber - (read ?? 0)) : null,
      isNew: reads ? read === undefined : null,
    };
  };
  return { items: page.items.map(listed), nextCursor: page.nextCursor, shared: page.shared.map(listed) };
}

export function useTopics(slug: string, filters: TopicFilters, { pageSize = 30 } = {}) {
  return useInfiniteQuery({
    queryKey: discussionKeys.list(slug, filters),
    queryFn: async ({ pageParam, signal }) =>
      withReadState(
        await apiCall('listTopics', {
          params: { slug },
          query: { ...filters, cursor: pageParam, limit: pageSize },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTags(slug: string, enabled = true) {
  return useQuery({
    queryKey: discussionKeys.tags(slug),
    queryFn: ({ signal }) => apiCall('listTags', { params: { slug }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useTopic(id: string) {
  return useQuery({
    queryKey: discussionKeys.topic(id),
    queryFn: ({ signal }) => apiCall('getTopic', { params: { id }, signal }),
  });
}

/**
 * The post a thread opens at: just before the first unread post (one read post for context), or at the start
 * for guests, newcomers and threads read to the end.
 */
export function openingPost(topic: Pick<Topic, 'lastReadNumber' | 'postCount'>): number {
  const read = topic.lastReadNumber ?? 0;
  if (read === 0 || read >= topic.postCount) return 1;
  return Math.max(1, read);
}

/**
 * The first post of the page holding post `number`. Threads are read in whole pages (1–20, 21–40, …), the same
 * for every reader, so that the server can keep each page written and compressed once (decision 0022).
 */
export function pageStart(number: number): number {
  return Math.floor((Math.max(1, number) - 1) / POSTS_PAGE) * POSTS_PAGE + 1;
}

/** A loaded page of a thread: its posts as this viewer sees them. */
export interface PostPage {
  items: Post[];
  nextFrom: number | null;
}

/**
 * A page of a thread as the server sends it (the posts as every reader sees them, then the viewer's own
 * reactions and permissions beside them) as whole posts.
 */
export function withViewer(answer: PostListResponse): PostPage {
  const allowed = Object.fromEntries(
    Object.entries(answer.can).map(([action, numbers]) => [action, new Set(numbers)]),
  ) as Record<keyof Post['can'], Set<number>>;
  return {
    nextFrom: answer.nextFrom,
    items: answer.items.map((post) => {
      const mine = answer.mine[post.number] ?? [];
      return {
        ...post,
        reactions: post.reactions.map((r) => ({ ...r, mine: mine.includes(r.kind) })),
        can: {
          edit: allowed.edit.has(post.number),
          delete: allowed.delete.has(post.number),
          restore: allowed.restore.has(post.number),
          markSolution: allowed.markSolution.has(post.number),
        },
      };
    }),
  };
}

const fetchPosts = (id: string, from: number, limit: number, signal?: AbortSignal) =>
  apiCall('listPosts', { params: { id }, query: { from, limit }, signal }).then(withViewer);

/**
 * A thread's posts, in whole pages that can grow both ways from where it opened (`start`, the first post of
 * a page). Page params are post numbers, so a refetch always asks for the same posts.
 */
export function usePosts(id: string, start: number) {
  return useInfiniteQuery({
    queryKey: discussionKeys.postsFrom(id, start),
    queryFn: ({ pageParam, signal }) => fetchPosts(id, pageParam, POSTS_PAGE, signal),
    initialPageParam: start,
    getNextPageParam: (last) => last.nextFrom ?? undefined,
    getPreviousPageParam: (first) => {
      const head = first.items[0]?.number ?? 1;
      return head > 1 ? pageStart(head - 1) : undefined;
    },
  });
}

type PostPages = InfiniteData<PostPage, number>;

/** Put a post into the loaded pages: replace it where it is, or add it at the end if it follows them. */
export function storePost(client: QueryClient, topicId: string, post: Post): void {
  client.setQueriesData<PostPages>({ queryKey: discussionKeys.posts(topicId) }, (data) => {
    if (!data) return data;
    const known = data.pages.some((page) => page.items.some((item) => item.id === post.id));
    if (known) {
      return {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((item) => (item.id === post.id ? post : item)),
        })),
      };
    }
    const lastPage = data.pages[data.pages.length - 1];
    const lastNumber = lastPage?.items[lastPage.items.length - 1]?.number ?? 0;
    if (!lastPage || lastPage.nextFrom !== null || post.number <= lastNumber) return data;
    return {
      ...data,
      pages: [...data.pages.slice(0, -1), { ...lastPage, items: [...lastPage.items, post] }],
    };
  });
}

/** Loaded posts of a thread, in order. */
export function loadedPosts(data: InfiniteData<PostPage, unknown> | undefined): Post[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/** Fetch one post again (after a live edit or reaction) and put it in place. */
export async function refreshPost(client: QueryClient, topicId: string, number: number): Promise<void> {
  const post = (await fetchPosts(topicId, number, 1)).items[0];
  if (post && post.number === number) storePost(client, topicId, post);
}

/** Fetch the posts after the last loaded one (live replies), if the end of the thread is loaded. */
export async function fetchNewPosts(client: QueryClient, topicId: string): Promise<void> {
  const ends = client
    .getQueriesData<PostPages>({ queryKey: discussionKeys.posts(topicId) })
    .map(([, data]) => data?.pages[data.pages.length - 1])
    .filter((page) => page !== undefined && page.nextFrom === null)
    .map((page) => page?.items[page.items.length - 1]?.number ?? 0);
  if (ends.length === 0) return;
  const page = await fetchPosts(topicId, Math.min(...ends) + 1, POSTS_PAGE);
  for (const post of page.items) storePost(client, topicId, post);
}

function storeTopic(client: QueryClient, topic: Topic): void {
  client.setQueryData(discussionKeys.topic(topic.id), topic);
  void client.invalidateQueries({ queryKey: discussionKeys.lists(topic.community.slug) });
}

export function useCreateTopic(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'createTopic'>) => apiCall('createTopic', { params: { slug }, body }),
    onSuccess: (topic) => {
      storeTopic(client, topic);
      void client.invalidateQueries({ queryKey: discussionKeys.tags(slug) });
    },
  });
}

/** Topic-level writes that answer with the topic: rename/retag, pin, lock, solution, vote, share. */
export function useTopicAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: TopicAction) => runTopicAction(id, action),
    onSuccess: (topic) => storeTopic(client, topic),
  });
}

export type TopicAction =
  | { kind: 'update'; body: ApiBody<'updateTopic'> }
  | { kind: 'pin'; value: boolean }
  | { kind: 'lock'; value: boolean }
  | { kind: 'solution'; postId: string | null }
  | { kind: 'vote'; optionIds: string[] }
  | { kind: 'share'; community: string };

function runTopicAction(id: string, action: TopicAction): Promise<Topic> {
  const params = { id };
  switch (action.kind) {
    case 'update':
      return apiCall('updateTopic', { params, body: action.body });
    case 'pin':
      return apiCall('pinTopic', { params, body: { value: action.value } });
    case 'lock':
      return apiCall('lockTopic', { params, body: { value: action.value } });
    case 'solution':
      return apiCall('markSolution', { params, body: { postId: action.postId } });
    case 'vote':
      return apiCall('votePoll', { params, body: { optionIds: action.optionIds } });
    case 'share':
      return apiCall('shareTopic', { params, body: { community: action.community } });
  }
}

export function useReply(topicId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'createPost'>) => apiCall('createPost', { params: { id: topicId }, body }),
    onSuccess: (post) => {
      storePost(client, topicId, post);
      void client.invalidateQueries({ queryKey: discussionKeys.topic(topicId), exact: true });
    },
  });
}

export type PostAction =
  | { kind: 'edit'; body: string }
  | { kind: 'delete' }
  | { kind: 'restore' }
  | { kind: 'react'; reaction: ReactionKind; on: boolean };

function runPostAction(id: string, action: PostAction): Promise<Post> {
  const params = { id };
  switch (action.kind) {
    case 'edit':
      return apiCall('updatePost', { params, body: { body: action.body } });
    case 'delete':
      return apiCall('deletePost', { params });
    case 'restore':
      return apiCall('restorePost', { params });
    case 'react':
      return action.on
        ? apiCall('react', { params, body: { kind: action.reaction } })
        : apiCall('unreact', { params: { id, kind: action.reaction } });
  }
}

/** Writes on one post; each answers with the post, which replaces the loaded copy. */
export function usePostAction(topicId: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: PostAction) => runPostAction(postId, action),
    onSuccess: (post) => {
      storePost(client, topicId, post);
      void client.invalidateQueries({ queryKey: discussionKeys.revisions(postId) });
    },
  });
}

export function useRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: discussionKeys.revisions(postId),
    queryFn: ({ signal }) => apiCall('postRevisions', { params: { id: postId }, signal }),
    enabled,
  });
}

/**
 * A post's Markdown source (threads list only the HTML). Read fresh each time it is needed: nothing is kept
 * once the editor closes, so a second edit starts from the text as it is then.
 */
export function usePostSource(postId: string) {
  return useQuery({
    queryKey: discussionKeys.source(postId),
    queryFn: ({ signal }) => apiCall('getPostSource', { params: { id: postId }, signal }),
    gcTime: 0,
    staleTime: 0,
  });
}

/** A post's Markdown source, read once (to quote a whole post). */
export async function fetchPostSource(postId: string): Promise<string> {
  return (await apiCall('getPostSource', { params: { id: postId } })).body;
}

/** Record how far the viewer has read; only ever moves forward. */
export function markRead(topicId: string, number: number): Promise<void> {
  return apiCall('markRead', { params: { id: topicId }, body: { number } });
}
