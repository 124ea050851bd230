import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '![x](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<<script>script>alert(1)<</script>/script>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<object data="x"></object><embed src="x">',
  '<form action="https://evil.example"><input name=x></form>',
  '<details open ontoggle=alert(1)>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
];

const DANGEROUS_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'svg',
  'math',
  'form',
  'details',
  'link',
  'meta',
  'base',
]);

/** Parses HTML like a browser's tokenizer and lists everything that could execute. */
export function executableParts(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (DANGEROUS_TAGS.has(name)) found.push(`<${name}>`);
      for (const [attr, value] of Object.entries(attribs)) {
        if (attr.startsWith('on') || attr === 'style') found.push(`${name}[${attr}]`);
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr) &&
          !/^(https?:|mailto:|\/|#)/i.test(value.trim())
        ) {
          found.push(`${name}[${attr}=${value}]`);
        }
      }
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

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
    ).toHaveLength(4);
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
