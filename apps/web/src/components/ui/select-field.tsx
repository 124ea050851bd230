import type { SelectHTMLAttributes } from 'react';
import { cx } from '../../lib/cx.ts';
import { FieldFrame, useFieldAria, type FieldProps } from './field-frame.tsx';

type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: readonly { value: string; label: string; lang?: string }[];
    /** full: the whole column; short: about 12 characters; auto: as wide as the longest option. */
    width?: 'full' | 'short' | 'auto';
  };

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  width = 'full',
  ...select
}: SelectFieldProps) {
  const aria = useFieldAria(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={aria.hintId} errorId={aria.errorId}>
      <select className={cx('input', width !== 'full' && `input--${width}`)} {...select} {...aria.control}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
