import type { Community } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useArchiveCommunity, useAreas, useUpdateCommunity } from '../../../api/communities.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { LoadingState } from '../../../components/ui/spinner.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/error-message.ts';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../../lib/form.ts';
import {
  COMMUNITY_FIELD_IDS,
  CommunityFields,
  checkCommunity,
  communityLabels,
  type CommunityField,
  type CommunityValues,
} from '../community-fields.tsx';
import { CoverImageField } from '../cover-image-field.tsx';
import { useTranslation } from '../../../i18n/i18n.ts';

function valuesOf(c: Community): CommunityValues {
  return {
    name: c.name,
    shortDescription: c.shortDescription,
    description: c.description,
    areaId: c.area?.id ?? '',
    languages: c.languages,
    visibility: c.visibility,
    joinPolicy: c.joinPolicy,
  };
}

export function GeneralSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const areas = useAreas();
  const update = useUpdateCommunity(community.slug);
  const [values, setValues] = useState(() => valuesOf(community));
  const errors = useFormErrors<CommunityField>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = checkCommunity(t, values);
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    update.mutate(
      {
        name: values.name.trim(),
        shortDescription: values.shortDescription.trim(),
        description: values.description,
        areaId: values.areaId || null,
        languages: values.languages,
        visibility: values.visibility,
        joinPolicy: values.joinPolicy,
      },
      {
        onSuccess: (saved) => {
          setValues(valuesOf(saved));
          toast(t('communitySettings.general.saved'));
        },
        onError: (error) => errors.show(apiErrorToForm(error, t, communityLabels(t))),
      },
    );
  }

  return (
    <div className="stack">
      <Card title={t('communitySettings.general.title')}>
        {areas.isPending ? (
          <LoadingState />
        ) : (
          <form className="form" noValidate onSubmit={submit}>
            <ErrorSummary items={summaryItems(errors, COMMUNITY_FIELD_IDS)} focusKey={errors.attempt} />
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
            />
            <div>
              <Button type="submit" pending={update.isPending} pendingLabel={t('common.saving')}>
                {t('common.save')}
              </Button>
            </div>
          </form>
        )}
      </Card>
      <CoverCard community={community} />
      {community.can.archive && <ArchiveCard community={community} />}
    </div>
  );
}

/** The cover image, saved as soon as it is chosen or removed. */
function CoverCard({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateCommunity(community.slug);

  function save(coverImageId: string | null) {
    update.mutate(
      { coverImageId },
      { onSuccess: () => toast(coverImageId ? t('cover.saved') : t('cover.removed')) },
    );
  }

  return (
    <Card title={t('cover.title')}>
      <p className="muted">{t('cover.explain')}</p>
      <CoverImageField
        id="community-cover"
        url={community.coverImageUrl}
        onUploaded={(upload) => save(upload.id)}
        onRemove={() => save(null)}
        saving={update.isPending}
        error={update.isError ? errorMessage(t, update.error) : null}
      />
    </Card>
  );
}

function ArchiveCard({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const archive = useArchiveCommunity();
  const [confirm, setConfirm] = useState(false);
  const archived = community.archived;

  function run() {
    archive.mutate(
      { slug: community.slug, archived: !archived },
      {
        onSuccess: () => {
          setConfirm(false);
          toast(
            archived
              ? t('adminCommunities.unarchived', { name: community.name })
              : t('adminCommunities.archivedDone', { name: community.name }),
          );
        },
      },
    );
  }

  return (
    <Card title={archived ? t('adminCommunities.unarchiveTitle') : t('adminCommunities.archiveTitle')}>
      <p>{archived ? t('adminCommunities.unarchiveText') : t('adminCommunities.archiveText')}</p>
      {archived ? (
        <Button variant="secondary" pending={archive.isPending} onClick={run}>
          {t('adminCommunities.unarchive')}
        </Button>
      ) : (
        <Button variant="danger-outline" onClick={() => setConfirm(true)}>
          {t('adminCommunities.archive')}
        </Button>
      )}
      {archive.isError && !confirm && (
        <Alert tone="error" live="alert" className="section-gap">
          <p>{errorMessage(t, archive.error)}</p>
        </Alert>
      )}
      <ConfirmDialog
        open={confirm}
        onClose={() => {
          setConfirm(false);
          archive.reset();
        }}
        title={t('adminCommunities.archiveConfirmTitle', { name: community.name })}
        confirmLabel={t('adminCommunities.archive')}
        pending={archive.isPending}
        error={archive.isError ? errorMessage(t, archive.error) : null}
        onConfirm={run}
      >
        {t('adminCommunities.archiveText')}
      </ConfirmDialog>
    </Card>
  );
}
