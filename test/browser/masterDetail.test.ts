/**
 * Master and detail, and lists that scale, as a user meets them in real headless Chromium at task-pane
 * width (350×800) and on a laptop (1366×768): choosing a red flag puts its reason on screen, with its
 * trend chart; the red-flag list is capped with "Show all"; the rated rows' header stays in view and a
 * reason opens in full; at 350 px nothing scrolls sideways outside a marked scroll region. Screenshots
 * land in test-output/screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../../scripts/staticServer';
import type { StaticServer } from '../../scripts/staticServer';
import type { RedFlag, WorkbookRating } from '../../src/scorecard/types';
import { ratedLine } from '../../src/app/describe';
import { launchChromium, screenshotPath, watchedPage } from './support/chromium';
import type { LaunchedBrowser } from './support/chromium';
import { horizontalOverflow, inViewport } from './support/layout';
import { builtPages } from './support/pages';
import { PLAN as FIXTURE, ratedFixture } from './support/fixtures';

const SIZES = [
  { name: '350', viewport: { width: 350, height: 800 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;

let launched: LaunchedBrowser;
let browser: Browser;
let server: StaticServer;
let expected: WorkbookRating;

beforeAll(async () => {
  launched = await launchChromium();
  browser = launched.browser;
  server = await serveStatic({ root: await builtPages(), extra: { '/fixture.xlsx': FIXTURE } });
  expected = await ratedFixture(FIXTURE);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await launched?.close();
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The last red flag: the one furthest down the page once every flag is shown. */
function lastFlag(): RedFlag {
  const flag = expected.redFlags[expected.redFlags.length - 1];
  if (!flag || expected.redFlags.length <= 5) throw new Error('the fixture needs more than five red flags for this test');
  return flag;
}

/** Shows every red flag and chooses the last, then waits for its reason. */
async function chooseLastFlag(page: Page, scope: Page | ReturnType<Page['getByRole']>): Promise<RedFlag> {
  const flag = lastFlag();
  const list = scope.getByRole('list', { name: 'Red flags' });
  expect(await list.getByRole('listitem').count()).toBe(5);
  await scope.getByRole('button', { name: `Show all (${expected.redFlags.length})` }).click();
  expect(await list.getByRole('listitem').count()).toBe(expected.redFlags.length);
  const link = list.getByRole('button', { name: new RegExp(`^${escapeRegExp(flag.ref)} `) });
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await scope.getByTestId('explanation').filter({ hasText: flag.reason }).waitFor();
  return flag;
}

describe.each(SIZES)('the workbench at $name px', ({ name, viewport }) => {
  test('choosing a red flag shows its reason and trend on screen; nothing scrolls sideways outside a marked region', async () => {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await watchedPage(context, server.url);
    await page.goto(`${server.url}workbench.html`);
    await page.setInputFiles('input[type=file]', FIXTURE);
    await page.getByText(ratedLine(expected.summary), { exact: false }).waitFor({ timeout: 30_000 });

    const flag = await chooseLastFlag(page, page);
    const reason = page.getByTestId('explanation');
    expect(await inViewport(page, reason)).toMatchObject({ inside: true });
    expect(await inViewport(page, page.getByRole('img', { name: /values, \d+ periods/ }))).toMatchObject({ inside: true });
    await page.screenshot({ path: screenshotPath(`workbench-${name}-red-flag.png`) });

    // The flag's row is the chosen one in the rated rows, scrolled into their own region's view.
    const chosen = page.locator('[aria-label="Rated rows"] [aria-current="true"]');
    await chosen.waitFor();
    expect(await chosen.evaluate((el) => el.closest('[data-row]')?.getAttribute('data-row'))).toBe(String(flag.row));

    const overflow = await horizontalOverflow(page);
    expect(overflow.unmarked).toEqual([]);
    expect(overflow.page.scrollWidth).toBe(overflow.page.viewport);
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await context.close();
  }, 120_000);
});

