import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';
import { Spinner } from './spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'quiet';

/** Classes of a button, also for links that look like one. */
export function buttonClass(variant: ButtonVariant = 'primary', block = false): string {
  return cx('btn', `btn--${variant}`, block && 'btn--block');
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  block?: boolean;
  /** Disables the button and shows a spinner while an operation runs. */
  pending?: boolean;
  /** Text shown while pending, e.g. "Signing in…". */
  pendingLabel?: ReactNode;
}

export function Button({
  variant = 'primary',
  block = false,
  pending = false,
  pendingLabel,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(buttonClass(variant, block), className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending && <Spinner />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
