import type { ReactNode, Ref } from 'react';
import { cx } from '../../lib/cx.ts';
import { CheckIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons.tsx';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const ICONS = { info: InfoIcon, success: CheckIcon, warning: WarningIcon, error: ErrorIcon };

interface AlertProps {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** `alert` interrupts (errors just happened); `status` waits; none for static notices. */
  live?: 'alert' | 'status';
  className?: string;
  ref?: Ref<HTMLDivElement>;
}

/** A notice with an icon and a title: the words carry the meaning, the colour only supports it. */
export function Alert({ tone, title, children, live, className, ref }: AlertProps) {
  const Icon = ICONS[tone];
  return (
    <div ref={ref} className={cx('alert', `alert--${tone}`, className)} role={live} tabIndex={-1}>
      <Icon />
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
