import { DISCUSSION_LIMITS, UPLOAD_LIMITS, type PersonRef } from '@discuss/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { apiCall } from '../../api/client.ts';
import { useUploadImage } from '../../api/uploads.ts';
import { Avatar } from '../../components/avatar.tsx';
import { SanitizedHtml } from '../../components/sanitized-html.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import {
  CheckSquareIcon,
  ImageIcon,
  CodeIcon,
  LinkIcon,
  ListIcon,
  ListOrderedIcon,
  QuoteIcon,
} from '../../components/ui/icons.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { LoadingState } from '../../components/ui/spinner.tsx';
import { cx } from '../../lib/cx.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { applyFormat, insertMention, mentionAt, type Format, type TextState } from './markdown-edit.ts';
import { useTranslation } from '../../i18n/i18n.ts';

interface ComposerProps {
  id: string;
  label: ReactNode;
  /** Shown under the label, e.g. what is being replied to. */
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Community whose members can be mentioned. */
  community: string;
  error?: string | undefined;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  autoFocus?: boolean;
  rows?: number;
}

const FORMATS: { format: Format; glyph: ReactNode }[] = [
  { format: 'bold', glyph: 'B' },
  { format: 'italic', glyph: 'I' },
  { format: 'link', glyph: <LinkIcon /> },
  { format: 'quote', glyph: <QuoteIcon /> },
  { format: 'code', glyph: <CodeIcon /> },
  { format: 'bullets', glyph: <ListIcon /> },
  { format: 'numbers', glyph: <ListOrderedIcon /> },
  { format: 'tasks', glyph: <CheckSquareIcon /> },
];

const SHORTCUTS: Record<string, Format> = { b: 'bold', i: 'italic', k: 'link' };

/**
 * The Markdown editor of topics and replies: a toolbar, Write / Preview (rendered by the server exactly as the
 * post will be), and @mention suggestions from the community's members while typing.
 */
