import { z } from 'zod';
import {
  ApiTokenCreateBodySchema,
  ApiTokenCreateResponseSchema,
  ApiTokenListResponseSchema,
  AuthEmailBodySchema,
  AuthResetPasswordBodySchema,
  AuthSessionResponseSchema,
  AuthSignInBodySchema,
  AuthSignUpBodySchema,
  AuthTokenBodySchema,
  MeEmailBodySchema,
  MePasswordBodySchema,
  MeSchema,
  MeUpdateBodySchema,
  SessionListResponseSchema,
  SetupBodySchema,
  SetupStatusResponseSchema,
} from './accounts.ts';
import {
  AdminSuspendBodySchema,
  AdminUserListQuerySchema,
  AdminUserListResponseSchema,
  AdminUserSchema,
} from './admin.ts';
import { AcceptedResponseSchema, IdParamsSchema } from './common.ts';
import { HealthResponseSchema, ReadyResponseSchema } from './health.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One API operation: the server registers it, the web client calls it. */
export interface Endpoint {
  method: HttpMethod;
  /** Fastify-style path; `:name` marks a parameter. */
  path: string;
  /** Status of a successful response. */
  status: 200 | 201 | 202 | 204;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success body; absent for 204. */
  response?: z.ZodType;
  summary: string;
  tag: string;
}

const ep = <const E extends Endpoint>(e: E): E => e;

