import { z } from 'zod';
import { COMMUNITY_LIMITS as L, LIMITS } from './limits.ts';
import {
  DisplayNameSchema,
  EmailSchema,
  IdSchema,
  LocaleSchema,
  PageQuerySchema,
  PasswordSchema,
  TimestampSchema,
} from './common.ts';

export const VISIBILITIES = ['public', 'members', 'hidden'] as const;
export const JOIN_POLICIES = ['open', 'request', 'invite'] as const;
export const STAGES = ['potential', 'coalescing', 'maturing', 'stewardship', 'transformation'] as const;
export const COMMUNITY_ROLES = ['facilitator', 'moderator', 'member', 'expert'] as const;
export const GROUP_VISIBILITIES = ['open', 'private'] as const;

/** public: anyone reads, members write; members: listed, content for members; hidden: only members and operators know it exists. */
export const VisibilitySchema = z.enum(VISIBILITIES);
/** open: join with one click; request: facilitators approve; invite: by invitation only. */
export const JoinPolicySchema = z.enum(JOIN_POLICIES);
/** Wenger's lifecycle stages of a community of practice. */
export const StageSchema = z.enum(STAGES);
/** facilitator runs the CoP; moderator moderates content; member takes part; expert is an invited outsider for a limited time. */
export const CommunityRoleSchema = z.enum(COMMUNITY_ROLES);
export type Visibility = z.infer<typeof VisibilitySchema>;
export type JoinPolicy = z.infer<typeof JoinPolicySchema>;
export type Stage = z.infer<typeof StageSchema>;
export type CommunityRole = z.infer<typeof CommunityRoleSchema>;

/** A stable URL name: lower-case letters, digits and single hyphens. */
export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(L.slugMin)
  .max(L.slugMax)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lower-case letters, digits and hyphens' });
export const SlugParamsSchema = z.object({
  slug: z
    .string()
    .min(1)
    .max(L.slugMax * 2),
});
export const SlugIdParamsSchema = SlugParamsSchema.extend({ id: IdSchema });
export const SlugUserParamsSchema = SlugParamsSchema.extend({ userId: IdSchema });
export const GroupParamsSchema = SlugParamsSchema.extend({
  group: z
    .string()
    .min(1)
    .max(L.slugMax * 2),
});
export const GroupUserParamsSchema = GroupParamsSchema.extend({ userId: IdSchema });
export const TokenParamsSchema = z.object({ token: z.string().min(16).max(200) });

const NameSchema = z
  .string()
  .trim()
  .min(L.nameMin)
  .max(L.nameMax)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, { message: 'Use letters, digits, spaces and punctuation' });
const ShortTextSchema = z.string().trim().max(L.shortDescriptionMax);
const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, { message: 'Use ISO 639 language codes such as en or de' });

// ---- priority areas

/** A lifelong-learning priority area (school, higher education, VET, adult learning, transversal …). */
export const AreaSchema = z
  .object({
    id: IdSchema,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    position: z.number().int(),
    /** Communities in this area that the viewer may see. */
    communityCount: z.number().int(),
  })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof AreaSchema>;
export const AreaListResponseSchema = z.object({ items: z.array(AreaSchema) });
export const AreaCreateBodySchema = z.object({
  slug: SlugSchema,
  name: NameSchema,
  description: ShortTextSchema.default(''),
  position: z.number().int().min(0).max(1000).optional(),
});
export const AreaUpdateBodySchema = z
  .object({ name: NameSchema, description: ShortTextSchema, position: z.number().int().min(0).max(1000) })
  .partial()
  .strict();
export type AreaCreateBody = z.infer<typeof AreaCreateBodySchema>;
export type AreaUpdateBody = z.infer<typeof AreaUpdateBodySchema>;

// ---- communities

/** The viewer's own relation to a community. */
export const MyMembershipSchema = z
  .object({
    /** none, pending (request waiting), invited (an invitation waits), member, suspended. */
    status: z.enum(['none', 'pending', 'invited', 'member', 'suspended']),
    role: CommunityRoleSchema.nullable(),
    /** Id of the waiting invitation, when status is invited. */
    invitationId: IdSchema.nullable(),
  })
  .meta({ id: 'MyMembership' });
export type MyMembership = z.infer<typeof MyMembershipSchema>;

