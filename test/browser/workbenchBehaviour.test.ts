/**
 * How the workbench behaves for a keyboard, a screen reader and a first-time user, in real headless
 * Chromium at task-pane width (350×800) and on a laptop (1366×768), with a screenshot of each step kept:
 * the skip links move focus to the main landmark and to the rated rows; the flag dialog opens in its
 * Comment box and gives focus back to the control that opened it; opening another file with flags not
 * downloaded asks first, and so does closing the tab; saving rules says so beside the button and offers to
 * recalculate; the chosen row shows in forced-colours mode; every control has a name; and on the monthly RAG
 * scorecard the page says what the downloaded workbook says.
 */
import * as fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../../scripts/staticServer';
import type { StaticServer } from '../../scripts/staticServer';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import type { WorkbookRating } from '../../src/scorecard/types';
import { ratedLine } from '../../src/app/describe';
import { gridValue } from '../../src/workbook/grid';
import { activeElement, unnamedControls } from './support/a11y';
import { launchChromium, screenshotPath, watchedPage } from './support/chromium';
import type { LaunchedBrowser } from './support/chromium';
import { builtPages } from './support/pages';
import { PLAN, RAG, SIZES, ratedFixture } from './support/fixtures';


let launched: LaunchedBrowser;
let browser: Browser;
let server: StaticServer;
let plan: WorkbookRating;
let rag: WorkbookRating;

beforeAll(async () => {
  launched = await launchChromium();
  browser = launched.browser;
  server = await serveStatic({ root: await builtPages() });
  plan = await ratedFixture(PLAN);
  rag = await ratedFixture(RAG);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await launched?.close();
});

/** The result line of a rating: on the RAG scorecard it counts in the sheet's own words. */
function line(expected: WorkbookRating): string {
  return expected === rag ? ratedLine(rag.summary, { 'on-target': 'Green', satisfactory: 'Amber', 'off-target': 'Red' }) : ratedLine(expected.summary);
}

async function openWorkbench(size: (typeof SIZES)[number], file: string, expected: WorkbookRating): Promise<{ page: Page; problems: Awaited<ReturnType<typeof watchedPage>>['problems'] }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: size.width, height: size.height } });
  const watched = await watchedPage(context, server.url);
  await watched.page.goto(`${server.url}workbench.html`);
  await watched.page.setInputFiles('input[type=file]', file);
  await watched.page.getByText(line(expected), { exact: false }).waitFor({ timeout: 60_000 });
  return watched;
}

