import { COMMUNITY_LIMITS, STAGES, type Community, type Stage } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useSetStage } from '../../../api/communities.ts';
import { StageBadge } from '../../../components/community-badges.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { RadioGroup } from '../../../components/ui/choice-group.tsx';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { TextAreaField } from '../../../components/ui/textarea-field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../../lib/form.ts';
import { StageHistory } from '../stage-history.tsx';
import { useTranslation } from '../../../i18n/i18n.ts';

type Field = 'stage' | 'note';
const IDS: Record<Field, string> = { stage: 'lifecycle-stage', note: 'lifecycle-note' };

/** Move the community through Wenger's five stages, with a note for the record. */
export function LifecycleSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const setStage = useSetStage(community.slug);
  const [stage, setStageValue] = useState<Stage>(community.stage);
  const [note, setNote] = useState('');
  const errors = useFormErrors<Field>();
  const max = COMMUNITY_LIMITS.noteMax;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      stage: stage === community.stage ? t('lifecycle.sameStage') : undefined,
      note: note.trim().length > max ? t('validation.tooLong', { max }) : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    setStage.mutate(
      { stage, note: note.trim() },
      {
        onSuccess: (saved) => {
          setNote('');
          toast(t('lifecycle.changed', { stage: t(`community.stage.${saved.stage}`) }));
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(error, t, { stage: t('lifecycle.newStage'), note: t('lifecycle.note') }),
          ),
      },
    );
  }

  return (
    <div className="stack">
      <Card title={t('lifecycle.title')}>
        <p>
          {t('lifecycle.currentIs')} <StageBadge stage={community.stage} />
        </p>
        <p className="muted">{t('lifecycle.intro')}</p>
        <form className="form" noValidate onSubmit={submit}>
          <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
          <RadioGroup
            id={IDS.stage}
            name="stage"
            legend={t('lifecycle.newStage')}
            options={STAGES.map((value) => ({
              value,
              label:
                value === community.stage
                  ? `${t(`community.stage.${value}`)} (${t('lifecycle.current')})`
                  : t(`community.stage.${value}`),
              description: t(`community.stageHelp.${value}`),
            }))}
            value={stage}
            onChange={setStageValue}
            error={errors.fields.stage}
          />
          <TextAreaField
            id={IDS.note}
            label={t('lifecycle.note')}
            hint={t('lifecycle.noteHint', { max })}
            maxLength={max}
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={errors.fields.note}
          />
          <div>
            <Button type="submit" pending={setStage.isPending} pendingLabel={t('common.saving')}>
              {t('lifecycle.submit')}
            </Button>
          </div>
        </form>
      </Card>
      <Card title={t('lifecycle.historyTitle')}>
        <StageHistory slug={community.slug} />
      </Card>
    </div>
  );
}
