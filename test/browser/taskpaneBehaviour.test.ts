/**
 * How the task pane behaves for a keyboard, a screen reader and a first-time user, in real headless
 * Chromium over the fake Excel (test/browser/harness), at task-pane width (350×800) and on a laptop
 * (1366×768), with a screenshot of each step kept: the skip link moves focus to the main landmark; the
 * flag dialog opens in its Comment box and gives focus back to what opened it; saving rules says so beside
 * the button and offers to recalculate; every control has a name; and on the monthly RAG scorecard the pane
 * says what the sheet says.
 */
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../../scripts/staticServer';
import type { StaticServer } from '../../scripts/staticServer';
import type { WorkbookRating } from '../../src/scorecard/types';
import { ratedLine } from '../../src/app/describe';
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
  server = await serveStatic({ root: await builtPages(), extra: { '/fixture.xlsx': PLAN, '/rag.xlsx': RAG } });
  plan = await ratedFixture(PLAN);
  rag = await ratedFixture(RAG);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await launched?.close();
});

async function openPane(size: (typeof SIZES)[number], query = ''): Promise<{ page: Page; problems: Awaited<ReturnType<typeof watchedPage>>['problems'] }> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  const watched = await watchedPage(context, server.url);
  await watched.page.goto(`${server.url}taskpane-harness.html?latency=10${query}`);
  await watched.page.getByRole('complementary', { name: 'Task pane' }).getByRole('button', { name: 'Recalculate' }).waitFor();
  return watched;
}

describe.each(SIZES)('the task pane at $width×$height', (size) => {
  test('the skip link moves focus to the main landmark; the flag dialog opens in Comment and gives focus back', async () => {
    const { page, problems } = await openPane(size);
    const pane = page.getByRole('complementary', { name: 'Task pane' });
    await page.keyboard.press('Tab');
    const skip = pane.getByRole('link', { name: 'Skip to the results' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: screenshotPath(`pane-${size.name}-skip-link.png`) });
    await page.keyboard.press('Enter');
    expect(await activeElement(page)).toMatchObject({ tag: 'main', id: 'pane-main' });
    expect(await pane.getByRole('main', { name: 'Scorecard' }).count()).toBe(1);

    await pane.getByRole('button', { name: 'Recalculate' }).click();
    await pane.getByText(ratedLine(plan.summary), { exact: false }).waitFor({ timeout: 60_000 });
    const row = plan.sheets[0].rows.find((r) => r.rating.status === 'on-target');
    if (!row) throw new Error('the fixture has no on-target row');
    await page.locator(`tr[data-row="${row.measure.row}"]`).click();
    const opener = pane.getByRole('button', { name: `Flag ${row.measure.ref} for the performance clinic` });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Flag a measure for the performance clinic' });
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    expect(await dialog.getByRole('textbox', { name: 'Comment' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Ask why the target was raised.');
    expect(await dialog.getByRole('textbox', { name: 'Ref' }).inputValue()).toBe(row.measure.ref);
    await page.screenshot({ path: screenshotPath(`pane-${size.name}-flag-dialog.png`) });
    await dialog.getByRole('button', { name: 'Add flag' }).click();
    await pane.getByText(`Flag for ${row.measure.ref} added to the Flags sheet (1 in all).`).waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement !== document.body);
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    await opener.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement !== document.body);
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);

  test('saving rules says so beside the button and offers to recalculate; every control has a name', async () => {
    const { page, problems } = await openPane(size);
    const pane = page.getByRole('complementary', { name: 'Task pane' });
    await pane.getByRole('button', { name: 'Rules', exact: true }).click();
    await pane.getByLabel('Tolerance (share of the target)', { exact: true }).fill('50');
    const save = pane.getByRole('button', { name: 'Save rules to the workbook' });
    await save.click();
    const said = pane.getByRole('status').filter({ hasText: "Rules saved in the workbook's 'Scorecard rules' sheet." });
    await said.waitFor({ timeout: 30_000 });
    const [saveBox, saidBox] = [await save.boundingBox(), await said.boundingBox()];
    if (!saveBox || !saidBox) throw new Error('the Save button or its note is not laid out');
    expect(saidBox.y - (saveBox.y + saveBox.height)).toBeLessThan(120);
    expect(saidBox.y).toBeGreaterThan(saveBox.y);
    await said.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`pane-${size.name}-rules-saved.png`) });
    expect(await unnamedControls(page)).toEqual([]);

    const loose = await ratedFixture(PLAN, { rules: { tolerance: 0.5 } });
    await pane.getByRole('button', { name: 'Recalculate now' }).click();
    await pane.getByText(`Rated with the saved rules. ${ratedLine(loose.summary)}`, { exact: false }).waitFor({ timeout: 60_000 });
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);

  test('on the monthly RAG scorecard the pane says what the sheet says', async () => {
    const { page, problems } = await openPane(size, '&fixture=rag.xlsx&sheet=Performance%20Summary');
    const pane = page.getByRole('complementary', { name: 'Task pane' });
    await pane.getByRole('button', { name: 'Recalculate' }).click();
    await pane.getByText(ratedLine(rag.summary, { 'on-target': 'Green', satisfactory: 'Amber', 'off-target': 'Red' }), { exact: false }).waitFor({ timeout: 60_000 });
    const sheet = rag.sheets[0];
    const row = sheet.rows.find((r) => r.rating.dotDetail === 'declined-within-limits' && r.rating.status === 'on-target');
    if (!row) throw new Error('the fixture has no declined-within-limits row');
    const sheetRow = page.locator(`tr[data-row="${row.measure.row}"]`);
    await sheetRow.click();
    await pane.getByTestId('explanation').filter({ hasText: row.rating.explanation }).waitFor();
    // The stand-in sheet shows the cells as Excel got them; the pane's words are the same.
    const cells = await sheetRow.locator('td').allTextContents();
    const status = cells[sheet.columns.status];
    const dot = cells[sheet.columns.dot as number];
    expect(status).toBe('Green');
    expect(dot).toMatch(/Decline but within limits of target$/);
    const panel = pane.getByTestId('explanation').locator('..');
    expect(await panel.textContent()).toContain(status);
    expect(await panel.textContent()).toContain(dot);
    expect(await panel.textContent()).not.toContain('On target');
    await pane.getByRole('heading', { name: 'Selected row' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`pane-${size.name}-rag-row.png`) });
    expect(problems).toEqual({ errors: [], cspViolations: [], offSiteRequests: [] });
    await page.context().close();
  }, 120_000);
});
