import { AppError } from './errors.ts';

/** Who is making a request. Routes establish it; services pass it to the policy. */
export type Actor = GuestActor | UserActor;

export interface GuestActor {
  kind: 'guest';
}

export interface UserActor {
  kind: 'user';
  userId: string;
  displayName: string;
  isOperator: boolean;
  /** How the request authenticated. */
  via: 'session' | 'token' | 'system';
  /** The session (cookie) or API token that authenticated the request. */
  credentialId: string | null;
}

export const GUEST: GuestActor = Object.freeze({ kind: 'guest' });

/** The process itself (CLI, jobs, seeding): an operator that no HTTP request can become. */
export const SYSTEM: UserActor = Object.freeze({
  kind: 'user',
  userId: 'system',
  displayName: 'System',
  isOperator: true,
  via: 'system',
  credentialId: null,
});

export interface UserTarget {
  id: string;
  isOperator: boolean;
}

/** What the policy needs to know about a community and the actor's relation to it. */
export interface CommunityAccess {
  visibility: 'public' | 'members' | 'hidden';
  joinPolicy: 'open' | 'request' | 'invite';
  archived: boolean;
  /** The actor's membership; an expert whose access has ended counts as none. */
  membership: {
    role: 'facilitator' | 'moderator' | 'member' | 'expert';
    status: 'active' | 'suspended';
  } | null;
  pendingRequest: boolean;
  pendingInvitation: boolean;
}

/** A working group, with the actor's place in it and in its community. */
export interface GroupAccess {
  community: CommunityAccess;
  visibility: 'open' | 'private';
  archived: boolean;
  groupRole: 'lead' | 'member' | null;
}

/** A topic, with where it lives and the actor's relation to it. */
export interface TopicAccess {
  community: CommunityAccess;
  /** The working group the topic belongs to, or null for the community's own topics. */
  group: GroupAccess | null;
  isAuthor: boolean;
  locked: boolean;
}

/** A post inside a topic. */
export interface PostAccess {
  topic: TopicAccess;
  isAuthor: boolean;
  deleted: boolean;
}

const isUser = (a: Actor): a is UserActor => a.kind === 'user';
const isOperator = (a: Actor): boolean => isUser(a) && a.isOperator;
const active = (c: CommunityAccess) => c.membership?.status === 'active';
const hasRole = (c: CommunityAccess, ...roles: string[]) => active(c) && roles.includes(c.membership!.role);
const runs = (a: Actor, c: CommunityAccess) => isOperator(a) || hasRole(c, 'facilitator');
/** Knows the community exists: hidden ones only to active members, invitees and operators. */
const sees = (a: Actor, c: CommunityAccess) =>
  c.visibility !== 'hidden' || isOperator(a) || active(c) || c.pendingInvitation;
/** Reads the workroom: anyone for public communities, active members (experts included) otherwise. */
const reads = (a: Actor, c: CommunityAccess) => c.visibility === 'public' || isOperator(a) || active(c);
const moderates = (a: Actor, c: CommunityAccess) => isOperator(a) || hasRole(c, 'facilitator', 'moderator');
const seesGroup = (a: Actor, g: GroupAccess) =>
  reads(a, g.community) && (g.visibility === 'open' || g.groupRole !== null || runs(a, g.community));
const readsTopic = (a: Actor, t: TopicAccess) =>
  reads(a, t.community) && (t.group === null || seesGroup(a, t.group));
const contributes = (a: Actor, t: TopicAccess) =>
  !t.community.archived &&
  (isOperator(a) || active(t.community)) &&
  (t.group === null || (!t.group.archived && (t.group.groupRole !== null || runs(a, t.community))));
/** Invites people: those who run the community, while it is not archived. */
const invites = (a: Actor, c: CommunityAccess) => runs(a, c) && !c.archived;
const canJoinAs = (a: Actor, c: CommunityAccess, policy: CommunityAccess['joinPolicy']) =>
  isUser(a) && sees(a, c) && !c.archived && c.joinPolicy === policy && c.membership === null;

/**
 * Every permission rule of the platform, by action. One place answers "may this actor do this
 * to that"; docs/permissions.md lists the same rules as a table and a test keeps them equal.
 */