describe.each(SIZES)('the workbench at $width×$height', (size) => {
  test('the skip links move focus to the main landmark and to the rated rows', async () => {
    const { page, problems } = await openWorkbench(size, PLAN, plan);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the results' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    // Shown while it has focus, inside the viewport.
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= size.height).toBe(true);
    await page.screenshot({ path: screenshotPath(`behaviour-${size.name}-skip-link.png`) });
    await page.keyboard.press('Enter');
    expect(await activeElement(page)).toMatchObject({ tag: 'main', id: 'workbench-main' });
    expect(await page.getByRole('main').count()).toBe(1);

    await skip.focus();
    await page.keyboard.press('Tab');
    expect(await page.getByRole('link', { name: 'Skip to the rated rows' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await activeElement(page)).toMatchObject({ id: 'rated-rows' });
    // The next Tab is inside the rated rows, not back at the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#rated-rows')))).toBe(true);
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);

  test('the flag dialog opens in the Comment box and gives focus back to what opened it', async () => {
    const { page, problems } = await openWorkbench(size, PLAN, plan);
    const flag = plan.redFlags[0];
    const opener = page.getByRole('list', { name: 'Red flags' }).getByRole('button', { name: `Flag ${flag.ref} for the performance clinic` });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Flag a measure for the performance clinic' });
    await dialog.waitFor();
    const comment = dialog.getByRole('textbox', { name: 'Comment' });
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    expect(await comment.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog.getByRole('textbox', { name: 'Ref' }).inputValue()).toBe(flag.ref);
    // Typing goes into the comment; the ref filled in from the red flag is left alone.
    await page.keyboard.type('Off target two quarters running: ask for the recovery plan.');
    expect(await dialog.getByRole('textbox', { name: 'Ref' }).inputValue()).toBe(flag.ref);
    await page.screenshot({ path: screenshotPath(`behaviour-${size.name}-flag-dialog.png`) });
    await dialog.getByRole('button', { name: 'Add flag' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement !== document.body);
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    // Cancel gives focus back too: to the clinic card's own button, which opens the dialog in the Ref box.
    const own = page.getByRole('button', { name: 'Flag a measure…' });
    await own.click();
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    expect(await dialog.getByRole('textbox', { name: 'Ref' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement !== document.body);
    expect(await own.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);

  test('with a flag not downloaded, opening another file asks first and closing the tab warns', async () => {
    const { page, problems } = await openWorkbench(size, PLAN, plan);
    const flag = plan.redFlags[0];
    await page.getByRole('list', { name: 'Red flags' }).getByRole('button', { name: `Flag ${flag.ref} for the performance clinic` }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Comment' }).fill('Why still off target?');
    await page.getByRole('dialog').getByRole('button', { name: 'Add flag' }).click();
    await page.getByText(`Flag for ${flag.ref} added to the Flags sheet (1 in all).`).waitFor();

    await page.setInputFiles('input[type=file]', RAG);
    const ask = page.getByRole('alertdialog', { name: 'Open another workbook without downloading?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('1 clinic flag');
    await page.screenshot({ path: screenshotPath(`behaviour-${size.name}-confirm-open.png`) });
    await ask.getByRole('button', { name: 'Keep working on this one' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByText('council-plan-2017-18-q2.xlsx', { exact: true }).count()).toBe(1);
    // The page comes back to assistive technology once the dialog has gone.
    await page.getByRole('heading', { name: 'Flags for the clinic (1)' }).waitFor();

    // Closing or reloading the tab asks too (the browser words the question).
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.setInputFiles('input[type=file]', RAG);
    await ask.getByRole('button', { name: 'Open it and lose them' }).click();
    await page.getByText(line(rag), { exact: false }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Flags for the clinic (0)' }).waitFor();

    // Downloaded work is safe: after a download, another file opens without asking.
    await page.getByRole('button', { name: 'Flag a measure…' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Ref' }).fill(rag.redFlags[0].ref);
    await page.getByRole('dialog').getByRole('textbox', { name: 'Comment' }).fill('Look at this');
    await page.getByRole('dialog').getByRole('button', { name: 'Add flag' }).click();
    await page.getByRole('heading', { name: 'Flags for the clinic (1)' }).waitFor();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rated workbook' }).click()]);
    await page.setInputFiles('input[type=file]', PLAN);
    await page.getByText(line(plan), { exact: false }).waitFor({ timeout: 60_000 });
    expect(await ask.count()).toBe(0);
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 180_000);

  test('saving rules says so beside the button and offers to recalculate, which rates with them', async () => {
    const { page, problems } = await openWorkbench(size, PLAN, plan);
    await page.getByRole('button', { name: 'Rules', exact: true }).click();
    await page.getByLabel('Tolerance (share of the target)', { exact: true }).fill('50');
    const save = page.getByRole('button', { name: 'Save rules to the workbook' });
    await save.click();
    const said = page.getByRole('status').filter({ hasText: "Rules saved in the workbook's 'Scorecard rules' sheet." });
    // Saving rewrites and recompresses the workbook: under a loaded machine (the whole suite in parallel) it has taken over 30 s.
    await said.waitFor({ timeout: 60_000 });
    const again = page.getByRole('button', { name: 'Recalculate now' });
    // Beside the button the user just pressed, and in view: not at the top of the page.
    await again.scrollIntoViewIfNeeded();
    const [saveBox, saidBox] = [await save.boundingBox(), await said.boundingBox()];
    if (!saveBox || !saidBox) throw new Error('the Save button or its note is not laid out');
    expect(saidBox.y - (saveBox.y + saveBox.height)).toBeLessThan(120);
    expect(saidBox.y).toBeGreaterThan(saveBox.y);
    await page.screenshot({ path: screenshotPath(`behaviour-${size.name}-rules-saved.png`) });

    const loose = await ratedFixture(PLAN, { rules: { tolerance: 0.5 } });
    await again.click();
    await page.getByText(`Rated with the saved rules. ${ratedLine(loose.summary)}`, { exact: false }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath(`behaviour-${size.name}-rules-recalculated.png`) });
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);

  test('the chosen row shows in forced-colours mode, and every control has a name', async () => {
    const { page, problems } = await openWorkbench(size, PLAN, plan);
    await page.emulateMedia({ forcedColors: 'active' });
    const flag = plan.redFlags[0];
    await page
      .getByRole('list', { name: 'Red flags' })
      .getByRole('button', { name: new RegExp(`^${flag.ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) })
      .click();
    const chosen = page.locator('[aria-current="true"]');
    await chosen.first().waitFor();
    for (const el of await chosen.all()) {
      const outline = await el.evaluate((e) => {
        const s = getComputedStyle(e);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(outline.style).toBe('solid');
      expect(outline.width).toBeGreaterThanOrEqual(2);
    }
    await page.screenshot({ path: screenshotPath(`behaviour-${size.name}-forced-colours.png`) });
    await page.emulateMedia({ forcedColors: 'none' });
    expect(await chosen.first().evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('solid');

    await page.getByRole('button', { name: 'Rules', exact: true }).click();
    await page.getByRole('button', { name: 'Save rules to the workbook' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);

  test('on the monthly RAG scorecard the page says what the downloaded workbook says', async () => {
    const { page, problems } = await openWorkbench(size, RAG, rag);
    const sheet = rag.sheets[0];
    const row = sheet.rows.find((r) => r.rating.dotDetail === 'declined-within-limits' && r.rating.status === 'on-target');
    const below = sheet.rows.find((r) => r.rating.status === 'needs-review');
    if (!row || !below) throw new Error('the fixture has no declined-within-limits row or no row below its range');
    const explain = (ref: string) => page.getByRole('button', { name: new RegExp(`^Explain ${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:|$)`) });
    // At task-pane width the compact list names a row as a screen reader hears it, in the sheet's words too.
    if (size.width < 900) {
      expect(await explain(row.measure.ref).getAttribute('aria-label')).toContain('Green, Decline but within limits of target');
      // Shown whole, not cut at the list's edge: every piece of the row's line ends inside its button.
      const cut = await explain(row.measure.ref).evaluate((button) => {
        const edge = button.getBoundingClientRect().right + 0.5;
        return [...button.querySelectorAll('span')].filter((s) => s.getBoundingClientRect().right > edge).map((s) => s.textContent);
      });
      expect(cut).toEqual([]);
    }
    await explain(row.measure.ref).click();
    const panel = page.getByTestId('explanation').locator('..');
    await page.getByTestId('explanation').filter({ hasText: row.rating.explanation }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'measures rated' }).textContent()).toMatch(/\d+ green, \d+ amber, \d+ red/);
    await page.screenshot({ path: screenshotPath(`behaviour-${size.name}-rag-row.png`) });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rated workbook' }).click()]);
    const { grids } = await readWorkbook(fs.readFileSync(await download.path()));
    const grid = grids.find((g) => g.name === sheet.sheet);
    if (!grid) throw new Error('the download has no RAG sheet');
    const status = String(gridValue(grid, row.measure.row - 1, sheet.columns.status));
    const dot = String(gridValue(grid, row.measure.row - 1, sheet.columns.dot as number));
    expect(status).toBe('Green');
    expect(dot).toMatch(/Decline but within limits of target$/);
    // The panel's words are the workbook's, arrow and all: "Green", "▼ Decline but within limits of target".
    expect(await panel.textContent()).toContain(status);
    expect(await panel.textContent()).toContain(dot);
    expect(await panel.textContent()).not.toContain('On target');
    // The threshold is quoted as the sheet shows it.
    expect(row.rating.explanation).toMatch(/green threshold of \d+(\.\d)?%/);

    // A red flag on a RAG sheet is Red; a row below its range needs review, as the workbook says.
    const flags = page.getByRole('list', { name: 'Red flags' });
    await page.getByRole('button', { name: `Show all (${rag.redFlags.length})` }).click();
    expect(await flags.getByText('Red', { exact: true }).count()).toBe(rag.redFlags.length);
    // Only the rows in view are drawn: Find brings the row below its range into the list.
    await page.getByRole('textbox', { name: 'Find' }).fill(below.measure.ref);
    await explain(below.measure.ref).click();
    await page.getByTestId('explanation').filter({ hasText: below.rating.explanation }).waitFor();
    expect(String(gridValue(grid, below.measure.row - 1, sheet.columns.status))).toBe('Needs review');
    expect(await panel.textContent()).toContain('Needs review');
    expect(await panel.textContent()).not.toContain('Not yet available');
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);
});