/** What the viewer may do here; the web app shows buttons from this, the server still checks. */
export const CommunityPermissionsSchema = z.object({
  readContent: z.boolean(),
  join: z.boolean(),
  request: z.boolean(),
  leave: z.boolean(),
  update: z.boolean(),
  manageMembers: z.boolean(),
  moderate: z.boolean(),
  invite: z.boolean(),
  setStage: z.boolean(),
  createGroup: z.boolean(),
  /** Start a topic in the community's own discussions (groups have their own rule). */
  startTopic: z.boolean(),
  archive: z.boolean(),
});
export type CommunityPermissions = z.infer<typeof CommunityPermissionsSchema>;

export const PersonRefSchema = z.object({ id: IdSchema, displayName: z.string() }).meta({ id: 'PersonRef' });
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** A community as listed in the directory. */
export const CommunitySummarySchema = z
  .object({
    id: IdSchema,
    slug: z.string(),
    name: z.string(),
    shortDescription: z.string(),
    area: z.object({ id: IdSchema, slug: z.string(), name: z.string() }).nullable(),
    visibility: VisibilitySchema,
    joinPolicy: JoinPolicySchema,
    stage: StageSchema,
    languages: z.array(z.string()),
    /** Active members (experts and suspended members are not counted). */
    memberCount: z.number().int(),
    archived: z.boolean(),
    createdAt: TimestampSchema,
    /** Cover image URL, or null. */
    coverImageUrl: z.string().nullable(),
    my: MyMembershipSchema,
  })
  .meta({ id: 'CommunitySummary' });
export type CommunitySummary = z.infer<typeof CommunitySummarySchema>;

/** A community's home: showcase for everyone who may see it, plus the viewer's permissions. */
export const CommunitySchema = CommunitySummarySchema.extend({
  /** Markdown source of the long description. */
  description: z.string(),
  /** Sanitised HTML rendered from `description`. */
  descriptionHtml: z.string(),
  facilitators: z.array(PersonRefSchema),
  moderators: z.array(PersonRefSchema),
  /** Working groups the viewer may see. */
  groupCount: z.number().int(),
  /** Pending membership requests (only for those who manage members; otherwise 0). */
  pendingRequestCount: z.number().int(),
  can: CommunityPermissionsSchema,
}).meta({ id: 'Community' });
export type Community = z.infer<typeof CommunitySchema>;

