/**
 * Debian's Chromium, driven by playwright-core: no browser is ever downloaded. CI installs the package
 * (.ci/run); without it the browser tests fail with a message saying so rather than skipping quietly.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findChromium, launchChromium as launch } from '../../../scripts/chromium';

export { findChromium };

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Chromium with nothing in the background that talks to the network. Playwright gives every
 * launch a fresh temporary profile (--user-data-dir) of its own and removes it on close.
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const browser = await launch();
  return { browser, close: () => browser.close() };
}

/** What a page did that it must not: script errors, CSP violations, requests off this machine. */
export interface PageProblems {
  errors: string[];
  cspViolations: string[];
  offSiteRequests: string[];
}

/**
 * A page that records its problems. Every request that is not to `origin` (or a blob/data URL the page
 * made itself) is refused and recorded, so a test can prove the page sends nothing anywhere.
 */
export async function watchedPage(context: BrowserContext, origin: string): Promise<{ page: Page; problems: PageProblems }> {
  const problems: PageProblems = { errors: [], cspViolations: [], offSiteRequests: [] };
  await context.route(
    (url) => !url.href.startsWith(origin),
    async (route) => {
      problems.offSiteRequests.push(route.request().url());
      await route.abort();
    },
  );
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    (/Content Security Policy/i.test(m.text()) ? problems.cspViolations : problems.errors).push(m.text());
  });
  return { page, problems };
}

/** Screenshots land in test-output/screenshots (not committed) for a person to look at. */
export function screenshotPath(name: string): string {
  const dir = path.resolve(__dirname, '../../../test-output/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
