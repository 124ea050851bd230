import { useState, type InputHTMLAttributes } from 'react';
import { FieldFrame, useFieldAria, type FieldProps } from './field-frame.tsx';
import { EyeIcon, EyeOffIcon } from './icons.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

type PasswordFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
    autoComplete: 'current-password' | 'new-password';
  };

/** A password input with a Show/Hide button, so people can check what they typed. */
export function PasswordField({ id, label, hint, error, ...input }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const aria = useFieldAria(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={aria.hintId} errorId={aria.errorId}>
      <div className="input-group">
        <input
          type={visible ? 'text' : 'password'}
          className="input"
          spellCheck={false}
          autoCapitalize="none"
          {...input}
          {...aria.control}
        />
        <button
          type="button"
          className="btn btn--secondary"
          aria-controls={id}
          aria-label={visible ? t('common.hidePassword') : t('common.showPassword')}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? <EyeOffIcon /> : <EyeIcon />}
          {visible ? t('common.hide') : t('common.show')}
        </button>
      </div>
    </FieldFrame>
  );
}
