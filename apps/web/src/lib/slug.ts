import { COMMUNITY_LIMITS } from '@discuss/contracts';

// Letters that Unicode decomposition leaves alone but people still expect spelt out in a web address.
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * A web-address name suggested from a title: "Écoles & Société – VET" → "ecoles-societe-vet". Lower-case
 * ASCII letters, digits and single hyphens (the server's slug rule), cut at a word boundary to the limit.
 */
export function suggestSlug(name: string, max: number = COMMUNITY_LIMITS.slugMax): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => SPELLED[letter] ?? letter);
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}

const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a slug has the shape the server accepts (length checked separately). */
export function isSlugShape(value: string): boolean {
  return SLUG_SHAPE.test(value);
}
