import { MemberListQuerySchema, RequestListQuerySchema } from '@discuss/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { UserActor } from '../apps/server/src/platform/policy.ts';
import { linkIn } from '../apps/server/test/smtp-sink.ts';
import { signInAs } from './pages/auth.ts';
import {
  CommunityPage,
  CommunitySettingsPage,
  COMMUNITY_SETTINGS_TABS,
  CreateCommunityPage,
  InvitationPage,
  pickPerson,
  toast,
  type CommunitySettingsTab,
} from './pages/communities.ts';
import { PASSWORD, seedAccount, uniqueEmail, type Account } from './support/accounts.ts';
import { DESKTOP, PHONE, browserAvailable, screenshot, seriousA11yViolations } from './support/browser.ts';
import { WAIT_MS, eventually, expectVisible, h1Texts, pathOf } from './support/expect.ts';
import { useJourneys } from './support/fixtures.ts';
import type { Platform } from './support/platform.ts';
import { gradientPng } from './support/png.ts';

const actor = (a: Account, isOperator = false): UserActor => ({
  kind: 'user',
  userId: a.id,
  displayName: a.displayName,
  isOperator,
  via: 'system',
  credentialId: null,
});

let communitySeq = 0;
/** A members-only, join-on-request community made straight through the service, with one facilitator. */
async function seedCommunity(
  platform: Platform,
  operator: Account,
  facilitator: Account,
): Promise<{ slug: string; name: string }> {
  communitySeq += 1;
  const name = `Digital Skills Circle ${communitySeq}`;
  const community = await platform.app.services.communities.create(actor(operator, true), {
    slug: `digital-skills-circle-${communitySeq}`,
    name,
    shortDescription: 'Trainers sharing how they teach digital skills to adults.',
    description: 'We meet online each month.\n\n- Share **lesson plans**\n- Review tools together',
    visibility: 'members',
    joinPolicy: 'request',
    facilitatorIds: [facilitator.id],
  });
  return { slug: community.slug, name: community.name };
}

