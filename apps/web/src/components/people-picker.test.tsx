import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../test/render.tsx';
import { PeoplePicker, pickerSearch, type PersonOption, type PickerSearch } from './people-picker.tsx';

beforeAll(setupI18n);

const PEOPLE: PersonOption[] = [
  { id: 'u1', displayName: 'Pat Doyle' },
  { id: 'u2', displayName: 'Patricia Lind' },
  { id: 'u3', displayName: 'Rupa Patel' },
];

function Harness({ search, max }: { search: PickerSearch; max?: number }) {
  const [query, setQuery] = useState('');
  const [value, setValue] = useState<PersonOption[]>([]);
  return (
    <PeoplePicker
      id="people"
      label="People on DISCUSS"
      chosenLabel="People to invite"
      removeLabel={(p) => `Remove ${p.displayName}`}
      search={query.length >= 2 ? search : { state: 'idle' }}
      query={query}
      onQueryChange={setQuery}
      value={value}
      onChange={setValue}
      max={max}
    />
  );
}

const input = () => screen.getByRole('combobox', { name: 'People on DISCUSS' });
const type = (text: string) => fireEvent.change(input(), { target: { value: text } });
const key = (k: string) => fireEvent.keyDown(input(), { key: k });
const chosen = () =>
  screen.queryByRole('list', { name: 'People to invite' })?.querySelectorAll('li').length ?? 0;

describe('PeoplePicker', () => {
  it('is a combobox that opens a listbox of matches once two characters are typed', () => {
    render(<Harness search={{ state: 'done', options: PEOPLE }} />);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().getAttribute('aria-autocomplete')).toBe('list');
    type('p');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    type('pa');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox');
    expect(input().getAttribute('aria-controls')).toBe(listbox.id);
    const names = screen
      .getAllByRole('option')
      .map((o) => o.querySelector('.people-picker__name')?.textContent);
    expect(names).toEqual(PEOPLE.map((p) => p.displayName));
    expect(screen.getByRole('status').textContent).toContain('3 people found');
  });

  it('moves with the arrow keys (aria-activedescendant), chooses with Enter and closes with Escape', () => {
    render(<Harness search={{ state: 'done', options: PEOPLE }} />);
    type('pa');
    key('ArrowDown');
    const first = screen.getAllByRole('option')[0]!;
    expect(input().getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowDown');
    // Wraps around to the first.
    expect(input().getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id);
    key('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[2]!.id);
    key('Enter');
    expect(chosen()).toBe(1);
    expect(screen.getByRole('list', { name: 'People to invite' }).textContent).toContain('Rupa Patel');
    expect((input() as HTMLInputElement).value).toBe('');

    type('pa');
    // A chosen person is not offered again.
    expect(screen.getAllByRole('option')).toHaveLength(2);
    key('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
    key('Escape');
    expect((input() as HTMLInputElement).value).toBe('');
  });

  it('chooses with a click and removes a chip with its button', () => {
    render(<Harness search={{ state: 'done', options: PEOPLE }} />);
    type('pat');
    fireEvent.click(screen.getByRole('option', { name: 'Patricia Lind' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Patricia Lind' }));
    expect(chosen()).toBe(0);
  });

  it('says when nobody matches, while it searches, and when no more people can be chosen', () => {
    const { rerender } = render(<Harness search={{ state: 'loading' }} />);
    type('zz');
    expect(screen.getByRole('status').textContent).toBe('Searching…');
    rerender(<Harness search={{ state: 'done', options: [] }} />);
    expect(screen.getByRole('status').textContent).toBe('Nobody matches “zz”.');
    expect(screen.queryByRole('option')).toBeNull();
    rerender(<Harness search={{ state: 'done', options: PEOPLE }} max={1} />);
    type('pa');
    key('ArrowDown');
    key('Enter');
    expect(screen.getByRole('status').textContent).toBe('You can choose up to 1 person.');
    type('pa');
    expect(screen.queryByRole('option')).toBeNull();
  });

  it('pickerSearch maps a query result: idle, loading, error, done', () => {
    const none = { data: undefined, isError: false, error: null };
    const id = (p: PersonOption) => p;
    expect(pickerSearch('a', none, id)).toEqual({ state: 'idle' });
    expect(pickerSearch('ab', none, id)).toEqual({ state: 'loading' });
    expect(pickerSearch('ab', { ...none, isError: true, error: 'boom' }, id)).toEqual({
      state: 'error',
      error: 'boom',
    });
    expect(pickerSearch('ab', { ...none, data: { items: PEOPLE } }, id)).toEqual({
      state: 'done',
      options: PEOPLE,
    });
  });
});
