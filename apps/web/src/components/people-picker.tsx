import './people-picker.css';
import { LIMITS } from '@discuss/contracts';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { errorMessage } from '../lib/error-message.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { Avatar } from './avatar.tsx';
import { Button } from './ui/button.tsx';
import { CloseIcon } from './ui/icons.tsx';
import { Spinner } from './ui/spinner.tsx';
import { TextField } from './ui/text-field.tsx';
import { useTranslation } from '../i18n/i18n.ts';

/** A person to choose: a name, and optionally a second line (e.g. the address, for operators). */
export interface PersonOption {
  id: string;
  displayName: string;
  detail?: string;
}

/** Where the search for `query` stands; the caller fetches, the picker only shows. */
export type PickerSearch =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'done'; options: PersonOption[] };

/** Characters typed before a search starts. */
export const PICKER_MIN_CHARS = 2;

export interface PeoplePickerProps {
  /** Id of the text input (error summaries link to it). */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Accessible name of the list of chosen people. */
  chosenLabel: string;
  /** Accessible name of a chip's remove button. */
  removeLabel: (person: PersonOption) => string;
  /** What the search finds for the text typed so far. */
  search: PickerSearch;
  query: string;
  onQueryChange: (query: string) => void;
  value: PersonOption[];
  onChange: (value: PersonOption[]) => void;
  /** Most people that can be chosen. */
  max?: number;
  error?: string | undefined;
}

/**
 * Choose people by typing part of their name: an ARIA 1.2 combobox with a listbox of matches (arrow keys,
 * Enter to choose, Escape to close), and the chosen people as removable chips. No data fetching here.
 */
export function PeoplePicker({
  id,
  label,
  hint,
  chosenLabel,
  removeLabel,
  search,
  query,
  onQueryChange,
  value,
  onChange,
  max = Infinity,
  error,
}: PeoplePickerProps) {
  const { t } = useTranslation();
  const base = useId();
  const listboxId = `${base}-listbox`;
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const chosen = new Set(value.map((person) => person.id));
  const options = search.state === 'done' ? search.options.filter((p) => !chosen.has(p.id)) : [];
  const typed = query.trim().length >= PICKER_MIN_CHARS;
  const full = value.length >= max;
  const open = typed && !closed && !full && options.length > 0;
  const optionId = (index: number) => `${base}-option-${index}`;

  function type(next: string) {
    setClosed(false);
    setActive(-1);
    onQueryChange(next);
  }

  function choose(person: PersonOption) {
    if (full) return;
    onChange([...value, person]);
    setActive(-1);
    onQueryChange('');
    document.getElementById(id)?.focus();
  }

  function remove(person: PersonOption) {
    onChange(value.filter((other) => other.id !== person.id));
    document.getElementById(id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = options.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        if (options.length === 0) return;
        event.preventDefault();
        setClosed(false);
        setActive((i) => (!open || i >= last ? 0 : i + 1));
        return;
      case 'ArrowUp':
        if (options.length === 0) return;
        event.preventDefault();
        setClosed(false);
        setActive((i) => (!open || i <= 0 ? last : i - 1));
        return;
      case 'Enter': {
        // Enter inside the picker never submits the surrounding form.
        event.preventDefault();
        const person = open ? options[active] : undefined;
        if (person) choose(person);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setClosed(true);
          setActive(-1);
        } else if (query) {
          event.preventDefault();
          type('');
        }
        return;
      default:
    }
  }

  let status: ReactNode = null;
  if (full) status = t('picker.full', { count: max });
  else if (!typed) status = null;
  else if (search.state === 'loading') status = t('picker.searching');
  else if (search.state === 'error') status = errorMessage(t, search.error);
  else if (search.state === 'done')
    status =
      options.length > 0
        ? t('picker.found', { count: options.length })
        : t('picker.none', { q: query.trim() });

  return (
    <div className="people-picker">
      {value.length > 0 && (
        <ul className="picked" aria-label={chosenLabel}>
          {value.map((person) => (
            <li key={person.id} className="picked__item">
              <Avatar name={person.displayName} />
              <span>
                <strong>{person.displayName}</strong>
                {person.detail && <span className="picked__detail">{person.detail}</span>}
              </span>
              <Button variant="quiet" aria-label={removeLabel(person)} onClick={() => remove(person)}>
                <CloseIcon />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="people-picker__box">
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={LIMITS.searchQueryMax}
          value={query}
          onChange={(event) => type(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setClosed(true)}
          onFocus={() => setClosed(false)}
        />
        <ul
          className="people-picker__list"
          id={listboxId}
          role="listbox"
          aria-label={t('picker.results')}
          hidden={!open}
        >
          {open &&
            options.map((person, index) => (
              <li
                key={person.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="people-picker__option"
                // Keep the focus in the input: the click chooses, the blur would close first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(person)}
                onMouseMove={() => setActive(index)}
              >
                <Avatar name={person.displayName} />
                <span>
                  <span className="people-picker__name">{person.displayName}</span>
                  {person.detail && <span className="picked__detail">{person.detail}</span>}
                </span>
              </li>
            ))}
        </ul>
      </div>
      <p role="status" className="inline-status muted">
        {search.state === 'loading' && typed && <Spinner />}
        {status}
      </p>
    </div>
  );
}

/** The text typed in a picker, its setter, and the settled text to search for ('' while too short). */
export function usePickerQuery(): [query: string, setQuery: (query: string) => void, search: string] {
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim());
  return [query, setQuery, settled.length >= PICKER_MIN_CHARS ? settled : ''];
}

/** What a search query (TanStack Query) means for the picker, for the text typed so far. */
export function pickerSearch<T>(
  typed: string,
  result: { data?: { items: T[] } | undefined; isError: boolean; error: unknown },
  toOption: (item: T) => PersonOption,
): PickerSearch {
  if (typed.trim().length < PICKER_MIN_CHARS) return { state: 'idle' };
  if (result.isError) return { state: 'error', error: result.error };
  if (result.data) return { state: 'done', options: result.data.items.map(toOption) };
  return { state: 'loading' };
}
