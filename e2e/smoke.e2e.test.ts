import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousA11yViolations,
} from './support/browser.ts';
import { startPlatform, type Platform } from './support/platform.ts';

describe.skipIf(!browserAvailable())('smoke: the built app is served and renders under the CSP', () => {
  let platform: Platform;
  let browser: Browser;
  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('renders the landing page without errors or CSP violations', async () => {
    // With an operator in place the landing page shows (a fresh platform shows the setup screen instead).
    await platform.app.services.admin.createOperator({
      email: 'ops@example.org',
      password: 'marble kettle orbit lantern',
      displayName: 'Ops',
    });
    const { page, problems, context } = await openPage(browser, { viewport: PHONE });
    await page.goto(platform.url);
    await expect.poll(() => page.url()).not.toContain('/setup');
    await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
    await screenshot(page, 'smoke-landing-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
