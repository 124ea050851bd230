import { describe, expect, it } from 'vitest';
import {
  appendBlock,
  applyFormat,
  insertMention,
  mentionAt,
  quoteMarkdown,
  readableSource,
  type TextState,
} from './markdown-edit.ts';

const at = (text: string, start: number, end = start) => ({ text, start, end });

/** What the text becomes when `typed` replaces the selection, as a keystroke would. */
const type = (state: TextState, typed: string) =>
  state.text.slice(0, state.start) + typed + state.text.slice(state.end);

describe('toolbar formats', () => {
  it('wraps the selection and keeps it selected', () => {
    const out = applyFormat(at('make this bold', 5, 9), 'bold', 'text');
    expect(out.text).toBe('make **this** bold');
    expect(out.text.slice(out.start, out.end)).toBe('this');
  });

  it('inserts a selected placeholder when nothing is selected', () => {
    const out = applyFormat(at('', 0), 'italic', 'text');
    expect(out.text).toBe('_text_');
    expect(out.text.slice(out.start, out.end)).toBe('text');
  });

  it('uses a fenced block for code over several lines', () => {
    expect(applyFormat(at('a\nb', 0, 3), 'code', 't').text).toBe('```\na\nb\n```');
    expect(applyFormat(at('x = 1', 0, 5), 'code', 't').text).toBe('`x = 1`');
  });

  it('selects the URL of a new link, ready to be typed over', () => {
    const out = applyFormat(at('see the report', 8, 14), 'link', 'text');
    expect(out.text).toBe('see the [report](https://)');
    expect(out.text.slice(out.start, out.end)).toBe('https://');
  });

  it('prefixes every selected line and starts a new block, leaving the caret after the last line', () => {
    const text = 'intro\none\ntwo';
    const out = applyFormat(at(text, 6, text.length), 'numbers', 'item');
    expect(out.text).toBe('intro\n\n1. one\n2. two');
    expect(out.start).toBe(out.text.length);
    expect(out.end).toBe(out.text.length);
    expect(applyFormat(at('done', 0, 4), 'tasks', 'x').text).toBe('- [ ] done');
    expect(applyFormat(at('', 0), 'quote', 'quote').text).toBe('> quote');
  });

  it.each([
    ['quote', '> '],
    ['bullets', '- '],
    ['numbers', '1. '],
    ['tasks', '- [ ] '],
  ] as const)('%s on an empty box selects the placeholder only, so typing keeps "%s"', (format, marker) => {
    const out = applyFormat(at('', 0), format, 'text');
    expect(out.text).toBe(`${marker}text`);
    expect(out.text.slice(out.start, out.end)).toBe('text');
    expect(type(out, 'X')).toBe(`${marker}X`);
  });

  it('selects the placeholder after the marker on an empty line below text', () => {
    const out = applyFormat(at('Hello\n', 6), 'bullets', 'text');
    expect(out.text).toBe('Hello\n\n- text');
    expect(type(out, 'X')).toBe('Hello\n\n- X');
  });

  it('keeps the selected text of a line selected, without its marker', () => {
    const out = applyFormat(at('intro\ndone', 6, 10), 'tasks', 'text');
    expect(out.text).toBe('intro\n\n- [ ] done');
    expect(out.text.slice(out.start, out.end)).toBe('done');
  });

  it('keeps the caret on the same text when nothing is selected on a line of text', () => {
    const out = applyFormat(at('milk', 4), 'bullets', 'text');
    expect(out.text).toBe('- milk');
    expect(type(out, 's')).toBe('- milks');
  });
});

describe('quotes', () => {
  it('quotes a post with its author and a link to it', () => {
    const md = quoteMarkdown({ number: 3, author: 'Ada *Lovelace*', body: 'First line\n\nSecond' });
    expect(md).toBe('> **Ada Lovelace** [#3](#post-3):\n> First line\n>\n> Second\n\n');
  });

  it('quotes only the selected excerpt when there is one', () => {
    expect(quoteMarkdown({ number: 2, author: 'Bo', body: 'all of it' }, ' part ')).toContain('> part\n');
  });

  it('appends a block after a blank line', () => {
    expect(appendBlock('', 'B')).toBe('B');
    expect(appendBlock('A  \n', 'B')).toBe('A\n\nB');
  });
});

describe('mentions', () => {
  it('read as @Name in a source shown to people, without the id', () => {
    const id = '3f1c2b7e-0000-4000-8000-000000000001';
    expect(readableSource(`Thanks @[Ana Alvarez](${id})! And [a link](https://example.org).`)).toBe(
      'Thanks @Ana Alvarez! And [a link](https://example.org).',
    );
    expect(readableSource('mail@[x] stays')).toBe('mail@[x] stays');
  });

  it('finds the @word before the caret', () => {
    expect(mentionAt('Hello @ad', 9)).toEqual({ start: 6, query: 'ad' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail@example', 12)).toBeNull();
    expect(mentionAt('Hello @ad and more', 18)).toBeNull();
  });

  it('replaces the @word with a mention the server understands', () => {
    const out = insertMention(at('Hi @ad!', 6), 3, { id: 'u1', displayName: 'Ada [Lovelace]' });
    expect(out.text).toBe('Hi @[Ada Lovelace](u1) !');
    expect(out.start).toBe(out.end);
    expect(out.text.slice(0, out.start)).toBe('Hi @[Ada Lovelace](u1) ');
  });
});
