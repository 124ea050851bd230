import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { UserActor } from '../apps/server/src/platform/policy.ts';
import { signInAs } from './pages/auth.ts';
import { TopicPage } from './pages/discussions.ts';
import { seedAccount, type Account } from './support/accounts.ts';
import { DESKTOP, PHONE, browserAvailable, screenshot, seriousA11yViolations } from './support/browser.ts';
import { eventually, expectVisible, h1Texts } from './support/expect.ts';
import { useJourneys } from './support/fixtures.ts';
import type { Platform } from './support/platform.ts';

/** The person acting through the services as if signed in (a "system" actor would post without an author). */
const actor = (a: Account, isOperator = false): UserActor => ({
  kind: 'user',
  userId: a.id,
  displayName: a.displayName,
  isOperator,
  via: 'session',
  credentialId: null,
});

interface Cast {
  slug: string;
  name: string;
  ana: Account;
  ben: Account;
}

let seq = 0;
/** A public, open community with two members, Ana (the facilitator) and Ben. */
async function seedCommunity(platform: Platform): Promise<Cast> {
  seq += 1;
  const operator = await seedAccount(platform, { operator: true });
  const ana = await seedAccount(platform, { displayName: 'Ana Alvarez' });
  const ben = await seedAccount(platform, { displayName: 'Ben Brandt' });
  const { communities, membership } = platform.app.services;
  const community = await communities.create(actor(operator, true), {
    slug: `vet-teachers-${seq}`,
    name: `VET Teachers Network ${seq}`,
    shortDescription: 'Teachers and trainers in vocational education share what works.',
    description: '',
    visibility: 'public',
    joinPolicy: 'open',
    facilitatorIds: [ana.id],
  });
  await membership.join(actor(ben), community.slug);
  return { slug: community.slug, name: community.name, ana, ben };
}

async function startTopic(platform: Platform, by: Account, slug: string, title: string, body: string) {
  return platform.app.services.discussions.create(actor(by), slug, {
    title,
    body,
    tags: ['apprenticeships'],
  });
}

async function signedIn(
  journeys: ReturnType<typeof useJourneys>,
  platform: Platform,
  who: Account,
  viewport = DESKTOP,
): Promise<Page> {
  const { page } = await journeys.open({ viewport });
  await signInAs(page, platform.url, who);
  return page;
}

