import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiCall, buildUrl, setCsrfToken } from './client.ts';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => setCsrfToken(null));

describe('buildUrl', () => {
  it('fills and encodes path parameters and skips empty query values', () => {
    expect(buildUrl('/api/me/tokens/:id', { id: 'a/b' })).toBe('/api/me/tokens/a%2Fb');
    expect(
      buildUrl('/api/admin/users', undefined, { q: 'ada l', status: 'all', cursor: undefined, x: '' }),
    ).toBe('/api/admin/users?q=ada+l&status=all');
  });
});

describe('apiCall', () => {
  it('sends JSON with the CSRF token on writes and returns the body', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(202, { message: 'ok' }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf-1');
    await expect(apiCall('forgotPassword', { body: { email: 'a@example.org' } })).resolves.toEqual({
      message: 'ok',
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/forgot-password');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-CSRF-Token': 'csrf-1' });
    expect(init?.body).toBe('{"email":"a@example.org"}');
  });

  it('sends a form as multipart: the CSRF token, and no Content-Type of its own', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(201, { id: 'f1' }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf-2');
    const form = new FormData();
    form.append('file', new Blob(['png'], { type: 'image/png' }), 'cover.png');
    await expect(apiCall('createUpload', { form })).resolves.toEqual({ id: 'f1' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/uploads');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(form);
    expect(init?.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-2' });
    expect(init?.headers).not.toHaveProperty('Content-Type');
  });

  it('does not send the CSRF token on reads, and resolves 204 as undefined', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf-1');
    await expect(apiCall('revokeToken', { params: { id: 't1' } })).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('DELETE');
    fetchMock.mockResolvedValue(json(200, { items: [] }));
    await apiCall('listTokens');
    expect(fetchMock.mock.calls[1]?.[1]?.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('throws an ApiError with the server code, message and details', async () => {
    const details = [{ path: 'body.email', code: 'invalid_format', message: 'Invalid' }];
    vi.stubGlobal(
      'fetch',
      vi
        .fn<typeof fetch>()
        .mockResolvedValue(json(400, { error: { code: 'validation_failed', message: 'Bad', details } })),
    );
    const error = await apiCall('signIn', { body: { email: 'x', password: 'y' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Bad', details });
  });

  it('reports network failures and non-JSON answers with client codes', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiCall('session')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(new Response('<html>', { status: 502 })));
    await expect(apiCall('session')).rejects.toMatchObject({ status: 502, code: 'internal_error' });
  });

  it('refreshes the CSRF token once after csrf_failed and retries', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(json(403, { error: { code: 'csrf_failed', message: 'CSRF' } }))
      .mockResolvedValueOnce(json(200, { user: null, csrfToken: 'fresh', setupRequired: false }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('stale');
    await apiCall('signOut');
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(fetchMock.mock.calls[2]?.[1]?.headers).toMatchObject({ 'X-CSRF-Token': 'fresh' });
  });
});
