import { DISCUSSION_LIMITS, type Topic } from '@discuss/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { apiCall } from '../../api/client.ts';
import { useTopicAction } from '../../api/discussions.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormActions } from '../../components/ui/form-actions.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { EditIcon, LockIcon, PinIcon, SendIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { parseTags } from './tags.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** What the viewer may do to the whole topic: edit it, pin and lock it (moderators), share it. */
export function TopicTools({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const toast = useToast();
  const action = useTopicAction(topic.id);
  const [dialog, setDialog] = useState<'edit' | 'share' | null>(null);
  if (!topic.can.edit && !topic.can.moderate && !topic.can.share) return null;

  function flag(kind: 'pin' | 'lock', value: boolean, done: string) {
    action.mutate({ kind, value }, { onSuccess: () => toast(done) });
  }

  return (
    <div className="topic-tools">
      <div className="button-row">
        {topic.can.edit && (
          <Button variant="secondary" onClick={() => setDialog('edit')}>
            <EditIcon />
            {t('discussions.editTopic')}
          </Button>
        )}
        {topic.can.moderate && (
          <>
            <FlagButton
              on={topic.pinned}
              disabled={action.isPending}
              icon={<PinIcon />}
              labels={[t('discussions.pin'), t('discussions.unpin')]}
              onToggle={() =>
                flag(
                  'pin',
                  !topic.pinned,
                  topic.pinned ? t('discussions.unpinned') : t('discussions.pinnedDone'),
                )
              }
            />
            <FlagButton
              on={topic.locked}
              disabled={action.isPending}
              icon={<LockIcon />}
              labels={[t('discussions.lock'), t('discussions.unlock')]}
              onToggle={() =>
                flag(
                  'lock',
                  !topic.locked,
                  topic.locked ? t('discussions.unlocked') : t('discussions.lockedDone'),
                )
              }
            />
          </>
        )}
        {topic.can.share && (
          <Button variant="secondary" onClick={() => setDialog('share')}>
            <SendIcon />
            {t('discussions.share')}
          </Button>
        )}
      </div>
      {action.isError && dialog === null && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, action.error)}</p>
        </Alert>
      )}
      <Dialog open={dialog === 'edit'} onClose={() => setDialog(null)} title={t('discussions.editTopic')}>
        <EditTopicForm topic={topic} onDone={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === 'share'} onClose={() => setDialog(null)} title={t('discussions.shareTitle')}>
        <ShareForm topic={topic} onDone={() => setDialog(null)} />
      </Dialog>
    </div>
  );
}

/** Pin / Unpin, Lock / Unlock: the label says what a press will do. */
function FlagButton(props: {
  on: boolean;
  disabled: boolean;
  icon: ReactNode;
  labels: [off: string, on: string];
  onToggle: () => void;
}) {
  return (
    <Button variant="secondary" disabled={props.disabled} onClick={props.onToggle}>
      {props.icon}
      {props.on ? props.labels[1] : props.labels[0]}
    </Button>
  );
}

function EditTopicForm({ topic, onDone }: { topic: Topic; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useTopicAction(topic.id);
  const [title, setTitle] = useState(topic.title);
  const [tags, setTags] = useState(topic.tags.map((tag) => tag.name).join(', '));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    action.mutate({ kind: 'update', body: { title, tags: parseTags(tags) } }, { onSuccess: onDone });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <TextField
        id="topic-edit-title"
        label={t('discussions.titleLabel')}
        value={title}
        required
        minLength={DISCUSSION_LIMITS.titleMin}
        maxLength={DISCUSSION_LIMITS.titleMax}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextField
        id="topic-edit-tags"
        label={t('discussions.tagsLabel')}
        hint={t('discussions.tagsHint')}
        value={tags}
        onChange={(event) => setTags(event.target.value)}
      />
      {action.isError && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, action.error)}</p>
        </Alert>
      )}
      <FormActions pending={action.isPending} onCancel={onDone} />
    </form>
  );
}

/** Share into another community the viewer belongs to; replies stay in the topic's own community. */
function ShareForm({ topic, onDone }: { topic: Topic; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const action = useTopicAction(topic.id);
  const mine = useQuery({
    queryKey: ['communities', 'mine'],
    queryFn: ({ signal }) => apiCall('listCommunities', { query: { scope: 'mine', limit: 100 }, signal }),
  });
  const already = new Set([topic.community.slug, ...topic.sharedInto.map((c) => c.slug)]);
  const targets = (mine.data?.items ?? []).filter((c) => !already.has(c.slug) && !c.archived);
  const [target, setTarget] = useState('');

  if (mine.isPending) return <LoadingState />;
  if (mine.isError) {
    return (
      <Alert tone="error" live="alert">
        <p>{errorMessage(t, mine.error)}</p>
      </Alert>
    );
  }
  if (targets.length === 0) return <p>{t('discussions.shareNowhere')}</p>;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = target || targets[0]?.slug;
    if (!chosen) return;
    action.mutate(
      { kind: 'share', community: chosen },
      {
        onSuccess: () => {
          toast(t('discussions.shared'));
          onDone();
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={submit}>
      <p>{t('discussions.shareText')}</p>
      <SelectField
        id="share-target"
        label={t('discussions.shareTarget')}
        value={target || targets[0]?.slug}
        onChange={(event) => setTarget(event.target.value)}
        options={targets.map((c) => ({ value: c.slug, label: c.name }))}
      />
      {action.isError && (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, action.error)}</p>
        </Alert>
      )}
      <div className="button-row">
        <Button type="submit" pending={action.isPending}>
          {t('discussions.share')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
