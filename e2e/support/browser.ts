import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(root, 'test-results', 'screenshots');
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Debian's Chromium (or CHROMIUM_PATH); undefined when missing. In CI a missing browser is an error. */
export function chromiumPath(): string | undefined {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(p)) return p;
  if (IN_CI) throw new Error(`Chromium is required in CI but not found at ${p}`);
  return undefined;
}

let warned = false;
/** Whether browser journeys can run here; prints the one-line reason once when they cannot. */
export function browserAvailable(): boolean {
  const ok = chromiumPath() !== undefined;
  if (!ok && !warned) {
    warned = true;
    console.warn(
      '[skip] browser journeys: Chromium not found (install Debian package "chromium" or set CHROMIUM_PATH)',
    );
  }
  return ok;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
}

/** A fresh browser context (own cookies) and page that records errors and CSP violations. */
export async function openPage(
  browser: Browser,
  opts: {
    viewport?: { width: number; height: number };
    locale?: string;
    colorScheme?: 'light' | 'dark';
  } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? DESKTOP,
    locale: opts.locale ?? 'en-GB',
    colorScheme: opts.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    ) {
      problems.push(`console: ${m.text()}`);
    }
  });
  return { page, context, problems };
}

/** axe-core (WCAG 2.1 A and AA): the serious and critical violations, as readable strings. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Saves a full-page screenshot as a test artefact: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
