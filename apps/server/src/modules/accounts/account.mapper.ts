import type { AdminUser, ApiToken, Locale, Me, SessionInfo } from '@discuss/contracts';
import { LOCALES } from '@discuss/contracts';
import type { ApiTokenRow, SessionRow, UserRow } from './account.repository.ts';

const asLocale = (v: string | null): Locale | null =>
  (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : null;

export const toMe = (u: UserRow): Me => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  locale: asLocale(u.locale),
  emailVerified: u.email_verified_at !== null,
  isOperator: u.is_operator === 1,
  createdAt: u.created_at,
});

export const toAdminUser = (u: UserRow): AdminUser => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  emailVerified: u.email_verified_at !== null,
  isOperator: u.is_operator === 1,
  suspendedAt: u.suspended_at,
  suspendedReason: u.suspended_reason,
  createdAt: u.created_at,
  lastSeenAt: u.last_seen_at,
});

export const toSessionInfo = (s: SessionRow, currentId: string | null): SessionInfo => ({
  id: s.id,
  userAgent: s.user_agent,
  createdAt: s.created_at,
  lastSeenAt: s.last_seen_at,
  expiresAt: s.expires_at,
  current: s.id === currentId,
});

export const toApiToken = (t: ApiTokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  expiresAt: t.expires_at,
});
