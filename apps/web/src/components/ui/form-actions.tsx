import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

interface FormActionsProps {
  /** Disables the submit button and shows a spinner while the form is being sent. */
  pending: boolean;
  onCancel: () => void;
  /** Text of the submit button; "Save changes" by default. */
  submitLabel?: ReactNode;
  /** Text while pending; "Saving…" by default. */
  pendingLabel?: ReactNode;
}

/** The submit and Cancel buttons that end a form in a dialog or an inline editor. */
export function FormActions({ pending, onCancel, submitLabel, pendingLabel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button type="submit" pending={pending} pendingLabel={pendingLabel ?? t('common.saving')}>
        {submitLabel ?? t('common.save')}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
