import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { linkIn, type ReceivedMail } from '../../apps/server/test/smtp-sink.ts';
import type { Platform } from './platform.ts';

/** How long a journey waits for the page to reach the expected state (not a duration under test). */
export const WAIT_MS = 10_000;

/** Polls until the value matches: the browser's auto-waiting, for vitest's matchers. */
export const eventually = <T>(read: () => T | Promise<T>, message?: string) =>
  expect.poll(read, { timeout: WAIT_MS, interval: 100, ...(message ? { message } : {}) });

/** Waits until the locator is visible. */
export async function expectVisible(locator: Locator): Promise<void> {
  await eventually(() => locator.isVisible(), `visible: ${String(locator)}`).toBe(true);
}

/** Waits until the locator matches nothing visible. */
export async function expectGone(locator: Locator): Promise<void> {
  await eventually(() => locator.isVisible(), `not visible: ${String(locator)}`).toBe(false);
}

/** The page's path and query, e.g. "/settings?tab=tokens". */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** The text of the page's <h1> headings. */
export const h1Texts = (page: Page): Promise<string[]> =>
  page.getByRole('heading', { level: 1 }).allInnerTexts();

/** Waits for the e-mail to `to` whose subject matches, and returns the link in it. */
export async function mailedLink(platform: Platform, to: string, subject: RegExp): Promise<string> {
  const mail: ReceivedMail = await platform.smtp.waitFor(to, (m) => subject.test(m.subject), WAIT_MS);
  return linkIn(mail);
}
