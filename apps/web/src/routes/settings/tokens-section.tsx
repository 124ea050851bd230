import { LIMITS, type ApiToken, type ApiTokenCreateResponse } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useCreateToken, useRevokeToken, useTokens } from '../../api/account.ts';
import { Badge } from '../../components/ui/badge.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Card } from '../../components/ui/card.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { KeyIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDays } from '../../lib/format.ts';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../lib/form.ts';
import { NewTokenSecret } from './new-token-secret.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

type Field = 'name' | 'expiresInDays';
const IDS: Record<Field, string> = { name: 'token-name', expiresInDays: 'token-expiry' };
const EXPIRY_DAYS = [7, 30, 90, 365].filter((days) => days <= LIMITS.tokenMaxDays);

export function TokensSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('30');
  const [created, setCreated] = useState<ApiTokenCreateResponse | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [now] = useState(() => Date.now());
  const errors = useFormErrors<Field>();
  const locale = currentLocale();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    const fields = {
      name: !trimmed
        ? t('settings.tokens.nameRequired')
        : trimmed.length > LIMITS.tokenNameMax
          ? t('validation.tooLong', { max: LIMITS.tokenNameMax })
          : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    const days = Number(expiry);
    create.mutate(
      { name: trimmed, expiresInDays: days > 0 ? days : undefined },
      {
        onSuccess: (result) => {
          setCreated(result);
          setName('');
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(error, t, {
              name: t('settings.tokens.name'),
              expiresInDays: t('settings.tokens.expiry'),
            }),
          ),
      },
    );
  }

  function confirmRevoke(token: ApiToken) {
    revoke.mutate(token.id, {
      onSuccess: () => {
        setRevoking(null);
        toast(t('settings.tokens.revoked', { name: token.name }));
      },
      onError: (error) => toast(errorMessage(t, error), 'error'),
    });
  }

  const items = tokens.data?.items ?? [];

  return (
    <div className="stack">
      <Card title={t('settings.tokens.title')}>
        <p className="muted">{t('settings.tokens.explain')}</p>
        {created ? (
          <NewTokenSecret created={created} onDone={() => setCreated(null)} />
        ) : (
          <form className="form" noValidate onSubmit={submit}>
            <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
            <TextField
              id={IDS.name}
              label={t('settings.tokens.name')}
              hint={t('settings.tokens.nameHint')}
              autoComplete="off"
              maxLength={LIMITS.tokenNameMax}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={errors.fields.name}
            />
            <SelectField
              id={IDS.expiresInDays}
              label={t('settings.tokens.expiry')}
              width="short"
              value={expiry}
              onChange={(event) => setExpiry(event.target.value)}
              error={errors.fields.expiresInDays}
              options={[
                ...EXPIRY_DAYS.map((days) => ({ value: String(days), label: formatDays(days, locale) })),
                { value: '0', label: t('settings.tokens.noExpiry') },
              ]}
            />
            <div>
              <Button type="submit" pending={create.isPending} pendingLabel={t('settings.tokens.creating')}>
                {t('settings.tokens.create')}
              </Button>
            </div>
          </form>
        )}
      </Card>

      <Card title={t('settings.tokens.listTitle')}>
        {tokens.isPending ? (
          <LoadingState />
        ) : tokens.isError ? (
          <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={<KeyIcon />} title={t('settings.tokens.emptyTitle')}>
            {t('settings.tokens.emptyText')}
          </EmptyState>
        ) : (
          <ul className="list">
            {items.map((token) => {
              const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
              return (
                <li key={token.id} className="list__item">
                  <KeyIcon />
                  <div className="list__main">
                    <p className="list__title">
                      {token.name} <code>{token.prefix}…</code>
                      {expired && <Badge tone="danger">{t('settings.tokens.expired')}</Badge>}
                    </p>
                    <p className="list__meta">
                      {t('settings.tokens.createdOn', { date: formatDate(token.createdAt, locale) })}
                      {' · '}
                      {token.lastUsedAt
                        ? t('settings.tokens.lastUsed', { date: formatDate(token.lastUsedAt, locale) })
                        : t('settings.tokens.neverUsed')}
                      {' · '}
                      {token.expiresAt
                        ? t('settings.tokens.expiresOn', { date: formatDate(token.expiresAt, locale) })
                        : t('settings.tokens.neverExpires')}
                    </p>
                  </div>
                  <div className="list__actions">
                    <Button variant="danger-outline" onClick={() => setRevoking(token)}>
                      {t('settings.tokens.revoke')}
                      <span className="visually-hidden"> {token.name}</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('settings.tokens.confirmTitle')}
      >
        {revoking && (
          <>
            <p>{t('settings.tokens.confirmText', { name: revoking.name })}</p>
            <div className="button-row">
              <Button
                variant="danger"
                pending={revoke.isPending}
                pendingLabel={t('settings.tokens.revoking')}
                onClick={() => confirmRevoke(revoking)}
              >
                {t('settings.tokens.revoke')}
              </Button>
              <Button variant="secondary" onClick={() => setRevoking(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </div>
  );
}
