import type { Community } from '@discuss/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { callsTo, json, stubFetch } from '../../../test/fake-server.ts';
import { renderPage, setupI18n } from '../../../test/render.tsx';
import { InviteForm, parseEmails } from './invite-form.tsx';

beforeAll(setupI18n);

describe('parseEmails', () => {
  it('reads addresses one per line or separated by commas and semicolons, once each', () => {
    expect(
      parseEmails('ada@example.org\nGrace@Example.org, ada@example.org;  <lin@example.org>\n\n'),
    ).toEqual({
      emails: ['ada@example.org', 'grace@example.org', 'lin@example.org'],
      invalid: [],
    });
  });

  it('lists what is not an address', () => {
    expect(parseEmails('ada@example.org, not-an-address, x@y')).toEqual({
      emails: ['ada@example.org'],
      invalid: ['not-an-address', 'x@y'],
    });
  });
});

const COMMUNITY = {
  slug: 'adult-learning',
  name: 'Adult Learning CoP',
} as Community;
const BASE = '/api/communities/adult-learning';

describe('InviteForm', () => {
  it('invites people chosen in the picker by id, and names the ones skipped', async () => {
    const fetchMock = stubFetch({
      [`GET ${BASE}/invitable`]: {
        items: [
          { id: 'u1', displayName: 'Pat Doyle' },
          { id: 'u2', displayName: 'Patricia Lind' },
        ],
      },
      [`POST ${BASE}/invitations`]: () =>
        json(201, { items: [], skipped: [{ target: 'u2', reason: 'already_invited' }] }),
    });
    renderPage(<InviteForm community={COMMUNITY} />);
    const picker = screen.getByRole('combobox', { name: 'People on DISCUSS' });
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'pat' } });
    await screen.findByRole('option', { name: 'Patricia Lind' });
    const [searched] = callsTo(fetchMock, 'GET', `${BASE}/invitable`)[0]!;
    expect(searched).toBe(`${BASE}/invitable?q=pat`);
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    fireEvent.keyDown(picker, { key: 'Enter' });
    // Enter chose a person; it did not send the form.
    expect(callsTo(fetchMock, 'POST', `${BASE}/invitations`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Send invitations' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', `${BASE}/invitations`)).toHaveLength(1));
    const body: unknown = JSON.parse(
      callsTo(fetchMock, 'POST', `${BASE}/invitations`)[0]![1]!.body as string,
    );
    expect(body).toMatchObject({ userIds: ['u2'], emails: [], role: 'member' });
    const outcome = await screen.findByText('No invitation was sent.');
    expect(outcome.closest('[role="status"]')?.textContent).toContain(
      'Patricia Lind — already has an invitation waiting',
    );
  });

  it('asks for a person or an address before sending anything', async () => {
    const fetchMock = stubFetch({});
    renderPage(<InviteForm community={COMMUNITY} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send invitations' }));
    expect(
      await screen.findAllByText('Choose at least one person, or enter an e‑mail address'),
    ).not.toHaveLength(0);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
