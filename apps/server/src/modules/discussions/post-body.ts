import { renderMarkdown } from '../../platform/markdown.ts';

/** `@[Display Name](user-id)` is what the composer inserts for a mention. */
const MENTION = /@\[([^\]\n]{1,80})\]\(([0-9a-f-]{36})\)/g;

/** A mention as the composer writes it (the demo data writes them too). */
export const mentionOf = (person: { id: string; displayName: string }) =>
  `@[${person.displayName.replace(/[[\]\n]/g, '').slice(0, 80)}](${person.id})`;

/** Turns mentions into links to the person's page, then renders; returns the mentioned ids. */
export function renderPostBody(body: string): { html: string; mentioned: string[] } {
  const mentioned = new Set<string>();
  const source = body.replace(MENTION, (_m, name: string, id: string) => {
    mentioned.add(id);
    return `[@${name.replace(/[[\]]/g, '')}](/people/${id})`;
  });
  return { html: renderMarkdown(source), mentioned: [...mentioned] };
}
