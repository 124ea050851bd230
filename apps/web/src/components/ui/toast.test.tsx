import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../test/render.tsx';
import { ToastProvider, useToast, type ToastTone } from './toast.tsx';

beforeAll(setupI18n);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function Harness() {
  const toast = useToast();
  const say = (message: string, tone?: ToastTone) => () => toast(message, tone);
  return (
    <>
      <button onClick={say('Topic pinned.')}>Pin</button>
      <button onClick={say('Topic unpinned.')}>Unpin</button>
      <button onClick={say('Topic locked.')}>Lock</button>
      <button onClick={say('Not saved.', 'error')}>Fail</button>
    </>
  );
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const shown = () =>
  Array.from(screen.getByRole('status').querySelectorAll('.toast__message'), (p) => p.textContent);

describe('ToastProvider', () => {
  it('shows at most two toasts in its live region: a new one pushes out the oldest', () => {
    render(
      <ToastProvider>
        <Harness />
      </ToastProvider>,
    );
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    press('Pin');
    press('Unpin');
    press('Lock');
    expect(shown()).toEqual(['Topic unpinned.', 'Topic locked.']);
  });

  it('replaces a toast with the same words instead of stacking a copy', () => {
    render(
      <ToastProvider>
        <Harness />
      </ToastProvider>,
    );
    press('Pin');
    press('Lock');
    press('Pin');
    expect(shown()).toEqual(['Topic locked.', 'Topic pinned.']);
  });

  it('goes away on its own (a confirmation after 5 s, an error after 8 s) or at once when dismissed', () => {
    render(
      <ToastProvider>
        <Harness />
      </ToastProvider>,
    );
    press('Pin');
    press('Fail');
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(shown()).toEqual(['Not saved.']);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(shown()).toEqual([]);
    press('Fail');
    act(() => {
      vi.advanceTimersByTime(7999);
    });
    expect(shown()).toEqual(['Not saved.']);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(shown()).toEqual([]);
  });
});
