import { useId, type ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';
import { useTranslation } from '../../i18n/i18n.ts';

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** Ids and ARIA attributes that tie a control to its hint and error. */
export function useFieldAria(id: string, hint: ReactNode, error: string | undefined) {
  const base = useId();
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return {
    hintId,
    errorId,
    control: { id, 'aria-describedby': describedBy, 'aria-invalid': error ? (true as const) : undefined },
  };
}

/** Label above, then hint, then error, then the control (GOV.UK order). */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  hintId,
  errorId,
  children,
}: FieldProps & { hintId?: string | undefined; errorId?: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={cx('field', error && 'field--error')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
