import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { translateNow, type TFunction } from '../i18n/i18n.ts';
import { setupI18n } from '../test/render.tsx';
import { apiErrorToForm } from './form.ts';

let t: TFunction;
beforeAll(async () => {
  await setupI18n();
  t = translateNow;
});

const labels = { email: 'E-mail address', password: 'Password' };

describe('apiErrorToForm', () => {
  it('puts validation issues on their fields', () => {
    const error = new ApiError(400, 'validation_failed', 'Bad', [
      { path: 'body.email', code: 'invalid_format', message: 'Invalid email' },
    ]);
    expect(apiErrorToForm(error, t, labels)).toEqual({
      fields: { email: 'E-mail address is not in the right format' },
      form: null,
    });
  });

  it('keeps issues on unknown fields as a form message', () => {
    const error = new ApiError(400, 'validation_failed', 'Bad', [
      { path: 'body.other', code: 'custom', message: 'x' },
    ]);
    expect(apiErrorToForm(error, t, labels).form).toBe(
      'Some of the information is not valid. Check the form and try again.',
    );
  });

  it('routes listed codes to a field and others to the form', () => {
    const weak = new ApiError(400, 'weak_password', 'Weak', { suggestions: ['Add another word or two.'] });
    expect(apiErrorToForm(weak, t, labels, { weak_password: { field: 'password' } }).fields.password).toBe(
      'This password is too easy to guess. Choose a longer one, or a few unrelated words. Add another word or two.',
    );
    const limited = new ApiError(429, 'rate_limited', 'Slow down', { retryAfter: 120 });
    expect(apiErrorToForm(limited, t, labels).form).toBe('Too many attempts. Try again in 2 minutes.');
  });
});
