import { useTranslation } from '../../i18n/i18n.ts';

export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A polite "Loading…" line for content that is on its way. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
