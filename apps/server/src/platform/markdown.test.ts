import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executableParts, HOSTILE_MARKUP as HOSTILE } from '../../test/hostile-html.ts';
import { renderMarkdown } from './markdown.ts';

describe('markdown rendering', () => {
  it('renders CommonMark, tables and autolinks', () => {
    const html = renderMarkdown(
      '# Title\n\n**bold** and _em_\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSee https://example.org',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<table>');
    expect(html).toContain(
      '<a href="https://example.org" rel="nofollow noopener noreferrer" target="_blank">',
    );
  });

  it.each(HOSTILE)('neutralises %s', (input) => {
    expect(executableParts(renderMarkdown(input))).toEqual([]);
  });

  it('the checker itself finds executable parts in unsanitised HTML', () => {
    expect(
      executableParts('<img src=x onerror=alert(1)><a href="javascript:x">y</a><script></script>'),
    ).toHaveLength(3);
    for (const html of [
      '<a href="jav&#x09;ascript:x">',
      '<a href="&#106;avascript&colon;x">',
      '<a href="JaVa\nScRiPt:x">',
      '<a href=" \u0001javascript:x">',
      '<a href="//evil.example">',
      '<a href="/\\evil.example">',
      '<a href="https://x.example" target="_blank">',
      '<img srcset="https://x.example/a.png 1x, javascript:y 2x">',
      '<p style="color:red">',
      '<input type="text">',
      '<base href="/">',
    ]) {
      expect(executableParts(html), html).not.toEqual([]);
    }
    for (const html of [
      '<a href="/people/x" rel="nofollow">x</a>',
      '<a href="https://x.example" rel="nofollow noopener noreferrer" target="_blank">x</a>',
      '<a href="mailto:a@b.example">x</a><a href="#top">x</a><a href="a/b:c">x</a>',
      '<img src="https://x.example/a.png"><input type="checkbox" disabled>',
    ]) {
      expect(executableParts(html), html).toEqual([]);
    }
  });

  it('never emits executable HTML for generated Markdown mixing hostile fragments', () => {
    const fragment = fc.constantFrom(
      ...HOSTILE,
      '**',
      '_',
      '[',
      '](',
      ')',
      '<',
      '>',
      '"',
      "'",
      '`',
      '\n\n',
      '| a |\n| - |\n',
      '> ',
      '- ',
      '1. ',
      'javascript:',
      'onerror=',
      '&#106;avascript:',
      '<img',
      '<a href=',
      ' src=',
      'http://x.test/',
      '\u0000',
      '\u202e',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 30 }), (parts) => {
        expect(executableParts(renderMarkdown(parts.join('')))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
