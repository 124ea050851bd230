import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PreparedHead } from '../../platform/shared-answer.ts';
import { hashSet, idHash, mayHaveReacted, pageWeight, type PostPage } from './discussion.reads.ts';

describe("a page's reactors", () => {
  const reactors = Array.from({ length: 300 }, () => randomUUID());
  const page = { reactors: hashSet([...reactors, ...reactors.slice(0, 50)]) };

  it('keeps each reactor once, sorted', () => {
    expect(page.reactors.length).toBe(300);
    expect([...page.reactors]).toEqual([...page.reactors].sort((a, b) => a - b));
  });

  it('finds every member who reacted', () => {
    for (const id of reactors) expect(mayHaveReacted(page, id)).toBe(true);
  });

  it('tells that a member who did not react did not (bar a 32-bit collision)', () => {
    const others = Array.from({ length: 2_000 }, () => randomUUID());
    const hashes = new Set(page.reactors);
    for (const id of others) expect(mayHaveReacted(page, id)).toBe(hashes.has(idHash(id)));
    // Ids that differ in one character get different hashes.
    expect(
      mayHaveReacted(page, `${reactors[0]!.slice(0, -1)}${reactors[0]!.endsWith('a') ? 'b' : 'a'}`),
    ).toBe(false);
    expect(mayHaveReacted({ reactors: new Uint32Array() }, reactors[0]!)).toBe(false);
  });

  it('is part of what a kept page weighs', () => {
    const base: PostPage = {
      head: PreparedHead.of({ items: [] }, (v) => JSON.stringify(v)),
      posts: [],
      first: 1,
      last: 0,
      reactors: new Uint32Array(),
    };
    expect(pageWeight({ ...base, reactors: page.reactors }) - pageWeight(base)).toBe(1_200);
  });
});
