/**
 * The workbench in real headless Chromium, from the production build: a user opens the council plan
 * fixture, sees the engine's own figures, follows a red flag to its explanation and downloads the rated
 * workbook, which ExcelJS then reads back. The page must load nothing from elsewhere and break no rule of
 * its Content-Security-Policy.
 */
import * as fs from 'fs';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../scripts/staticServer';
import type { StaticServer } from '../../scripts/staticServer';
import { DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../../src/engine/types';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import { generateScorecard } from '../support/generateScorecard';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { WorkbookRating } from '../../src/scorecard/types';
import { ratedLine } from '../../src/app/describe';
import { gridValue } from '../../src/workbook/grid';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import { launchChromium, screenshotPath, watchedPage } from './support/chromium';
import type { LaunchedBrowser } from './support/chromium';
import { builtPages } from './support/pages';
import { PLAN as FIXTURE, ratedFixture } from './support/fixtures';

/**
 * Opening and rating a scorecard of this many rows should take the page less than GOAL_MS (about 4 s on a
 * two-core machine; timings there are noisy), so the test fails only past CEILING_MS, a regression, and
 * prints the figure against the goal.
 */
const LARGE_ROWS = 20_000;
const GOAL_MS = 5_000;
const CEILING_MS = 2 * GOAL_MS;
/** A key typed into Find should update the list within FIND_GOAL_MS; the test fails only past the ceiling. */
const FIND_GOAL_MS = 200;
const FIND_CEILING_MS = 5 * FIND_GOAL_MS;


function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let launched: LaunchedBrowser;
let browser: Browser;
let server: StaticServer;
let expected: WorkbookRating;

beforeAll(async () => {
  // Chromium first: without it there is no point building, and the message says what to install.
  launched = await launchChromium();
  browser = launched.browser;
  server = await serveStatic({ root: await builtPages() });
  expected = await ratedFixture(FIXTURE);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await launched?.close();
});

test('opens the fixture, shows the engine’s figures, explains a red flag and downloads the rated workbook', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 } });
  const { page, problems } = await watchedPage(context, server.url);
  await page.goto(`${server.url}workbench.html`);
  await page.getByRole('button', { name: 'Choose a workbook…' }).waitFor();
  await page.screenshot({ path: screenshotPath('workbench-empty.png') });

  await page.setInputFiles('input[type=file]', FIXTURE);
  // The result line the engine's own summary gives, word for word.
  await page.getByText(ratedLine(expected.summary), { exact: false }).waitFor({ timeout: 30_000 });

  const status = page.locator('table', { has: page.locator('caption', { hasText: 'Overall status: all measures' }) });
  for (const k of STATUS_KEYS) {
    const row = status.locator('tbody tr', { has: page.getByRole('rowheader', { name: STATUS_LABELS[k] }) });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual([String(expected.summary.statuses[k].count), expected.summary.statuses[k].percent.toFixed(1)]);
  }
  const total = await status.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Total' }) }).locator('td').allTextContents();
  expect(total.slice(0, 2)).toEqual([String(expected.summary.total), '100.0']);
  const dot = page.locator('table', { has: page.locator('caption', { hasText: 'Direction of travel: all measures' }) });
  const improved = await dot.locator('tbody tr', { has: page.getByRole('rowheader', { name: DOT_LABELS.improved }) }).locator('td').allTextContents();
  expect(improved[0]).toBe(String(expected.summary.dot.improved.count));

  // Every red flag the engine finds is listed (the first five, then all); choosing one explains it and picks its row in the table.
  const flags = page.getByRole('list', { name: 'Red flags' }).getByRole('listitem');
  expect(await flags.count()).toBe(Math.min(5, expected.redFlags.length));
  if (expected.redFlags.length > 5) await page.getByRole('button', { name: `Show all (${expected.redFlags.length})` }).click();
  expect(await flags.count()).toBe(expected.redFlags.length);
  const flag = expected.redFlags[Math.min(1, expected.redFlags.length - 1)];
  await page.getByRole('list', { name: 'Red flags' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(flag.ref)} `) }).click();
  await page.getByTestId('explanation').filter({ hasText: flag.reason }).waitFor();
  const chosen = page.locator('table[aria-label="Rated rows"] tr[aria-current="true"]');
  expect(await chosen.locator('td').nth(0).textContent()).toBe(String(flag.row));

  // Choosing a row in the table explains that row instead.
  const other = expected.sheets[0].rows.find((r) => r.measure.ref && r.measure.ref !== flag.ref && r.rating.status === 'on-target');
  if (!other) throw new Error('the fixture has no on-target row to choose');
  // Only the rows in view are drawn: Find brings this one into the table.
  await page.getByLabel('Find', { exact: true }).fill(other.measure.ref);
  await page.getByRole('button', { name: `Explain ${other.measure.ref}`, exact: true }).click();
  await page.getByTestId('explanation').filter({ hasText: other.rating.explanation }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('workbench.png') });
  await page.screenshot({ path: screenshotPath('workbench-full.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rated workbook' }).click()]);
  expect(download.suggestedFilename()).toBe('council-plan-2017-18-q2 (rated).xlsx');
  const saved = await download.path();
  const { grids } = await readWorkbook(fs.readFileSync(saved));
  const sheet = grids.find((g) => g.name === 'Scorecard');
  if (!sheet) throw new Error('the downloaded workbook has no Scorecard sheet');
  const col = expected.sheets[0].columns.status;
  for (const r of expected.sheets[0].rows) {
    expect({ row: r.measure.row, status: gridValue(sheet, r.measure.row - 1, col) }).toEqual({ row: r.measure.row, status: expected.rules.symbols[r.rating.status] });
  }
  expect(grids.map((g) => g.name)).toEqual(expect.arrayContaining(['Summary', 'Red flags', 'Scorecard rules']));

  expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
  await context.close();
}, 120_000);

test('a file that is not a workbook is refused with a message that says what to do', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  const { page, problems } = await watchedPage(context, server.url);
  await page.goto(`${server.url}workbench.html`);
  await page.setInputFiles('input[type=file]', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Q2 figures to follow') });
  await page.getByText('This file cannot be rated').waitFor();
  await page.getByText(/"notes\.txt" cannot be opened: not an \.xlsx workbook.*Choose the scorecard workbook saved from Excel as \.xlsx/).waitFor();
  await page.screenshot({ path: screenshotPath('workbench-error.png') });
  expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
  await context.close();
}, 60_000);

test(`opens and rates a ${LARGE_ROWS.toLocaleString('en-GB')}-row scorecard in under ${CEILING_MS / 1000} s (goal ${GOAL_MS / 1000} s)`, async () => {
  const input = await generateScorecard(LARGE_ROWS);
  const large = rateWorkbook(WorkbookPackage.open(input, zlibCodec).grids());
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const { page, problems } = await watchedPage(context, server.url);
  await page.goto(`${server.url}workbench.html`);
  await page.getByRole('button', { name: 'Choose a workbook…' }).waitFor();
  const started = Date.now();
  await page.setInputFiles('input[type=file]', { name: 'large.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: input });
  await page.getByText(ratedLine(large.summary), { exact: false }).waitFor({ timeout: 60_000 });
  const took = Date.now() - started;
  // The figure the README quotes: printed so a slow run says by how much.
  process.stdout.write(`workbench: opened and rated ${LARGE_ROWS} rows in ${took} ms (goal ${GOAL_MS} ms: ${took < GOAL_MS ? 'met' : 'missed'})\n`);
  expect(took).toBeLessThan(CEILING_MS);

  // A key typed into Find, timed in the page from the key to the frame that shows the narrowed count.
  await page.locator('button:enabled', { hasText: 'Download rated workbook' }).waitFor({ timeout: 60_000 });
  const find = page.getByLabel('Find', { exact: true });
  await find.focus();
  const keyMs = await page.evaluate(
    (total) =>
      new Promise<number>((resolve) => {
        const status = Array.from(document.querySelectorAll('[role="status"]')).find((el) => el.textContent?.endsWith(`${total} rated rows.`));
        if (!status) throw new Error('no count of rated rows');
        const started = performance.now();
        new MutationObserver((_, observer) => {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        }).observe(status, { childList: true, subtree: true, characterData: true });
        const input = document.activeElement as HTMLInputElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setter?.call(input, 'c');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    LARGE_ROWS.toLocaleString('en-GB'),
  );
  process.stdout.write(`workbench: a key typed into Find at ${LARGE_ROWS} rows took ${Math.round(keyMs)} ms (goal ${FIND_GOAL_MS} ms)\n`);
  // Loose: the goal is for a quiet machine, the test guards against a return to drawing every row.
  expect(keyMs).toBeLessThan(FIND_CEILING_MS);
  expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
  await context.close();
}, 180_000);
