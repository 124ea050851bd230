import type { ReactNode } from 'react';
import { cx } from '../lib/cx.ts';
import { LoadingState } from './ui/spinner.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

/** Content column of a page; `narrow` for forms. */
export function Page({ narrow, children }: { narrow?: boolean; children: ReactNode }) {
  return <div className={cx('container page', narrow && 'page--narrow')}>{children}</div>;
}

interface PageHeaderProps {
  title: string;
  lead?: ReactNode;
  /** Tab title when it should differ from the heading. */
  documentTitle?: string;
}

/**
 * The page's one <h1> (focused after each navigation, see RootLayout) and the tab title.
 */
export function PageHeader({ title, lead, documentTitle }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <div className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {lead && <p className="page-header__lead">{lead}</p>}
    </div>
  );
}

/** A whole page while its data loads: the page's heading (so the tab and focus are right) and a spinner. */
export function LoadingPage({ title, narrow }: { title: string; narrow?: boolean }) {
  return (
    <Page narrow={narrow}>
      <PageHeader title={title} />
      <LoadingState />
    </Page>
  );
}
