import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** docs/permissions.md: the rule book that the policy and the API are tested against. */
export const PERMISSIONS_DOC = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/permissions.md'),
  'utf8',
);

export interface DocRow {
  action: string;
  /** Second column (target or join policy). */
  qualifier: string;
  allowed: Record<string, boolean>;
}

/** The markdown table that follows `heading` (a line starting with it). */
export function docTable(heading: string): DocRow[] {
  const start = PERMISSIONS_DOC.split('\n').findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`docs/permissions.md has no section "${heading}"`);
  const lines = PERMISSIONS_DOC.split('\n').slice(start + 1);
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[] = [];
  for (const l of lines.slice(first)) {
    if (!l.startsWith('|')) break;
    rows.push(l);
  }
  const cells = (l: string) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const header = cells(rows[0]!);
  return rows.slice(2).map((line) => {
    const c = cells(line);
    const allowed: Record<string, boolean> = {};
    header.slice(2).forEach((role, i) => {
      if (c[i + 2] !== 'yes' && c[i + 2] !== 'no') throw new Error(`bad cell "${c[i + 2]}" in ${line}`);
      allowed[role] = c[i + 2] === 'yes';
    });
    return { action: c[0]!.replace(/`/g, ''), qualifier: c[1]!, allowed };
  });
}

export const COMMUNITY_SECTIONS = {
  public: '### Public community',
  members: '### Members-only community',
  hidden: '### Hidden community',
} as const;
