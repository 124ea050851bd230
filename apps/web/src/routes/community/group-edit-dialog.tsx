import { COMMUNITY_LIMITS as L, GROUP_VISIBILITIES, type WorkingGroup } from '@discuss/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useUpdateGroup } from '../../api/groups.ts';
import { FormActions } from '../../components/ui/form-actions.tsx';
import { RadioGroup } from '../../components/ui/choice-group.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { ErrorSummary, summaryItems } from '../../components/ui/error-summary.tsx';
import { TextAreaField } from '../../components/ui/textarea-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../lib/form.ts';
import { checkName } from './community-fields.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

type Field = 'name' | 'description' | 'visibility';
const IDS: Record<Field, string> = {
  name: 'group-edit-name',
  description: 'group-edit-description',
  visibility: 'group-edit-visibility',
};

interface GroupEditDialogProps {
  slug: string;
  group: WorkingGroup | null;
  onClose: () => void;
}

/** Rename a working group, describe it, open or close it. */
export function GroupEditDialog({ slug, group, onClose }: GroupEditDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={group !== null}
      onClose={onClose}
      title={t('groups.editTitle', { name: group?.name ?? '' })}
    >
      {group && <GroupEditForm key={group.id} slug={slug} group={group} onClose={onClose} />}
    </Dialog>
  );
}

function GroupEditForm({ slug, group, onClose }: { slug: string; group: WorkingGroup; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateGroup(slug);
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description);
  const [visibility, setVisibility] = useState(group.visibility);
  const errors = useFormErrors<Field>();

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
      { group: group.slug, body: { name: name.trim(), description: description.trim(), visibility } },
      {
        onSuccess: () => {
          toast(t('groups.saved', { name: name.trim() }));
          onClose();
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(error, t, {
              name: t('groups.name'),
              description: t('groups.description'),
              visibility: t('groups.visibilityLabel'),
            }),
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
      />
      <FormActions pending={update.isPending} onCancel={onClose} />
    </form>
  );
}

type GroupVisibility = WorkingGroup['visibility'];

interface GroupFieldsProps {
  ids: Record<Field, string>;
  name: string;
  onName: (value: string) => void;
  description: string;
  onDescription: (value: string) => void;
  visibility: GroupVisibility;
  onVisibility: (value: GroupVisibility) => void;
  errors: Partial<Record<Field, string>>;
  /** Rendered between the name and the description (the create form's web address). */
  afterName?: ReactNode;
}

/** Name, description and open/private: shared by creating and editing a group. */
export function GroupFields(props: GroupFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={props.ids.name}
        label={t('groups.name')}
        maxLength={L.nameMax}
        value={props.name}
        onChange={(event) => props.onName(event.target.value)}
        error={props.errors.name}
      />
      {props.afterName}
      <TextAreaField
        id={props.ids.description}
        label={t('groups.description')}
        hint={t('groups.descriptionHint', { max: L.shortDescriptionMax })}
        maxLength={L.shortDescriptionMax}
        rows={3}
        value={props.description}
        onChange={(event) => props.onDescription(event.target.value)}
        error={props.errors.description}
      />
      <RadioGroup
        id={props.ids.visibility}
        name={`${props.ids.visibility}-choice`}
        legend={t('groups.visibilityLabel')}
        options={GROUP_VISIBILITIES.map((value) => ({
          value,
          label: t(`groups.visibility.${value}`),
          description: t(`groups.visibilityHelp.${value}`),
        }))}
        value={props.visibility}
        onChange={props.onVisibility}
        error={props.errors.visibility}
      />
    </>
  );
}
