import { useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

/** Something could not be loaded: what went wrong, in words, and a button to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error" live="alert">
      <p>{errorMessage(t, error)}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
