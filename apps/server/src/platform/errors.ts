import type { ErrorCode } from '@discuss/contracts';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
  invalid_credentials: 401,
  email_not_verified: 403,
  account_suspended: 403,
  weak_password: 400,
  invalid_token: 400,
  token_expired: 400,
  email_taken: 409,
  setup_already_done: 409,
  cannot_suspend_self: 400,
  operator_required: 403,
  slug_taken: 409,
  already_member: 409,
  not_member: 403,
  request_pending: 409,
  join_policy_mismatch: 409,
  last_facilitator: 409,
  community_archived: 409,
  unsupported_file_type: 415,
  topic_locked: 409,
  poll_closed: 409,
};

/** An expected failure with a stable code; the error handler turns it into the one error shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export const statusOf = (code: ErrorCode): number => STATUS[code];

export const notFound = (what = 'Resource'): AppError => new AppError('not_found', `${what} not found`);
