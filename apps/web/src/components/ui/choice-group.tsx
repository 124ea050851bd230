import type { ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';
import { useFieldAria } from './field-frame.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  /** One plain sentence under the label: what choosing it means. */
  description?: ReactNode;
  lang?: string;
}

interface ChoiceGroupBase<V extends string> {
  /** Id of the fieldset; error summaries link to it (focus lands on the first choice). */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  name: string;
  options: readonly ChoiceOption<V>[];
  /** Lay short options out in columns. */
  columns?: boolean;
  disabled?: boolean;
}

interface FrameProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  columns?: boolean;
  children: ReactNode;
}

function ChoiceFrame({ id, legend, hint, error, columns, children }: FrameProps) {
  const { t } = useTranslation();
  const aria = useFieldAria(`${id}-group`, hint, error);
  return (
    <fieldset
      id={id}
      className={cx('field choice-group', error && 'field--error')}
      aria-describedby={aria.control['aria-describedby']}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <div className="field__hint" id={aria.hintId}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={aria.errorId}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <div className={cx('choice-group__options', columns && 'choice-group__options--columns')}>
        {children}
      </div>
    </fieldset>
  );
}

function ChoiceItem({
  type,
  id,
  name,
  label,
  description,
  lang,
  checked,
  disabled,
  onChange,
}: {
  type: 'radio' | 'checkbox';
  id: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  lang?: string | undefined;
  checked: boolean;
  disabled?: boolean | undefined;
  onChange: () => void;
}) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <div className="choice">
      <input
        type={type}
        className="choice__input"
        id={id}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        aria-describedby={descriptionId}
      />
      <label className="choice__label" htmlFor={id} lang={lang}>
        {label}
      </label>
      {description && (
        <p className="choice__description" id={descriptionId}>
          {description}
        </p>
      )}
    </div>
  );
}

/** Radio buttons in a fieldset with a visible legend; each option may explain itself in one sentence. */
export function RadioGroup<V extends string>({
  value,
  onChange,
  ...props
}: ChoiceGroupBase<V> & { value: V; onChange: (value: V) => void }) {
  return (
    <ChoiceFrame {...props}>
      {props.options.map((option) => (
        <ChoiceItem
          key={option.value}
          type="radio"
          id={`${props.id}-${option.value}`}
          name={props.name}
          label={option.label}
          description={option.description}
          lang={option.lang}
          checked={value === option.value}
          disabled={props.disabled}
          onChange={() => onChange(option.value)}
        />
      ))}
    </ChoiceFrame>
  );
}

/** Checkboxes in a fieldset: several values at once. */
export function CheckboxGroup<V extends string>({
  value,
  onChange,
  ...props
}: ChoiceGroupBase<V> & { value: readonly V[]; onChange: (value: V[]) => void }) {
  return (
    <ChoiceFrame {...props}>
      {props.options.map((option) => {
        const checked = value.includes(option.value);
        return (
          <ChoiceItem
            key={option.value}
            type="checkbox"
            id={`${props.id}-${option.value}`}
            name={props.name}
            label={option.label}
            description={option.description}
            lang={option.lang}
            checked={checked}
            disabled={props.disabled}
            onChange={() =>
              onChange(checked ? value.filter((v) => v !== option.value) : [...value, option.value])
            }
          />
        );
      })}
    </ChoiceFrame>
  );
}
