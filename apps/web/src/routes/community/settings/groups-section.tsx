import { COMMUNITY_LIMITS as L, type Community, type WorkingGroup } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useCreateGroup, useGroups, useUpdateGroup } from '../../../api/groups.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { LayersIcon, PlusIcon } from '../../../components/ui/icons.tsx';
import { LoadingState } from '../../../components/ui/spinner.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/error-message.ts';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../../lib/form.ts';
import { suggestSlug } from '../../../lib/slug.ts';
import { checkName, checkSlug } from '../community-fields.tsx';
import { GroupBadges } from '../group-badges.tsx';
import { GroupEditDialog, GroupFields } from '../group-edit-dialog.tsx';
import { useTranslation } from '../../../i18n/i18n.ts';
import { LoadError } from '../../../components/ui/load-error.tsx';

type Field = 'name' | 'slug' | 'description' | 'visibility';
const IDS: Record<Field, string> = {
  name: 'group-name',
  slug: 'group-slug',
  description: 'group-description',
  visibility: 'group-visibility',
};

export function GroupsSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Card title={t('groups.createTitle')}>
        <p className="muted">{t('groups.createExplain')}</p>
        <CreateGroupForm community={community} />
      </Card>
      <ManageGroups community={community} />
    </div>
  );
}

function CreateGroupForm({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateGroup(community.slug);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<WorkingGroup['visibility']>('open');
  const errors = useFormErrors<Field>();
  const shownSlug = slugEdited ? slug : suggestSlug(name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      name: checkName(t, name),
      slug: checkSlug(t, shownSlug),
      description:
        description.trim().length > L.shortDescriptionMax
          ? t('validation.tooLong', { max: L.shortDescriptionMax })
          : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    create.mutate(
      { name: name.trim(), slug: shownSlug.trim(), description: description.trim(), visibility },
      {
        onSuccess: (group) => {
          toast(t('groups.created', { name: group.name }));
          setName('');
          setSlug('');
          setSlugEdited(false);
          setDescription('');
          setVisibility('open');
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(
              error,
              t,
              {
                name: t('groups.name'),
                slug: t('communityForm.slug'),
                description: t('groups.description'),
                visibility: t('groups.visibilityLabel'),
              },
              { slug_taken: { field: 'slug', message: t('groups.slugTaken') } },
            ),
          ),
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
      <GroupFields
        ids={IDS}
        name={name}
        onName={setName}
        description={description}
        onDescription={setDescription}
        visibility={visibility}
        onVisibility={setVisibility}
        errors={errors.fields}
        afterName={
          <TextField
            id={IDS.slug}
            label={t('communityForm.slug')}
            hint={t('groups.slugHint', { url: `/c/${community.slug}/groups/${shownSlug || '…'}` })}
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
      <div>
        <Button type="submit" pending={create.isPending} pendingLabel={t('common.saving')}>
          <PlusIcon />
          {t('groups.create')}
        </Button>
      </div>
    </form>
  );
}

function ManageGroups({ community }: { community: Community }) {
  const { t } = useTranslation();
  const toast = useToast();
  const groups = useGroups(community.slug);
  const update = useUpdateGroup(community.slug);
  const [editing, setEditing] = useState<WorkingGroup | null>(null);
  const [archiving, setArchiving] = useState<WorkingGroup | null>(null);

  function setArchived(group: WorkingGroup, archived: boolean) {
    update.mutate(
      { group: group.slug, body: { archived } },
      {
        onSuccess: () => {
          toast(
            archived
              ? t('groups.archivedDone', { name: group.name })
              : t('groups.unarchived', { name: group.name }),
          );
          setArchiving(null);
        },
        onError: (error) => {
          if (!archived) toast(errorMessage(t, error), 'error');
        },
      },
    );
  }

  return (
    <Card title={t('groups.manageTitle')}>
      {groups.isPending ? (
        <LoadingState />
      ) : groups.isError ? (
        <LoadError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.items.length === 0 ? (
        <EmptyState icon={<LayersIcon />} title={t('groups.emptyTitle')}>
          {t('groups.emptyManager')}
        </EmptyState>
      ) : (
        <ul className="list">
          {groups.data.items.map((group) => (
            <li key={group.id} className="list__item">
              <div className="list__main">
                <p className="list__title">
                  <Link to={`/c/${community.slug}/groups/${group.slug}`}>{group.name}</Link>
                </p>
                <GroupBadges group={group} />
              </div>
              <div className="list__actions">
                <Button variant="secondary" onClick={() => setEditing(group)}>
                  {t('groups.edit')}
                  <span className="visually-hidden"> {group.name}</span>
                </Button>
                {group.archived ? (
                  <Button
                    variant="secondary"
                    pending={update.isPending && update.variables.group === group.slug}
                    onClick={() => setArchived(group, false)}
                  >
                    {t('groups.unarchive')}
                    <span className="visually-hidden"> {group.name}</span>
                  </Button>
                ) : (
                  <Button variant="danger-outline" onClick={() => setArchiving(group)}>
                    {t('groups.archive')}
                    <span className="visually-hidden"> {group.name}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <GroupEditDialog slug={community.slug} group={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={archiving !== null}
        onClose={() => {
          setArchiving(null);
          update.reset();
        }}
        title={t('groups.archiveTitle', { name: archiving?.name ?? '' })}
        confirmLabel={t('groups.archive')}
        pending={update.isPending}
        error={update.isError ? errorMessage(t, update.error) : null}
        onConfirm={() => archiving && setArchived(archiving, true)}
      >
        {t('groups.archiveText')}
      </ConfirmDialog>
    </Card>
  );
}
