import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './pages/auth.ts';
import { seedAccount, type Account } from './support/accounts.ts';
import {
  browserAvailable,
  DESKTOP,
  PHONE,
  screenshot,
  seriousA11yViolations,
  type WatchedPage,
} from './support/browser.ts';
import { eventually, h1Texts } from './support/expect.ts';
import { useJourneys } from './support/fixtures.ts';
import { text } from './support/i18n.ts';
import type { Platform } from './support/platform.ts';

/** A well-formed but unknown token: the e-mailed-link pages show their form until the button is pressed. */
const TOKEN = randomBytes(32).toString('base64url');

interface Visit {
  /** Screenshot name. */
  name: string;
  path: string;
  /** The page's <h1>. */
  h1: RegExp;
  /** Something that only shows once the page has loaded its data (or, after `act`, reacted). */
  ready?: (page: Page) => Locator;
  /** Puts the page into the state under test, e.g. a form with errors. */
  act?: (page: Page) => Promise<void>;
}

const exactly = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const main = (page: Page) => page.getByRole('main');

const GUEST_PAGES: Visit[] = [
  { name: 'landing', path: '/', h1: exactly(text('en', 'landing.title')) },
  { name: 'sign-up', path: '/sign-up', h1: /^Create an account$/ },
  { name: 'check-email', path: '/check-email', h1: /^Check your e.mail$/ },
  {
    name: 'verify-email',
    path: `/verify-email?token=${TOKEN}`,
    h1: /^Confirm your e.mail address$/,
    ready: (p) => p.getByRole('button', { name: /^Confirm my e.mail address$/ }),
  },
  { name: 'sign-in', path: '/sign-in', h1: /^Sign in$/ },
  {
    // Error colours and the error summary, in both themes.
    name: 'sign-in-errors',
    path: '/sign-in',
    h1: /^Sign in$/,
    act: (p) => main(p).getByRole('button', { name: 'Sign in', exact: true }).click(),
    ready: (p) => p.getByRole('alert', { name: 'There is a problem' }),
  },
  { name: 'forgot-password', path: '/forgot-password', h1: /^Reset your password$/ },
  {
    name: 'reset-password',
    path: `/reset-password?token=${TOKEN}`,
    h1: /^Choose a new password$/,
    ready: (p) => p.getByLabel('New password', { exact: true }),
  },
  {
    name: 'confirm-email',
    path: `/confirm-email?token=${TOKEN}`,
    h1: /^Confirm your new e.mail address$/,
    ready: (p) => p.getByRole('button', { name: 'Confirm new address' }),
  },
  { name: 'not-found', path: '/no-such-page', h1: /^Page not found$/ },
];

const OPERATOR_PAGES: Visit[] = [
  {
    name: 'settings-profile',
    path: '/settings',
    h1: /^Account settings$/,
    ready: (p) => main(p).getByLabel('Name', { exact: true }),
  },
  {
    name: 'settings-email',
    path: '/settings?tab=email',
    h1: /^Account settings$/,
    ready: (p) => main(p).getByLabel(/^New e.mail address$/),
  },
  {
    name: 'settings-password',
    path: '/settings?tab=password',
    h1: /^Account settings$/,
    ready: (p) => main(p).getByLabel('Current password', { exact: true }),
  },
  {
    name: 'settings-sessions',
    path: '/settings?tab=sessions',
    h1: /^Account settings$/,
    ready: (p) => main(p).getByText('This device'),
  },
  {
    name: 'settings-tokens',
    path: '/settings?tab=tokens',
    h1: /^Account settings$/,
    ready: (p) => main(p).getByText('No tokens yet'),
  },
  {
    name: 'admin-users',
    path: '/admin/users',
    h1: /^Accounts$/,
    ready: (p) => main(p).getByText('2 accounts', { exact: true }),
  },
];

const SETUP_PAGE: Visit = {
  name: 'setup',
  path: '/setup',
  h1: /^Set up DISCUSS$/,
  ready: (p) => p.getByRole('button', { name: 'Create operator account' }),
};

const LOOKS = [
  { width: 'phone', viewport: PHONE, colorScheme: 'light' },
  { width: 'phone', viewport: PHONE, colorScheme: 'dark' },
  { width: 'desktop', viewport: DESKTOP, colorScheme: 'light' },
  { width: 'desktop', viewport: DESKTOP, colorScheme: 'dark' },
] as const;

describe.skipIf(!browserAvailable())('accounts: every page is accessible and fits, light and dark', () => {
  const journeys = useJourneys();
  let platform: Platform;
  let fresh: Platform;
  let operator: Account;

  beforeAll(async () => {
    [platform, fresh] = await Promise.all([journeys.platform(), journeys.platform()]);
    // A long address, as institutions hand out: it must wrap, not widen the page.
    operator = await seedAccount(platform, {
      operator: true,
      email: 'olga.konstantinopoulou@erasmusplus.education.example.org',
    });
    await seedAccount(platform, { displayName: 'Mia Member' });
  });

  /** Opens the page, waits until it is ready, and lists what is wrong with it (nothing, hopefully). */
  async function inspect(watched: WatchedPage, base: string, visit: Visit, look: string): Promise<string[]> {
    const { page, problems } = watched;
    const before = problems.length;
    await page.goto(new URL(visit.path, base).href);
    await eventually(() => h1Texts(page), `${visit.name}: heading`).toEqual([
      expect.stringMatching(visit.h1),
    ]);
    await visit.act?.(page);
    if (visit.ready) await visit.ready(page).first().waitFor();
    await screenshot(page, `${visit.name}-${look}`);
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth > window.innerWidth
        ? `${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`
        : null,
    );
    return [
      ...(await seriousA11yViolations(page)),
      ...(overflow ? [`horizontal overflow: ${overflow}`] : []),
      ...problems.slice(before),
    ].map((issue) => `${visit.name}: ${issue}`);
  }

  for (const { width, viewport, colorScheme } of LOOKS) {
    const look = `${width}-${colorScheme}`;
    it(`every page at ${width} width, ${colorScheme}`, async () => {
      const issues: string[] = [];
      const setup = await journeys.open({ viewport, colorScheme });
      issues.push(...(await inspect(setup, fresh.url, SETUP_PAGE, look)));

      const watched = await journeys.open({ viewport, colorScheme });
      for (const visit of GUEST_PAGES) issues.push(...(await inspect(watched, platform.url, visit, look)));
      await signInAs(watched.page, platform.url, operator);
      for (const visit of OPERATOR_PAGES) issues.push(...(await inspect(watched, platform.url, visit, look)));

      expect(issues).toEqual([]);
    });
  }
});
