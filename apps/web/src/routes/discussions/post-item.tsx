import { REACTION_KINDS, type Post, type ReactionKind, type Topic } from '@discuss/contracts';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { usePostAction, usePostSource, useRevisions, useTopicAction } from '../../api/discussions.ts';
import { Avatar } from '../../components/avatar.tsx';
import { SanitizedHtml } from '../../components/sanitized-html.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Badge } from '../../components/ui/badge.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormActions } from '../../components/ui/form-actions.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { BulbIcon, CheckIcon, HeartIcon, ThumbUpIcon } from '../../components/ui/icons.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { cx } from '../../lib/cx.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Composer } from './composer.tsx';
import { readableSource } from './markdown-edit.ts';
import { TimeAgo } from './time-ago.tsx';

const REACTION_ICONS: Record<ReactionKind, (props: { className?: string }) => ReactNode> = {
  like: ThumbUpIcon,
  insightful: BulbIcon,
  thanks: HeartIcon,
};

interface PostItemProps {
  post: Post;
  topic: Topic;
  /** Signed in: may react. */
  signedIn: boolean;
  onReply: (post: Post) => void;
  onQuote: (post: Post, excerpt: string) => void;
  /** Where a link to another post of the thread goes. */
  postLink: (number: number) => string;
  /** The first unread post gets a marker above it. */
  firstUnread: boolean;
}

/** One post of a thread: who wrote it when, the text, reactions, and what the viewer may do with it. */
export function PostItem({ post, topic, signedIn, onReply, onQuote, postLink, firstUnread }: PostItemProps) {
  const { t } = useTranslation();
  const action = usePostAction(topic.id, post.id);
  const solution = useTopicAction(topic.id);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [history, setHistory] = useState(false);
  const isSolution = topic.solutionNumber === post.number;
  const author = post.author?.displayName ?? t('discussions.formerMember');
  const canAnswer = topic.can.reply && !post.deleted;
  const opening = post.number === 1;

  /** Quote what the reader selected inside this post, or the whole post. */
  function quote() {
    const selection = window.getSelection();
    const element = document.getElementById(`post-${post.number}`);
    const inside =
      selection && element && !selection.isCollapsed && element.contains(selection.anchorNode)
        ? selection.toString()
        : '';
    onQuote(post, inside);
  }

  return (
    <li className="post-entry">
      {firstUnread && (
        <p className="unread-divider" id="first-unread">
          <span>{t('discussions.unreadDivider')}</span>
        </p>
      )}
      <article
        id={`post-${post.number}`}
        className={cx('post', isSolution && 'post--solution', post.deleted && 'post--deleted')}
        aria-labelledby={`post-${post.number}-by`}
        tabIndex={-1}
        data-number={post.number}
      >
        <header className="post__header">
          <Avatar name={author} />
          <div className="post__meta">
            <span className="post__author" id={`post-${post.number}-by`}>
              {author}
            </span>
            <span className="post__details">
              <a className="post__permalink" href={`#post-${post.number}`}>
                <TimeAgo iso={post.createdAt} />
              </a>
              {post.replyToNumber !== null && (
                <Link className="post__reply-to" to={postLink(post.replyToNumber)}>
                  {t('discussions.inReplyTo', { number: post.replyToNumber })}
                </Link>
              )}
              {post.editCount > 0 && (
                <button type="button" className="link-button" onClick={() => setHistory(true)}>
                  {t('discussions.edited', { count: post.editCount })}
                </button>
              )}
            </span>
          </div>
          <span className="post__number" aria-hidden="true">
            #{post.number}
          </span>
          {isSolution && (
            <Badge tone="success">
              <CheckIcon className="icon--sm" />
              {t('discussions.solution')}
            </Badge>
          )}
        </header>

        {editing ? (
          <EditPost post={post} topic={topic} onDone={() => setEditing(false)} />
        ) : post.deleted ? (
          <div className="post__deleted">
            <p className="muted">{t('discussions.deletedPost')}</p>
            {post.can.restore && post.bodyHtml && (
              <SanitizedHtml className="post-body post-body--removed" html={post.bodyHtml} />
            )}
          </div>
        ) : (
          <SanitizedHtml className="post-body" html={post.bodyHtml} />
        )}

        {!post.deleted && !editing && (
          <Reactions post={post} topicId={topic.id} signedIn={signedIn} locked={topic.locked} />
        )}

        {!editing && (
          <footer className="post__actions">
            {canAnswer && (
              <>
                <Button variant="quiet" onClick={() => onReply(post)}>
                  {t('discussions.reply')}
                </Button>
                <Button variant="quiet" onClick={quote}>
                  {t('discussions.quote')}
                </Button>
              </>
            )}
            {post.can.edit && !post.deleted && (
              <Button variant="quiet" onClick={() => setEditing(true)}>
                {t('discussions.edit')}
              </Button>
            )}
            {post.can.markSolution && !opening && !post.deleted && (
              <Button
                variant="quiet"
                pending={solution.isPending}
                onClick={() => solution.mutate({ kind: 'solution', postId: isSolution ? null : post.id })}
              >
                {isSolution ? t('discussions.unmarkSolution') : t('discussions.markSolution')}
              </Button>
            )}
            {post.can.delete && !post.deleted && !opening && (
              <Button variant="quiet" className="post__danger" onClick={() => setConfirmDelete(true)}>
                {t('discussions.delete')}
              </Button>
            )}
            {post.can.restore && post.deleted && (
              <Button
                variant="quiet"
                pending={action.isPending}
                onClick={() => action.mutate({ kind: 'restore' })}
              >
                {t('discussions.restore')}
              </Button>
            )}
          </footer>
        )}
        {(action.isError || solution.isError) && !confirmDelete && (
          <Alert tone="error" live="alert">
            <p>{errorMessage(t, action.error ?? solution.error)}</p>
          </Alert>
        )}
      </article>

      <ConfirmDialog
        open={confirmDelete}
        onClose={() => {
          setConfirmDelete(false);
          action.reset();
        }}
        title={t('discussions.deleteTitle')}
        confirmLabel={t('discussions.delete')}
        pending={action.isPending}
        error={action.isError ? errorMessage(t, action.error) : null}
        onConfirm={() => action.mutate({ kind: 'delete' }, { onSuccess: () => setConfirmDelete(false) })}
      >
        {t('discussions.deleteText')}
      </ConfirmDialog>
      <RevisionsDialog postId={post.id} open={history} onClose={() => setHistory(false)} />
    </li>
  );
}

