import type { AuthSessionResponse } from '@discuss/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { applySession } from '../../api/session.ts';
import { forgetDrafts, useDraft } from './drafts.ts';

const person = (id: string): AuthSessionResponse => ({
  user: {
    id,
    email: `${id}@example.org`,
    displayName: id,
    locale: 'en',
    emailVerified: true,
    isOperator: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  csrfToken: `csrf-${id}`,
  setupRequired: false,
});
const GUEST: AuthSessionResponse = { user: null, csrfToken: null, setupRequired: false };
const EMPTY = { body: '' };

function setup(session: AuthSessionResponse) {
  const client = createQueryClient();
  applySession(client, session);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useDraft('topic:t1', EMPTY, (d) => !d.body.trim()), { wrapper });
  const type = (body: string) => {
    act(() => hook.result.current.setValue({ body }));
    act(() => {
      vi.advanceTimersByTime(500);
    });
  };
  const become = (next: AuthSessionResponse) =>
    act(() => {
      applySession(client, next);
      vi.advanceTimersByTime(10); // TanStack Query tells its observers on the next tick
    });
  return { hook, type, become };
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe('useDraft', () => {
  it("keeps each person's draft under their own key and offers it back to them only", () => {
    const ana = setup(person('ana'));
    ana.type('Half a thought');
    expect(JSON.parse(localStorage.getItem('discuss:draft:ana:topic:t1')!)).toEqual({
      body: 'Half a thought',
    });
    ana.hook.unmount();

    const again = setup(person('ana'));
    expect(again.hook.result.current).toMatchObject({ value: { body: 'Half a thought' }, restored: true });
    const ben = setup(person('ben'));
    expect(ben.hook.result.current).toMatchObject({ value: EMPTY, restored: false });
  });

  it('starts over from the new person’s own draft when the person changes, and keeps nothing for guests', () => {
    const s = setup(person('ana'));
    s.type('Ana writes');
    s.become(GUEST);
    expect(s.hook.result.current.value).toEqual(EMPTY);
    s.type('A guest types');
    expect(Object.keys(localStorage).filter((k) => k.includes('guest'))).toEqual([]);
    s.become(person('ana'));
    expect(s.hook.result.current).toMatchObject({ value: { body: 'Ana writes' }, restored: true });
  });

  it('forgets every draft at sign-out, and an unmounting composer does not write its draft back', () => {
    const s = setup(person('ana'));
    s.type('Something private');
    localStorage.setItem('discuss:draft:ben:new:vet:', '{"title":"x"}');
    localStorage.setItem('discuss.locale', 'fr');
    forgetDrafts();
    s.hook.unmount();
    expect(Object.keys(localStorage)).toEqual(['discuss.locale']);

    // The next person to sign in writes drafts again.
    const next = setup(person('ben'));
    next.type('Ben starts');
    expect(localStorage.getItem('discuss:draft:ben:topic:t1')).not.toBeNull();
  });
});