export const CommunityListQuerySchema = z.object({
  area: z.string().max(L.slugMax).optional(),
  q: z.string().trim().max(LIMITS.searchQueryMax).optional(),
  /** mine: only communities the viewer belongs to. */
  scope: z.enum(['all', 'mine']).default('all'),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export type CommunityListQuery = z.input<typeof CommunityListQuerySchema>;
export const CommunityListResponseSchema = z.object({
  items: z.array(CommunitySummarySchema),
  nextCursor: z.string().nullable(),
  /** Communities matching the filter that the viewer may see. */
  total: z.number().int(),
});
export type CommunityListResponse = z.infer<typeof CommunityListResponseSchema>;

export const CommunityCreateBodySchema = z.object({
  slug: SlugSchema,
  name: NameSchema,
  shortDescription: ShortTextSchema.min(1),
  description: z.string().max(L.descriptionMax).default(''),
  areaId: IdSchema.nullable().default(null),
  languages: z.array(LanguageCodeSchema).max(L.languagesMax).default([]),
  visibility: VisibilitySchema.default('public'),
  joinPolicy: JoinPolicySchema.default('open'),
  stage: StageSchema.default('potential'),
  /** Make these people facilitators at once. */
  facilitatorIds: z.array(IdSchema).max(20).default([]),
  /** An image uploaded by the caller (POST /api/uploads) to use as the cover, or null. */
  coverImageId: IdSchema.nullable().default(null),
});
export type CommunityCreateBody = z.input<typeof CommunityCreateBodySchema>;

export const CommunityUpdateBodySchema = z
  .object({
    name: NameSchema,
    shortDescription: ShortTextSchema.min(1),
    description: z.string().max(L.descriptionMax),
    areaId: IdSchema.nullable(),
    languages: z.array(LanguageCodeSchema).max(L.languagesMax),
    visibility: VisibilitySchema,
    joinPolicy: JoinPolicySchema,
    /** An image uploaded by the caller (POST /api/uploads), or null to remove the cover. */
    coverImageId: IdSchema.nullable(),
  })
  .partial()
  .strict();
export type CommunityUpdateBody = z.infer<typeof CommunityUpdateBodySchema>;

export const StageChangeBodySchema = z.object({
  stage: StageSchema,
  note: z.string().trim().max(L.noteMax).default(''),
});
export const StageChangeSchema = z
  .object({
    id: IdSchema,
    from: StageSchema.nullable(),
    to: StageSchema,
    note: z.string(),
    changedBy: PersonRefSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'StageChange' });
export const StageHistoryResponseSchema = z.object({ items: z.array(StageChangeSchema) });
export type StageChange = z.infer<typeof StageChangeSchema>;

// ---- members

export const MemberSchema = z
  .object({
    user: PersonRefSchema,
    role: CommunityRoleSchema,
    status: z.enum(['active', 'suspended']),
    joinedAt: TimestampSchema,
    /** For invited experts: when their access ends. */
    expiresAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;
/**
 * A person as the viewer may see them: their name and their memberships in the communities the viewer may
 * read (whose member lists the viewer could read anyway). Mentions in posts link here.
 */
export const PersonProfileSchema = z
  .object({
    person: PersonRefSchema,
    communities: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        role: CommunityRoleSchema,
        joinedAt: TimestampSchema,
      }),
    ),
  })
  .meta({ id: 'PersonProfile' });
export type PersonProfile = z.infer<typeof PersonProfileSchema>;
export const MemberListQuerySchema = z.object({
  role: CommunityRoleSchema.optional(),
  status: z.enum(['active', 'suspended', 'all']).default('active'),
  q: z.string().trim().max(LIMITS.searchQueryMax).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export const MemberListResponseSchema = z.object({
  items: z.array(MemberSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type MemberListResponse = z.infer<typeof MemberListResponseSchema>;
export const MemberRoleBodySchema = z.object({
  role: CommunityRoleSchema,
  /** For experts: days until access ends (default 90). */
  expiresInDays: z.number().int().min(1).max(L.expertMaxDays).optional(),
});
export const MemberSuspendBodySchema = z.object({ reason: z.string().trim().min(1).max(L.noteMax) });

// ---- membership requests

export const JoinRequestBodySchema = z.object({ motivation: z.string().trim().min(1).max(L.motivationMax) });
export const REQUEST_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export const MembershipRequestSchema = z
  .object({
    id: IdSchema,
    user: PersonRefSchema,
    motivation: z.string(),
    status: z.enum(REQUEST_STATUSES),
    createdAt: TimestampSchema,
    decidedAt: TimestampSchema.nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'MembershipRequest' });
export type MembershipRequest = z.infer<typeof MembershipRequestSchema>;
export const RequestListQuerySchema = PageQuerySchema.extend({
  /** Requests in this state, newest first; `all` for every state. */
  status: z.enum([...REQUEST_STATUSES, 'all']).default('pending'),
});
export const RequestListResponseSchema = z.object({
  items: z.array(MembershipRequestSchema),
  /** Cursor of the next page, or null on the last one. */
  nextCursor: z.string().nullable(),
});
export type RequestListResponse = z.infer<typeof RequestListResponseSchema>;
export const DecisionBodySchema = z.object({ note: z.string().trim().max(L.noteMax).default('') });

// ---- invitations

export const InvitationCreateBodySchema = z
  .object({
    /** Invite by e-mail address: works for people without an account. */
    emails: z.array(EmailSchema).max(L.invitationsPerRequest).default([]),
    /** Invite existing members of the platform. */
    userIds: z.array(IdSchema).max(L.invitationsPerRequest).default([]),
    role: z.enum(['member', 'moderator', 'facilitator', 'expert']).default('member'),
    message: z.string().trim().max(L.invitationMessageMax).default(''),
    expiresInDays: z.number().int().min(1).max(L.invitationMaxDays).default(14),
    /** For experts: days of access once accepted (default 90). */
    accessDays: z.number().int().min(1).max(L.expertMaxDays).optional(),
  })
  .refine((v) => v.emails.length + v.userIds.length > 0, {
    message: 'Name at least one person to invite',
    path: ['emails'],
  });
export type InvitationCreateBody = z.input<typeof InvitationCreateBodySchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
export const InvitationSchema = z
  .object({
    id: IdSchema,
    /** Invited address (e-mail invitations), or null. */
    email: z.string().nullable(),
    /** Invited member (user invitations), or null. */
    user: PersonRefSchema.nullable(),
    role: CommunityRoleSchema,
    /** `expired`: still pending when its date passed. */
    status: z.enum(INVITATION_STATUSES),
    invitedBy: PersonRefSchema.nullable(),
    createdAt: TimestampSchema,
    expiresAt: TimestampSchema,
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;
export const InvitationListQuerySchema = PageQuerySchema.extend({
  /** Invitations in this state, newest first; `all` for every state. */
  status: z.enum([...INVITATION_STATUSES, 'all']).default('pending'),
});
export const InvitationListResponseSchema = z.object({
  items: z.array(InvitationSchema),
  /** Cursor of the next page, or null on the last one. */
  nextCursor: z.string().nullable(),
});
export type InvitationListResponse = z.infer<typeof InvitationListResponseSchema>;

/** Most people the invitable-people search answers with. */
export const INVITABLE_MAX = 10;
export const InvitableQuerySchema = z.object({
  /** Part of a person's name (at least 2 characters, any case). */
  q: z.string().trim().min(2).max(LIMITS.searchQueryMax),
  limit: z.coerce.number().int().min(1).max(INVITABLE_MAX).default(INVITABLE_MAX),
});
export const InvitableListResponseSchema = z.object({
  /** Active, verified accounts matching the name that are neither members nor invited yet. */
  items: z.array(PersonRefSchema),
});
export const InvitationCreateResponseSchema = z.object({
  items: z.array(InvitationSchema),
  /** Addresses or people skipped because they are already members or already invited. */
  skipped: z.array(
    z.object({ target: z.string(), reason: z.enum(['already_member', 'already_invited', 'unknown_user']) }),
  ),
});

/** What an invitation link shows before it is accepted. */
export const InvitationPreviewSchema = z
  .object({
    community: z.object({ slug: z.string(), name: z.string(), shortDescription: z.string() }),
    role: CommunityRoleSchema,
    invitedBy: PersonRefSchema.nullable(),
    message: z.string(),
    /** The invited address (so sign-up can use it), or null for invitations of existing members. */
    email: z.string().nullable(),
    /** Whether an account with the invited address exists (sign in instead of signing up). */
    accountExists: z.boolean(),
    expiresAt: TimestampSchema,
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const InvitationSignUpBodySchema = z.object({
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  locale: LocaleSchema.optional(),
});

/** An invitation waiting for the signed-in person. */
export const MyInvitationSchema = z
  .object({
    id: IdSchema,
    community: z.object({ slug: z.string(), name: z.string(), shortDescription: z.string() }),
    role: CommunityRoleSchema,
    invitedBy: PersonRefSchema.nullable(),
    message: z.string(),
    expiresAt: TimestampSchema,
  })
  .meta({ id: 'MyInvitation' });
export const MyInvitationListResponseSchema = z.object({ items: z.array(MyInvitationSchema) });
export type MyInvitation = z.infer<typeof MyInvitationSchema>;

export const MembershipResultSchema = z.object({ slug: z.string(), my: MyMembershipSchema });
export type MembershipResult = z.infer<typeof MembershipResultSchema>;

// ---- working groups

export const WorkingGroupSchema = z
  .object({
    id: IdSchema,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    /** open: any community member may join; private: members are added by the group's leads. */
    visibility: z.enum(GROUP_VISIBILITIES),
    memberCount: z.number().int(),
    archived: z.boolean(),
    createdAt: TimestampSchema,
    /** The viewer's role in the group, or null. */
    myRole: z.enum(['lead', 'member']).nullable(),
    can: z.object({ join: z.boolean(), leave: z.boolean(), manage: z.boolean() }),
  })
  .meta({ id: 'WorkingGroup' });
export type WorkingGroup = z.infer<typeof WorkingGroupSchema>;
export const WorkingGroupListResponseSchema = z.object({ items: z.array(WorkingGroupSchema) });
export const WorkingGroupDetailSchema = WorkingGroupSchema.extend({
  members: z.array(
    z.object({ user: PersonRefSchema, role: z.enum(['lead', 'member']), joinedAt: TimestampSchema }),
  ),
}).meta({ id: 'WorkingGroupDetail' });
export type WorkingGroupDetail = z.infer<typeof WorkingGroupDetailSchema>;
export const WorkingGroupCreateBodySchema = z.object({
  slug: SlugSchema,
  name: NameSchema,
  description: ShortTextSchema.default(''),
  visibility: z.enum(GROUP_VISIBILITIES).default('open'),
});
export const WorkingGroupUpdateBodySchema = z
  .object({
    name: NameSchema,
    description: ShortTextSchema,
    visibility: z.enum(GROUP_VISIBILITIES),
    archived: z.boolean(),
  })
  .partial()
  .strict();
export const GroupMemberAddBodySchema = z.object({
  userId: IdSchema,
  role: z.enum(['lead', 'member']).default('member'),
});
