/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings (sortable as text on both
 * databases); flags are integers 0/1; ids are app-generated text. See docs/decisions/0003.
 */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  locale: string | null;
  email_verified_at: string | null;
  is_operator: number;
  suspended_at: string | null;
  suspended_reason: string | null;
  created_at: string;
  updated_at: string;
  last_seen_at: string | null;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

export type OneTimeTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

export interface OneTimeTokensTable {
  id: string;
  user_id: string;
  purpose: OneTimeTokenPurpose;
  token_hash: string;
  new_email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface EmailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  sent_at: string | null;
  last_error: string | null;
}

export interface AreasTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  created_at: string;
}

export interface CommunitiesTable {
  id: string;
  slug: string;
  name: string;
  short_description: string;
  description: string;
  description_html: string;
  area_id: string | null;
  /** Comma-separated ISO 639 codes. */
  languages: string;
  visibility: 'public' | 'members' | 'hidden';
  join_policy: 'open' | 'request' | 'invite';
  stage: 'potential' | 'coalescing' | 'maturing' | 'stewardship' | 'transformation';
  /** Active members other than experts; kept by the service in the same transaction as membership changes. */
  member_count: number;
  archived_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Cover image (an upload with purpose 'cover'). */
  cover_upload_id: string | null;
}

export type CommunityRoleValue = 'facilitator' | 'moderator' | 'member' | 'expert';

export interface CommunityMembersTable {
  community_id: string;
  user_id: string;
  role: CommunityRoleValue;
  status: 'active' | 'suspended';
  joined_at: string;
  expires_at: string | null;
  suspended_reason: string | null;
}

export interface MembershipRequestsTable {
  id: string;
  community_id: string;
  user_id: string;
  motivation: string;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
}

export interface InvitationsTable {
  id: string;
  community_id: string;
  email: string | null;
  user_id: string | null;
  role: CommunityRoleValue;
  access_days: number | null;
  message: string;
  token_hash: string;
  invited_by: string | null;
  status: 'pending' | 'accepted' | 'declined' | 'revoked';
  created_at: string;
  expires_at: string;
  responded_at: string | null;
  accepted_by: string | null;
}

export interface StageChangesTable {
  id: string;
  community_id: string;
  from_stage: CommunitiesTable['stage'] | null;
  to_stage: CommunitiesTable['stage'];
  note: string;
  changed_by: string | null;
  created_at: string;
}

export interface WorkingGroupsTable {
  id: string;
  community_id: string;
  slug: string;
  name: string;
  description: string;
  visibility: 'open' | 'private';
  archived_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface WorkingGroupMembersTable {
  group_id: string;
  user_id: string;
  role: 'lead' | 'member';
  joined_at: string;
}

export interface PlatformSettingsTable {
  key: string;
  value: string;
}

export interface UploadsTable {
  id: string;
  owner_id: string | null;
  /** The community whose rules decide who may fetch it; null while unattached (owner only). */
  community_id: string | null;
  purpose: 'unattached' | 'cover' | 'attachment';
  /** Type detected from the content, never from the name. */
  media_type: string;
  size: number;
  /** Random storage name: never derived from user input. */
  storage_key: string;
  original_name: string;
  created_at: string;
}

export interface TopicsTable {
  id: string;
  community_id: string;
  group_id: string | null;
  author_id: string | null;
  title: string;
  /** Posts including the opening post (deleted ones included: numbers never move). */
  post_count: number;
  last_post_number: number;
  last_post_at: string;
  last_poster_id: string | null;
  pinned_at: string | null;
  locked_at: string | null;
  solved_post_id: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PostsTable {
  id: string;
  topic_id: string;
  /** 1 is the opening post; replies count up. */
  number: number;
  author_id: string | null;
  body: string;
  /** Sanitised HTML rendered from body on write. */
  body_html: string;
  reply_to_number: number | null;
  edit_count: number;
  edited_at: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  created_at: string;
}

export interface PostRevisionsTable {
  id: string;
  post_id: string;
  revision: number;
  body: string;
  edited_by: string | null;
  created_at: string;
}

export type ReactionKind = 'like' | 'insightful' | 'thanks';

export interface ReactionsTable {
  post_id: string;
  /** The post's topic and number (never change): a page's reactions are one index range. */
  topic_id: string;
  post_number: number;
  user_id: string;
  kind: ReactionKind;
  created_at: string;
}

export interface TopicReadsTable {
  user_id: string;
  topic_id: string;
  last_read_number: number;
  updated_at: string;
}

export interface MentionsTable {
  post_id: string;
  user_id: string;
}

export interface TagsTable {
  id: string;
  community_id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface TopicTagsTable {
  topic_id: string;
  tag_id: string;
}

export interface PollsTable {
  id: string;
  topic_id: string;
  question: string;
  multiple: number;
  closes_at: string | null;
  created_at: string;
}

export interface PollOptionsTable {
  id: string;
  poll_id: string;
  label: string;
  position: number;
}

export interface PollVotesTable {
  poll_id: string;
  option_id: string;
  user_id: string;
  created_at: string;
}

/** A topic shared into another community: listed there with a link back; replies stay in one place. */
export interface TopicSharesTable {
  topic_id: string;
  community_id: string;
  shared_by: string | null;
  created_at: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  one_time_tokens: OneTimeTokensTable;
  email_outbox: EmailOutboxTable;
  areas: AreasTable;
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  membership_requests: MembershipRequestsTable;
  invitations: InvitationsTable;
  stage_changes: StageChangesTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  platform_settings: PlatformSettingsTable;
  uploads: UploadsTable;
  topics: TopicsTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  reactions: ReactionsTable;
  topic_reads: TopicReadsTable;
  mentions: MentionsTable;
  tags: TagsTable;
  topic_tags: TopicTagsTable;
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  topic_shares: TopicSharesTable;
}
