/** Shared limits: forms and server read the same numbers. */
export const LIMITS = {
  emailMax: 254,
  displayNameMin: 2,
  displayNameMax: 80,
  passwordMin: 10,
  passwordMax: 200,
  tokenNameMax: 80,
  tokenMaxDays: 365,
  suspendReasonMax: 500,
  searchQueryMax: 200,
  pageSizeDefault: 25,
  pageSizeMax: 100,
  /** Largest JSON body the API accepts, in bytes. */
  bodyMaxBytes: 1_048_576,
} as const;

/** Languages the interface ships in; the first is the default. */
export const LOCALES = ['en', 'fr', 'de', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Limits of communities, areas and working groups. */
export const COMMUNITY_LIMITS = {
  nameMin: 3,
  nameMax: 100,
  slugMin: 3,
  slugMax: 60,
  shortDescriptionMax: 280,
  descriptionMax: 20_000,
  motivationMax: 1_000,
  noteMax: 500,
  invitationMessageMax: 1_000,
  invitationsPerRequest: 50,
  invitationMaxDays: 90,
  expertMaxDays: 365,
  languagesMax: 24,
} as const;

/** Uploads: size limit and the image types accepted (detected from the content, never from the name). */
export const UPLOAD_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  imageTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
} as const;

/** Limits of discussions. */
export const DISCUSSION_LIMITS = {
  titleMin: 5,
  titleMax: 200,
  bodyMax: 50_000,
  postsPageSize: 50,
  topicsPageSize: 30,
} as const;
