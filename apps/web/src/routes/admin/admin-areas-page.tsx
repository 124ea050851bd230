import './admin.css';
import { COMMUNITY_LIMITS as L, type Area } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useAreas, useCreateArea, useUpdateArea } from '../../api/communities.ts';
import { Page, PageHeader } from '../../components/page.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormActions } from '../../components/ui/form-actions.tsx';
import { Card } from '../../components/ui/card.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { ArrowDownIcon, ArrowUpIcon, EditIcon, LayersIcon, PlusIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextAreaField } from '../../components/ui/textarea-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../lib/form.ts';
import { suggestSlug } from '../../lib/slug.ts';
import { checkName, checkSlug } from '../community/community-fields.tsx';
import { RequireOperator } from '../guards.tsx';
import { AdminNav } from './admin-nav.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

/** Positions are spaced so that a new area can be put between two others by hand (API `position`). */
const STEP = 10;

/** `/admin/areas`: the lifelong-learning priority areas that group the communities. */
export function AdminAreasPage() {
  const { t } = useTranslation();
  return <RequireOperator title={t('adminAreas.title')}>{() => <AdminAreas />}</RequireOperator>;
}

function AdminAreas() {
  const { t } = useTranslation();
  const toast = useToast();
  const areas = useAreas();
  const update = useUpdateArea();
  const [editing, setEditing] = useState<Area | null>(null);
  const [moving, setMoving] = useState(false);
  const locale = currentLocale();
  const items = [...(areas.data?.items ?? [])].sort((a, b) => a.position - b.position);

  /** Swap an area with its neighbour, then number every area again so that positions stay distinct. */
  async function move(index: number, delta: -1 | 1) {
    const order = [...items];
    const other = index + delta;
    const a = order[index];
    const b = order[other];
    if (!a || !b) return;
    order[index] = b;
    order[other] = a;
    const changes = order
      .map((area, i) => ({ area, position: (i + 1) * STEP }))
      .filter(({ area, position }) => area.position !== position);
    setMoving(true);
    try {
      await Promise.all(
        changes.map(({ area, position }) => update.mutateAsync({ id: area.id, body: { position } })),
      );
      toast(t('adminAreas.moved', { name: a.name }));
    } catch (error) {
      toast(errorMessage(t, error), 'error');
    } finally {
      setMoving(false);
    }
  }

  return (
    <Page>
      <PageHeader title={t('adminAreas.title')} lead={t('adminAreas.lead')} />
      <AdminNav />
      <div className="stack">
        <Card title={t('adminAreas.listTitle')}>
          {areas.isPending ? (
            <LoadingState />
          ) : areas.isError ? (
            <LoadError error={areas.error} onRetry={() => void areas.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState icon={<LayersIcon />} title={t('adminAreas.emptyTitle')}>
              {t('adminAreas.emptyText')}
            </EmptyState>
          ) : (
            <ol className="list area-list">
              {items.map((area, index) => (
                <li key={area.id} className="list__item">
                  <span className="area-list__position" aria-hidden="true">
                    {index + 1}
                  </span>
                  <div className="list__main">
                    <p className="list__title">
                      <Link to={`/communities?area=${encodeURIComponent(area.slug)}`}>{area.name}</Link>
                    </p>
                    {area.description && <p className="list__meta">{area.description}</p>}
                    <p className="list__meta">
                      <span className="slug">{area.slug}</span>
                      {' · '}
                      {t('communities.total', {
                        count: area.communityCount,
                        formatted: formatNumber(area.communityCount, locale),
                      })}
                    </p>
                  </div>
                  <div className="list__actions">
                    <Button
                      variant="secondary"
                      disabled={index === 0 || moving}
                      aria-label={t('adminAreas.moveUp', { name: area.name })}
                      onClick={() => void move(index, -1)}
                    >
                      <ArrowUpIcon />
                    </Button>
                    <Button
                      variant="secondary"
                      disabled={index === items.length - 1 || moving}
                      aria-label={t('adminAreas.moveDown', { name: area.name })}
                      onClick={() => void move(index, 1)}
                    >
                      <ArrowDownIcon />
                    </Button>
                    <Button variant="secondary" onClick={() => setEditing(area)}>
                      <EditIcon />
                      {t('adminAreas.edit')}
                      <span className="visually-hidden"> {area.name}</span>
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={t('adminAreas.addTitle')}>
          <AddAreaForm nextPosition={(items.at(-1)?.position ?? 0) + STEP} />
        </Card>
      </div>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={t('adminAreas.editTitle')}>
        {editing && <EditAreaForm key={editing.id} area={editing} onClose={() => setEditing(null)} />}
      </Dialog>
    </Page>
  );
}

type AddField = 'name' | 'slug' | 'description';
const ADD_IDS: Record<AddField, string> = {
  name: 'area-name',
  slug: 'area-slug',
  description: 'area-description',
};

function AddAreaForm({ nextPosition }: { nextPosition: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateArea();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState('');
  const errors = useFormErrors<AddField>();
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
      {
        name: name.trim(),
        slug: shownSlug.trim(),
        description: description.trim(),
        position: Math.min(nextPosition, 1000),
      },
      {
        onSuccess: (area) => {
          toast(t('adminAreas.added', { name: area.name }));
          setName('');
          setSlug('');
          setSlugEdited(false);
          setDescription('');
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(
              error,
              t,
              {
                name: t('adminAreas.name'),
                slug: t('communityForm.slug'),
                description: t('adminAreas.description'),
              },
              { slug_taken: { field: 'slug', message: t('adminAreas.slugTaken') } },
            ),
          ),
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary items={summaryItems(errors, ADD_IDS)} focusKey={errors.attempt} />
      <TextField
        id={ADD_IDS.name}
        label={t('adminAreas.name')}
        maxLength={L.nameMax}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.fields.name}
      />
      <TextField
        id={ADD_IDS.slug}
        label={t('communityForm.slug')}
        hint={t('adminAreas.slugHint', { url: `/communities?area=${shownSlug || '…'}` })}
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
      <TextAreaField
        id={ADD_IDS.description}
        label={t('adminAreas.description')}
        hint={t('adminAreas.descriptionHint', { max: L.shortDescriptionMax })}
        maxLength={L.shortDescriptionMax}
        rows={2}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={errors.fields.description}
      />
      <div>
        <Button type="submit" pending={create.isPending} pendingLabel={t('common.saving')}>
          <PlusIcon />
          {t('adminAreas.add')}
        </Button>
      </div>
    </form>
  );
}

type EditField = 'name' | 'description';
const EDIT_IDS: Record<EditField, string> = { name: 'area-edit-name', description: 'area-edit-description' };

function EditAreaForm({ area, onClose }: { area: Area; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateArea();
  const [name, setName] = useState(area.name);
  const [description, setDescription] = useState(area.description);
  const errors = useFormErrors<EditField>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      name: checkName(t, name),
      description:
        description.trim().length > L.shortDescriptionMax
          ? t('validation.tooLong', { max: L.shortDescriptionMax })
          : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    update.mutate(
      { id: area.id, body: { name: name.trim(), description: description.trim() } },
      {
        onSuccess: (saved) => {
          toast(t('adminAreas.saved', { name: saved.name }));
          onClose();
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(error, t, {
              name: t('adminAreas.name'),
              description: t('adminAreas.description'),
            }),
          ),
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary items={summaryItems(errors, EDIT_IDS)} focusKey={errors.attempt} />
      <TextField
        id={EDIT_IDS.name}
        label={t('adminAreas.name')}
        maxLength={L.nameMax}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.fields.name}
      />
      <TextAreaField
        id={EDIT_IDS.description}
        label={t('adminAreas.description')}
        hint={t('adminAreas.descriptionHint', { max: L.shortDescriptionMax })}
        maxLength={L.shortDescriptionMax}
        rows={3}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={errors.fields.description}
      />
      <FormActions pending={update.isPending} onCancel={onClose} />
    </form>
  );
}
