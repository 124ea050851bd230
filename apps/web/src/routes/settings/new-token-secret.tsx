import type { ApiTokenCreateResponse } from '@discuss/contracts';
import { useRef } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { CopyIcon } from '../../components/ui/icons.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

/** The new token's secret, shown once, with a copy button and a clear warning. */
export function NewTokenSecret({ created, onDone }: { created: ApiTokenCreateResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const inputRef = useRef<HTMLTextAreaElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      toast(t('common.copied'));
    } catch {
      // No clipboard access (e.g. plain http): select the text so Ctrl+C works.
      inputRef.current?.select();
      toast(t('settings.tokens.copyManually'), 'info');
    }
  }

  return (
    <div className="stack">
      <Alert
        tone="warning"
        live="alert"
        title={t('settings.tokens.secretTitle', { name: created.token.name })}
      >
        <p>{t('settings.tokens.secretWarning')}</p>
      </Alert>
      <div className="field">
        <label className="field__label" htmlFor="token-secret">
          {t('settings.tokens.secretLabel')}
        </label>
        <div className="input-group">
          <textarea
            ref={inputRef}
            id="token-secret"
            className="input input--mono secret"
            rows={2}
            readOnly
            spellCheck={false}
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
          />
          <Button variant="secondary" onClick={() => void copy()}>
            <CopyIcon />
            {t('common.copy')}
          </Button>
        </div>
      </div>
      <div>
        <Button onClick={onDone}>{t('settings.tokens.done')}</Button>
      </div>
    </div>
  );
}
