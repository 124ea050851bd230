/** A textarea's text and selection: what the composer's toolbar transforms. */
export interface TextState {
  text: string;
  start: number;
  end: number;
}

export type Format = 'bold' | 'italic' | 'code' | 'link' | 'quote' | 'bullets' | 'numbers' | 'tasks';

/** Surround the selection (or a placeholder) with `before` and `after`, keeping the inner text selected. */
function wrap(state: TextState, before: string, after: string, placeholder: string): TextState {
  const selected = state.text.slice(state.start, state.end) || placeholder;
  const text = state.text.slice(0, state.start) + before + selected + after + state.text.slice(state.end);
  const start = state.start + before.length;
  return { text, start, end: start + selected.length };
}

/**
 * Prefix every line touched by the selection, e.g. with "> " or "- ". The markers are never selected, so the
 * next keystroke cannot replace them: on an empty line the placeholder after the marker is selected; on one
 * line of text the selection (or caret) stays on the same text; over several lines the caret goes to the end.
 */
function prefixLines(state: TextState, prefix: (index: number) => string, placeholder: string): TextState {
  const lineStart = state.text.lastIndexOf('\n', state.start - 1) + 1;
  const nextBreak = state.text.indexOf('\n', state.end);
  const lineEnd = nextBreak === -1 ? state.text.length : nextBreak;
  const original = state.text.slice(lineStart, lineEnd);
  const lines = (original || placeholder).split('\n');
  const replaced = lines.map((line, i) => prefix(i) + line).join('\n');
  // A list or quote needs a blank line before it to start a block.
  const gap = lineStart > 0 && state.text[lineStart - 2] !== '\n' ? '\n' : '';
  const text = state.text.slice(0, lineStart) + gap + replaced + state.text.slice(lineEnd);
  const blockStart = lineStart + gap.length;
  const blockEnd = blockStart + replaced.length;
  if (lines.length > 1) return { text, start: blockEnd, end: blockEnd };
  const shift = gap.length + prefix(0).length;
  if (!original) return { text, start: blockStart + prefix(0).length, end: blockEnd };
  return { text, start: state.start + shift, end: state.end + shift };
}

/** Apply one toolbar format to the text. `placeholder` is the translated "text" shown when nothing is selected. */
export function applyFormat(state: TextState, format: Format, placeholder: string): TextState {
  switch (format) {
    case 'bold':
      return wrap(state, '**', '**', placeholder);
    case 'italic':
      return wrap(state, '_', '_', placeholder);
    case 'code': {
      const selected = state.text.slice(state.start, state.end);
      return selected.includes('\n')
        ? wrap(state, '```\n', '\n```', placeholder)
        : wrap(state, '`', '`', placeholder);
    }
    case 'link': {
      const linked = wrap(state, '[', '](https://)', placeholder);
      // Select the URL part, ready to be typed over.
      const urlStart = linked.end + 2;
      return { text: linked.text, start: urlStart, end: urlStart + 'https://'.length };
    }
    case 'quote':
      return prefixLines(state, () => '> ', placeholder);
    case 'bullets':
      return prefixLines(state, () => '- ', placeholder);
    case 'numbers':
      return prefixLines(state, (i) => `${i + 1}. `, placeholder);
    case 'tasks':
      return prefixLines(state, () => '- [ ] ', placeholder);
  }
}

/** Markdown quoting a post: its author, a link to it, then its text as a block quote. */
export function quoteMarkdown(
  post: { number: number; author: string; body: string },
  excerpt?: string,
): string {
  const text = (excerpt?.trim() || post.body.trim()).replace(/\r\n?/g, '\n');
  const quoted = text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  return `> **${post.author.replace(/[*_[\]]/g, '')}** [#${post.number}](#post-${post.number}):\n${quoted}\n\n`;
}

/** Add a block (e.g. a quote) at the end of the text, separated by a blank line. */
export function appendBlock(text: string, block: string): string {
  if (!text.trim()) return block;
  return `${text.replace(/\s*$/, '')}\n\n${block}`;
}

/** The `@word` being typed right before the caret, if any: where it starts and what follows the `@`. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@([\p{L}\p{N}._'-]{0,30})$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/**
 * Markdown as a person reads it (earlier versions in a post's history): a mention's id stays out of sight,
 * `@[Ana Alvarez](3f1c…)` reads `@Ana Alvarez`.
 */
export function readableSource(markdown: string): string {
  return markdown.replace(/@\[([^\]\n]{1,80})\]\([^)\s]{1,64}\)/g, '@$1');
}

/** Replace the `@query` at `start` with a mention the server turns into a profile link. */
export function insertMention(
  state: TextState,
  start: number,
  person: { id: string; displayName: string },
): TextState {
  const name = person.displayName.replace(/[[\]\n]/g, '').slice(0, 80);
  const mention = `@[${name}](${person.id}) `;
  const text = state.text.slice(0, start) + mention + state.text.slice(state.end);
  const caret = start + mention.length;
  return { text, start: caret, end: caret };
}
