import type { ReactNode } from 'react';
import { Alert } from './alert.tsx';
import { Button, type ButtonVariant } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  pendingLabel?: ReactNode;
  onConfirm: () => void;
  pending?: boolean;
  /** A failure of the confirmed action, shown inside the dialog. */
  error?: string | null;
  variant?: ButtonVariant;
}

/** "Are you sure?" for actions that cannot be undone in one click: the consequence, then confirm or cancel. */
export function ConfirmDialog({
  open,
  onClose,
  title,
  children,
  confirmLabel,
  pendingLabel,
  onConfirm,
  pending = false,
  error,
  variant = 'danger',
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="stack">
        {typeof children === 'string' ? <p>{children}</p> : children}
        {error && (
          <Alert tone="error" live="alert">
            <p>{error}</p>
          </Alert>
        )}
        <div className="button-row">
          <Button variant={variant} pending={pending} pendingLabel={pendingLabel} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
