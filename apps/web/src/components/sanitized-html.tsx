import { cx } from '../lib/cx.ts';

interface SanitizedHtmlProps {
  /**
   * HTML that the SERVER rendered from Markdown and sanitised with an allow-list (SECURITY.md rule 5), such as
   * a community's `descriptionHtml`. Never pass text typed in the browser or HTML built on the client.
   */
  html: string;
  className?: string;
}

/**
 * The one component that renders HTML (SECURITY.md rule 5): nothing else in the web app may use
 * dangerouslySetInnerHTML (`no-raw-html.test.ts` checks it). Safe because the server sanitises the HTML last,
 * after every Markdown transform, and the CSP forbids inline scripts and handlers even if something slipped
 * through.
 */
export function SanitizedHtml({ html, className }: SanitizedHtmlProps) {
  // eslint-disable-next-line no-restricted-syntax -- the one allowed place (see above)
  return <div className={cx('prose rich-text', className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
