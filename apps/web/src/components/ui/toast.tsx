import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';
import { CloseIcon } from './icons.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

export type ToastTone = 'success' | 'info' | 'error';
type ShowToast = (message: string, tone?: ToastTone) => void;

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

const ToastContext = createContext<ShowToast>(() => {});

/** How long a toast stays: long enough to read, short enough not to sit over the page; errors stay longer. */
const TOAST_DURATION_MS: Record<ToastTone, number> = { success: 5000, info: 5000, error: 8000 };

/** More at once would stack over the page (pin, unpin, lock…): a new toast pushes out the oldest. */
const MAX_TOASTS = 2;

/**
 * Short confirmations ("Profile saved") in one polite live region: at the bottom corner of wide screens, at the
 * top of phones, where it cannot cover the composer's buttons at the bottom of the page.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((item) => item.id !== id)), []);
  const show = useCallback<ShowToast>(
    (message, tone = 'success') => {
      const id = nextId.current++;
      // The same words again (e.g. saving twice) replace the earlier toast instead of stacking under it.
      setToasts((list) => [
        ...list.filter((item) => item.message !== message).slice(-(MAX_TOASTS - 1)),
        { id, message, tone },
      ]);
      window.setTimeout(() => dismiss(id), TOAST_DURATION_MS[tone]);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);

  return (
    <ToastContext value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={cx('toast', `toast--${toast.tone}`)}>
            <p className="toast__message">{toast.message}</p>
            <button
              type="button"
              className="btn btn--quiet"
              aria-label={t('common.dismiss')}
              onClick={() => dismiss(toast.id)}
            >
              <CloseIcon />
            </button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
