import { z } from 'zod';
import { LIMITS, LOCALES } from './limits.ts';

/** An opaque identifier. */
export const IdSchema = z.string().min(1).max(64);
export const IdParamsSchema = z.object({ id: IdSchema });

/** ISO-8601 UTC timestamp. */
export const TimestampSchema = z.string();

export const LocaleSchema = z.enum(LOCALES);

/** Normalised e-mail: trimmed and lower-cased. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'Enter a valid e-mail address' }));

export const PasswordSchema = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(LIMITS.displayNameMin)
  .max(LIMITS.displayNameMax)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, { message: 'Use letters, digits, spaces and punctuation' });

/** Cursor-based paging query. */
export const PageQuerySchema = z.object({
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

/** A plain acknowledgement. */
export const AcceptedResponseSchema = z.object({
  /** English sentence describing what happens next. */
  message: z.string(),
});
export type AcceptedResponse = z.infer<typeof AcceptedResponseSchema>;
