import type { InvitationPreview } from '@discuss/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { callsTo, json, stubFetch } from '../../test/fake-server.ts';
import { renderRoutes, setupI18n } from '../../test/render.tsx';
import { InvitationPage } from './invitation-page.tsx';

beforeAll(setupI18n);

const TOKEN = 'tok_0123456789abcdefghij';
const PATH = `/invitations/${TOKEN}`;
const API = `/api/invitations/${TOKEN}`;

const GUEST = { user: null, csrfToken: null, setupRequired: false };
const ADA = {
  id: 'u1',
  email: 'ada@example.org',
  displayName: 'Ada Lovelace',
  locale: 'en',
  emailVerified: true,
  isOperator: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const SIGNED_IN = { user: ADA, csrfToken: 'csrf-ada', setupRequired: false };

function preview(over: Partial<InvitationPreview> = {}): InvitationPreview {
  return {
    community: { slug: 'adult-learning', name: 'Adult Learning CoP', shortDescription: 'Adults who learn' },
    role: 'member',
    invitedBy: { id: 'f1', displayName: 'Fatima Haddad' },
    message: 'We would love your view on outreach.',
    email: 'new@example.org',
    accountExists: false,
    expiresAt: '2030-01-15T00:00:00.000Z',
    ...over,
  };
}

function render() {
  return renderRoutes(
    [
      { path: '/invitations/:token', element: <InvitationPage /> },
      { path: '/c/:slug', element: <h1>Community home</h1> },
    ],
    PATH,
  );
}

describe('InvitationPage', () => {
  it('lets a signed-in person accept with one click, then opens the community', async () => {
    const fetchMock = stubFetch({
      'GET /api/auth/session': SIGNED_IN,
      [`GET ${API}`]: preview({ email: 'ada@example.org', accountExists: true }),
      [`POST ${API}/accept`]: {
        slug: 'adult-learning',
        my: { status: 'member', role: 'member', invitationId: null },
      },
    });
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Adult Learning CoP' })).toBeTruthy();
    expect(
      screen.getByText('Fatima Haddad invites you to join this community of practice as a member.'),
    ).toBeTruthy();
    expect(screen.getByText('We would love your view on outreach.')).toBeTruthy();
    // Nothing is accepted on load: mail scanners open links too.
    expect(callsTo(fetchMock, 'POST', `${API}/accept`)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
    expect(await screen.findByRole('heading', { name: 'Community home' })).toBeTruthy();
    const [, init] = callsTo(fetchMock, 'POST', `${API}/accept`)[0] ?? [];
    expect(init?.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-ada' });
  });

  it('offers a newcomer an account for the invited address, signs them in and opens the community', async () => {
    const fetchMock = stubFetch({
      'GET /api/auth/session': GUEST,
      [`GET ${API}`]: preview(),
      [`POST ${API}/sign-up`]: () =>
        json(201, {
          user: { ...ADA, email: 'new@example.org', displayName: 'Grace Hopper' },
          csrfToken: 'csrf-new',
          setupRequired: false,
        }),
    });
    render();
    const email = await screen.findByLabelText<HTMLInputElement>('E\u2011mail address');
    expect(email.value).toBe('new@example.org');
    expect(email.readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Create account and join' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter your name');
    expect(callsTo(fetchMock, 'POST', `${API}/sign-up`)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' Grace Hopper ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'compiler cobol harbour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account and join' }));

    expect(await screen.findByRole('heading', { name: 'Community home' })).toBeTruthy();
    const [, init] = callsTo(fetchMock, 'POST', `${API}/sign-up`)[0] ?? [];
    expect(JSON.parse(init?.body as string)).toEqual({
      displayName: 'Grace Hopper',
      password: 'compiler cobol harbour',
      locale: 'en',
    });
    // The used-up invitation is not read again after the account exists.
    expect(callsTo(fetchMock, 'GET', API)).toHaveLength(1);
  });

  it('sends someone whose account exists to sign in, and back here', async () => {
    stubFetch({
      'GET /api/auth/session': GUEST,
      [`GET ${API}`]: preview({ accountExists: true }),
    });
    render();
    const link = await screen.findByRole('link', { name: 'Sign in to accept' });
    expect(link.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(PATH)}`);
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByText(/An account already uses new@example\.org/)).toBeTruthy();
  });

  it('explains an invalid or expired link and what to do next', async () => {
    stubFetch({
      'GET /api/auth/session': GUEST,
      [`GET ${API}`]: () => json(400, { error: { code: 'invalid_token', message: 'Invalid' } }),
    });
    const { unmount } = render();
    expect(await screen.findByRole('heading', { name: 'This invitation link is not valid' })).toBeTruthy();
    expect(screen.getByText('Ask the person who invited you to send a new invitation.')).toBeTruthy();
    unmount();

    stubFetch({
      'GET /api/auth/session': GUEST,
      [`GET ${API}`]: () => json(410, { error: { code: 'token_expired', message: 'Expired' } }),
    });
    render();
    expect(await screen.findByRole('heading', { name: 'This invitation has expired' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Browse the communities' })).toBeTruthy());
  });
});

describe('InvitationPage sign-up errors', () => {
  it('keeps what was typed and shows the server error on its field', async () => {
    stubFetch({
      'GET /api/auth/session': GUEST,
      [`GET ${API}`]: preview(),
      [`POST ${API}/sign-up`]: () =>
        json(400, { error: { code: 'weak_password', message: 'Weak', details: { suggestions: [] } } }),
    });
    render();
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Grace Hopper' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'password123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account and join' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This password is too easy to guess');
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Grace Hopper');
  });
});