function Reactions({
  post,
  topicId,
  signedIn,
  locked,
}: {
  post: Post;
  topicId: string;
  signedIn: boolean;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const action = usePostAction(topicId, post.id);
  const counts = new Map(post.reactions.map((r) => [r.kind, r]));
  const interactive = signedIn && !locked;
  return (
    <div className="reactions" role="group" aria-label={t('discussions.reactions')}>
      {REACTION_KINDS.map((kind) => {
        const reaction = counts.get(kind);
        const count = reaction?.count ?? 0;
        const mine = reaction?.mine ?? false;
        if (!interactive && count === 0) return null;
        const label = t(`discussions.reaction.${kind}`);
        const Icon = REACTION_ICONS[kind];
        const content = (
          <>
            <Icon className="icon--sm" />
            <span className="visually-hidden">{label}</span>
            {count > 0 && <span className="reaction__count">{count}</span>}
          </>
        );
        // Signed out, or in a locked topic, reactions are counts to read, not controls that do nothing.
        if (!interactive) {
          return (
            <span
              key={kind}
              className={cx('reaction', 'reaction--static', mine && 'reaction--mine')}
              title={label}
            >
              {content}
            </span>
          );
        }
        return (
          <button
            key={kind}
            type="button"
            className={cx('reaction', mine && 'reaction--mine')}
            aria-pressed={mine}
            disabled={action.isPending}
            title={label}
            onClick={() => action.mutate({ kind: 'react', reaction: kind, on: !mine })}
          >
            {content}
          </button>
        );
      })}
    </div>
  );
}

interface EditProps {
  post: Post;
  topic: Topic;
  onDone: () => void;
}

/** Edits a post: its Markdown source is read first (threads list only the HTML). */
function EditPost(props: EditProps) {
  const { t } = useTranslation();
  const source = usePostSource(props.post.id);
  if (source.isPending) return <LoadingState />;
  if (source.isError) {
    return (
      <div className="stack">
        <LoadError error={source.error} onRetry={() => void source.refetch()} />
        <div className="button-row">
          <Button variant="secondary" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    );
  }
  return <EditPostForm {...props} source={source.data.body} />;
}

function EditPostForm({ post, topic, onDone, source }: EditProps & { source: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(source);
  const action = usePostAction(topic.id, post.id);
  const error = action.isError ? errorMessage(t, action.error) : undefined;
  function save() {
    if (!body.trim() || body === source) return onDone();
    action.mutate({ kind: 'edit', body }, { onSuccess: onDone });
  }
  return (
    <form
      className="post__edit stack"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Composer
        id={`edit-${post.id}`}
        label={t('discussions.editLabel')}
        value={body}
        onChange={setBody}
        community={topic.community.slug}
        error={error}
        onSubmit={save}
        autoFocus
      />
      <FormActions pending={action.isPending} onCancel={onDone} />
    </form>
  );
}

function RevisionsDialog({ postId, open, onClose }: { postId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const revisions = useRevisions(postId, open);
  const locale = currentLocale();
  return (
    <Dialog open={open} onClose={onClose} title={t('discussions.historyTitle')}>
      {revisions.isPending ? (
        <LoadingState />
      ) : revisions.isError ? (
        <Alert tone="error" live="alert">
          <p>{errorMessage(t, revisions.error)}</p>
        </Alert>
      ) : (
        <ol className="revisions">
          {revisions.data.items.map((revision) => (
            <li key={revision.revision} className="revisions__item">
              <p className="revisions__meta">
                {t('discussions.revisionBy', {
                  number: revision.revision,
                  name: revision.editedBy?.displayName ?? t('discussions.formerMember'),
                  date: formatDateTime(revision.createdAt, locale),
                })}
              </p>
              <pre className="revisions__body">{readableSource(revision.body)}</pre>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
