import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCommunityContext } from './community-context.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** `/c/:slug/<something unknown>`: the community exists, the section does not. */
export function SectionNotFound() {
  const { t } = useTranslation();
  const { community } = useCommunityContext();
  useDocumentTitle(`${t('notFound.title')} – ${community.name}`);
  return (
    <EmptyState
      headingLevel={2}
      title={t('notFound.title')}
      action={
        <Link className={buttonClass('secondary')} to={`/c/${community.slug}`}>
          {t('community.backToOverview')}
        </Link>
      }
    >
      {t('notFound.text')}
    </EmptyState>
  );
}