/** Every operation of the public API. */
export const API = {
  health: ep({
    method: 'GET',
    path: '/api/health',
    status: 200,
    response: HealthResponseSchema,
    summary: 'Liveness: the process answers',
    tag: 'platform',
  }),
  ready: ep({
    method: 'GET',
    path: '/api/ready',
    status: 200,
    response: ReadyResponseSchema,
    summary: 'Readiness: database reachable and migrations applied (503 when not)',
    tag: 'platform',
  }),

  session: ep({
    method: 'GET',
    path: '/api/auth/session',
    status: 200,
    response: AuthSessionResponseSchema,
    summary: 'Who is signed in, the CSRF token, whether setup is needed',
    tag: 'auth',
  }),
  signUp: ep({
    method: 'POST',
    path: '/api/auth/sign-up',
    status: 202,
    body: AuthSignUpBodySchema,
    response: AcceptedResponseSchema,
    summary: 'Create an account; a verification link is e-mailed',
    tag: 'auth',
  }),
  verifyEmail: ep({
    method: 'POST',
    path: '/api/auth/verify-email',
    status: 200,
    body: AuthTokenBodySchema,
    response: AuthSessionResponseSchema,
    summary: 'Verify the e-mail address with the link token and sign in',
    tag: 'auth',
  }),
  resendVerification: ep({
    method: 'POST',
    path: '/api/auth/resend-verification',
    status: 202,
    body: AuthEmailBodySchema,
    response: AcceptedResponseSchema,
    summary: 'Send the verification link again',
    tag: 'auth',
  }),
  signIn: ep({
    method: 'POST',
    path: '/api/auth/sign-in',
    status: 200,
    body: AuthSignInBodySchema,
    response: AuthSessionResponseSchema,
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tag: 'auth',
  }),
  signOut: ep({
    method: 'POST',
    path: '/api/auth/sign-out',
    status: 204,
    summary: 'End the current session',
    tag: 'auth',
  }),
  forgotPassword: ep({
    method: 'POST',
    path: '/api/auth/forgot-password',
    status: 202,
    body: AuthEmailBodySchema,
    response: AcceptedResponseSchema,
    summary: 'E-mail a one-time password reset link',
    tag: 'auth',
  }),
  resetPassword: ep({
    method: 'POST',
    path: '/api/auth/reset-password',
    status: 200,
    body: AuthResetPasswordBodySchema,
    response: AuthSessionResponseSchema,
    summary: 'Set a new password with the reset token; ends every other session',
    tag: 'auth',
  }),
  confirmEmailChange: ep({
    method: 'POST',
    path: '/api/auth/confirm-email-change',
    status: 200,
    body: AuthTokenBodySchema,
    response: MeSchema,
    summary: 'Confirm a new e-mail address with the link token',
    tag: 'auth',
  }),

  setupStatus: ep({
    method: 'GET',
    path: '/api/setup',
    status: 200,
    response: SetupStatusResponseSchema,
    summary: 'Whether the platform still needs its first operator',
    tag: 'setup',
  }),
  setup: ep({
    method: 'POST',
    path: '/api/setup',
    status: 201,
    body: SetupBodySchema,
    response: AuthSessionResponseSchema,
    summary: 'Create the first operator account (only while none exists)',
    tag: 'setup',
  }),

  me: ep({
    method: 'GET',
    path: '/api/me',
    status: 200,
    response: MeSchema,
    summary: 'The signed-in account',
    tag: 'account',
  }),
  updateMe: ep({
    method: 'PATCH',
    path: '/api/me',
    status: 200,
    body: MeUpdateBodySchema,
    response: MeSchema,
    summary: 'Change display name or language',
    tag: 'account',
  }),
  changePassword: ep({
    method: 'POST',
    path: '/api/me/password',
    status: 204,
    body: MePasswordBodySchema,
    summary: 'Change the password; ends every other session and token-less login',
    tag: 'account',
  }),
  changeEmail: ep({
    method: 'POST',
    path: '/api/me/email',
    status: 202,
    body: MeEmailBodySchema,
    response: AcceptedResponseSchema,
    summary: 'Request an e-mail change; a confirmation link goes to the new address',
    tag: 'account',
  }),
  listSessions: ep({
    method: 'GET',
    path: '/api/me/sessions',
    status: 200,
    response: SessionListResponseSchema,
    summary: 'Own signed-in sessions',
    tag: 'account',
  }),
  revokeSession: ep({
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    status: 204,
    params: IdParamsSchema,
    summary: 'Sign out one of own sessions',
    tag: 'account',
  }),
  listTokens: ep({
    method: 'GET',
    path: '/api/me/tokens',
    status: 200,
    response: ApiTokenListResponseSchema,
    summary: 'Own personal API tokens',
    tag: 'account',
  }),
  createToken: ep({
    method: 'POST',
    path: '/api/me/tokens',
    status: 201,
    body: ApiTokenCreateBodySchema,
    response: ApiTokenCreateResponseSchema,
    summary: 'Create a personal API token',
    tag: 'account',
  }),
  revokeToken: ep({
    method: 'DELETE',
    path: '/api/me/tokens/:id',
    status: 204,
    params: IdParamsSchema,
    summary: 'Revoke a personal API token',
    tag: 'account',
  }),

  adminListUsers: ep({
    method: 'GET',
    path: '/api/admin/users',
    status: 200,
    query: AdminUserListQuerySchema,
    response: AdminUserListResponseSchema,
    summary: 'List users (operators only)',
    tag: 'admin',
  }),
  adminSuspendUser: ep({
    method: 'POST',
    path: '/api/admin/users/:id/suspend',
    status: 200,
    params: IdParamsSchema,
    body: AdminSuspendBodySchema,
    response: AdminUserSchema,
    summary: 'Suspend a user: ends their sessions and tokens at once (operators only)',
    tag: 'admin',
  }),
  adminReinstateUser: ep({
    method: 'POST',
    path: '/api/admin/users/:id/reinstate',
    status: 200,
    params: IdParamsSchema,
    response: AdminUserSchema,
    summary: 'Reinstate a suspended user (operators only)',
    tag: 'admin',
  }),
} as const satisfies Record<string, Endpoint>;

export type ApiName = keyof typeof API;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
/** Success body type of an operation. */
export type ApiResponse<N extends ApiName> = Out<
  (typeof API)[N] extends { response: infer R } ? R : undefined
>;
/** Request body type of an operation. */
export type ApiBody<N extends ApiName> = In<(typeof API)[N] extends { body: infer B } ? B : undefined>;
/** Query type of an operation. */
export type ApiQuery<N extends ApiName> = In<(typeof API)[N] extends { query: infer Q } ? Q : undefined>;
/** Path parameter type of an operation. */
export type ApiParams<N extends ApiName> = In<(typeof API)[N] extends { params: infer P } ? P : undefined>;
