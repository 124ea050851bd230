import { COMMUNITY_LIMITS, type Community, type MembershipRequest } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useDecideRequest, useRequests, type RequestStatus } from '../../../api/members.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { InboxIcon } from '../../../components/ui/icons.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { LoadingState } from '../../../components/ui/spinner.tsx';
import { TextAreaField } from '../../../components/ui/textarea-field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../../i18n/i18n.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatDate } from '../../../lib/format.ts';
import { LoadError } from '../../../components/ui/load-error.tsx';

const STATUSES = [
  'pending',
  'approved',
  'declined',
  'withdrawn',
  'all',
] as const satisfies readonly RequestStatus[];
const TONES: Record<MembershipRequest['status'], BadgeTone> = {
  pending: 'warning',
  approved: 'success',
  declined: 'danger',
  withdrawn: 'neutral',
};

/**
 * Requests to join, by status and page by page: read the motivation, approve or decline (the person gets
 * an e-mail either way).
 */
export function RequestsSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RequestStatus>('pending');
  const requests = useRequests(community.slug, status);
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const [deciding, setDeciding] = useState<{ request: MembershipRequest; approve: boolean } | null>(null);
  const locale = currentLocale();

  return (
    <Card title={t('communitySettings.requests.title')}>
      <p className="muted">{t('communitySettings.requests.explain')}</p>
      <SelectField
        id="request-status"
        label={t('communitySettings.requests.show')}
        width="auto"
        value={status}
        onChange={(event) => setStatus(STATUSES.find((s) => s === event.target.value) ?? 'pending')}
        options={STATUSES.map((value) => ({ value, label: t(`communitySettings.requests.status.${value}`) }))}
      />
      <div className="section-gap">
        {requests.isPending ? (
          <LoadingState />
        ) : requests.isError ? (
          <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title={t('communitySettings.requests.emptyTitle')}>
            {status === 'pending'
              ? community.joinPolicy === 'request'
                ? t('communitySettings.requests.emptyPending')
                : t('communitySettings.requests.emptyNotOnRequest')
              : t('communitySettings.requests.emptyOther')}
          </EmptyState>
        ) : (
          <>
            <ul className="list">
              {items.map((request) => {
                const name = request.user.displayName;
                return (
                  <li key={request.id} className="list__item request-item">
                    <div className="list__main member-summary">
                      <Avatar name={name} />
                      <div>
                        <p className="list__title">
                          {name}
                          <Badge tone={TONES[request.status]}>
                            {t(`communitySettings.requests.badge.${request.status}`)}
                          </Badge>
                        </p>
                        <p className="list__meta">
                          {t('communitySettings.requests.asked', {
                            date: formatDate(request.createdAt, locale),
                          })}
                          {request.decidedAt && (
                            <>
                              {' '}
                              ·{' '}
                              {t('communitySettings.requests.decided', {
                                date: formatDate(request.decidedAt, locale),
                              })}
                            </>
                          )}
                        </p>
                        <blockquote className="quote">
                          <p className="visually-hidden">{t('communitySettings.requests.motivation')}:</p>
                          <p>{request.motivation}</p>
                        </blockquote>
                        {request.decisionNote && (
                          <p className="list__meta">
                            {t('communitySettings.requests.note', { note: request.decisionNote })}
                          </p>
                        )}
                      </div>
                    </div>
                    {request.status === 'pending' && (
                      <div className="list__actions">
                        <Button onClick={() => setDeciding({ request, approve: true })}>
                          {t('communitySettings.requests.approve')}
                          <span className="visually-hidden"> {name}</span>
                        </Button>
                        <Button
                          variant="danger-outline"
                          onClick={() => setDeciding({ request, approve: false })}
                        >
                          {t('communitySettings.requests.decline')}
                          <span className="visually-hidden"> {name}</span>
                        </Button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
            <LoadMore pages={requests} />
          </>
        )}
      </div>
      <Dialog
        open={deciding !== null}
        onClose={() => setDeciding(null)}
        title={
          deciding?.approve
            ? t('communitySettings.requests.approveTitle', { name: deciding.request.user.displayName })
            : t('communitySettings.requests.declineTitle', { name: deciding?.request.user.displayName ?? '' })
        }
      >
        {deciding && (
          <DecisionForm
            key={`${deciding.request.id}-${deciding.approve}`}
            slug={community.slug}
            request={deciding.request}
            approve={deciding.approve}
            onClose={() => setDeciding(null)}
          />
        )}
      </Dialog>
    </Card>
  );
}

interface DecisionFormProps {
  slug: string;
  request: MembershipRequest;
  approve: boolean;
  onClose: () => void;
}

function DecisionForm({ slug, request, approve, onClose }: DecisionFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const decide = useDecideRequest(slug);
  const [note, setNote] = useState('');
  const name = request.user.displayName;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    decide.mutate(
      { id: request.id, approve, note: note.trim() },
      {
        onSuccess: () => {
          toast(
            approve
              ? t('communitySettings.requests.approved', { name })
              : t('communitySettings.requests.declined', { name }),
          );
          onClose();
        },
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>
        {approve
          ? t('communitySettings.requests.approveText', { name })
          : t('communitySettings.requests.declineText', { name })}
      </p>
      {decide.isError && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, decide.error)}</p>
        </Alert>
      )}
      <TextAreaField
        id="request-note"
        label={t('communitySettings.requests.noteLabel')}
        hint={t('communitySettings.requests.noteHint', { max: COMMUNITY_LIMITS.noteMax })}
        maxLength={COMMUNITY_LIMITS.noteMax}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="button-row">
        <Button
          type="submit"
          variant={approve ? 'primary' : 'danger'}
          pending={decide.isPending}
          pendingLabel={t('common.sending')}
        >
          {approve ? t('communitySettings.requests.approve') : t('communitySettings.requests.decline')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
