import { useStageHistory } from '../../api/communities.ts';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { formatDate } from '../../lib/format.ts';
import { LoadError } from '../../components/ui/load-error.tsx';

/** Every move between lifecycle stages, newest first, with who moved it and why. */
export function StageHistory({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const history = useStageHistory(slug);
  const locale = currentLocale();
  if (history.isPending) return <LoadingState />;
  if (history.isError) {
    return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (history.data.items.length === 0) return <p className="muted">{t('lifecycle.historyEmpty')}</p>;
  return (
    <ol className="timeline">
      {history.data.items.map((change) => (
        <li key={change.id} className="timeline__item">
          <p className="timeline__title">
            {change.from
              ? t('lifecycle.moved', {
                  from: t(`community.stage.${change.from}`),
                  to: t(`community.stage.${change.to}`),
                })
              : t('lifecycle.started', { to: t(`community.stage.${change.to}`) })}
          </p>
          <p className="timeline__meta">
            <time dateTime={change.createdAt}>{formatDate(change.createdAt, locale)}</time>
            {change.changedBy && <> · {t('lifecycle.by', { name: change.changedBy.displayName })}</>}
          </p>
          {change.note && <p className="timeline__note">{change.note}</p>}
        </li>
      ))}
    </ol>
  );
}
