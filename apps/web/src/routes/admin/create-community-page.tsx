import './admin.css';
import { COMMUNITY_LIMITS as L, STAGES, type Stage, type Upload } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAreas, useCreateCommunity } from '../../api/communities.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import type { PersonOption } from '../../components/people-picker.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { ChevronLeftIcon } from '../../components/ui/icons.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../lib/form.ts';
import { suggestSlug } from '../../lib/slug.ts';
import {
  COMMUNITY_FIELD_IDS,
  CommunityFields,
  checkCommunity,
  checkSlug,
  communityLabels,
  type CommunityField,
  type CommunityValues,
} from '../community/community-fields.tsx';
import { CoverImageField } from '../community/cover-image-field.tsx';
import { RequireOperator } from '../guards.tsx';
import { FacilitatorPicker } from './facilitator-picker.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

type Field = CommunityField | 'slug' | 'stage' | 'facilitatorIds' | 'coverImageId';
const IDS: Record<Field, string> = {
  name: COMMUNITY_FIELD_IDS.name,
  slug: 'community-slug',
  shortDescription: COMMUNITY_FIELD_IDS.shortDescription,
  description: COMMUNITY_FIELD_IDS.description,
  areaId: COMMUNITY_FIELD_IDS.areaId,
  languages: COMMUNITY_FIELD_IDS.languages,
  visibility: COMMUNITY_FIELD_IDS.visibility,
  joinPolicy: COMMUNITY_FIELD_IDS.joinPolicy,
  stage: 'community-stage',
  facilitatorIds: 'facilitator-search',
  coverImageId: 'community-cover',
};

/** `/admin/communities/new`: an operator creates a community of practice. */
export function CreateCommunityPage() {
  const { t } = useTranslation();
  return <RequireOperator title={t('createCommunity.title')}>{() => <CreateCommunity />}</RequireOperator>;
}

function CreateCommunity() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const areas = useAreas();
  const create = useCreateCommunity();
  const [values, setValues] = useState<CommunityValues>({
    name: '',
    shortDescription: '',
    description: '',
    areaId: '',
    languages: [],
    visibility: 'public',
    joinPolicy: 'open',
  });
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [stage, setStage] = useState<Stage>('potential');
  const [facilitators, setFacilitators] = useState<PersonOption[]>([]);
  const [cover, setCover] = useState<Upload | null>(null);
  const errors = useFormErrors<Field>();
  // The web address follows the name until the operator edits it.
  const shownSlug = slugEdited ? slug : suggestSlug(values.name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { ...checkCommunity(t, values), slug: checkSlug(t, shownSlug) };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    create.mutate(
      {
        slug: shownSlug.trim(),
        name: values.name.trim(),
        shortDescription: values.shortDescription.trim(),
        description: values.description,
        areaId: values.areaId || null,
        languages: values.languages,
        visibility: values.visibility,
        joinPolicy: values.joinPolicy,
        stage,
        facilitatorIds: facilitators.map((user) => user.id),
        coverImageId: cover?.id ?? null,
      },
      {
        onSuccess: (community) => {
          toast(t('createCommunity.created', { name: community.name }));
          void navigate(`/c/${community.slug}`);
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(
              error,
              t,
              {
                ...communityLabels(t),
                slug: t('communityForm.slug'),
                stage: t('community.stageLabel'),
                facilitatorIds: t('createCommunity.facilitators'),
                coverImageId: t('cover.label'),
              },
              { slug_taken: { field: 'slug' } },
            ),
          ),
      },
    );
  }

  return (
    <Page>
      <Link className="back-link" to="/admin/communities">
        <ChevronLeftIcon />
        {t('adminCommunities.title')}
      </Link>
      <PageHeader title={t('createCommunity.title')} lead={t('createCommunity.lead')} />
      {areas.isPending ? (
        <LoadingState />
      ) : (
        <form className="form form--page" noValidate onSubmit={submit}>
          <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
          {areas.isError && (
            <Alert tone="warning">
              <p>{errorMessage(t, areas.error)}</p>
            </Alert>
          )}
          <CommunityFields
            values={values}
            onChange={setValues}
            errors={errors.fields}
            areas={areas.data?.items ?? []}
            afterName={
              <TextField
                id={IDS.slug}
                label={t('communityForm.slug')}
                hint={t('communityForm.slugHint', { url: `/c/${shownSlug || '…'}` })}
                maxLength={L.slugMax}
                spellCheck={false}
                autoCapitalize="none"
                value={shownSlug}
                onChange={(event) => {
                  setSlugEdited(true);
                  setSlug(event.target.value);
                }}
                error={errors.fields.slug}
              />
            }
          />
          <SelectField
            id={IDS.stage}
            label={t('community.stageLabel')}
            hint={t(`community.stageHelp.${stage}`)}
            value={stage}
            onChange={(event) => setStage(STAGES.find((s) => s === event.target.value) ?? 'potential')}
            options={STAGES.map((value) => ({ value, label: t(`community.stage.${value}`) }))}
          />
          <CoverImageField
            id={IDS.coverImageId}
            url={cover?.url ?? null}
            onUploaded={setCover}
            onRemove={() => setCover(null)}
            error={errors.fields.coverImageId}
          />
          <FacilitatorPicker
            inputId={IDS.facilitatorIds}
            value={facilitators}
            onChange={setFacilitators}
            error={errors.fields.facilitatorIds}
          />
          <div className="button-row">
            <Button type="submit" pending={create.isPending} pendingLabel={t('createCommunity.creating')}>
              {t('createCommunity.submit')}
            </Button>
            <Link to="/admin/communities">{t('common.cancel')}</Link>
          </div>
        </form>
      )}
    </Page>
  );
}
