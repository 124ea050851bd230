import type { TopicListResponse, TopicSummary } from '@discuss/contracts';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { stubFetch } from '../../test/fake-server.ts';
import { renderPage, setupI18n } from '../../test/render.tsx';
import { TopicList } from './topic-list.tsx';

beforeAll(setupI18n);

const topic = (id: string, title: string, lastPostNumber: number): TopicSummary => ({
  id,
  title,
  tags: [],
  community: { slug: 'vet', name: 'VET Teachers' },
  group: null,
  author: { id: 'u-ana', displayName: 'Ana' },
  replyCount: lastPostNumber - 1,
  lastPostAt: '2026-11-20T10:00:00.000Z',
  lastPoster: { id: 'u-ben', displayName: 'Ben' },
  pinned: false,
  locked: false,
  solved: false,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastPostNumber,
});

const ITEMS = [
  topic('t1', 'Apprenticeship logbooks', 5),
  topic('t2', 'Peer review', 4),
  topic('t3', 'Fresh', 1),
];

function show(reads: TopicListResponse['reads']) {
  stubFetch({
    'GET /api/auth/session': { user: null, csrfToken: null, setupRequired: false },
    'GET /api/communities/vet/topics': { items: ITEMS, nextCursor: null, shared: [], reads },
  });
  renderPage(<TopicList slug="vet" filters={{ sort: 'latest' }} onSort={() => undefined} />);
}

const row = async (title: string) => (await screen.findByRole('link', { name: title })).closest('li')!;

describe('TopicList', () => {
  it('marks what the viewer has not read from their read positions, sent beside the topics', async () => {
    show({ t1: 3, t2: 4 });
    expect(within(await row('Apprenticeship logbooks')).getByText('2 unread')).toBeTruthy();
    expect((await row('Apprenticeship logbooks')).className).toContain('topic-row--unread');
    const read = await row('Peer review');
    expect(within(read).queryByText(/unread|New/)).toBeNull();
    expect(read.className).not.toContain('topic-row--unread');
    expect(within(await row('Fresh')).getByText('New')).toBeTruthy();
  });

  it('marks nothing for guests', async () => {
    show(null);
    for (const title of ['Apprenticeship logbooks', 'Peer review', 'Fresh']) {
      const r = await row(title);
      expect(within(r).queryByText(/unread|New/)).toBeNull();
      expect(r.className).not.toContain('topic-row--unread');
    }
  });
});
