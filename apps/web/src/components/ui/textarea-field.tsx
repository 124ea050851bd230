import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame, useFieldAria, type FieldProps } from './field-frame.tsx';

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ id, label, hint, error, ...textarea }: TextAreaFieldProps) {
  const aria = useFieldAria(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={aria.hintId} errorId={aria.errorId}>
      <textarea className="input" rows={4} {...textarea} {...aria.control} />
    </FieldFrame>
  );
}