/** Whether the page is wider than the viewport (content that scrolls sideways). */
const overflows = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.skipIf(!browserAvailable())('communities: journeys in the browser', () => {
  const journeys = useJourneys();

  it('operator creates a members-only, join-on-request community with a facilitator', async () => {
    const platform = await journeys.platform();
    const operator = await seedAccount(platform, { operator: true });
    const facilitator = await seedAccount(platform, { displayName: 'Fiona Facilitator' });
    const { page } = await journeys.open();
    await signInAs(page, platform.url, operator);

    const create = new CreateCommunityPage(page);
    await create.open(platform.url, '/admin/communities');
    await eventually(() => h1Texts(page)).toEqual(['Communities']);
    await create.createLink.click();
    await page.waitForURL((url) => url.pathname === '/admin/communities/new');
    await eventually(() => h1Texts(page)).toEqual(['Create a community']);

    const name = 'Adult Learning CoP';
    const slug = await create.fill({
      name,
      shortDescription: 'Practitioners of adult learning share methods and results.',
      description: 'A place for **adult educators**.\n\n- Monthly calls\n- Shared resources',
      visibility: 'Members only',
      joinPolicy: 'Join on request',
      facilitators: [facilitator.displayName],
    });
    expect(slug).toBe('adult-learning-cop');
    await create.submit.click();

    await page.waitForURL((url) => url.pathname === `/c/${slug}`);
    await eventually(() => h1Texts(page)).toEqual([name]);
    await expectVisible(toast(page, `${name} has been created.`));

    const stored = await platform.app.services.communities.get(actor(operator, true), slug);
    expect(stored).toMatchObject({ name, visibility: 'members', joinPolicy: 'request' });
    const facilitators = await platform.app.services.membership.listMembers(
      actor(operator, true),
      slug,
      MemberListQuerySchema.parse({ role: 'facilitator' }),
    );
    expect(facilitators.items.map((m) => m.user.displayName)).toEqual([facilitator.displayName]);
  });

  it('a member asks to join; the request is shown as waiting', async () => {
    const platform = await journeys.platform();
    const operator = await seedAccount(platform, { operator: true });
    const facilitator = await seedAccount(platform, { displayName: 'Fiona Facilitator' });
    const member = await seedAccount(platform, { displayName: 'Mia Member' });
    const { slug, name } = await seedCommunity(platform, operator, facilitator);
    const { page } = await journeys.open();
    await signInAs(page, platform.url, member);

    const community = new CommunityPage(page);
    await community.open(platform.url, `/c/${slug}`);
    await eventually(() => h1Texts(page)).toEqual([name]);
    await community.askToJoinWith('I coordinate digital skills workshops in a public library.');
    await expectVisible(community.waiting);
    await expectVisible(
      toast(page, `Your request to join ${name} has been sent. You will get an e‑mail with the answer.`),
    );

    // It survives a reload: the request is stored, not just shown.
    await page.reload();
    await expectVisible(community.waiting);
    expect(await community.askToJoin.count()).toBe(0);
  });

  it('the facilitator approves the request; the member is e-mailed and now sees the community as a member', async () => {
    const platform = await journeys.platform();
    const operator = await seedAccount(platform, { operator: true });
    const facilitator = await seedAccount(platform, { displayName: 'Fiona Facilitator' });
    const member = await seedAccount(platform, { displayName: 'Mia Member' });
    const { slug, name } = await seedCommunity(platform, operator, facilitator);
    await platform.app.services.membership.request(
      actor(member),
      slug,
      'I coordinate digital skills workshops in a public library.',
    );

    const { page } = await journeys.open();
    await signInAs(page, platform.url, facilitator);
    const community = new CommunityPage(page);
    await community.open(platform.url, `/c/${slug}`);
    await expectVisible(community.requestsWaiting);
    expect(await community.requestsWaiting.innerText()).toBe('1 membership request is waiting for an answer');
    await community.requestsWaiting.click();
    await eventually(() => pathOf(page)).toBe(`/c/${slug}/settings?tab=requests`);

    const settings = new CommunitySettingsPage(page);
    await expectVisible(
      settings.main.getByText('I coordinate digital skills workshops in a public library.'),
    );
    await settings.approveRequest(member.displayName, 'Welcome! Our next call is on Thursday.');
    await expectVisible(toast(page, `${member.displayName} is now a member.`));
    await eventually(() => settings.approve(member.displayName).count()).toBe(0);

    const mail = await platform.smtp.waitFor(
      member.email,
      (m) => m.subject === `Welcome to ${name} on DISCUSS`,
      WAIT_MS,
    );
    expect(mail.text).toContain('Welcome! Our next call is on Thursday.');
    expect(linkIn(mail)).toBe(`${platform.url}/c/${slug}`);

    // The member's side.
    const them = await journeys.open();
    await signInAs(them.page, platform.url, member);
    const theirs = new CommunityPage(them.page);
    await theirs.open(platform.url, `/c/${slug}`);
    await eventually(() => h1Texts(them.page)).toEqual([name]);
    await expectVisible(theirs.member);
    await expectVisible(theirs.section('Members'));

    await theirs.open(platform.url, '/communities?mine=1');
    await expectVisible(theirs.main.getByRole('link', { name, exact: true }));

    await theirs.open(platform.url, `/c/${slug}`);
    await theirs.section('Members').click();
    await eventually(() => pathOf(them.page)).toBe(`/c/${slug}/members`);
    // Each entry shows the name with a role badge ("Mia Member Member").
    const entry = (n: string) => theirs.main.getByRole('listitem').filter({ hasText: n });
    await eventually(() => entry(member.displayName).innerText()).toMatch(/Mia Member\s*Member/);
    await eventually(() => entry(facilitator.displayName).innerText()).toMatch(
      /Fiona Facilitator\s*Facilitator/,
    );
  });

  it('invitation by e-mail: a person with no account creates one from the link and joins', async () => {
    const platform = await journeys.platform();
    const operator = await seedAccount(platform, { operator: true });
    const facilitator = await seedAccount(platform, { displayName: 'Fiona Facilitator' });
    const { slug, name } = await seedCommunity(platform, operator, facilitator);
    const invitee = uniqueEmail('newcomer');

    const { page } = await journeys.open();
    await signInAs(page, platform.url, facilitator);
    const settings = new CommunitySettingsPage(page);
    await settings.openTab(platform.url, slug, 'invitations');
    await settings.invite([invitee]);
    await expectVisible(settings.main.getByRole('status').getByText('1 invitation sent.', { exact: true }));

    const mail = await platform.smtp.waitFor(invitee, (m) => m.subject.includes(name), WAIT_MS);
    const link = linkIn(mail);
    expect(link).toMatch(new RegExp(`^${platform.url}/invitations/[^/?#]+$`));

    const fresh = await journeys.open();
    const invitation = new InvitationPage(fresh.page);
    await invitation.open(link, link);
    await eventually(() => h1Texts(fresh.page)).toEqual([`Join ${name}`]);
    await invitation.signUp('Nina Newcomer', PASSWORD);

    await fresh.page.waitForURL((url) => url.pathname === `/c/${slug}`);
    const community = new CommunityPage(fresh.page);
    await eventually(() => h1Texts(fresh.page)).toEqual([name]);
    await expectVisible(community.member);
  });

  it('a facilitator chooses an existing member in the people picker; that person sees the invitation and joins', async () => {
    const platform = await journeys.platform();
    const operator = await seedAccount(platform, { operator: true });
    const facilitator = await seedAccount(platform, { displayName: 'Fiona Facilitator' });
    const invitee = await seedAccount(platform, { displayName: 'Pat Partner' });
    await seedAccount(platform, { displayName: 'Patrick Unverified', verified: false });
    const { slug, name } = await seedCommunity(platform, operator, facilitator);

    const { page } = await journeys.open({ viewport: PHONE });
    await signInAs(page, platform.url, facilitator);
    const settings = new CommunitySettingsPage(page);
    await settings.openTab(platform.url, slug, 'invitations');
    // The picker open on a match, with the first option active: accessible, and within a phone's width.
    await settings.invitePeople.fill('pat');
    await expectVisible(page.getByRole('option', { name: invitee.displayName }));
    await settings.invitePeople.press('ArrowDown');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await overflows(page)).toBe(false);
    await screenshot(page, 'communities-settings-invite-picker-open-phone');
    await pickPerson(page, settings.invitePeople, settings.peopleToInvite, 'pat', invitee.displayName);
    // Only active, confirmed accounts are offered.
    await settings.invitePeople.fill('patrick');
    await expectVisible(settings.main.getByText('Nobody matches “patrick”.'));
    await settings.invitePeople.fill('');
    await settings.sendInvitations.click();
    await expectVisible(settings.main.getByRole('status').getByText('1 invitation sent.', { exact: true }));
    // Listed among the invitations waiting for an answer.
    await expectVisible(settings.main.getByRole('button', { name: `Revoke ${invitee.displayName}` }));
    await platform.smtp.waitFor(invitee.email, (m) => m.subject.includes(name), WAIT_MS);

    const them = await journeys.open();
    await signInAs(them.page, platform.url, invitee);
    const community = new CommunityPage(them.page);
    await community.open(platform.url, `/c/${slug}`);
    await eventually(() => h1Texts(them.page)).toEqual([name]);
    await community.main.getByRole('button', { name: 'Accept invitation', exact: true }).click();
    await expectVisible(community.member);
  });

  it('a facilitator uploads a cover image in settings; the home and the directory show it', async () => {
    const platform = await journeys.platform();
    const operator = await seedAccount(platform, { operator: true });
    const facilitator = await seedAccount(platform, { displayName: 'Fiona Facilitator' });
    const { slug, name } = await seedCommunity(platform, operator, facilitator);

    const { page } = await journeys.open({ viewport: PHONE });
    await signInAs(page, platform.url, facilitator);
    const settings = new CommunitySettingsPage(page);
    await settings.openTab(platform.url, slug, 'general');
    await settings.coverFile.setInputFiles({
      name: 'workshop.png',
      mimeType: 'image/png',
      buffer: gradientPng(1200, 400),
    });
    await expectVisible(toast(page, 'The cover image has been saved.'));
    await expectVisible(settings.coverPreview);
    expect(await settings.coverPreview.getAttribute('src')).toMatch(/^\/files\/[\w-]+$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'communities-settings-cover-phone');

    // Anything else is refused in the browser already, with the reason.
    await settings.coverFile.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await expectVisible(settings.main.getByText('Choose a PNG, JPEG, GIF or WebP image.'));

    const src = await settings.coverPreview.getAttribute('src');
    const home = new CommunityPage(page);
    await home.open(platform.url, `/c/${slug}`);
    await eventually(() => h1Texts(page)).toEqual([name]);
    await eventually(() => page.locator('img.community-hero__cover').getAttribute('src')).toBe(src);
    await home.open(platform.url, '/communities?mine=1');
    await eventually(() => page.locator('img.community-card__cover').first().getAttribute('src')).toBe(src);

    await settings.openTab(platform.url, slug, 'general');
    await settings.removeCover.click();
    await expectVisible(toast(page, 'The cover image has been removed.'));
    await eventually(() => settings.coverPreview.count()).toBe(0);
  });

  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`accessibility and layout at ${label} width: directory, community home, settings tabs, invitation`, async () => {
      const platform = await journeys.platform();
      const operator = await seedAccount(platform, { operator: true });
      const facilitator = await seedAccount(platform, { displayName: 'Fiona Facilitator' });
      const member = await seedAccount(platform, { displayName: 'Mia Member' });
      const requester = await seedAccount(platform, { displayName: 'Rui Requester' });
      const { slug, name } = await seedCommunity(platform, operator, facilitator);
      const { membership, invitations, uploads, communities } = platform.app.services;
      await membership.request(actor(member), slug, 'I run a makerspace for adult learners.');
      const [request] = (
        await membership.listRequests(actor(facilitator), slug, RequestListQuerySchema.parse({}))
      ).items;
      await membership.decide(actor(facilitator), slug, request!.id, true, '');
      // One request left waiting and one invitation sent, so that those tabs have content.
      await membership.request(actor(requester), slug, 'I teach coding to adults.');
      const invitee = uniqueEmail('guest');
      await invitations.invite(actor(facilitator), slug, { emails: [invitee] });
      // A cover, so that the directory, the home and the general settings show one.
      const cover = await uploads.create(actor(operator, true), gradientPng(1200, 400), 'cover.png');
      await communities.update(actor(operator, true), slug, { coverImageId: cover.id });
      const invitationLink = linkIn(
        await platform.smtp.waitFor(invitee, (m) => m.subject.includes(name), WAIT_MS),
      );

      const check = async (page: Page, shot: string) => {
        expect(await seriousA11yViolations(page), shot).toEqual([]);
        if (label === 'phone') expect(await overflows(page), `horizontal overflow: ${shot}`).toBe(false);
        await screenshot(page, `communities-${shot}-${label}`);
      };

      const guest = await journeys.open({ viewport });
      const guestPage = new CommunityPage(guest.page);
      await guestPage.open(platform.url, '/communities');
      await expectVisible(guestPage.main.getByRole('link', { name, exact: true }));
      await check(guest.page, 'directory');
      await guestPage.open(platform.url, `/c/${slug}`);
      await eventually(() => h1Texts(guest.page)).toEqual([name]);
      await check(guest.page, 'home-guest');

      const invited = await journeys.open({ viewport });
      await new InvitationPage(invited.page).open(invitationLink, invitationLink);
      await eventually(() => h1Texts(invited.page)).toEqual([`Join ${name}`]);
      await check(invited.page, 'invitation');

      const asMember = await journeys.open({ viewport });
      await signInAs(asMember.page, platform.url, member);
      const memberPage = new CommunityPage(asMember.page);
      await memberPage.open(platform.url, `/c/${slug}`);
      await expectVisible(memberPage.member);
      await check(asMember.page, 'home-member');

      const asFacilitator = await journeys.open({ viewport });
      await signInAs(asFacilitator.page, platform.url, facilitator);
      const settings = new CommunitySettingsPage(asFacilitator.page);
      for (const tab of Object.keys(COMMUNITY_SETTINGS_TABS) as CommunitySettingsTab[]) {
        await settings.openTab(platform.url, slug, tab);
        await eventually(() => settings.main.getByRole('tabpanel').count()).toBe(1);
        await check(asFacilitator.page, `settings-${tab}`);
      }
    });
  }
});
