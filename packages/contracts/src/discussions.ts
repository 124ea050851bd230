import { z } from 'zod';
import { DISCUSSION_LIMITS as L } from './limits.ts';
import { IdSchema, TimestampSchema } from './common.ts';
import { PersonRefSchema } from './communities.ts';

export const REACTION_KINDS = ['like', 'insightful', 'thanks'] as const;
/** The small fixed set of reactions. */
export const ReactionKindSchema = z.enum(REACTION_KINDS);
export type ReactionKind = z.infer<typeof ReactionKindSchema>;

export const TopicParamsSchema = z.object({ id: IdSchema });
export const PostParamsSchema = z.object({ id: IdSchema });

/** A tag of a community: topics carry up to five. */
export const TagRefSchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'TagRef' });
export type TagRef = z.infer<typeof TagRefSchema>;
export const TagSchema = TagRefSchema.extend({ topicCount: z.number().int() }).meta({ id: 'Tag' });
export const TagListResponseSchema = z.object({ items: z.array(TagSchema) });
const TagNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} +#.-]*$/u, { message: 'Use letters, digits, spaces, +, #, . and -' });

/** A poll attached to a topic. Counts are shown once the viewer has voted or the poll has closed. */
export const PollSchema = z
  .object({
    question: z.string(),
    multiple: z.boolean(),
    closesAt: TimestampSchema.nullable(),
    closed: z.boolean(),
    options: z.array(z.object({ id: IdSchema, label: z.string(), votes: z.number().int().nullable() })),
    /** Option ids the viewer chose. */
    myVotes: z.array(IdSchema),
    /** People who voted (null while results are hidden). */
    voters: z.number().int().nullable(),
    canVote: z.boolean(),
  })
  .meta({ id: 'Poll' });
export type Poll = z.infer<typeof PollSchema>;
export const PollCreateSchema = z.object({
  question: z.string().trim().min(3).max(300),
  options: z.array(z.string().trim().min(1).max(200)).min(2).max(10),
  multiple: z.boolean().default(false),
  /** When voting ends (ISO 8601), or omitted for no end. */
  closesAt: z.iso.datetime().optional(),
});
export const PollVoteBodySchema = z.object({ optionIds: z.array(IdSchema).min(1).max(10) });

/** A topic as listed. */
export const TopicSummarySchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    tags: z.array(TagRefSchema),
    community: z.object({ slug: z.string(), name: z.string() }),
    /** The working group it belongs to, if any. */
    group: z.object({ slug: z.string(), name: z.string() }).nullable(),
    author: PersonRefSchema.nullable(),
    /** Replies (the opening post not counted). */
    replyCount: z.number().int(),
    lastPostAt: TimestampSchema,
    lastPoster: PersonRefSchema.nullable(),
    pinned: z.boolean(),
    locked: z.boolean(),
    solved: z.boolean(),
    createdAt: TimestampSchema,
    /**
     * Number of its latest post. What the viewer has not read is `lastPostNumber` minus their read
     * position (`reads` of a topic list, `lastReadNumber` of a topic).
     */
    lastPostNumber: z.number().int(),
  })
  .meta({ id: 'TopicSummary' });
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

