import type { Community, JoinPolicy, Me, MyMembership } from '@discuss/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { callsTo, json, stubFetch } from '../../test/fake-server.ts';
import { renderPage, setupI18n } from '../../test/render.tsx';
import { MembershipPanel } from './membership-panel.tsx';

beforeAll(setupI18n);

const ME: Me = {
  id: 'u1',
  email: 'ada@example.org',
  displayName: 'Ada',
  locale: 'en',
  emailVerified: true,
  isOperator: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function community(status: MyMembership['status'], joinPolicy: JoinPolicy, signedIn = true): Community {
  const open = joinPolicy === 'open';
  return {
    id: 'c1',
    slug: 'adult-learning',
    name: 'Adult Learning CoP',
    shortDescription: 'Adults who learn',
    area: null,
    visibility: 'public',
    joinPolicy,
    stage: 'maturing',
    languages: [],
    memberCount: 3,
    archived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    coverImageUrl: null,
    my: {
      status,
      role: status === 'member' ? 'member' : null,
      invitationId: status === 'invited' ? 'inv-1' : null,
    },
    description: '',
    descriptionHtml: '',
    facilitators: [],
    moderators: [],
    groupCount: 0,
    pendingRequestCount: 0,
    can: {
      readContent: true,
      join: signedIn && open && ['none', 'pending', 'invited'].includes(status),
      request: signedIn && joinPolicy === 'request' && ['none', 'invited'].includes(status),
      leave: status === 'member',
      update: false,
      manageMembers: false,
      moderate: false,
      invite: false,
      setStage: false,
      createGroup: false,
      startTopic: false,
      archive: false,
    },
  };
}

function buttons(): string[] {
  return screen.queryAllByRole('button').map((b) => b.textContent ?? '');
}

describe('MembershipPanel', () => {
  it.each([
    ['none', 'open', ['Join community']],
    ['none', 'request', ['Ask to join']],
    ['none', 'invite', []],
    ['pending', 'open', ['Join community', 'Withdraw request']],
    ['pending', 'request', ['Withdraw request']],
    ['invited', 'invite', ['Accept invitation', 'Decline']],
    ['member', 'request', ['Leave community']],
    ['suspended', 'open', []],
  ] as const)('%s × %s shows %j', (status, policy, expected) => {
    stubFetch({});
    renderPage(<MembershipPanel community={community(status, policy)} me={ME} />);
    // Dialog buttons (Close, Cancel…) are not rendered while the dialogs are shut.
    expect(buttons().filter((text) => text !== 'Close')).toEqual(expected);
  });

  it('says so when membership is by invitation only, or suspended', () => {
    stubFetch({});
    const { unmount } = renderPage(<MembershipPanel community={community('none', 'invite')} me={ME} />);
    expect(screen.getByText('Membership is by invitation only.')).toBeTruthy();
    unmount();
    renderPage(<MembershipPanel community={community('suspended', 'open')} me={ME} />);
    expect(screen.getByText('You are suspended in this community')).toBeTruthy();
  });

  it('sends a guest to sign in and back', () => {
    stubFetch({});
    renderPage(<MembershipPanel community={community('none', 'open', false)} me={null} />);
    const link = screen.getByRole('link', { name: 'Sign in to join' });
    expect(link.getAttribute('href')).toBe('/sign-in?next=%2Fc%2Fadult-learning');
  });

  it('joins an open community with one click', async () => {
    const fetchMock = stubFetch({
      'POST /api/communities/adult-learning/join': {
        slug: 'adult-learning',
        my: { status: 'member', role: 'member', invitationId: null },
      },
    });
    renderPage(<MembershipPanel community={community('none', 'open')} me={ME} />);
    fireEvent.click(screen.getByRole('button', { name: 'Join community' }));
    await screen.findByText('Welcome to Adult Learning CoP! You are now a member.');
    expect(callsTo(fetchMock, 'POST', '/api/communities/adult-learning/join')).toHaveLength(1);
  });

  it('asks for a motivation before sending a request', async () => {
    const fetchMock = stubFetch({
      'POST /api/communities/adult-learning/requests': () =>
        json(201, {
          id: 'r1',
          user: { id: 'u1', displayName: 'Ada' },
          motivation: 'I run a literacy project.',
          status: 'pending',
          createdAt: '2026-01-01T00:00:00.000Z',
          decidedAt: null,
          decisionNote: null,
        }),
    });
    renderPage(<MembershipPanel community={community('none', 'request')} me={ME} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send request' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Tell the facilitators why you want to join',
    );
    expect(callsTo(fetchMock, 'POST', '/api/communities/adult-learning/requests')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Why do you want to join?'), {
      target: { value: '  I run a literacy project.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() =>
      expect(callsTo(fetchMock, 'POST', '/api/communities/adult-learning/requests')).toHaveLength(1),
    );
    const [, init] = callsTo(fetchMock, 'POST', '/api/communities/adult-learning/requests')[0] ?? [];
    expect(JSON.parse(init?.body as string)).toEqual({ motivation: 'I run a literacy project.' });
  });

  it('accepts a waiting invitation by its id', async () => {
    const fetchMock = stubFetch({
      'POST /api/me/invitations/inv-1/accept': {
        slug: 'adult-learning',
        my: { status: 'member', role: 'member', invitationId: null },
      },
    });
    renderPage(<MembershipPanel community={community('invited', 'invite')} me={ME} />);
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
    await waitFor(() =>
      expect(callsTo(fetchMock, 'POST', '/api/me/invitations/inv-1/accept')).toHaveLength(1),
    );
  });
});
