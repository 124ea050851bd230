import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPage, setupI18n } from '../../test/render.tsx';
import { SignInPage } from './sign-in.tsx';

beforeAll(setupI18n);

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fake server at the fetch boundary: a guest session, and a sign-in that always fails. */
function stubServer() {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === '/api/auth/session')
      return json(200, { user: null, csrfToken: 'csrf-guest', setupRequired: false });
    if (url === '/api/auth/sign-in' && init?.method === 'POST') {
      return json(401, { error: { code: 'invalid_credentials', message: 'Invalid e-mail or password' } });
    }
    return json(404, { error: { code: 'route_not_found', message: 'Not found' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('SignInPage', () => {
  it('shows the translated invalid_credentials message', async () => {
    const fetchMock = stubServer();
    renderPage(<SignInPage />, '/sign-in');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/auth/session', expect.anything()));

    fireEvent.change(screen.getByLabelText('E\u2011mail address'), {
      target: { value: ' Ada@Example.org ' },
    });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    expect(summary.textContent).toContain('The e\u2011mail address or the password is not right.');

    const signInCall = fetchMock.mock.calls.find(([url]) => url === '/api/auth/sign-in');
    expect(JSON.parse(signInCall?.[1]?.body as string)).toEqual({
      email: 'Ada@Example.org',
      password: 'wrong password',
    });
    expect(signInCall?.[1]?.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-guest' });
  });

  it('checks the fields before calling the server', async () => {
    const fetchMock = stubServer();
    renderPage(<SignInPage />, '/sign-in');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Enter your e\u2011mail address');
    expect(summary.textContent).toContain('Enter your password');
    expect(screen.getByLabelText('E\u2011mail address').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/auth/sign-in')).toBe(false);
  });
});