export function Composer({
  id,
  label,
  hint,
  value,
  onChange,
  community,
  error,
  onSubmit,
  textareaRef,
  autoFocus,
  rows = 6,
}: ComposerProps) {
  const { t } = useTranslation();
  const base = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const pendingSelection = useRef<{ start: number; end: number } | null>(null);
  const upload = useUploadImage();
  const fileInput = useRef<HTMLInputElement>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const listId = `${base}-mentions`;

  // After a toolbar action or a mention replaced the text, put the selection where it belongs.
  useEffect(() => {
    const selection = pendingSelection.current;
    const textarea = ref.current;
    if (!selection || !textarea) return;
    pendingSelection.current = null;
    textarea.focus();
    textarea.setSelectionRange(selection.start, selection.end);
  }, [value, ref]);

  const suggestions = useMentionSuggestions(community, mention?.query ?? null);
  const people = suggestions.data ?? [];
  const open = mention !== null && people.length > 0;

  function current(): TextState {
    const textarea = ref.current;
    return {
      text: value,
      start: textarea?.selectionStart ?? value.length,
      end: textarea?.selectionEnd ?? value.length,
    };
  }

  function replace(next: TextState) {
    pendingSelection.current = { start: next.start, end: next.end };
    onChange(next.text);
  }

  function format(kind: Format) {
    setTab('write');
    replace(applyFormat(current(), kind, t('composer.placeholderText')));
  }

  /** Upload images (chosen or pasted) and put each in the text where the caret is. */
  async function addImages(files: File[]) {
    setImageError(null);
    for (const file of files) {
      if (!(UPLOAD_LIMITS.imageTypes as readonly string[]).includes(file.type)) {
        setImageError(t('composer.imageType'));
        continue;
      }
      if (file.size > UPLOAD_LIMITS.maxBytes) {
        setImageError(t('composer.imageTooBig'));
        continue;
      }
      try {
        const stored = await upload.mutateAsync(file);
        const alt =
          file.name
            .replace(/\.[^.]+$/, '')
            .replace(/[[\]\n]/g, ' ')
            .trim() || 'image';
        const textarea = ref.current;
        const text = latest.current;
        const at = textarea ? textarea.selectionEnd : text.length;
        const before = text.slice(0, at);
        const gap = before && !before.endsWith('\n') ? '\n' : '';
        const image = `${gap}![${alt}](${stored.url})\n`;
        replace({ text: before + image + text.slice(at), start: at + image.length, end: at + image.length });
      } catch (error) {
        setImageError(errorMessage(t, error));
      }
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const images = [...event.clipboardData.files].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    event.preventDefault();
    void addImages(images);
  }

  function trackMention(text: string, caret: number) {
    const found = mentionAt(text, caret);
    setMention(found);
    setActive(0);
  }

  function choose(person: PersonRef) {
    if (!mention) return;
    replace(insertMention(current(), mention.start, person));
    setMention(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((index) => (index + step + people.length) % people.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const person = people[active];
        if (person) {
          event.preventDefault();
          choose(person);
          return;
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === 'Enter' && onSubmit) {
      event.preventDefault();
      onSubmit();
      return;
    }
    const shortcut = mod && !event.shiftKey && !event.altKey ? SHORTCUTS[event.key.toLowerCase()] : undefined;
    if (shortcut) {
      event.preventDefault();
      format(shortcut);
    }
  }

  const remaining = DISCUSSION_LIMITS.bodyMax - value.length;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className={cx('composer field', error && 'field--error')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__hint" id={hintId}>
        {hint && <span className="composer__context">{hint}</span>}
        <span>{t('composer.hint')}</span>
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <div className="composer__frame">
        <div className="composer__bar">
          <div className="composer__toolbar" role="toolbar" aria-label={t('composer.toolbar')}>
            {FORMATS.map(({ format: kind, glyph }) => (
              <button
                key={kind}
                type="button"
                className={`composer__tool composer__tool--${kind}`}
                title={t(`composer.format.${kind}`)}
                aria-label={t(`composer.format.${kind}`)}
                onClick={() => format(kind)}
              >
                <span aria-hidden="true">{glyph}</span>
              </button>
            ))}
            <button
              type="button"
              className="composer__tool"
              title={t('composer.image')}
              aria-label={t('composer.image')}
              disabled={upload.isPending}
              onClick={() => fileInput.current?.click()}
            >
              <ImageIcon />
            </button>
            <input
              ref={fileInput}
              type="file"
              accept={UPLOAD_LIMITS.imageTypes.join(',')}
              multiple
              hidden
              tabIndex={-1}
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                void addImages(files);
              }}
            />
          </div>
        </div>
        {(upload.isPending || imageError) && (
          <p className={cx('composer__upload', imageError && 'field__error')} role="status">
            {imageError ?? t('composer.uploading')}
          </p>
        )}
        <Tabs
          label={t('composer.modes')}
          selected={tab}
          onSelect={setTab}
          items={[
            { id: 'write', label: t('composer.write') },
            { id: 'preview', label: t('composer.preview') },
          ]}
        >
          {tab === 'write' ? (
            <div className="composer__write">
              <textarea
                ref={ref}
                id={id}
                className="input composer__input"
                rows={rows}
                value={value}
                maxLength={DISCUSSION_LIMITS.bodyMax}
                autoFocus={autoFocus}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                aria-autocomplete="list"
                aria-controls={open ? listId : undefined}
                aria-activedescendant={open ? `${listId}-${active}` : undefined}
                onChange={(event) => {
                  onChange(event.target.value);
                  trackMention(event.target.value, event.target.selectionStart);
                }}
                onKeyDown={onKeyDown}
                onPaste={onPaste}
                onClick={(event) => trackMention(value, event.currentTarget.selectionStart)}
                onBlur={() => window.setTimeout(() => setMention(null), 150)}
              />
              {open && (
                <ul className="mention-list" id={listId} role="listbox" aria-label={t('composer.mentions')}>
                  {people.map((person, index) => (
                    <li
                      key={person.id}
                      id={`${listId}-${index}`}
                      role="option"
                      aria-selected={index === active}
                      className="mention-list__option"
                      onMouseDown={(event) => {
                        event.preventDefault();
                        choose(person);
                      }}
                    >
                      <Avatar name={person.displayName} />
                      {person.displayName}
                    </li>
                  ))}
                </ul>
              )}
              <p className="visually-hidden" role="status">
                {open ? t('composer.suggestionCount', { count: people.length }) : ''}
              </p>
              {remaining < 500 && (
                <p className="composer__count muted" aria-live="polite">
                  {t('composer.remaining', { count: remaining })}
                </p>
              )}
            </div>
          ) : (
            <Preview body={value} />
          )}
        </Tabs>
      </div>
    </div>
  );
}

function Preview({ body }: { body: string }) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: ['preview', body],
    queryFn: ({ signal }) => apiCall('previewMarkdown', { body: { body }, signal }),
    enabled: body.trim() !== '',
    staleTime: Infinity,
  });
  if (!body.trim()) return <p className="composer__preview muted">{t('composer.nothingToPreview')}</p>;
  if (preview.isPending) return <LoadingState />;
  if (preview.isError) {
    return (
      <Alert tone="error" live="alert">
        <p>{errorMessage(t, preview.error)}</p>
      </Alert>
    );
  }
  return <SanitizedHtml className="composer__preview post-body" html={preview.data.html} />;
}

/** Members whose name matches what follows the `@`, after a short pause in typing. */
function useMentionSuggestions(community: string, query: string | null) {
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query), 150);
    return () => window.clearTimeout(timer);
  }, [query]);
  return useQuery({
    queryKey: ['mentions', community, debounced],
    queryFn: async ({ signal }) => {
      const page = await apiCall('listMembers', {
        params: { slug: community },
        query: { q: debounced ?? '', limit: 6, status: 'active' },
        signal,
      });
      return page.items.map((member) => member.user);
    },
    enabled: debounced !== null && query !== null,
    staleTime: 60_000,
  });
}
