import './cover-image-field.css';
import { UPLOAD_LIMITS, type Upload } from '@discuss/contracts';
import { useState, type ChangeEvent } from 'react';
import { useUploadImage } from '../../api/uploads.ts';
import { Button } from '../../components/ui/button.tsx';
import { FieldFrame, useFieldAria } from '../../components/ui/field-frame.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { currentLocale, useTranslation, type TFunction } from '../../i18n/i18n.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** The upload limit in the reader's language ("5 MB"). */
export function maxImageSize(locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(
    UPLOAD_LIMITS.maxBytes / (1024 * 1024),
  );
}

/** Why a chosen file cannot be a cover, before uploading it (the server checks the content again). */
export function checkImageFile(t: TFunction, file: { size: number; type: string }, locale: string) {
  const types: readonly string[] = UPLOAD_LIMITS.imageTypes;
  if (!types.includes(file.type)) return t('cover.wrongType');
  if (file.size > UPLOAD_LIMITS.maxBytes) return t('cover.tooLarge', { max: maxImageSize(locale) });
  if (file.size === 0) return t('cover.empty');
  return undefined;
}

interface CoverImageFieldProps {
  id: string;
  /** The current cover, or null. */
  url: string | null;
  /** A chosen image has been uploaded: use it as the cover. */
  onUploaded: (upload: Upload) => void;
  onRemove: () => void;
  /** The choice is being saved (settings save at once). */
  saving?: boolean;
  /** Saving the choice failed: the message to show. */
  error?: string | null | undefined;
}

/** A community's cover image: the current one, a file to choose (uploaded at once) and removal. */
export function CoverImageField({
  id,
  url,
  onUploaded,
  onRemove,
  saving = false,
  error,
}: CoverImageFieldProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upload = useUploadImage();
  const [problem, setProblem] = useState<string | undefined>();
  const message =
    problem ?? (upload.isError ? errorMessage(t, upload.error) : undefined) ?? error ?? undefined;
  const hint = t('cover.hint', { max: maxImageSize(locale) });
  const aria = useFieldAria(id, hint, message);
  const busy = upload.isPending || saving;

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again is a change too.
    event.target.value = '';
    if (!file) return;
    upload.reset();
    const bad = checkImageFile(t, file, locale);
    setProblem(bad);
    if (!bad) upload.mutate(file, { onSuccess: onUploaded });
  }

  return (
    <FieldFrame
      id={id}
      label={t('cover.label')}
      hint={hint}
      error={message}
      hintId={aria.hintId}
      errorId={aria.errorId}
    >
      <div className="cover-field">
        {url ? (
          <img className="cover-field__preview" src={url} alt={t('cover.current')} />
        ) : (
          <p className="cover-field__empty">{t('cover.none')}</p>
        )}
        <div className="cover-field__actions">
          <input
            type="file"
            className="cover-field__input"
            accept={UPLOAD_LIMITS.imageTypes.join(',')}
            disabled={busy}
            onChange={choose}
            {...aria.control}
          />
          {url && (
            <Button variant="danger-outline" disabled={busy} onClick={onRemove}>
              {t('cover.remove')}
            </Button>
          )}
        </div>
        <p role="status" className="inline-status muted">
          {busy && <Spinner />}
          {upload.isPending ? t('cover.uploading') : saving ? t('common.saving') : null}
        </p>
      </div>
    </FieldFrame>
  );
}
