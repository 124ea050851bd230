import type { Poll } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useTopicAction } from '../../api/discussions.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

/**
 * A topic's poll: the choices while the viewer has not voted, the results once they have (or once it closed).
 * A vote can be changed until the poll closes.
 */
export function PollView({ poll, topicId }: { poll: Poll; topicId: string }) {
  const { t } = useTranslation();
  const vote = useTopicAction(topicId);
  const [changing, setChanging] = useState(false);
  const [chosen, setChosen] = useState<string[]>(poll.myVotes);
  const locale = currentLocale();
  const showResults = poll.voters !== null && !changing;
  const hasVoted = poll.myVotes.length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.length === 0) return;
    vote.mutate({ kind: 'vote', optionIds: chosen }, { onSuccess: () => setChanging(false) });
  }

  function toggle(id: string, on: boolean) {
    setChosen((list) => (poll.multiple ? (on ? [...list, id] : list.filter((x) => x !== id)) : [id]));
  }

  const status = poll.closed
    ? t('poll.closed')
    : poll.closesAt
      ? t('poll.closesAt', { date: formatDateTime(poll.closesAt, locale) })
      : null;

  return (
    <section className="poll" aria-labelledby={`poll-${topicId}`}>
      <h2 className="poll__question" id={`poll-${topicId}`}>
        {poll.question}
      </h2>
      <p className="poll__meta muted">
        {poll.multiple ? t('poll.multiple') : t('poll.single')}
        {status && <> · {status}</>}
      </p>
      {showResults ? (
        <>
          <ul className="poll__results">
            {poll.options.map((option) => {
              const votes = option.votes ?? 0;
              const share = poll.voters ? Math.round((votes / poll.voters) * 100) : 0;
              const mine = poll.myVotes.includes(option.id);
              return (
                <li key={option.id} className="poll__result">
                  <div className="poll__result-label">
                    <span>
                      {option.label}
                      {mine && <span className="poll__mine"> · {t('poll.yourChoice')}</span>}
                    </span>
                    <span className="poll__figure">
                      {t('poll.votes', { count: votes, formatted: formatNumber(votes, locale) })} · {share}%
                    </span>
                  </div>
                  <progress
                    className="poll__bar"
                    value={votes}
                    max={Math.max(1, poll.voters ?? 0)}
                    aria-hidden="true"
                  />
                </li>
              );
            })}
          </ul>
          <p className="muted">
            {t('poll.voters', { count: poll.voters ?? 0, formatted: formatNumber(poll.voters ?? 0, locale) })}
          </p>
          {poll.canVote && hasVoted && (
            <Button variant="secondary" onClick={() => setChanging(true)}>
              {t('poll.changeVote')}
            </Button>
          )}
        </>
      ) : poll.canVote ? (
        <form onSubmit={submit} className="stack">
          <fieldset className="poll__options">
            <legend className="visually-hidden">{poll.question}</legend>
            {poll.options.map((option) => (
              <label key={option.id} className="poll__option">
                <input
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={`poll-${topicId}`}
                  value={option.id}
                  checked={chosen.includes(option.id)}
                  onChange={(event) => toggle(option.id, event.target.checked)}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </fieldset>
          {vote.isError && (
            <Alert tone="error" live="alert">
              <p>{errorMessage(t, vote.error)}</p>
            </Alert>
          )}
          <div className="button-row">
            <Button type="submit" disabled={chosen.length === 0} pending={vote.isPending}>
              {t('poll.vote')}
            </Button>
            {changing && (
              <Button variant="secondary" onClick={() => setChanging(false)}>
                {t('common.cancel')}
              </Button>
            )}
          </div>
          <p className="muted">{t('poll.resultsAfterVoting')}</p>
        </form>
      ) : (
        <ul className="poll__plain">
          {poll.options.map((option) => (
            <li key={option.id}>{option.label}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
