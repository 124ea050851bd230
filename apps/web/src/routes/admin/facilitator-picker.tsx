import { LIMITS } from '@discuss/contracts';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserSearch } from '../../api/admin.ts';
import { Avatar } from '../../components/avatar.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { CloseIcon, SearchIcon, UserPlusIcon } from '../../components/ui/icons.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { errorMessage } from '../../lib/error-message.ts';

export interface PickedUser {
  id: string;
  displayName: string;
  email: string;
}

const MAX = 20;

interface FacilitatorPickerProps {
  /** Id of the search input (error summaries link to it). */
  inputId: string;
  value: PickedUser[];
  onChange: (value: PickedUser[]) => void;
  error?: string | undefined;
}

/**
 * Optional facilitators of a new community, found among accounts by name or e-mail (the operators' user
 * search). A search runs on the button or Enter, not on every key: it is a form inside a form.
 */
export function FacilitatorPicker({ inputId, value, onChange, error }: FacilitatorPickerProps) {
  const { t } = useTranslation();
  const groupId = useId();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const users = useUserSearch(q);
  const picked = new Set(value.map((user) => user.id));
  const results = (users.data?.items ?? []).filter((user) => !picked.has(user.id));

  function run() {
    setQ(query.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    run();
  }

  return (
    <fieldset className="field picker" aria-describedby={`${groupId}-hint`}>
      <legend className="field__label">{t('createCommunity.facilitators')}</legend>
      <p className="field__hint" id={`${groupId}-hint`}>
        {t('createCommunity.facilitatorsHint')}
      </p>
      {value.length > 0 && (
        <ul className="picked" aria-label={t('createCommunity.chosen')}>
          {value.map((user) => (
            <li key={user.id} className="picked__item">
              <Avatar name={user.displayName} />
              <span>
                <strong>{user.displayName}</strong>
                <span className="picked__email">{user.email}</span>
              </span>
              <Button
                variant="quiet"
                aria-label={t('createCommunity.removeFacilitator', { name: user.displayName })}
                onClick={() => onChange(value.filter((other) => other.id !== user.id))}
              >
                <CloseIcon />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker__search">
        <TextField
          id={inputId}
          type="search"
          label={t('createCommunity.findPerson')}
          maxLength={LIMITS.searchQueryMax}
          spellCheck={false}
          autoCapitalize="none"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          error={error}
        />
        <Button variant="secondary" onClick={run}>
          <SearchIcon />
          {t('createCommunity.find')}
        </Button>
      </div>
      {q !== '' && (
        <div className="picker__results">
          {users.isPending ? (
            <LoadingState />
          ) : users.isError ? (
            <Alert tone="error" live="alert">
              <p>{errorMessage(t, users.error)}</p>
            </Alert>
          ) : (
            <p role="status" className={results.length > 0 ? 'visually-hidden' : 'muted'}>
              {results.length > 0
                ? t('createCommunity.found', { count: results.length })
                : t('createCommunity.noPerson', { q })}
            </p>
          )}
          {results.length > 0 && (
            <ul className="list" aria-label={t('createCommunity.results')}>
              {results.map((user) => (
                <li key={user.id} className="list__item">
                  <div className="list__main member-summary">
                    <Avatar name={user.displayName} />
                    <div>
                      <p className="list__title">{user.displayName}</p>
                      <p className="list__meta user-row__email">{user.email}</p>
                    </div>
                  </div>
                  <div className="list__actions">
                    <Button
                      variant="secondary"
                      disabled={value.length >= MAX}
                      onClick={() =>
                        onChange([
                          ...value,
                          { id: user.id, displayName: user.displayName, email: user.email },
                        ])
                      }
                    >
                      <UserPlusIcon />
                      {t('createCommunity.addFacilitator')}
                      <span className="visually-hidden"> {user.displayName}</span>
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
