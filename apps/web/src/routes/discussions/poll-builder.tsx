import { Button } from '../../components/ui/button.tsx';
import { CloseIcon, PlusIcon } from '../../components/ui/icons.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

export interface PollDraft {
  question: string;
  options: string[];
  multiple: boolean;
  /** `datetime-local` value, or ''. */
  closesAt: string;
}

export const EMPTY_POLL: PollDraft = { question: '', options: ['', ''], multiple: false, closesAt: '' };
const MAX_OPTIONS = 10;

/** The poll part of a new topic: a question, 2–10 choices, single or multiple, an optional closing time. */
export function PollBuilder({
  value,
  onChange,
  errors,
}: {
  value: PollDraft;
  onChange: (poll: PollDraft) => void;
  errors: { question?: string | undefined; options?: string | undefined; closesAt?: string | undefined };
}) {
  const { t } = useTranslation();
  const setOption = (index: number, text: string) =>
    onChange({ ...value, options: value.options.map((o, i) => (i === index ? text : o)) });
  return (
    <fieldset className="poll-builder stack">
      <legend>{t('poll.builderTitle')}</legend>
      <TextField
        id="poll-question"
        label={t('poll.question')}
        value={value.question}
        maxLength={300}
        error={errors.question}
        onChange={(event) => onChange({ ...value, question: event.target.value })}
      />
      <div className="poll-builder__options">
        {value.options.map((option, index) => (
          <div className="poll-builder__option" key={index}>
            <TextField
              id={`poll-option-${index}`}
              label={t('poll.option', { number: index + 1 })}
              value={option}
              maxLength={200}
              error={index === 0 ? errors.options : undefined}
              onChange={(event) => setOption(index, event.target.value)}
            />
            {value.options.length > 2 && (
              <button
                type="button"
                className="btn btn--quiet"
                aria-label={t('poll.removeOption', { number: index + 1 })}
                onClick={() => onChange({ ...value, options: value.options.filter((_, i) => i !== index) })}
              >
                <CloseIcon />
              </button>
            )}
          </div>
        ))}
      </div>
      {value.options.length < MAX_OPTIONS && (
        <Button variant="secondary" onClick={() => onChange({ ...value, options: [...value.options, ''] })}>
          <PlusIcon />
          {t('poll.addOption')}
        </Button>
      )}
      <label className="choice">
        <input
          type="checkbox"
          className="choice__input"
          checked={value.multiple}
          onChange={(event) => onChange({ ...value, multiple: event.target.checked })}
        />
        <span className="choice__label">{t('poll.allowMultiple')}</span>
      </label>
      <TextField
        id="poll-closes"
        type="datetime-local"
        label={t('poll.closesLabel')}
        hint={t('poll.closesHint')}
        value={value.closesAt}
        error={errors.closesAt}
        width="short"
        onChange={(event) => onChange({ ...value, closesAt: event.target.value })}
      />
    </fieldset>
  );
}
