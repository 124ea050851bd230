import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './browser.ts';
import { WAIT_MS } from './expect.ts';
import { startPlatform, type Platform } from './platform.ts';

export interface Journeys {
  /** A platform of its own (no accounts yet), closed after the file. */
  platform(): Promise<Platform>;
  /** A new browser context and page; closed after the test, which then fails if the page logged errors. */
  open(opts?: Parameters<typeof openPage>[1]): Promise<WatchedPage>;
}

/**
 * Shares one browser per file, gives each journey its own platforms and browser contexts, and checks after
 * every test that no page logged a console error, threw, or broke the content security policy.
 */
export function useJourneys(): Journeys {
  let browser: Browser | undefined;
  const platforms: Platform[] = [];
  let pages: WatchedPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    const done = pages;
    pages = [];
    if (task.result?.state === 'fail') {
      // What the browser showed when the journey failed, beside the other screenshots.
      const name = `failed-${task.name.slice(0, 60)}`;
      await Promise.all(done.map((p, i) => screenshot(p.page, `${name}-${i}`).catch(() => undefined)));
    }
    await Promise.all(done.map((p) => p.context.close()));
    expect(done.flatMap((p) => p.problems)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(platforms.map((p) => p.close()));
  });

  return {
    async platform() {
      const platform = await startPlatform();
      platforms.push(platform);
      return platform;
    },
    async open(opts) {
      if (!browser) throw new Error('the browser is not launched yet (call open() inside a test)');
      const watched = await openPage(browser, opts);
      watched.context.setDefaultTimeout(WAIT_MS);
      pages.push(watched);
      return watched;
    },
  };
}
