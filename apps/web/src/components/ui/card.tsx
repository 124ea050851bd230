import { useId, type ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';

interface CardProps {
  title?: ReactNode;
  /** Heading level of the title, to keep the page outline right. */
  level?: 2 | 3;
  children: ReactNode;
  className?: string;
}

export function Card({ title, level = 2, children, className }: CardProps) {
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('card', className)} aria-labelledby={title ? titleId : undefined}>
      {title && (
        <Heading className="card__title" id={titleId}>
          {title}
        </Heading>
      )}
      {children}
    </section>
  );
}
