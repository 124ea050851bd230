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

const isUser = (a: Actor): a is UserActor => a.kind === 'user';
const isOperator = (a: Actor): boolean => isUser(a) && a.isOperator;

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
