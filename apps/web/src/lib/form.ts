import { LIMITS, type ErrorCode } from '@discuss/contracts';
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { currentLocale, type TFunction } from '../i18n/i18n.ts';
import { errorMessage, passwordSuggestions } from './error-message.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  form: string | null;
  /** Grows with every failed submit, so the error summary takes focus again. */
  attempt: number;
}

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}

/** Field and form errors of one form, plus `show` (after a failed submit) and `clear`. */
export function useFormErrors<F extends string>() {
  const [state, setState] = useState<FormErrors<F>>({ fields: {}, form: null, attempt: 0 });
  const show = useCallback((next: { fields?: FieldErrors<F>; form?: string | null }) => {
    setState((prev) => ({ fields: next.fields ?? {}, form: next.form ?? null, attempt: prev.attempt + 1 }));
  }, []);
  const clear = useCallback(() => setState((prev) => ({ ...prev, fields: {}, form: null })), []);
  return { ...state, show, clear };
}

interface Issue {
  path: string;
  code: string;
}

function isIssue(value: unknown): value is Issue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Issue).path === 'string' &&
    typeof (value as Issue).code === 'string'
  );
}

function issueMessage(t: TFunction, code: string, field: string): string {
  switch (code) {
    case 'too_small':
      return t('validation.server.tooShort', { field });
    case 'too_big':
      return t('validation.server.tooLong', { field });
    case 'invalid_format':
    case 'invalid_string':
      return t('validation.server.format', { field });
    case 'invalid_type':
      return t('validation.server.required', { field });
    default:
      return t('validation.server.invalid', { field });
  }
}

/** How a specific error code shows on a form: on a field, optionally with its own message. */
export type CodeFields<F extends string> = Partial<Record<ErrorCode, { field: F; message?: string }>>;

/**
 * Turn an API failure into form feedback: `validation_failed` details (`body.email`) land on their fields,
 * listed codes land on their field, anything else becomes one translated form message.
 */
export function apiErrorToForm<F extends string>(
  error: unknown,
  t: TFunction,
  labels: Record<F, string>,
  codeFields: CodeFields<NoInfer<F>> = {},
): { fields: FieldErrors<F>; form: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, form: errorMessage(t, error) };
  const target = error.code in codeFields ? codeFields[error.code as ErrorCode] : undefined;
  if (target) {
    const suggestions = passwordSuggestions(error, currentLocale());
    const message = target.message ?? [errorMessage(t, error), ...suggestions].join(' ');
    return { fields: { [target.field]: message } as FieldErrors<F>, form: null };
  }
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    const fields: FieldErrors<F> = {};
    let unplaced = false;
    for (const issue of error.details) {
      if (!isIssue(issue)) continue;
      const name = issue.path.replace(/^(body|query|params)\./, '').split('.')[0] ?? '';
      if (Object.hasOwn(labels, name)) {
        const field = name as F;
        fields[field] ??= issueMessage(t, issue.code, labels[field]);
      } else {
        unplaced = true;
      }
    }
    return { fields, form: unplaced || !hasErrors(fields) ? errorMessage(t, error) : null };
  }
  return { fields: {}, form: errorMessage(t, error) };
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(t: TFunction, value: string): string | undefined {
  const email = value.trim();
  if (!email) return t('validation.emailRequired');
  if (email.length > LIMITS.emailMax) return t('validation.emailTooLong', { max: LIMITS.emailMax });
  if (!EMAIL_SHAPE.test(email)) return t('validation.emailFormat');
  return undefined;
}

export function checkNewPassword(t: TFunction, value: string): string | undefined {
  if (!value) return t('validation.newPasswordRequired');
  if (value.length < LIMITS.passwordMin) return t('validation.passwordTooShort', { min: LIMITS.passwordMin });
  if (value.length > LIMITS.passwordMax) return t('validation.passwordTooLong', { max: LIMITS.passwordMax });
  return undefined;
}

export function checkPassword(t: TFunction, value: string): string | undefined {
  return value ? undefined : t('validation.passwordRequired');
}

// Control and format characters (the server refuses them in names).
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export function checkDisplayName(t: TFunction, value: string): string | undefined {
  const name = value.trim();
  if (!name) return t('validation.displayNameRequired');
  if (name.length < LIMITS.displayNameMin)
    return t('validation.displayNameTooShort', { min: LIMITS.displayNameMin });
  if (name.length > LIMITS.displayNameMax)
    return t('validation.displayNameTooLong', { max: LIMITS.displayNameMax });
  if (CONTROL.test(name)) return t('validation.displayNameCharacters');
  return undefined;
}