export const TopicListQuerySchema = z.object({
  /** Only topics of this working group (slug); omitted: the community's own topics. */
  group: z.string().max(120).optional(),
  /** Only topics with this tag (slug). */
  tag: z.string().max(40).optional(),
  sort: z.enum(['latest', 'newest', 'active']).default('latest'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(L.topicsPageSize),
});
export type TopicListQuery = z.input<typeof TopicListQuerySchema>;
/**
 * A page of a topic list. `items` and `nextCursor` are the same for every reader of the list; what is the
 * viewer's own comes last (decision 0017).
 */
export const TopicListResponseSchema = z.object({
  items: z.array(TopicSummarySchema),
  nextCursor: z.string().nullable(),
  /** Topics shared into this community from others (that the viewer may read), newest first; first page only. */
  shared: z.array(TopicSummarySchema),
  /**
   * The viewer's read positions (last read post number) of the listed topics they have opened, by topic
   * id; a listed topic missing here is new to them. Null for guests.
   */
  reads: z.record(z.string(), z.number().int()).nullable(),
});
export type TopicListResponse = z.infer<typeof TopicListResponseSchema>;

export const ReactionCountSchema = z.object({
  kind: ReactionKindSchema,
  count: z.number().int(),
  mine: z.boolean(),
});

/** One post: the opening post (number 1) or a reply. */
export const PostSchema = z
  .object({
    id: IdSchema,
    number: z.number().int(),
    author: PersonRefSchema.nullable(),
    /**
     * Sanitised HTML rendered on write (empty for deleted posts unless the viewer moderates). The Markdown
     * source is not listed: editing and quoting ask for it (`getPostSource`), which halves a thread's answer.
     */
    bodyHtml: z.string(),
    replyToNumber: z.number().int().nullable(),
    createdAt: TimestampSchema,
    editedAt: TimestampSchema.nullable(),
    editCount: z.number().int(),
    deleted: z.boolean(),
    reactions: z.array(ReactionCountSchema),
    can: z.object({
      edit: z.boolean(),
      delete: z.boolean(),
      restore: z.boolean(),
      markSolution: z.boolean(),
    }),
  })
  .meta({ id: 'Post' });
export type Post = z.infer<typeof PostSchema>;

export const TopicSchema = TopicSummarySchema.extend({
  /** Total posts including the opening post. */
  postCount: z.number().int(),
  /** Number of the solution post, if marked. */
  solutionNumber: z.number().int().nullable(),
  /** The viewer's last read post number (0 = none; null for guests). */
  lastReadNumber: z.number().int().nullable(),
  poll: PollSchema.nullable(),
  /** Communities it has been shared into (those the viewer may see). */
  sharedInto: z.array(z.object({ slug: z.string(), name: z.string() })),
  can: z.object({ reply: z.boolean(), moderate: z.boolean(), edit: z.boolean(), share: z.boolean() }),
}).meta({ id: 'Topic' });
export type Topic = z.infer<typeof TopicSchema>;

export const PostListQuerySchema = z.object({
  /** First post number of the page (inclusive); omitted: from the viewer's first unread post. */
  from: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(L.postsPageSize),
});
/**
 * A post as listed in a page of a thread: the same for every reader allowed to see it (moderators see the
 * text of deleted posts, others do not). What is the viewer's own, their reactions and what they may do,
 * comes beside the page (`PostListResponse.mine` and `.can`).
 */
export const ListedPostSchema = PostSchema.omit({ reactions: true, can: true })
  .extend({ reactions: z.array(ReactionCountSchema.omit({ mine: true })) })
  .meta({ id: 'ListedPost' });
export type ListedPost = z.infer<typeof ListedPostSchema>;

const PostNumbersSchema = z.array(z.number().int());

/**
 * A page of a thread (decision 0022). `items` and `nextFrom` are the same for every reader of the same kind
 * (moderator or not), so the server can send them as they were written and compressed for the first one;
 * the viewer's own part comes last.
 */
export const PostListResponseSchema = z.object({
  items: z.array(ListedPostSchema),
  /** Number to pass as `from` for the next page, or null at the end. */
  nextFrom: z.number().int().nullable(),
  /** The viewer's own reactions on the listed posts, by post number (posts without any are left out). */
  mine: z.record(z.string(), z.array(ReactionKindSchema)),
  /** Numbers of the listed posts the viewer may edit, delete, restore or mark as the solution. */
  can: z.object({
    edit: PostNumbersSchema,
    delete: PostNumbersSchema,
    restore: PostNumbersSchema,
    markSolution: PostNumbersSchema,
  }),
});
export type PostListResponse = z.infer<typeof PostListResponseSchema>;

const TitleSchema = z
  .string()
  .trim()
  .min(L.titleMin)
  .max(L.titleMax)
  .regex(/^[^\p{Cc}]+$/u, { message: 'Use letters, digits, spaces and punctuation' });
const BodySchema = z.string().trim().min(1).max(L.bodyMax);

export const TopicCreateBodySchema = z.object({
  title: TitleSchema,
  /** Markdown of the opening post. */
  body: BodySchema,
  /** Post in this working group (slug) of the community. */
  group: z.string().max(120).optional(),
  tags: z.array(TagNameSchema).max(5).default([]),
  poll: PollCreateSchema.optional(),
});
export type TopicCreateBody = z.input<typeof TopicCreateBodySchema>;
export const TopicUpdateBodySchema = z
  .object({ title: TitleSchema, tags: z.array(TagNameSchema).max(5) })
  .partial()
  .strict();
export const ShareBodySchema = z.object({ community: z.string().min(1).max(120) });
export const PostCreateBodySchema = z.object({
  body: BodySchema,
  /** The post this replies to (its number). */
  replyTo: z.number().int().min(1).optional(),
});
export type PostCreateBody = z.input<typeof PostCreateBodySchema>;
export const PostUpdateBodySchema = z.object({ body: BodySchema }).strict();
export const ReactionBodySchema = z.object({ kind: ReactionKindSchema });
export const ReadBodySchema = z.object({ number: z.number().int().min(1) });
export const TopicFlagBodySchema = z.object({ value: z.boolean() });
export const SolutionBodySchema = z.object({ postId: IdSchema.nullable() });

export const RevisionSchema = z
  .object({
    revision: z.number().int(),
    body: z.string(),
    editedBy: PersonRefSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Revision' });
export const RevisionListResponseSchema = z.object({ items: z.array(RevisionSchema) });
/** A post's Markdown source as it is now, for editing or quoting it. */
export const PostSourceResponseSchema = z.object({ body: z.string() });
export type PostSourceResponse = z.infer<typeof PostSourceResponseSchema>;
/** Markdown to preview in the composer, rendered exactly as a post would be. */
export const PreviewBodySchema = z.object({ body: z.string().max(L.bodyMax) });
export const PreviewResponseSchema = z.object({ html: z.string() });

export const PostRefResponseSchema = z.object({ post: PostSchema });
