import { describe, expect, it } from 'vitest';
import { checkImageFile, maxImageSize } from './cover-image-field.tsx';
import type { TFunction } from '../../i18n/i18n.ts';

const t = ((key: string, vars?: Record<string, unknown>) =>
  vars ? `${key} ${JSON.stringify(vars)}` : key) as unknown as TFunction;

describe('checkImageFile', () => {
  it('accepts the image types the server accepts, up to its size limit', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp'])
      expect(checkImageFile(t, { type, size: 1000 }, 'en')).toBeUndefined();
    expect(checkImageFile(t, { type: 'image/png', size: 5 * 1024 * 1024 }, 'en')).toBeUndefined();
  });

  it('refuses other types, larger files and empty ones before uploading', () => {
    expect(checkImageFile(t, { type: 'image/svg+xml', size: 10 }, 'en')).toBe('cover.wrongType');
    expect(checkImageFile(t, { type: '', size: 10 }, 'en')).toBe('cover.wrongType');
    expect(checkImageFile(t, { type: 'image/png', size: 5 * 1024 * 1024 + 1 }, 'en')).toBe(
      'cover.tooLarge {"max":"5 MB"}',
    );
    expect(checkImageFile(t, { type: 'image/png', size: 0 }, 'en')).toBe('cover.empty');
  });

  it('writes the limit in the reader’s language', () => {
    expect(maxImageSize('de')).toMatch(/^5\sMB$/);
    expect(maxImageSize('fr')).toMatch(/^5\sMo$/);
  });
});
