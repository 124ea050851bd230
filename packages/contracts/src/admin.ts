import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { IdSchema, TimestampSchema } from './common.ts';

/** A user as an operator sees them. */
export const AdminUserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    emailVerified: z.boolean(),
    isOperator: z.boolean(),
    /** When the account was suspended, or null while active. */
    suspendedAt: TimestampSchema.nullable(),
    suspendedReason: z.string().nullable(),
    createdAt: TimestampSchema,
    lastSeenAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const AdminUserListQuerySchema = z.object({
  /** Matches the start of the e-mail or any word of the display name. */
  q: z.string().trim().max(LIMITS.searchQueryMax).optional(),
  status: z.enum(['all', 'active', 'suspended', 'unverified']).default('all'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type AdminUserListQuery = z.infer<typeof AdminUserListQuerySchema>;

export const AdminUserListResponseSchema = z.object({
  items: z.array(AdminUserSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Number of users matching the filter. */
  total: z.number().int(),
});
export type AdminUserListResponse = z.infer<typeof AdminUserListResponseSchema>;

export const AdminSuspendBodySchema = z.object({
  reason: z.string().trim().min(1).max(LIMITS.suspendReasonMax),
});
export type AdminSuspendBody = z.infer<typeof AdminSuspendBodySchema>;
