import './discussions.css';
import { DISCUSSION_LIMITS, type TopicCreateBody } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCreateTopic, useTags } from '../../api/discussions.ts';
import { useGroups } from '../../api/groups.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { ChevronLeftIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { apiErrorToForm, useFormErrors, type FieldErrors } from '../../lib/form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCommunityContext } from '../community/community-context.ts';
import { MembersOnly } from '../community/members-only.tsx';
import { Composer } from './composer.tsx';
import { useDraft } from './drafts.ts';
import { EMPTY_POLL, PollBuilder, type PollDraft } from './poll-builder.tsx';
import { parseTags } from './tags.ts';
import { useTranslation } from '../../i18n/i18n.ts';

type Field = 'title' | 'body' | 'tags' | 'group' | 'question' | 'options' | 'closesAt';

interface TopicDraft {
  title: string;
  body: string;
  tags: string;
  group: string;
  withPoll: boolean;
  poll: PollDraft;
}

const EMPTY: TopicDraft = { title: '', body: '', tags: '', group: '', withPoll: false, poll: EMPTY_POLL };

/** `/c/:slug/discussions/new`: start a topic, in the community or one of the viewer's working groups. */
export function NewTopicPage() {
  const { community } = useCommunityContext();
  if (!community.can.readContent) return <MembersOnly />;
  return <NewTopicForm />;
}

function NewTopicForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { community } = useCommunityContext();
  const [params] = useSearchParams();
  const groups = useGroups(community.slug);
  const tags = useTags(community.slug);
  const create = useCreateTopic(community.slug);
  const groupParam = params.get('group') ?? '';
  const draft = useDraft<TopicDraft>(
    `new:${community.slug}:${groupParam}`,
    { ...EMPTY, group: groupParam },
    (d) => !d.title.trim() && !d.body.trim(),
  );
  const errors = useFormErrors<Field>();
  const [tagSuggestionsId] = useState(() => `tags-${community.slug}`);
  const value = draft.value;
  const set = <K extends keyof TopicDraft>(key: K, next: TopicDraft[K]) =>
    draft.setValue((d) => ({ ...d, [key]: next }));
  useDocumentTitle(`${t('discussions.newTopic')} – ${community.name}`);

  const myGroups = (groups.data?.items ?? []).filter(
    (g) => !g.archived && (g.myRole !== null || community.can.update),
  );
  const labels: Record<Field, string> = {
    title: t('discussions.titleLabel'),
    body: t('discussions.bodyLabel'),
    tags: t('discussions.tagsLabel'),
    group: t('discussions.whereLabel'),
    question: t('poll.question'),
    options: t('poll.optionsLabel'),
    closesAt: t('poll.closesLabel'),
  };

  function check(): FieldErrors<Field> {
    const found: FieldErrors<Field> = {};
    const title = value.title.trim();
    if (!title) found.title = t('discussions.titleRequired');
    else if (title.length < DISCUSSION_LIMITS.titleMin)
      found.title = t('discussions.titleTooShort', { min: DISCUSSION_LIMITS.titleMin });
    if (!value.body.trim()) found.body = t('discussions.bodyRequired');
    if (value.withPoll) {
      if (value.poll.question.trim().length < 3) found.question = t('poll.questionRequired');
      if (value.poll.options.filter((o) => o.trim()).length < 2) found.options = t('poll.optionsRequired');
      if (value.poll.closesAt && new Date(value.poll.closesAt).getTime() <= Date.now())
        found.closesAt = t('poll.closesInPast');
    }
    return found;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    if (Object.keys(found).length > 0) return errors.show({ fields: found });
    errors.clear();
    const body: TopicCreateBody = {
      title: value.title.trim(),
      body: value.body,
      tags: parseTags(value.tags),
      ...(value.group ? { group: value.group } : {}),
      ...(value.withPoll
        ? {
            poll: {
              question: value.poll.question.trim(),
              options: value.poll.options.map((o) => o.trim()).filter(Boolean),
              multiple: value.poll.multiple,
              ...(value.poll.closesAt ? { closesAt: new Date(value.poll.closesAt).toISOString() } : {}),
            },
          }
        : {}),
    };
    create.mutate(body, {
      onSuccess: (topic) => {
        draft.clear();
        void navigate(`/c/${community.slug}/t/${topic.id}`);
      },
      onError: (error) =>
        errors.show(
          apiErrorToForm(error, t, labels, {
            not_found: { field: 'group' },
          }),
        ),
    });
  }

  const summary = (Object.entries(errors.fields) as [Field, string | undefined][])
    .filter((entry): entry is [Field, string] => Boolean(entry[1]))
    .map(([field, message]) => ({ fieldId: fieldIds[field], message }));
  if (errors.form) summary.push({ message: errors.form } as (typeof summary)[number]);

  return (
    <section className="new-topic" aria-labelledby="new-topic-title">
      <Link className="back-link" to={`/c/${community.slug}/discussions`}>
        <ChevronLeftIcon />
        {t('discussions.allTopics')}
      </Link>
      <h2 id="new-topic-title">{t('discussions.newTopic')}</h2>
      {draft.restored && <p className="muted">{t('discussions.draftRestored')}</p>}
      <form className="form stack" noValidate onSubmit={submit}>
        <ErrorSummary items={summary} focusKey={errors.attempt} />
        <TextField
          id={fieldIds.title}
          label={labels.title}
          value={value.title}
          maxLength={DISCUSSION_LIMITS.titleMax}
          error={errors.fields.title}
          onChange={(event) => set('title', event.target.value)}
        />
        {myGroups.length > 0 && (
          <SelectField
            id={fieldIds.group}
            label={labels.group}
            value={value.group}
            error={errors.fields.group}
            onChange={(event) => set('group', event.target.value)}
            options={[
              { value: '', label: t('discussions.wholeCommunity', { name: community.name }) },
              ...myGroups.map((g) => ({ value: g.slug, label: t('discussions.inGroup', { name: g.name }) })),
            ]}
          />
        )}
        <Composer
          id={fieldIds.body}
          label={labels.body}
          value={value.body}
          onChange={(text) => set('body', text)}
          community={community.slug}
          error={errors.fields.body}
          rows={10}
        />
        <TextField
          id={fieldIds.tags}
          label={labels.tags}
          hint={t('discussions.tagsHint')}
          value={value.tags}
          error={errors.fields.tags}
          list={tagSuggestionsId}
          onChange={(event) => set('tags', event.target.value)}
        />
        <datalist id={tagSuggestionsId}>
          {(tags.data?.items ?? []).map((tag) => (
            <option key={tag.slug} value={tag.name} />
          ))}
        </datalist>
        <label className="choice">
          <input
            type="checkbox"
            className="choice__input"
            checked={value.withPoll}
            onChange={(event) => set('withPoll', event.target.checked)}
          />
          <span className="choice__label">{t('poll.addPoll')}</span>
        </label>
        {value.withPoll && (
          <PollBuilder
            value={value.poll}
            onChange={(poll) => set('poll', poll)}
            errors={{
              question: errors.fields.question,
              options: errors.fields.options,
              closesAt: errors.fields.closesAt,
            }}
          />
        )}
        <div className="form-footer button-row">
          <Button type="submit" pending={create.isPending} pendingLabel={t('common.sending')}>
            {t('discussions.startTopic')}
          </Button>
          <Link className="btn btn--secondary" to={`/c/${community.slug}/discussions`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}

const fieldIds: Record<Field, string> = {
  title: 'topic-title',
  body: 'topic-body',
  tags: 'topic-tags',
  group: 'topic-group',
  question: 'poll-question',
  options: 'poll-option-0',
  closesAt: 'poll-closes',
};
