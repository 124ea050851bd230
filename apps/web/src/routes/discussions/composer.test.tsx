import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { callsTo, json, stubFetch } from '../../test/fake-server.ts';
import { renderPage, setupI18n } from '../../test/render.tsx';
import { Composer } from './composer.tsx';

beforeAll(setupI18n);

const MEMBERS = {
  items: [
    { user: { id: 'u-ada', displayName: 'Ada Lovelace' }, role: 'member', status: 'active' },
    { user: { id: 'u-adi', displayName: 'Adil Kaya' }, role: 'member', status: 'active' },
  ],
  nextCursor: null,
  total: 2,
};

function Harness({ onValue }: { onValue: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <Composer
      id="body"
      label="Reply"
      value={value}
      community="adult-learning"
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('Composer', () => {
  it('suggests members after @ and inserts the chosen one with the keyboard', async () => {
    const fetchMock = stubFetch({ 'GET /api/communities/adult-learning/members': MEMBERS });
    let latest = '';
    renderPage(<Harness onValue={(v) => (latest = v)} />);
    const box = screen.getByRole('textbox', { name: 'Reply' });
    fireEvent.change(box, { target: { value: 'Thanks @ad', selectionStart: 10, selectionEnd: 10 } });
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['ALAda Lovelace', 'AKAdil Kaya']);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    const [call] = callsTo(fetchMock, 'GET', '/api/communities/adult-learning/members');
    expect(call?.[0]).toContain('q=ad');

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(latest).toBe('Thanks @[Adil Kaya](u-adi) '));
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('formats the selection from the toolbar', () => {
    stubFetch({});
    let latest = '';
    renderPage(<Harness onValue={(v) => (latest = v)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Bold (Ctrl+B)' }));
    expect(latest).toBe('**text**');
  });

  it('previews the Markdown as the server renders it', async () => {
    const fetchMock = stubFetch({
      'POST /api/markdown/preview': () => json(200, { html: '<p><strong>hi</strong></p>' }),
    });
    renderPage(<Harness onValue={() => {}} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Reply' }), { target: { value: '**hi**' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    expect((await screen.findByText('hi')).tagName).toBe('STRONG');
    const [call] = callsTo(fetchMock, 'POST', '/api/markdown/preview');
    expect(JSON.parse(call?.[1]?.body as string)).toEqual({ body: '**hi**' });
  });
});