test('at 350 px the rated rows are a compact list of ref, status and direction; choosing one shows its detail at the top', async () => {
  const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
  const { page, problems } = await watchedPage(context, server.url);
  await page.goto(`${server.url}workbench.html`);
  await page.setInputFiles('input[type=file]', FIXTURE);
  await page.getByText(ratedLine(expected.summary), { exact: false }).waitFor({ timeout: 30_000 });
  expect(await page.locator('table[aria-label="Rated rows"]').count()).toBe(0);
  const row = expected.sheets[0].rows.find((r) => r.rating.status === 'on-target' && r.measure.ref);
  if (!row) throw new Error('the fixture has no on-target row');
  await page.getByLabel('Find', { exact: true }).fill(row.measure.ref);
  const item = page.getByRole('list', { name: 'Rated rows' }).getByRole('button', { name: new RegExp(`^Explain ${escapeRegExp(row.measure.ref)}: .*On target`) });
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('workbench-350-rows.png') });
  await item.click();
  const reason = page.getByTestId('explanation').filter({ hasText: row.rating.explanation });
  await reason.waitFor();
  expect(await inViewport(page, reason)).toMatchObject({ inside: true });
  await page.screenshot({ path: screenshotPath('workbench-350-row-detail.png') });
  // The detail can be put away, and comes back with the next choice.
  await page.getByRole('button', { name: 'Close the selected row' }).click();
  expect(await page.getByTestId('explanation').count()).toBe(0);
  await item.click();
  await reason.waitFor();
  expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
  await context.close();
}, 120_000);

test('at 1366 px the table keeps its header in view, groups by status and opens a reason in full', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await watchedPage(context, server.url);
  await page.goto(`${server.url}workbench.html`);
  await page.setInputFiles('input[type=file]', FIXTURE);
  await page.getByText(ratedLine(expected.summary), { exact: false }).waitFor({ timeout: 30_000 });
  const table = page.locator('table[aria-label="Rated rows"]');
  const region = page.getByRole('region', { name: 'Rated rows, scrolls on its own' });

  await page.getByLabel('Order', { exact: true }).selectOption('status');
  const offTarget = expected.sheets[0].rows.filter((r) => r.rating.status === 'off-target').length;
  await table.getByRole('columnheader', { name: `Off target (${offTarget})` }).waitFor();
  // Scrolled down its own region, the header is still at the region's top.
  await region.evaluate((el) => (el.scrollTop = 600));
  await page.waitForTimeout(200);
  const header = await table.getByRole('columnheader', { name: 'Why' }).boundingBox();
  const top = await region.boundingBox();
  expect(header && top && Math.abs(header.y - top.y)).toBeLessThan(3);

  const first = table.locator('tbody tr', { has: page.getByRole('button', { name: /^Show the whole reason for / }) }).first();
  const tr = table.locator(`tbody tr[data-row="${await first.getAttribute('data-row')}"]`);
  const before = (await tr.boundingBox())?.height ?? 0;
  await tr.getByRole('button', { name: /^Show the whole reason for / }).click();
  expect(await tr.getByRole('button', { name: /^Shorten the whole reason for / }).getAttribute('aria-expanded')).toBe('true');
  const after = (await tr.boundingBox())?.height ?? 0;
  expect(after).toBeGreaterThan(before);
  await page.screenshot({ path: screenshotPath('workbench-1366-grouped.png') });
  expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
  await context.close();
}, 120_000);

describe.each([
  { name: '350', viewport: { width: 350, height: 800 }, layout: 'pane' },
  { name: '1366', viewport: { width: 1366, height: 768 }, layout: 'beside' },
])('the task pane at $name px', ({ name, viewport, layout }) => {
  test('after Red flags, choosing the last flag shows its reason in view; nothing scrolls sideways', async () => {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await watchedPage(context, server.url);
    await page.goto(`${server.url}taskpane-harness.html?latency=20&layout=${layout}`);
    const pane = page.getByRole('complementary', { name: 'Task pane' });
    await pane.getByRole('button', { name: 'Recalculate' }).click();
    await pane.getByText(ratedLine(expected.summary), { exact: false }).waitFor({ timeout: 60_000 });
    await pane.getByRole('group', { name: 'Scorecard actions' }).getByRole('button', { name: 'Red flags' }).click();
    await pane.getByText(new RegExp(`^${expected.redFlags.length} red flags: off target`)).waitFor({ timeout: 60_000 });
    await chooseLastFlag(page, pane);
    expect(await inViewport(page, pane.getByTestId('explanation'))).toMatchObject({ inside: true });
    await page.screenshot({ path: screenshotPath(`taskpane-${name}-red-flag.png`) });
    if (layout === 'pane') {
      const overflow = await horizontalOverflow(page);
      expect(overflow.unmarked).toEqual([]);
      expect(overflow.page.scrollWidth).toBe(overflow.page.viewport);
    }
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await context.close();
  }, 120_000);
});
