import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { can, GUEST, POLICY_ACTIONS, type Actor, type UserTarget } from './policy.ts';

// docs/permissions.md holds the rules as a table; this test reads it, so document and code cannot drift.
const doc = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/permissions.md'),
  'utf8',
);

const ACTORS: Record<string, Actor> = {
  guest: GUEST,
  member: {
    kind: 'user',
    userId: 'm1',
    displayName: 'M',
    isOperator: false,
    via: 'session',
    credentialId: 's1',
  },
  operator: {
    kind: 'user',
    userId: 'o1',
    displayName: 'O',
    isOperator: true,
    via: 'session',
    credentialId: 's2',
  },
};
const TARGETS: Record<string, UserTarget | undefined> = {
  '': undefined,
  'a member': { id: 'm2', isOperator: false },
  self: { id: 'o1', isOperator: true },
  'another operator': { id: 'o2', isOperator: true },
};

function platformTable(): { action: string; target: string; allowed: Record<string, boolean> }[] {
  const section = doc.split('## Platform actions')[1]?.split('\n## ')[0] ?? '';
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const header = lines[0]!
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
  return lines.slice(2).map((line) => {
    const cells = line
      .split('|')
      .map((s) => s.trim())
      .slice(1, -1);
    const allowed: Record<string, boolean> = {};
    header.slice(2).forEach((role, i) => (allowed[role] = cells[i + 2] === 'yes'));
    return { action: cells[0]!.replace(/`/g, ''), target: cells[1]!, allowed };
  });
}

describe('policy matches docs/permissions.md', () => {
  const rows = platformTable();

  it('documents every action the policy knows', () => {
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(POLICY_ACTIONS));
  });

  for (const row of platformTable()) {
    for (const [role, expected] of Object.entries(row.allowed)) {
      it(`${role} ${expected ? 'may' : 'may not'} ${row.action}${row.target ? ` on ${row.target}` : ''}`, () => {
        const actor = ACTORS[role];
        expect(actor, `unknown role column ${role}`).toBeDefined();
        expect(row.target in TARGETS, `unknown target ${row.target}`).toBe(true);
        const target = TARGETS[row.target];
        const result = (can as (a: Actor, action: string, r?: unknown) => boolean)(
          actor!,
          row.action,
          target,
        );
        expect(result).toBe(expected);
      });
    }
  }
});