describe.skipIf(!browserAvailable())('discussions: journeys in the browser', () => {
  const journeys = useJourneys();

  it('two members on one topic: a reply and a reaction by one appear live for the other', async () => {
    const platform = await journeys.platform();
    const { slug, ana, ben } = await seedCommunity(platform);
    const topic = await startTopic(
      platform,
      ana,
      slug,
      'Keeping in-company tutors motivated',
      'What do you offer the tutors in small companies?',
    );
    const anaPage = await signedIn(journeys, platform, ana);
    const benPage = await signedIn(journeys, platform, ben);
    const anaView = new TopicPage(anaPage);
    const benView = new TopicPage(benPage);
    await anaView.open(platform.url, `/c/${slug}/t/${topic.id}`);
    await benView.open(platform.url, `/c/${slug}/t/${topic.id}`);
    await eventually(() => h1Texts(benPage)).toEqual(['Keeping in-company tutors motivated']);
    await expect.poll(() => benView.posts.count()).toBe(1);

    // The list in a third tab notices too, without reordering under the reader.
    const listPage = await signedIn(journeys, platform, ben);
    await listPage.goto(new URL(`/c/${slug}/discussions`, platform.url).href);
    await expectVisible(listPage.getByRole('link', { name: 'Keeping in-company tutors motivated' }));

    await anaView.reply('We give them a certificate that counts as **professional development**.');
    const live = benView.post(2);
    await expectVisible(live.getByText('professional development'));
    expect(await live.locator('strong').textContent()).toBe('professional development');
    await expectVisible(anaView.post(2));
    await expectVisible(listPage.getByRole('status').filter({ hasText: '1 new post or topic' }));

    // Ben likes Ana's reply; Ana's count goes up without a reload.
    await benView.react(2, 'Like');
    await expect.poll(() => anaView.reactionCount(2, 'Like')).toBe('1');
    expect(await benView.reactionButton(2, 'Like').getAttribute('aria-pressed')).toBe('true');
    // Signed out, the count is there to read, with no button that would do nothing.
    const { page: guestPage } = await journeys.open({ viewport: PHONE });
    const guestView = new TopicPage(guestPage);
    await guestView.open(platform.url, `/c/${slug}/t/${topic.id}`);
    await expectVisible(guestView.post(2).getByTitle('Like'));
    expect(await guestView.post(2).getByTitle('Like').textContent()).toContain('1');
    expect(await guestView.reactionButton(2, 'Like').count()).toBe(0);

    // Ben quotes Ana's reply in his own: the quote lands in his reply box with a link back.
    await benView.post(2).getByRole('button', { name: 'Quote' }).click();
    await expect.poll(() => benView.replyBox.inputValue()).toContain('> **Ana Alvarez** [#2](#post-2):');
    // The whole post is quoted from its Markdown source (threads list only the HTML).
    expect(await benView.replyBox.inputValue()).toContain(
      '> We give them a certificate that counts as **professional development**.',
    );
    await benView.replyBox.press('End');
    await benView.replyBox.pressSequentially('Same here.');
    await benView.sendReply.click();
    await expectVisible(anaView.post(3).getByText('in reply to #2'));
    await expectVisible(anaView.post(3).locator('blockquote'));

    // Ana edits her reply: the editor opens on its Markdown source; Ben sees the new text live.
    await anaView.post(2).getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = anaView.post(2).getByRole('textbox', { name: 'Edit the post' });
    await expect
      .poll(() => editor.inputValue())
      .toBe('We give them a certificate that counts as **professional development**.');
    await editor.fill('We give them a certificate that counts as **continuing education**.');
    await anaView.post(2).getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(benView.post(2).locator('strong').filter({ hasText: 'continuing education' }));
  });

  it('mention autocomplete in the composer, and the mention becomes a link', async () => {
    const platform = await journeys.platform();
    const { slug, name, ana, ben } = await seedCommunity(platform);
    const page = await signedIn(journeys, platform, ana);
    await page.goto(new URL(`/c/${slug}/discussions`, platform.url).href);
    await page.getByRole('link', { name: 'New topic' }).first().click();
    await page.waitForURL((url) => url.pathname === `/c/${slug}/discussions/new`);

    await page.getByLabel('Title').fill('Work placements abroad for apprentices');
    const body = page.getByRole('textbox', { name: 'What would you like to discuss?' });
    await body.pressSequentially('Who has tried this? Maybe @Be');
    const option = page.getByRole('option', { name: 'Ben Brandt' });
    await expectVisible(option);
    expect(await body.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await body.press('Enter');
    await expect.poll(() => body.inputValue()).toBe(`Who has tried this? Maybe @[Ben Brandt](${ben.id}) `);
    await body.pressSequentially('knows.');

    // Closing the page keeps the draft: it is back after a reload.
    await page.reload();
    await expectVisible(page.getByText('Your unsent draft was restored.'));
    await expect
      .poll(() => body.inputValue())
      .toBe(`Who has tried this? Maybe @[Ben Brandt](${ben.id}) knows.`);
    expect(await page.getByLabel('Title').inputValue()).toBe('Work placements abroad for apprentices');

    // The preview shows what the post will look like.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expectVisible(page.getByRole('tabpanel').getByRole('link', { name: '@Ben Brandt' }));
    await page.getByRole('tab', { name: 'Write' }).click();

    await page.getByLabel('Tags (optional)').fill('mobility, apprenticeships');
    await page.getByRole('button', { name: 'Start the topic' }).click();
    await page.waitForURL((url) => url.pathname.startsWith(`/c/${slug}/t/`));
    await eventually(() => h1Texts(page)).toEqual(['Work placements abroad for apprentices']);
    const view = new TopicPage(page);
    await expectVisible(view.post(1).getByRole('link', { name: '@Ben Brandt' }));
    await expectVisible(page.getByRole('link', { name: 'mobility' }));

    // The mention leads to Ben's page: his name and the community he is in, with his role.
    await view.post(1).getByRole('link', { name: '@Ben Brandt' }).click();
    await page.waitForURL((url) => url.pathname === `/people/${ben.id}`);
    await eventually(() => h1Texts(page)).toEqual(['Ben Brandt']);
    const membership = page.getByRole('listitem').filter({ hasText: name });
    await expectVisible(membership.getByRole('link', { name }));
    await expectVisible(membership.getByText('Member', { exact: true }));
  });

  it('a poll: the author adds it to a new topic, a member votes and sees the results', async () => {
    const platform = await journeys.platform();
    const { slug, ana, ben } = await seedCommunity(platform);
    const page = await signedIn(journeys, platform, ana);
    await page.goto(new URL(`/c/${slug}/discussions/new`, platform.url).href);
    await page.getByLabel('Title').fill('Next online meeting: which day suits you?');
    await page
      .getByRole('textbox', { name: 'What would you like to discuss?' })
      .fill('Let us find a day for the next call.');
    await page.getByLabel('Add a poll').check();
    await page.getByLabel('Question').fill('Which day suits you best?');
    await page.getByLabel('Choice 1', { exact: true }).fill('Tuesday');
    await page.getByLabel('Choice 2', { exact: true }).fill('Thursday');
    await page.getByRole('button', { name: 'Add a choice' }).click();
    await page.getByLabel('Choice 3', { exact: true }).fill('Friday');
    await page.getByRole('button', { name: 'Start the topic' }).click();
    await page.waitForURL((url) => url.pathname.startsWith(`/c/${slug}/t/`));
    const topicPath = new URL(page.url()).pathname;

    const benPage = await signedIn(journeys, platform, ben, PHONE);
    await benPage.goto(new URL(topicPath, platform.url).href);
    const poll = benPage.getByRole('region', { name: 'Which day suits you best?' });
    await expectVisible(poll.getByText('Results are shown once you have voted.'));
    await poll.getByLabel('Thursday').check();
    await poll.getByRole('button', { name: 'Vote' }).click();
    await expectVisible(poll.getByText('1 vote · 100%'));
    await expectVisible(poll.getByText('1 person voted'));
    await expectVisible(poll.getByText('your choice'));

    // Stored, not just shown; and the author sees the result after voting herself.
    await benPage.reload();
    await expectVisible(benPage.getByText('1 person voted'));
    await page.reload();
    const anaPoll = page.getByRole('region', { name: 'Which day suits you best?' });
    await anaPoll.getByLabel('Tuesday').check();
    await anaPoll.getByRole('button', { name: 'Vote' }).click();
    await expectVisible(anaPoll.getByText('2 people voted'));
  });

  it('the author marks a reply as the solution; everyone sees the topic solved', async () => {
    const platform = await journeys.platform();
    const { slug, ana, ben } = await seedCommunity(platform);
    const topic = await startTopic(
      platform,
      ana,
      slug,
      'How do you assess soft skills in apprenticeships?',
      'We need a simple rubric.',
    );
    await platform.app.services.discussions.reply(actor(ben), topic.id, {
      body: 'We use a **four-level rubric** filled in by tutor and apprentice together.',
    });
    const page = await signedIn(journeys, platform, ana);
    const view = new TopicPage(page);
    await view.open(platform.url, `/c/${slug}/t/${topic.id}`);
    await view.post(2).getByRole('button', { name: 'Mark as solution' }).click();
    await expectVisible(view.post(2).getByText('Solution', { exact: true }));
    await expectVisible(page.getByText('This question has a solution.'));

    const benPage = await signedIn(journeys, platform, ben);
    await benPage.goto(new URL(`/c/${slug}/discussions`, platform.url).href);
    const row = benPage.getByRole('listitem').filter({ hasText: 'How do you assess soft skills' });
    await expectVisible(row.getByText('Solved'));
    await row.getByRole('link', { name: 'How do you assess soft skills in apprenticeships?' }).click();
    await expectVisible(benPage.getByRole('link', { name: 'Go to the answer (#2)' }));
  });

  it('tag pages: reached from a topic, inside Discussions, only tags in use offered, unknown ones said so', async () => {
    const platform = await journeys.platform();
    const { slug, ana, ben } = await seedCommunity(platform);
    const topic = await startTopic(platform, ana, slug, 'Mentoring apprentices', 'How do you pair them?');
    // A tag no topic carries any more.
    const retagged = await startTopic(platform, ana, slug, 'Planning the year', 'Dates, please.');
    await platform.app.services.discussions.update(actor(ana), retagged.id, { tags: ['planning'] });
    await platform.app.services.discussions.update(actor(ana), retagged.id, { tags: [] });
    const page = await signedIn(journeys, platform, ben);
    const view = new TopicPage(page);
    await view.open(platform.url, `/c/${slug}/t/${topic.id}`);
    await page.getByRole('link', { name: 'apprenticeships' }).first().click();
    await page.waitForURL((url) => url.pathname === `/c/${slug}/tags/apprenticeships`);
    await expectVisible(page.getByRole('heading', { name: 'Topics tagged “apprenticeships”' }));
    await expectVisible(page.getByRole('link', { name: 'Mentoring apprentices' }));
    const sections = page.getByRole('navigation', { name: 'Community sections' });
    expect(await sections.getByRole('link', { name: 'Discussions' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const aside = page.getByRole('complementary');
    await expectVisible(aside.getByRole('link', { name: /apprenticeships/ }));
    expect(await aside.getByRole('link', { name: /planning/ }).count()).toBe(0);

    await page.goto(new URL(`/c/${slug}/tags/no-such-tag`, platform.url).href);
    await expectVisible(page.getByRole('heading', { name: 'No such tag' }));
    await page.getByRole('link', { name: 'All topics' }).last().click();
    await page.waitForURL((url) => url.pathname === `/c/${slug}/discussions`);
  });

  it('a topic shared into another community heads its list there, and links back to its home', async () => {
    const platform = await journeys.platform();
    const home = await seedCommunity(platform);
    const other = await seedCommunity(platform);
    await platform.app.services.membership.join(actor(home.ana), other.slug);
    for (let i = 1; i <= 3; i++)
      await startTopic(platform, other.ana, other.slug, `Local topic ${i}`, 'Here.');
    const topic = await startTopic(platform, home.ana, home.slug, 'Micro-credentials in VET', 'Shared?');
    await platform.app.services.discussions.share(actor(home.ana), topic.id, other.slug);
    const page = await signedIn(journeys, platform, other.ben, PHONE);
    await page.goto(new URL(`/c/${other.slug}/discussions`, platform.url).href);
    const sharedList = page.getByRole('region', { name: 'Shared from other communities' });
    await expectVisible(sharedList.getByText(`Shared from ${home.name}`));
    // Above the community's own topics.
    const top = (name: string) =>
      page.getByRole('link', { name }).evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('Micro-credentials in VET')).toBeLessThan(await top('Local topic 1'));
    await screenshot(page, 'discussions-shared-into-390');
    await sharedList.getByRole('link', { name: 'Micro-credentials in VET' }).click();
    await page.waitForURL((url) => url.pathname === `/c/${home.slug}/t/${topic.id}`);
  });

  it('a long thread opens on the page holding the first unread reply, and pages both ways', async () => {
    const platform = await journeys.platform();
    const { slug, ana, ben } = await seedCommunity(platform);
    const topic = await startTopic(platform, ana, slug, 'Work-based learning: a long thread', 'Post 1.');
    // Ana and Ben take turns (each may post 30 times a minute).
    for (let n = 2; n <= 45; n++) {
      const by = n % 2 ? ana : ben;
      await platform.app.services.discussions.reply(actor(by), topic.id, { body: `Reply number ${n}.` });
    }
    // Cleo has read up to reply 25: the thread opens on posts 21–40, at the divider before 26.
    const cleo = await seedAccount(platform, { displayName: 'Cleo Costa' });
    await platform.app.services.membership.join(actor(cleo), slug);
    await platform.app.services.discussions.markRead(actor(cleo), topic.id, 25);
    const page = await signedIn(journeys, platform, cleo);
    const view = new TopicPage(page);
    await view.open(platform.url, `/c/${slug}/t/${topic.id}`);
    const divider = page.getByText('Unread from here');
    await expectVisible(divider);
    await expect.poll(() => divider.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
    await expect.poll(() => view.posts.count()).toBe(20);
    expect(await view.post(21).count()).toBe(1);
    expect(await view.post(20).count()).toBe(0);
    // Earlier posts go in above: the post that was first on screen stays where it was.
    const earlier = page.getByRole('button', { name: 'Show earlier posts' });
    await earlier.scrollIntoViewIfNeeded();
    const top = () => view.post(21).evaluate((el) => el.getBoundingClientRect().top);
    const before = await top();
    await earlier.click();
    await expect.poll(() => view.posts.count()).toBe(40);
    await expectVisible(view.post(1));
    expect(Math.abs((await top()) - before)).toBeLessThan(40);
    await page.getByRole('button', { name: 'Show later posts' }).click();
    await expect.poll(() => view.posts.count()).toBe(45);

    // Reading to the end moves Cleo's read position (sent from the page, every two seconds)…
    await view.post(45).scrollIntoViewIfNeeded();
    const readTo = async () =>
      (await platform.app.services.discussions.get(actor(cleo), topic.id)).lastReadNumber;
    await eventually(readTo).toBe(45);
    // … so the thread opens at the top with nothing unread, and her own reply, posted after she opened it,
    // is not marked unread either.
    await view.open(platform.url, `/c/${slug}/t/${topic.id}`);
    await expectVisible(view.post(1));
    expect(await divider.count()).toBe(0);
    for (const count of [40, 45]) {
      await page.getByRole('button', { name: 'Show later posts' }).click();
      await expect.poll(() => view.posts.count()).toBe(count);
    }
    await view.reply('Thanks, all read now.');
    await expectVisible(view.post(46));
    expect(await divider.count()).toBe(0);
  });

  describe.each([
    { viewport: PHONE, colorScheme: 'light' as const },
    { viewport: PHONE, colorScheme: 'dark' as const },
    { viewport: DESKTOP, colorScheme: 'light' as const },
    { viewport: DESKTOP, colorScheme: 'dark' as const },
  ])('every discussion page at $viewport.width px, $colorScheme', ({ viewport, colorScheme }) => {
    it('passes axe, fits the width, and is photographed', async () => {
      const platform = await journeys.platform();
      const { slug, ana, ben } = await seedCommunity(platform);
      const topic = await startTopic(
        platform,
        ana,
        slug,
        'Green skills in VET curricula',
        '## What we changed\n\n- [x] new module on heat pumps\n- [ ] teacher training\n\n```python\nprint("hello")\n```',
      );
      const { discussions } = platform.app.services;
      await discussions.create(actor(ben), slug, {
        title: 'Poll: which themes next year?',
        body: 'Vote please.',
        tags: ['planning'],
        poll: {
          question: 'Which themes should we take up?',
          options: ['Green skills', 'AI'],
          multiple: true,
        },
      });
      const reply = await discussions.reply(actor(ben), topic.id, {
        body: `Thanks @[Ana Alvarez](${ana.id})!`,
      });
      await discussions.react(actor(ana), reply.id, 'thanks', true);
      const paths = [
        `/c/${slug}/discussions`,
        `/c/${slug}/t/${topic.id}`,
        `/c/${slug}/discussions/new`,
        `/c/${slug}/tags/planning`,
        `/c/${slug}`,
        `/people/${ben.id}`,
      ];
      const { page } = await journeys.open({ viewport, colorScheme });
      await signInAs(page, platform.url, ana);
      for (const path of paths) {
        await page.goto(new URL(path, platform.url).href);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        // Live pages keep a stream open, so "network idle" never comes: wait for the spinners instead.
        await expect.poll(() => page.locator('.spinner').count()).toBe(0);
        expect(await seriousA11yViolations(page), `${path} ${viewport.width}px ${colorScheme}`).toEqual([]);
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(wide, `${path} scrolls sideways at ${viewport.width}px`).toBe(false);
        const name = path.startsWith('/people/')
          ? 'person'
          : path.split('/').slice(3).join('-').replace(topic.id, 'topic') || 'overview';
        await screenshot(page, `discussions-${name}-${viewport.width}-${colorScheme}`);
      }
    });
  });
});
