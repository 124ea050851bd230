import { describe, expect, it } from 'vitest';
import { translate } from './translate.ts';

const strings = {
  topic: {
    title: 'Topic {{name}} by {{ author }}',
    replies_one: '{{count}} reply',
    replies_other: '{{count}} replies',
    replies_many: '{{count}} de réponses',
    votes_zero: 'No votes',
    votes_one: 'One vote',
    votes_other: '{{count}} votes',
  },
  html: '<b>{{name}}</b>',
};

describe('translate', () => {
  it('finds nested keys and fills placeholders', () => {
    expect(translate(strings, 'en', 'topic.title', { name: 'Soil', author: 'Ada' })).toBe(
      'Topic Soil by Ada',
    );
  });

  it('does not escape HTML (React does)', () => {
    expect(translate(strings, 'en', 'html', { name: '<i>' })).toBe('<b><i></b>');
  });

  it('picks the plural form by the language rules, falling back to _other', () => {
    expect(translate(strings, 'en', 'topic.replies', { count: 1 })).toBe('1 reply');
    expect(translate(strings, 'en', 'topic.replies', { count: 2 })).toBe('2 replies');
    expect(translate(strings, 'fr', 'topic.replies', { count: 1_000_000 })).toBe('1000000 de réponses');
    expect(translate(strings, 'de', 'topic.replies', { count: 0 })).toBe('0 replies');
  });

  it('uses _zero for zero when there is one', () => {
    expect(translate(strings, 'en', 'topic.votes', { count: 0 })).toBe('No votes');
  });

  it('gives the default value, else the key, for a missing string', () => {
    expect(translate(strings, 'en', 'topic.missing', { defaultValue: 'Sorry {{name}}', name: 'Ada' })).toBe(
      'Sorry Ada',
    );
    expect(translate(strings, 'en', 'topic.missing')).toBe('topic.missing');
    expect(translate(strings, 'en', 'topic')).toBe('topic');
    expect(translate(strings, 'en', 'topic.title.deeper')).toBe('topic.title.deeper');
  });
});
