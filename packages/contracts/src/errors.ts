import { z } from 'zod';

/**
 * Every error code the API can return. The web app switches on these, never on message text.
 * Add new codes here; never rename a code that has shipped.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'route_not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
  'not_ready',
  // accounts
  'invalid_credentials',
  'email_not_verified',
  'account_suspended',
  'weak_password',
  'invalid_token',
  'token_expired',
  'email_taken',
  'setup_already_done',
  'cannot_suspend_self',
  'operator_required',
  // communities
  'slug_taken',
  'already_member',
  'not_member',
  'request_pending',
  'join_policy_mismatch',
  'last_facilitator',
  'community_archived',
  // uploads
  'unsupported_file_type',
  // discussions
  'topic_locked',
  'poll_closed',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One failing field of a validation error. */
export const ValidationIssueSchema = z.object({
  /** Dotted path of the failing field, e.g. `body.email`. */
  path: z.string(),
  /** Machine-readable reason (zod issue code). */
  code: z.string(),
  /** Human-readable English explanation. */
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/** The one shape of every error response. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      /** Stable machine-readable code. */
      code: ErrorCodeSchema,
      /** Human-readable English message; never shown for logic. */
      message: z.string(),
      /** Extra data: the failing fields of a validation error, `retryAfter` seconds of a rate limit. */
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
