import { useUserSearch } from '../../api/admin.ts';
import {
  PeoplePicker,
  pickerSearch,
  usePickerQuery,
  type PersonOption,
} from '../../components/people-picker.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

const MAX = 20;

interface FacilitatorPickerProps {
  /** Id of the search input (error summaries link to it). */
  inputId: string;
  value: PersonOption[];
  onChange: (value: PersonOption[]) => void;
  error?: string | undefined;
}

/**
 * Optional facilitators of a new community, found among accounts by name or e-mail as one types (the
 * operators' user search); each shows with its address, since operators may see it.
 */
export function FacilitatorPicker({ inputId, value, onChange, error }: FacilitatorPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery, q] = usePickerQuery();
  const users = useUserSearch(q);
  return (
    <PeoplePicker
      id={inputId}
      label={t('createCommunity.facilitators')}
      hint={t('createCommunity.facilitatorsHint')}
      chosenLabel={t('createCommunity.chosen')}
      removeLabel={(person) => t('createCommunity.removeFacilitator', { name: person.displayName })}
      search={pickerSearch(query, users, (user) => ({
        id: user.id,
        displayName: user.displayName,
        detail: user.email,
      }))}
      query={query}
      onQueryChange={setQuery}
      value={value}
      onChange={onChange}
      max={MAX}
      error={error}
    />
  );
}
