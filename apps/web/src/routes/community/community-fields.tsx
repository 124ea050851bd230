import {
  COMMUNITY_LIMITS as L,
  JOIN_POLICIES,
  VISIBILITIES,
  type Area,
  type JoinPolicy,
  type Visibility,
} from '@discuss/contracts';
import type { ReactNode } from 'react';
import { CheckboxGroup, RadioGroup } from '../../components/ui/choice-group.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextAreaField } from '../../components/ui/textarea-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { currentLocale, useTranslation, type TFunction } from '../../i18n/i18n.ts';
import { languageName } from '../../lib/format.ts';
import { isSlugShape } from '../../lib/slug.ts';

/** The official languages of the EU, the usual working languages of lifelong-learning projects. */
const LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
];

export interface CommunityValues {
  name: string;
  shortDescription: string;
  description: string;
  areaId: string;
  languages: string[];
  visibility: Visibility;
  joinPolicy: JoinPolicy;
}

export type CommunityField = keyof CommunityValues;

export const COMMUNITY_FIELD_IDS: Record<CommunityField, string> = {
  name: 'community-name',
  shortDescription: 'community-short',
  description: 'community-description',
  areaId: 'community-area',
  languages: 'community-languages',
  visibility: 'community-visibility',
  joinPolicy: 'community-policy',
};

export function communityLabels(t: TFunction): Record<CommunityField, string> {
  return {
    name: t('communityForm.name'),
    shortDescription: t('communityForm.shortDescription'),
    description: t('communityForm.description'),
    areaId: t('communityForm.area'),
    languages: t('community.languages'),
    visibility: t('communityForm.visibility'),
    joinPolicy: t('communityForm.joinPolicy'),
  };
}

// Control and format characters (the server refuses them in names).
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export function checkName(t: TFunction, value: string): string | undefined {
  const name = value.trim();
  if (!name) return t('communityForm.nameRequired');
  if (name.length < L.nameMin) return t('communityForm.nameTooShort', { min: L.nameMin });
  if (name.length > L.nameMax) return t('validation.tooLong', { max: L.nameMax });
  if (CONTROL.test(name)) return t('validation.displayNameCharacters');
  return undefined;
}

export function checkSlug(t: TFunction, value: string): string | undefined {
  const slug = value.trim();
  if (!slug) return t('communityForm.slugRequired');
  if (slug.length < L.slugMin) return t('communityForm.slugTooShort', { min: L.slugMin });
  if (slug.length > L.slugMax) return t('validation.tooLong', { max: L.slugMax });
  if (!isSlugShape(slug)) return t('communityForm.slugFormat');
  return undefined;
}

export function checkCommunity(
  t: TFunction,
  values: CommunityValues,
): Partial<Record<CommunityField, string>> {
  const short = values.shortDescription.trim();
  return {
    name: checkName(t, values.name),
    shortDescription: !short
      ? t('communityForm.shortRequired')
      : short.length > L.shortDescriptionMax
        ? t('validation.tooLong', { max: L.shortDescriptionMax })
        : undefined,
    description:
      values.description.length > L.descriptionMax
        ? t('validation.tooLong', { max: L.descriptionMax })
        : undefined,
    languages:
      values.languages.length > L.languagesMax
        ? t('communityForm.tooManyLanguages', { max: L.languagesMax })
        : undefined,
  };
}

interface CommunityFieldsProps {
  values: CommunityValues;
  onChange: (values: CommunityValues) => void;
  errors: Partial<Record<CommunityField, string>>;
  areas: readonly Area[];
  /** Rendered right after the name (the create form's web address). */
  afterName?: ReactNode;
}

/** Name, descriptions, area, languages, visibility and join policy: shared by "create" and "settings". */
export function CommunityFields({ values, onChange, errors, areas, afterName }: CommunityFieldsProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const set = <K extends CommunityField>(key: K, value: CommunityValues[K]) =>
    onChange({ ...values, [key]: value });
  const known = new Set(LANGUAGES);
  const languages = [...LANGUAGES, ...values.languages.filter((code) => !known.has(code))]
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  return (
    <>
      <TextField
        id={COMMUNITY_FIELD_IDS.name}
        label={t('communityForm.name')}
        hint={t('communityForm.nameHint')}
        maxLength={L.nameMax}
        value={values.name}
        onChange={(event) => set('name', event.target.value)}
        error={errors.name}
      />
      {afterName}
      <TextAreaField
        id={COMMUNITY_FIELD_IDS.shortDescription}
        label={t('communityForm.shortDescription')}
        hint={t('communityForm.shortHint', { max: L.shortDescriptionMax })}
        maxLength={L.shortDescriptionMax}
        rows={2}
        value={values.shortDescription}
        onChange={(event) => set('shortDescription', event.target.value)}
        error={errors.shortDescription}
      />
      <TextAreaField
        id={COMMUNITY_FIELD_IDS.description}
        label={t('communityForm.description')}
        hint={t('communityForm.descriptionHint')}
        maxLength={L.descriptionMax}
        rows={10}
        className="input input--mono"
        value={values.description}
        onChange={(event) => set('description', event.target.value)}
        error={errors.description}
      />
      <SelectField
        id={COMMUNITY_FIELD_IDS.areaId}
        label={t('communityForm.area')}
        hint={t('communityForm.areaHint')}
        value={values.areaId}
        onChange={(event) => set('areaId', event.target.value)}
        error={errors.areaId}
        options={[
          { value: '', label: t('community.noArea') },
          ...areas.map((area) => ({ value: area.id, label: area.name })),
        ]}
      />
      <CheckboxGroup
        id={COMMUNITY_FIELD_IDS.languages}
        name="languages"
        legend={t('community.languages')}
        hint={t('communityForm.languagesHint')}
        columns
        options={languages}
        value={values.languages}
        onChange={(value) => set('languages', value)}
        error={errors.languages}
      />
      <RadioGroup
        id={COMMUNITY_FIELD_IDS.visibility}
        name="visibility"
        legend={t('communityForm.visibility')}
        options={VISIBILITIES.map((value) => ({
          value,
          label: t(`community.visibility.${value}`),
          description: t(`community.visibilityHelp.${value}`),
        }))}
        value={values.visibility}
        onChange={(value) => set('visibility', value)}
        error={errors.visibility}
      />
      <RadioGroup
        id={COMMUNITY_FIELD_IDS.joinPolicy}
        name="joinPolicy"
        legend={t('communityForm.joinPolicy')}
        options={JOIN_POLICIES.map((value) => ({
          value,
          label: t(`community.joinPolicy.${value}`),
          description: t(`community.joinPolicyHelp.${value}`),
        }))}
        value={values.joinPolicy}
        onChange={(value) => set('joinPolicy', value)}
        error={errors.joinPolicy}
      />
    </>
  );
}
