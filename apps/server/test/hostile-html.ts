import { Parser } from 'htmlparser2';

/**
 * Hostile Markdown and HTML, shared by the renderer's unit test (src/platform/markdown.test.ts) and the
 * API-level stored-XSS suite (xss.int.test.ts). Most entries stay under 80 characters so that short
 * plain-text fields (display names, titles) get them too, not only a length refusal.
 */
export const HOSTILE_MARKUP: readonly string[] = [
  // script and event handlers
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  // javascript:, vbscript: and data: links and images, Markdown and HTML
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '![x](javascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](data:text/html,<script>alert(1)</script>)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[x][1]\n\n[1]: javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="javascript:alert(1)">',
  '<img srcset="javascript:alert(1) 1x">',
  // entity-encoded schemes, and tabs, newlines and control characters inside them
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;&#x61;vascript:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](java&Tab;script:alert(1))',
  '<a href="&#106;&#97;vascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '[x](java\tscript:alert(1))',
  '[x](<java\nscript:alert(1)>)',
  '<a href="java\nscript:alert(1)">x</a>',
  '[x](\u0001javascript:alert(1))',
  '[x](\u0000javascript:alert(1))',
  // embedding, forms, meta, base
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="x"></object><embed src="x">',
  '<embed src="javascript:alert(1)">',
  '<form action="https://evil.example"><input name=x></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  // CSS
  '<style>body{display:none}</style>',
  "<style>@import 'javascript:alert(1)';</style>",
  '<div style="width:expression(alert(1))">x</div>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  // links that open a new window
  '<a href="https://evil.example" target="_blank">x</a>',
  '<a href="/people/x" target="_blank">x</a>',
  '[x](https://evil.example)',
  '[x](//evil.example)',
  '<a href="/\\evil.example">x</a>',
  // malformed and unclosed nesting, comment tricks
  '<a href="x"><script>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '<!--><script>alert(1)</script>-->',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '</title><script>alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  // Markdown breaking out of attributes
  '[x](https://a.example/" onmouseover="alert(1))',
  '[x](https://a.example "t\\" onmouseover=\\"alert(1)")',
  '![x" onerror="alert(1)](https://a.example/x.png)',
  '![a](x" onerror=alert(1) ")',
  // autolinks
  '<javascript:alert(1)>',
  '<https://a.example/" onclick="alert(1)>',
  'www.example.org/"><script>alert(1)</script>',
  'https://example.org/?q=<script>alert(1)</script>',
  // HTML in code: must come back as escaped text
  '`<script>alert(1)</script>`',
  '`<img src=x onerror=alert(1)>`',
  '```html\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '```javascript\n</script><script>alert(1)</script>\n```',
  '```xml\n<svg onload=alert(1)>\n```',
  '```"><img src=x onerror=alert(1)>\nx\n```',
  // task lists: the checkbox is the only input allowed
  '- [ ] <img src=x onerror=alert(1)>',
  '- [x] [x](javascript:alert(1))',
  // text that merely looks like markup or a template
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '＜script＞alert(1)＜/script＞',
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)}',
  '<%= 7*7 %>',
  '#{7*7}',
  'javascript:alert(1)',
];

/** The composer's mention syntax with hostile names and ids (the id must look like a user id to match). */
export const hostileMentions = (userId = '00000000-0000-4000-8000-000000000000'): string[] => [
  `@[<img src=x onerror=alert(1)>](${userId})`,
  `@[x" onmouseover="alert(1)](${userId})`,
  `@[x\\](javascript:alert(1))](${userId})`,
  `@[x](javascript:alert(1))`,
  `@[<script>alert(1)</script>](${userId}) and @[ok](${userId})`,
];

/** One line of many tricks at once, short and clean enough for every plain-text field (≤ 80, no controls). */
export const KITCHEN_SINK = `<img src=x onerror=alert(1)>"'><script>alert(1)</script>{{7*7}}`;

// Elements that run, load or restyle things, or change where links and forms go.
const DANGEROUS_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'form',
  'button',
  'textarea',
  'select',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'title',
  'details',
  'dialog',
  'portal',
  'video',
  'audio',
  'source',
  'html',
  'head',
  'body',
]);

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'longdesc',
  'usemap',
  'ping',
  'dynsrc',
  'lowsrc',
  'manifest',
  'codebase',
  'archive',
  'classid',
  'profile',
  'icon',
]);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Drops C0 control characters and spaces at both ends, as the URL parser does. */
function trimControls(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

/**
 * Why a URL attribute value is unsafe, or undefined. The value arrives entity-decoded from the parser;
 * browsers also drop tabs and newlines anywhere and control characters and spaces at both ends, so a
 * scheme is judged after the same clean-up. Relative paths are fine; protocol-relative ones are not.
 */
export function unsafeUrl(value: string): string | undefined {
  const cleaned = trimControls(value.replace(/[\t\n\r]/g, ''));
  if (/^[\\/]{2}/.test(cleaned)) return 'protocol-relative';
  const scheme = /^([^/?#\\]*?):/.exec(cleaned)?.[1];
  if (scheme && /^[a-z][a-z0-9+.-]*$/i.test(scheme) && !SAFE_SCHEMES.has(scheme.toLowerCase())) {
    return `scheme ${scheme.toLowerCase()}`;
  }
  return undefined;
}

/** Parses HTML like a browser's tokenizer and lists everything that could execute or mislead. */
export function executableParts(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (DANGEROUS_TAGS.has(name)) found.push(`<${name}>`);
      if (name === 'input' && attribs.type?.toLowerCase() !== 'checkbox')
        found.push('<input> not a checkbox');
      for (const [attr, value] of Object.entries(attribs)) {
        if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
        if (attr === 'style') found.push(`${name}[style]`);
        if (attr === 'srcdoc') found.push(`${name}[srcdoc]`);
        if (!URL_ATTRIBUTES.has(attr)) continue;
        const urls =
          attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) {
          const why = unsafeUrl(url);
          if (why) found.push(`${name}[${attr}=${JSON.stringify(value)}]: ${why}`);
        }
      }
      const target = attribs.target?.trim().toLowerCase();
      if (target === '_blank' && !(attribs.rel ?? '').toLowerCase().split(/\s+/).includes('noopener')) {
        found.push(`${name}[target=_blank] without rel=noopener`);
      }
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

/** Executable parts of every `html` or `…Html` string anywhere in a JSON value, labelled with their path. */
export function htmlFieldProblems(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => htmlFieldProblems(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === 'string' && (k === 'html' || k.endsWith('Html'))
      ? executableParts(v).map((p) => `${path}.${k}: ${p}`)
      : htmlFieldProblems(v, `${path}.${k}`),
  );
}
