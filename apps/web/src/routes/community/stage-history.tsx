import { useStageHistory } from '../../api/communities.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';

/** Every move between lifecycle stages, newest first, with who moved it and why. */
export function StageHistory({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const history = useStageHistory(slug);
  const locale = currentLocale();
  if (history.isPending) return <LoadingState />;
  if (history.isError) {
    return (
      <Alert tone="error" live="alert">
        <p>{errorMessage(t, history.error)}</p>
        <Button variant="secondary" onClick={() => void history.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
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
