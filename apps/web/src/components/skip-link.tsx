import type { MouseEvent } from 'react';
import { useTranslation } from '../i18n/i18n.ts';

/** First focusable element: jumps past the header to the page content. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation();
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // Move focus ourselves: a hash change would count as a navigation for the router.
    event.preventDefault();
    document.getElementById(target)?.focus();
  }
  return (
    <a className="skip-link" href={`#${target}`} onClick={onClick}>
      {t('common.skipToContent')}
    </a>
  );
}
