import type { InputHTMLAttributes } from 'react';
import { cx } from '../../lib/cx.ts';
import { FieldFrame, useFieldAria, type FieldProps } from './field-frame.tsx';

type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
    width?: 'full' | 'short';
  };

/** A text input with a visible label, an optional hint and an inline error. */
export function TextField({ id, label, hint, error, width = 'full', className, ...input }: TextFieldProps) {
  const aria = useFieldAria(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={aria.hintId} errorId={aria.errorId}>
      <input
        type="text"
        className={cx('input', width === 'short' && 'input--short', className)}
        {...input}
        {...aria.control}
      />
    </FieldFrame>
  );
}
