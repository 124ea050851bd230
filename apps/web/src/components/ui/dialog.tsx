import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

interface DialogProps {
  open: boolean;
  /** Called when the dialog closes by Escape, the close button, or the caller. */
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
}

/** A modal built on the native <dialog>: focus is trapped and restored by the browser, Escape closes it. */
export function Dialog({ open, onClose, title, children }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="dialog__header">
        <h2 className="dialog__title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="btn btn--quiet" onClick={onClose} aria-label={t('common.close')}>
          <CloseIcon />
        </button>
      </div>
      <div className="dialog__body">{open && children}</div>
    </dialog>
  );
}
