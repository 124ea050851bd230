import type { ErrorCode } from '@discuss/contracts';
import { ApiError, type ClientErrorCode } from '../api/client.ts';
import { currentLocale, type TFunction } from '../i18n/i18n.ts';
import { formatDuration } from './format.ts';

function retryAfter(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const value = (details as { retryAfter?: unknown }).retryAfter;
  return typeof value === 'number' && value > 0 ? value : null;
}

/** Password advice the server attached to `weak_password` (English only, so shown in English only). */
export function passwordSuggestions(error: unknown, language: string): string[] {
  if (!(error instanceof ApiError) || error.code !== 'weak_password' || !language.startsWith('en')) return [];
  const details = error.details as { suggestions?: unknown } | undefined;
  return Array.isArray(details?.suggestions)
    ? details.suggestions.filter((s): s is string => typeof s === 'string')
    : [];
}

/** One translated sentence for any failure; the web app switches on `code`, never on message text. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.code === 'rate_limited') {
    const seconds = retryAfter(error.details);
    if (seconds) return t('errors.rateLimitedFor', { duration: formatDuration(seconds, currentLocale()) });
  }
  const code: ErrorCode | ClientErrorCode = error.code;
  const key = `errors.codes.${code}` as const;
  return t(key, { defaultValue: t('errors.unexpected') });
}

export function isApiError(error: unknown, ...codes: (ErrorCode | ClientErrorCode)[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}
