import { Link } from 'react-router';
import { Page, PageHeader } from '../components/page.tsx';
import { buttonClass } from '../components/ui/button.tsx';
import { useTranslation } from '../i18n/i18n.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader title={t('notFound.title')} lead={t('notFound.text')} />
      <Link className={buttonClass('primary')} to="/">
        {t('common.goHome')}
      </Link>
    </Page>
  );
}
