import type { ListedPost, PostListResponse } from '@discuss/contracts';
import { describe, expect, it } from 'vitest';
import { openingPost, pageStart, POSTS_PAGE, withViewer } from './discussions.ts';

const listed = (number: number, reactions: ListedPost['reactions'] = []): ListedPost => ({
  id: `p${number}`,
  number,
  author: { id: 'u1', displayName: 'Ana' },
  bodyHtml: `<p>Post ${number}</p>`,
  replyToNumber: null,
  createdAt: '2026-11-29T10:00:00.000Z',
  editedAt: null,
  editCount: 0,
  deleted: false,
  reactions,
});

describe('pages of a thread', () => {
  it('opens threads at whole pages, the page holding the post to show', () => {
    expect(POSTS_PAGE).toBe(20);
    expect([1, 2, 20, 21, 40, 41, 1000].map(pageStart)).toEqual([1, 1, 1, 21, 21, 41, 981]);
    expect(pageStart(0)).toBe(1);
    // The post shown is the last read one, for context; its page is what is asked for.
    expect(openingPost({ lastReadNumber: 25, postCount: 60 })).toBe(25);
    expect(pageStart(openingPost({ lastReadNumber: 25, postCount: 60 }))).toBe(21);
    expect(openingPost({ lastReadNumber: 60, postCount: 60 })).toBe(1);
    expect(openingPost({ lastReadNumber: null, postCount: 60 })).toBe(1);
  });

  it("puts the viewer's own reactions and permissions back into each post", () => {
    const answer: PostListResponse = {
      items: [
        listed(21, [
          { kind: 'like', count: 3 },
          { kind: 'thanks', count: 1 },
        ]),
        listed(22),
        listed(23, [{ kind: 'insightful', count: 2 }]),
      ],
      nextFrom: 41,
      mine: { 21: ['thanks'], 23: ['insightful'] },
      can: { edit: [22], delete: [22], restore: [], markSolution: [21, 22, 23] },
    };
    const page = withViewer(answer);
    expect(page.nextFrom).toBe(41);
    expect(page.items.map((p) => [p.number, p.reactions, p.can])).toEqual([
      [
        21,
        [
          { kind: 'like', count: 3, mine: false },
          { kind: 'thanks', count: 1, mine: true },
        ],
        { edit: false, delete: false, restore: false, markSolution: true },
      ],
      [22, [], { edit: true, delete: true, restore: false, markSolution: true }],
      [
        23,
        [{ kind: 'insightful', count: 2, mine: true }],
        { edit: false, delete: false, restore: false, markSolution: true },
      ],
    ]);
    expect(page.items[0]).toMatchObject({
      id: 'p21',
      bodyHtml: '<p>Post 21</p>',
      author: { displayName: 'Ana' },
    });
  });
});
