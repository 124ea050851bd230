import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';

export interface ErrorSummaryItem {
  /** Id of the field to jump to; absent for errors of the whole form. */
  fieldId?: string;
  message: string;
}

interface ErrorSummaryProps {
  items: ErrorSummaryItem[];
  /** Changes on every failed submit: the summary then takes focus so it is read out. */
  focusKey: number;
  title?: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

/** "There is a problem" box at the top of a form, linking to each field in error (GOV.UK pattern). */
export function ErrorSummary({ items, focusKey, title }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const shown = items.length > 0;
  useEffect(() => {
    if (shown && focusKey > 0) ref.current?.focus();
  }, [focusKey, shown]);
  if (!shown) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {title ?? t('forms.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.fieldId ?? 'form'}:${item.message}`}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId ?? '')}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Summary items from a form's errors, in field order, with the form-level message first. */
export function summaryItems<F extends string>(
  errors: { fields: Partial<Record<F, string>>; form: string | null },
  fieldIds: Record<F, string>,
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = errors.form ? [{ message: errors.form }] : [];
  for (const field of Object.keys(fieldIds) as F[]) {
    const message = errors.fields[field];
    if (message) items.push({ fieldId: fieldIds[field], message });
  }
  return items;
}
