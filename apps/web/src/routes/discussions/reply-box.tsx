import type { Post, Topic } from '@discuss/contracts';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Link, useLocation } from 'react-router';
import { useReply } from '../../api/discussions.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { CloseIcon, LockIcon, SendIcon } from '../../components/ui/icons.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { Composer } from './composer.tsx';
import { useDraft } from './drafts.ts';
import { appendBlock } from './markdown-edit.ts';
import { useTranslation } from '../../i18n/i18n.ts';

export interface ReplyBoxHandle {
  /** Answer a given post. */
  replyTo: (post: Post) => void;
  /** Add a quote of a post to the reply, answering that post. */
  quote: (post: Post, markdown: string) => void;
}

interface ReplyDraft {
  body: string;
  replyTo: number | null;
  replyToName: string;
}

const EMPTY: ReplyDraft = { body: '', replyTo: null, replyToName: '' };

/** The reply form under a thread; its text is kept as a draft in this browser until it is sent. */
export function ReplyBox({
  topic,
  signedIn,
  ref,
}: {
  topic: Topic;
  signedIn: boolean;
  ref: Ref<ReplyBoxHandle>;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const toast = useToast();
  const reply = useReply(topic.id);
  const draft = useDraft<ReplyDraft>(`topic:${topic.id}`, EMPTY, (d) => !d.body.trim());
  const textarea = useRef<HTMLTextAreaElement>(null);
  const section = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | undefined>();

  function focus() {
    section.current?.scrollIntoView({ block: 'center' });
    window.setTimeout(() => {
      const input = textarea.current;
      if (!input) return;
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }, 0);
  }

  useImperativeHandle(ref, () => ({
    replyTo(post) {
      draft.setValue((d) => ({ ...d, replyTo: post.number, replyToName: post.author?.displayName ?? '' }));
      focus();
    },
    quote(post, markdown) {
      draft.setValue((d) => ({
        body: appendBlock(d.body, markdown),
        replyTo: post.number,
        replyToName: post.author?.displayName ?? '',
      }));
      focus();
    },
  }));

  if (!signedIn) {
    return (
      <section className="reply-box reply-box--closed">
        <p>{t('discussions.signInToReply')}</p>
        <Link className={buttonClass('primary')} to={`/sign-in?next=${encodeURIComponent(pathname)}`}>
          {t('nav.signIn')}
        </Link>
      </section>
    );
  }
  if (!topic.can.reply) {
    return (
      <section className="reply-box reply-box--closed">
        {topic.locked ? (
          <p>
            <LockIcon className="icon--sm" /> {t('discussions.lockedNotice')}
          </p>
        ) : (
          <>
            <p>{t('discussions.joinToReply')}</p>
            <Link className={buttonClass('secondary')} to={`/c/${topic.community.slug}`}>
              {t('discussions.goToCommunity', { name: topic.community.name })}
            </Link>
          </>
        )}
      </section>
    );
  }

  const { body, replyTo, replyToName } = draft.value;

  function send() {
    if (reply.isPending) return;
    if (!body.trim()) {
      setError(t('discussions.emptyReply'));
      textarea.current?.focus();
      return;
    }
    setError(undefined);
    reply.mutate(
      { body, ...(replyTo ? { replyTo } : {}) },
      {
        onSuccess: (post) => {
          draft.clear();
          toast(t('discussions.replyPosted'));
          window.setTimeout(() => document.getElementById(`post-${post.number}`)?.scrollIntoView(), 50);
        },
        onError: (e) => setError(errorMessage(t, e)),
      },
    );
  }

  return (
    <section className="reply-box" ref={section} aria-labelledby="reply-title">
      <h2 id="reply-title" className="reply-box__title">
        {t('discussions.yourReply')}
      </h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        {replyTo !== null && (
          <p className="reply-box__to">
            {t('discussions.replyingTo', { number: replyTo, name: replyToName })}
            <button
              type="button"
              className="btn btn--quiet reply-box__clear"
              aria-label={t('discussions.cancelReplyTo')}
              onClick={() => draft.setValue((d) => ({ ...d, replyTo: null, replyToName: '' }))}
            >
              <CloseIcon />
            </button>
          </p>
        )}
        {draft.restored && body.trim() && (
          <p className="muted reply-box__draft">{t('discussions.draftRestored')}</p>
        )}
        <Composer
          id="reply-body"
          label={<span className="visually-hidden">{t('discussions.yourReply')}</span>}
          value={body}
          onChange={(text) => draft.setValue((d) => ({ ...d, body: text }))}
          community={topic.community.slug}
          error={error}
          onSubmit={send}
          textareaRef={textarea}
        />
        {reply.isError && !error && (
          <Alert tone="error" live="alert">
            <p>{errorMessage(t, reply.error)}</p>
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" pending={reply.isPending} pendingLabel={t('common.sending')}>
            <SendIcon />
            {t('discussions.postReply')}
          </Button>
        </div>
      </form>
    </section>
  );
}
