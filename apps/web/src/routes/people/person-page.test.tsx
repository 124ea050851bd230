import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, stubFetch } from '../../test/fake-server.ts';
import { renderRoutes, setupI18n } from '../../test/render.tsx';
import { PersonPage } from './person-page.tsx';

beforeAll(setupI18n);

const BEN = { id: 'u-ben', displayName: 'Ben Brandt' };
const GUEST = { user: null, csrfToken: null, setupRequired: false };
const SIGNED_IN_AS_BEN = {
  user: {
    ...BEN,
    email: 'ben@example.org',
    locale: 'en',
    emailVerified: true,
    isOperator: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  csrfToken: 'csrf-ben',
  setupRequired: false,
};

const render = (id = BEN.id) =>
  renderRoutes([{ path: '/people/:id', element: <PersonPage /> }], `/people/${id}`);

describe('PersonPage', () => {
  it("shows the person's name and communities with their role, linked", async () => {
    stubFetch({
      'GET /api/auth/session': GUEST,
      [`GET /api/people/${BEN.id}`]: {
        person: BEN,
        communities: [
          { slug: 'vet', name: 'VET Teachers', role: 'moderator', joinedAt: '2026-03-02T10:00:00.000Z' },
        ],
      },
    });
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ben Brandt' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'VET Teachers' }).getAttribute('href')).toBe('/c/vet');
    expect(screen.getByText('Moderator')).toBeTruthy();
    expect(screen.getByText('Joined Mar 2, 2026')).toBeTruthy();
    expect(screen.queryByText('This is how other members see you.')).toBeNull();
  });

  it('tells people without communities on their own page how to find some', async () => {
    stubFetch({
      'GET /api/auth/session': SIGNED_IN_AS_BEN,
      [`GET /api/people/${BEN.id}`]: { person: BEN, communities: [] },
    });
    render();
    expect(await screen.findByText('This is how other members see you.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Not in any community yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse the communities' }).getAttribute('href')).toBe(
      '/communities',
    );
  });

  it('answers an unknown or invisible person with "not found"', async () => {
    stubFetch({
      'GET /api/auth/session': GUEST,
      'GET /api/people/u-nobody': () =>
        json(404, {
          error: { code: 'not_found', message: 'Person not found', details: [] },
        }),
    });
    render('u-nobody');
    expect(await screen.findByRole('heading', { level: 1, name: 'Person not found' })).toBeTruthy();
  });
});
