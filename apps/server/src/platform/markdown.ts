import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';
import taskLists from 'markdown-it-task-lists';
import sanitizeHtml from 'sanitize-html';

// Code blocks are highlighted when they name a language (```python). Only a set of common languages is
// loaded, which keeps memory and start-up small; others render as plain code. No auto-detection: it is slow
// and guesses wrong on short snippets.
const LANGUAGES = {
  ...{ bash, c, cpp, csharp, css, go, java, javascript, json, markdown, php, python, r, ruby, rust },
  ...{ sql, typescript, xml, yaml },
};
for (const [name, language] of Object.entries(LANGUAGES)) {
  hljs.registerLanguage(name, language);
}

/** Highlighted HTML of a fenced block, or '' to let markdown-it escape it as plain code. */
function highlight(code: string, language: string): string {
  const name = language.trim().toLowerCase();
  if (!name || !hljs.getLanguage(name)) return '';
  try {
    return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    return '';
  }
}

// Raw HTML in Markdown is escaped (html: false); the sanitiser then runs last, after every transform,
// with an allow-list, so nothing a member writes can run script in another member's browser.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false, highlight });
// GitHub-style task lists (`- [ ] to do`, `- [x] done`): read-only checkboxes.
md.use(taskLists, { enabled: false, label: true });

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  's',
  'ul',
  'ol',
  'li',
  'label',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
  'span',
  'sup',
  'sub',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    code: ['class'],
    ul: ['class'],
    li: ['class'],
    span: ['class'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedClasses: {
    code: [/^language-[\w-]+$/],
    span: [/^hljs-[\w-]+$/],
    ul: ['contains-task-list'],
    li: ['task-list-item'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external
          ? { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' }
          : { ...attribs, rel: 'nofollow' },
      };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
    input: (tagName, attribs) =>
      attribs.type === 'checkbox'
        ? { tagName, attribs: { ...attribs, disabled: '' } }
        : { tagName: 'span', attribs: {} },
  },
};

/** Sanitises HTML against the allow-list. Always the last step before storing or showing HTML. */
export const sanitize = (html: string): string => sanitizeHtml(html, SANITIZE);

/** Renders member-written Markdown (CommonMark + tables + autolinks) to sanitised HTML, once, on write. */
export function renderMarkdown(source: string): string {
  return sanitize(md.render(source));
}
