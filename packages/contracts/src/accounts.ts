import { z } from 'zod';
import { LIMITS } from './limits.ts';
import {
  DisplayNameSchema,
  EmailSchema,
  IdSchema,
  LocaleSchema,
  PasswordSchema,
  TimestampSchema,
} from './common.ts';

/** The signed-in person, as they see themselves. */
export const MeSchema = z
  .object({
    id: IdSchema,
    /** Own e-mail address (only ever shown to its owner and operators). */
    email: z.string(),
    /** Name shown to others. */
    displayName: z.string(),
    /** Preferred interface language, when chosen. */
    locale: LocaleSchema.nullable(),
    /** Whether the e-mail address has been verified. */
    emailVerified: z.boolean(),
    /** Platform operator (administrator). */
    isOperator: z.boolean(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/** Who is signed in, and what the browser needs to make writes. */
export const AuthSessionResponseSchema = z
  .object({
    /** The signed-in person, or null for a guest. */
    user: MeSchema.nullable(),
    /** Send as `X-CSRF-Token` on every state-changing request made with the session cookie. */
    csrfToken: z.string().nullable(),
    /** True while the platform has no operator: the web app shows the setup screen. */
    setupRequired: z.boolean(),
  })
  .meta({ id: 'AuthSession' });
export type AuthSessionResponse = z.infer<typeof AuthSessionResponseSchema>;

export const AuthSignUpBodySchema = z.object({
  email: EmailSchema,
  /** At least 10 characters, not a common or guessable password. */
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  /** Language for the verification e-mail and the interface. */
  locale: LocaleSchema.optional(),
});
export type AuthSignUpBody = z.infer<typeof AuthSignUpBodySchema>;

export const AuthSignInBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type AuthSignInBody = z.infer<typeof AuthSignInBodySchema>;

/** A one-time token from an e-mailed link. */
export const AuthTokenBodySchema = z.object({
  token: z.string().min(16).max(200),
});
export type AuthTokenBody = z.infer<typeof AuthTokenBodySchema>;

export const AuthEmailBodySchema = z.object({
  email: EmailSchema,
  locale: LocaleSchema.optional(),
});
export type AuthEmailBody = z.infer<typeof AuthEmailBodySchema>;

export const AuthResetPasswordBodySchema = z.object({
  token: z.string().min(16).max(200),
  password: PasswordSchema,
});
export type AuthResetPasswordBody = z.infer<typeof AuthResetPasswordBodySchema>;

export const MeUpdateBodySchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    locale: LocaleSchema.nullable().optional(),
  })
  .strict();
export type MeUpdateBody = z.infer<typeof MeUpdateBodySchema>;

export const MePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: PasswordSchema,
});
export type MePasswordBody = z.infer<typeof MePasswordBodySchema>;

export const MeEmailBodySchema = z.object({
  newEmail: EmailSchema,
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
});
export type MeEmailBody = z.infer<typeof MeEmailBodySchema>;

/** One signed-in browser or device. */
export const SessionInfoSchema = z
  .object({
    id: IdSchema,
    /** Browser's user agent when signing in. */
    userAgent: z.string().nullable(),
    createdAt: TimestampSchema,
    lastSeenAt: TimestampSchema,
    expiresAt: TimestampSchema,
    /** The session making this request. */
    current: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SessionListResponseSchema = z.object({ items: z.array(SessionInfoSchema) });
export type SessionListResponse = z.infer<typeof SessionListResponseSchema>;

/** A personal API token (its secret is shown only once, at creation). */
export const ApiTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    /** First characters of the secret, to recognise it. */
    prefix: z.string(),
    createdAt: TimestampSchema,
    lastUsedAt: TimestampSchema.nullable(),
    expiresAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListResponseSchema = z.object({ items: z.array(ApiTokenSchema) });
export type ApiTokenListResponse = z.infer<typeof ApiTokenListResponseSchema>;

export const ApiTokenCreateBodySchema = z.object({
  name: z.string().trim().min(1).max(LIMITS.tokenNameMax),
  /** Days until it expires; omitted means it never expires. */
  expiresInDays: z.number().int().min(1).max(LIMITS.tokenMaxDays).optional(),
});
export type ApiTokenCreateBody = z.infer<typeof ApiTokenCreateBodySchema>;

export const ApiTokenCreateResponseSchema = z.object({
  token: ApiTokenSchema,
  /** The secret: send as `Authorization: Bearer <secret>`. Shown only this once. */
  secret: z.string(),
});
export type ApiTokenCreateResponse = z.infer<typeof ApiTokenCreateResponseSchema>;

export const SetupStatusResponseSchema = z.object({
  /** True while no operator exists. */
  setupRequired: z.boolean(),
});
export type SetupStatusResponse = z.infer<typeof SetupStatusResponseSchema>;

export const SetupBodySchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  locale: LocaleSchema.optional(),
});
export type SetupBody = z.infer<typeof SetupBodySchema>;
