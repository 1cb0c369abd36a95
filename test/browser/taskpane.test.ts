/**
 * The task pane in real headless Chromium, from the production build, over the fake Excel the adapter
 * tests use (test/browser/harness): the real pane and the real office-js host, the council plan fixture in
 * the fake workbook, and a short wait on every round trip as Excel's take. Recalculate shows its progress
 * and the result line, a red flag selects its row through the host, and the explanation follows the
 * selection.
 */
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../../scripts/staticServer';
import type { StaticServer } from '../../scripts/staticServer';
import type { WorkbookRating } from '../../src/scorecard/types';
import { ratedLine } from '../../src/app/describe';
import type { HarnessRecord } from './harness/taskpaneHarness';
import { launchChromium, screenshotPath, watchedPage } from './support/chromium';
import type { LaunchedBrowser } from './support/chromium';
import { builtPages } from './support/pages';
import { PLAN as FIXTURE, ratedFixture } from './support/fixtures';


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

/** The harness's record of what the pane asked of its host. */
function record(page: Page): Promise<Pick<HarnessRecord, 'selectRowCalls' | 'syncs'>> {
  return page.evaluate(() => {
    const r = window.scorecardHarness;
    if (!r) throw new Error('the harness did not start');
    return { selectRowCalls: [...r.selectRowCalls], syncs: r.syncs };
  });
}

test('Recalculate shows progress and the result line; a red flag selects its row; the explanation follows the selection', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1300 } });
  const { page, problems } = await watchedPage(context, server.url);
  await page.goto(`${server.url}taskpane-harness.html?latency=200`);
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  await pane.getByRole('button', { name: 'Recalculate' }).waitFor();

  await pane.getByRole('button', { name: 'Recalculate' }).click();
  await pane.getByRole('progressbar').waitFor();
  await pane.getByText(/^(Reading the workbook|Rating every measure|Writing the results)/).first().waitFor();
  await page.screenshot({ path: screenshotPath('taskpane-progress.png') });
  await pane.getByText(`${ratedLine(expected.summary)} 221 cells written on "Scorecard".`).waitFor({ timeout: 30_000 });
  expect(await pane.getByRole('progressbar').count()).toBe(0);

  const status = pane.locator('table', { has: page.locator('caption', { hasText: 'Overall status: all measures' }) });
  const offTarget = await status.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Off target' }) }).locator('td').allTextContents();
  expect(offTarget.slice(0, 2)).toEqual([String(expected.summary.statuses['off-target'].count), expected.summary.statuses['off-target'].percent.toFixed(1)]);

  await pane.getByRole('group', { name: 'Scorecard actions' }).getByRole('button', { name: 'Red flags' }).click();
  await pane.getByText(new RegExp(`^${expected.redFlags.length} red flags: off target this period and the previous one`)).waitFor({ timeout: 30_000 });
  const flag = expected.redFlags[0];
  await pane
    .getByRole('list', { name: 'Red flags' })
    .getByRole('button', { name: new RegExp(`^${flag.ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) })
    .click();
  await pane.getByTestId('explanation').filter({ hasText: flag.reason }).waitFor();
  await page.waitForFunction((want) => window.scorecardHarness?.selectRowCalls.includes(want), `${flag.sheet}!${flag.row}`);
  expect((await record(page)).selectRowCalls).toEqual([`${flag.sheet}!${flag.row}`]);
  // The fake Excel's own selection moved to that row: the sheet view shows it selected.
  await page.locator(`tr.selected[data-row="${flag.row}"]`).waitFor();

  // The user clicks another measure's row in the sheet: Excel's selection event brings its explanation.
  const other = expected.sheets[0].rows.find((r) => r.rating.status === 'on-target' && r.measure.row !== flag.row);
  if (!other) throw new Error('the fixture has no on-target row');
  await page.locator(`tr[data-row="${other.measure.row}"]`).click();
  await pane.getByTestId('explanation').filter({ hasText: other.rating.explanation }).waitFor();
  // A row that is not a measure says so.
  await page.locator('tr[data-row="2"]').click();
  await pane.getByText(/Row 2 of "Scorecard" is not a rated measure row/).waitFor();
  await page.locator(`tr[data-row="${other.measure.row}"]`).click();
  await pane.getByTestId('explanation').filter({ hasText: other.rating.explanation }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('taskpane.png') });

  // A reviewer flags the measure from its explanation.
  await pane.getByRole('button', { name: `Flag ${other.measure.ref} for the performance clinic` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Comment').fill('Ask the service why the target was raised.');
  await dialog.getByLabel('Your name').fill('A. Reviewer');
  await page.screenshot({ path: screenshotPath('taskpane-flag-dialog.png') });
  await dialog.getByRole('button', { name: 'Add flag' }).click();
  await pane.getByText(`Flag for ${other.measure.ref} added to the Flags sheet (1 in all).`).waitFor({ timeout: 30_000 });

  expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
  await context.close();
}, 120_000);

test('the Rules panel saves a changed tolerance into the workbook, and the next Recalculate rates with it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  const { page, problems } = await watchedPage(context, server.url);
  await page.goto(`${server.url}taskpane-harness.html?latency=20`);
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  await pane.getByRole('button', { name: 'Rules', exact: true }).click();
  // The tolerance is typed as a percentage: its box shows 2.5 with the % sign after it.
  const tolerance = pane.getByLabel('Tolerance (share of the target)', { exact: true });
  expect(await tolerance.inputValue()).toBe('2.5');
  await tolerance.fill('');
  await pane.getByRole('button', { name: 'Save rules to the workbook' }).click();
  await pane.getByText(/Needs a percentage such as 2\.5%/).waitFor();
  await tolerance.fill('50');
  await pane.getByRole('button', { name: 'Save rules to the workbook' }).click();
  await pane.getByRole('status').filter({ hasText: "Rules saved in the workbook's 'Scorecard rules' sheet." }).waitFor({ timeout: 30_000 });
  await pane.locator('button:enabled', { hasText: 'Save rules to the workbook' }).waitFor({ timeout: 5_000 });
  await page.screenshot({ path: screenshotPath('taskpane-rules.png') });

  const loose = await ratedFixture(FIXTURE, { rules: { tolerance: 0.5 } });
  expect(loose.summary.statuses.satisfactory.count).not.toBe(expected.summary.statuses.satisfactory.count);
  await pane.getByRole('button', { name: 'Recalculate', exact: true }).click();
  await pane.getByText(ratedLine(loose.summary), { exact: false }).waitFor({ timeout: 30_000 });

  expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
  await context.close();
}, 120_000);
