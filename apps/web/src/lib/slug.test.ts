import { describe, expect, it } from 'vitest';
import { isSlugShape, suggestSlug } from './slug.ts';

describe('suggestSlug', () => {
  it('lower-cases, drops accents and joins words with single hyphens', () => {
    expect(suggestSlug('Adult Learning CoP')).toBe('adult-learning-cop');
    expect(suggestSlug('Écoles & Société – VET')).toBe('ecoles-societe-vet');
    expect(suggestSlug('  Formación   profesional  ')).toBe('formacion-profesional');
  });

  it('spells out letters that do not decompose', () => {
    expect(suggestSlug('Straße der Weiterbildung')).toBe('strasse-der-weiterbildung');
    expect(suggestSlug('Łódź Œuvre Ærø')).toBe('lodz-oeuvre-aero');
  });

  it('keeps digits and drops punctuation, emoji and leading or trailing separators', () => {
    expect(suggestSlug('--Erasmus+ 2021–2027!! 🎓')).toBe('erasmus-2021-2027');
    expect(suggestSlug('!!!')).toBe('');
  });

  it('cuts long names at a word boundary within the limit', () => {
    const slug = suggestSlug('Communities of practice for lifelong learning in vocational education', 40);
    expect(slug).toBe('communities-of-practice-for-lifelong');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(suggestSlug('a'.repeat(80), 60)).toHaveLength(60);
  });

  it('always produces a shape the server accepts', () => {
    for (const name of ['Adult Learning CoP', 'Écoles & Société', 'x--y', 'Über 50: Lernen im Alter']) {
      expect(isSlugShape(suggestSlug(name))).toBe(true);
    }
    expect(isSlugShape('Has Spaces')).toBe(false);
    expect(isSlugShape('double--hyphen')).toBe(false);
  });
});
