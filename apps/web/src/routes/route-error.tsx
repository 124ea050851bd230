import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Page, PageHeader } from '../components/page.tsx';
import { Alert } from '../components/ui/alert.tsx';
import { Button, buttonClass } from '../components/ui/button.tsx';
import { useTranslation } from '../i18n/i18n.ts';

/** A page chunk that fails to load usually means a new version was deployed: a reload fixes it. */
function isChunkError(error: unknown): boolean {
  return (
    error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message)
  );
}

/** Shown in place of a page that crashed; the header stays so people can go elsewhere. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const stale = isChunkError(error);
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page>
        <PageHeader title={t('notFound.title')} lead={t('notFound.text')} />
      </Page>
    );
  }
  return (
    <Page narrow>
      <PageHeader title={stale ? t('routeError.staleTitle') : t('routeError.title')} />
      <Alert tone="error" live="alert">
        <p>{stale ? t('routeError.staleText') : t('routeError.text')}</p>
      </Alert>
      <div className="button-row section-gap">
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
        <Link className={buttonClass('secondary')} to="/">
          {t('common.goHome')}
        </Link>
      </div>
    </Page>
  );
}
