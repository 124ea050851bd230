import type { ReactNode } from 'react';
import { errorMessage } from '../lib/error-message.ts';
import { Alert } from './ui/alert.tsx';
import { Button } from './ui/button.tsx';
import { useTranslation } from '../i18n/i18n.ts';

/** What `LoadMore` needs of a paged (infinite) query. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The foot of a paged list: anything given (e.g. "24 of 60 shown"), a "Load more" button while pages
 * remain, and the reason when loading the next page failed.
 */
export function LoadMore({
  pages,
  label,
  children,
}: {
  pages: PagedQuery;
  label?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      {children}
      {pages.hasNextPage && (
        <Button
          variant="secondary"
          pending={pages.isFetchingNextPage}
          pendingLabel={t('common.loading')}
          onClick={() => void pages.fetchNextPage()}
        >
          {label ?? t('common.loadMore')}
        </Button>
      )}
      {pages.isFetchNextPageError && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, pages.error)}</p>
        </Alert>
      )}
    </div>
  );
}