const RULES = {
  /** Manage own account: profile, password, e-mail, sessions, tokens. */
  'account.manage': (a: Actor) => isUser(a),
  /** See the operator's user list. */
  'admin.users.list': (a: Actor) => isOperator(a),
  /** Suspend or reinstate a user: operators, never themselves, never another operator. */
  'admin.users.suspend': (a: Actor, t: UserTarget) =>
    isOperator(a) && isUser(a) && a.userId !== t.id && !t.isOperator,

  /** Create a community; manage priority areas. */
  'community.create': (a: Actor) => isOperator(a),
  'area.manage': (a: Actor) => isOperator(a),
  /** Know that the community exists: its showcase, its place in lists and counts. */
  'community.see': (a: Actor, c: CommunityAccess) => sees(a, c),
  /** Read the members' workroom: content, member list, working groups, stage history. */
  'community.read': (a: Actor, c: CommunityAccess) => reads(a, c),
  'community.join': (a: Actor, c: CommunityAccess) => canJoinAs(a, c, 'open'),
  'community.request': (a: Actor, c: CommunityAccess) => canJoinAs(a, c, 'request') && !c.pendingRequest,
  'community.leave': (a: Actor, c: CommunityAccess) => isUser(a) && active(c),
  'community.update': (a: Actor, c: CommunityAccess) => runs(a, c),
  'community.manageMembers': (a: Actor, c: CommunityAccess) => runs(a, c),
  'community.invite': (a: Actor, c: CommunityAccess) => invites(a, c),
  /** Search accounts by name to invite them: exactly those who may invite. */
  'community.findInvitees': (a: Actor, c: CommunityAccess) => invites(a, c),
  'community.setStage': (a: Actor, c: CommunityAccess) => runs(a, c),
  'community.moderate': (a: Actor, c: CommunityAccess) =>
    isOperator(a) || hasRole(c, 'facilitator', 'moderator'),
  'community.createGroup': (a: Actor, c: CommunityAccess) => runs(a, c) && !c.archived,
  'community.archive': (a: Actor) => isOperator(a),
  /** See a working group: readers of the community for open groups; its members and those who run the community for private ones. */
  'group.see': (a: Actor, g: GroupAccess) => seesGroup(a, g),
  'group.join': (a: Actor, g: GroupAccess) =>
    isUser(a) && active(g.community) && g.visibility === 'open' && !g.archived && g.groupRole === null,
  'group.leave': (a: Actor, g: GroupAccess) => isUser(a) && g.groupRole !== null,
  'group.manage': (a: Actor, g: GroupAccess) =>
    runs(a, g.community) || (active(g.community) && g.groupRole === 'lead'),
  /** Read a topic and its posts: readers of the community, and of the group for group topics. */
  'topic.read': (a: Actor, t: TopicAccess) => readsTopic(a, t),
  /** Start a topic: active members (experts included) and operators; in a group, its members and those who run the community. */
  'topic.create': (a: Actor, t: TopicAccess) => contributes(a, t),
  /** Reply: as for starting a topic, and the topic is not locked (moderators may still reply). */
  'topic.reply': (a: Actor, t: TopicAccess) => contributes(a, t) && (!t.locked || moderates(a, t.community)),
  /** Pin, lock, rename any topic, delete and restore any post. */
  'topic.moderate': (a: Actor, t: TopicAccess) => readsTopic(a, t) && moderates(a, t.community),
  /** Mark the solution: the topic's author (while a contributor) or a moderator. */
  'topic.markSolution': (a: Actor, t: TopicAccess) =>
    (t.isAuthor && contributes(a, t)) || (readsTopic(a, t) && moderates(a, t.community)),
  /** Edit or delete a post: its author (while a contributor) or a moderator. */
  'post.edit': (a: Actor, p: PostAccess) =>
    !p.deleted &&
    ((p.isAuthor && contributes(a, p.topic)) || (readsTopic(a, p.topic) && moderates(a, p.topic.community))),
  'post.delete': (a: Actor, p: PostAccess) =>
    !p.deleted &&
    ((p.isAuthor && contributes(a, p.topic)) || (readsTopic(a, p.topic) && moderates(a, p.topic.community))),
  'post.restore': (a: Actor, p: PostAccess) =>
    p.deleted && readsTopic(a, p.topic) && moderates(a, p.topic.community),
  /** React to a post. */
  'post.react': (a: Actor, p: PostAccess) => !p.deleted && contributes(a, p.topic),
} satisfies Record<string, (a: Actor, r: never) => boolean>;

export type Action = keyof typeof RULES;
type ResourceOf<A extends Action> = Parameters<(typeof RULES)[A]>[1];
type Args<A extends Action> = ResourceOf<A> extends undefined ? [] : [resource: ResourceOf<A>];

/** Whether the actor may perform the action (on the resource, where the action has one). */
export function can<A extends Action>(actor: Actor, action: A, ...args: Args<A>): boolean {
  const rule = RULES[action] as (a: Actor, r?: unknown) => boolean;
  return rule(actor, args[0]);
}

/** Throws `unauthenticated` for guests and `forbidden` for users when the actor may not. */
export function assertCan<A extends Action>(
  actor: Actor,
  action: A,
  ...args: Args<A>
): asserts actor is UserActor {
  if (can(actor, action, ...args)) return;
  if (!isUser(actor)) throw new AppError('unauthenticated', 'Sign in to continue');
  throw new AppError('forbidden', 'You are not allowed to do this');
}

/** Narrows to a signed-in actor or throws `unauthenticated`. */
export function requireUser(actor: Actor): UserActor {
  if (!isUser(actor)) throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
}

export const POLICY_ACTIONS = Object.keys(RULES) as Action[];
