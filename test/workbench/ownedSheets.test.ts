/**
 * The workbench keeps a user's own sheets called Summary, SUMMARY or Red flags as they were: its sheets go
 * beside them and the pane says where; a sheet of its own that the user renamed is rebuilt in place; and
 * rating twice gives the same workbook.
 */
import * as fs from 'fs';
import type * as ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import type { SheetGrid } from '../../src/workbook/grid';
import { WorkbenchHost } from '../../src/workbench/workbenchHost';
import { COUNCIL_PLAN, FIXED_NOW } from '../excel/support/workbooks';
import { differences, loadXlsx, snapshotSheet, toBuffer } from '../support/workbooks';

async function fixtureWith(name: string): Promise<Buffer> {
  const wb = await loadXlsx(fs.readFileSync(COUNCIL_PLAN));
  const mine = wb.addWorksheet(name);
  mine.getCell('A1').value = 'My own notes';
  mine.getCell('B2').value = { formula: '40+2', result: 42 };
  mine.getCell('A1').font = { italic: true };
  return toBuffer(wb);
}

async function download(host: WorkbenchHost): Promise<Buffer> {
  return Buffer.from((await host.download()).bytes);
}

const shape = (grids: readonly SheetGrid[]): [string, string | undefined][] => grids.map((g) => [g.name, g.ownedKind]);

test.each([
  ['Summary', 'Scorecard summary', 'the summary is'],
  ['SUMMARY', 'Scorecard summary', 'the summary is'],
  ['Red flags', 'Scorecard red flags', 'the red flags are'],
])("a user's sheet called %s is kept as it was; the workbench's goes to %s", async (name, ours, what) => {
  const input = await fixtureWith(name);
  const host = await WorkbenchHost.open(new Uint8Array(input), 'plan.xlsx', { now: FIXED_NOW });
  const outcome = await host.recalculate();
  expect(outcome.warnings).toContain(`${name}: your sheet "${name}" is kept; ${what} on "${ours}"`);
  expect(outcome.cellsWritten).toBeGreaterThan(0);
  await host.buildSummary();
  await host.redFlags();
  await host.addFlag({ ref: '1.A1', comment: 'Check it', by: 'Sam' });

  const rated = await download(host);
  const before = (await loadXlsx(input)).getWorksheet(name) as ExcelJS.Worksheet;
  const after = (await loadXlsx(rated)).getWorksheet(name) as ExcelJS.Worksheet;
  expect(differences(snapshotSheet(before), snapshotSheet(after))).toEqual([]);
  const { grids } = await readWorkbook(rated);
  expect(grids.filter((g) => g.name.toLowerCase() === name.toLowerCase()).map((g) => g.ownedKind)).toEqual([undefined]);
  expect(grids.find((g) => g.name === ours)?.ownedKind).toBe(name === 'Red flags' ? 'red-flags' : 'summary');

  // Rated again, from the download: the same sheets under the same names, and the same cells.
  const again = await WorkbenchHost.open(new Uint8Array(rated), 'plan (rated).xlsx', { now: FIXED_NOW });
  await again.recalculate();
  expect(await again.listFlags()).toHaveLength(1);
  const twice = (await readWorkbook(await download(again))).grids;
  expect(shape(twice)).toEqual(shape(grids));
  for (const g of grids) expect(twice.find((t) => t.name === g.name)?.values).toEqual(g.values);
});

test.each([
  ['Red flags', 'the red flags are', 'Scorecard red flags', (host: WorkbenchHost) => host.redFlags()],
  ['Flags', "the reviewers' flags are", 'Scorecard flags', (host: WorkbenchHost) => host.addFlag({ ref: '1.A1', comment: 'Check it', by: 'Sam' })],
  ['Scorecard rules', 'the rating rules are', 'Scorecard rules (2)', async (host: WorkbenchHost) => host.saveRules((await host.readRules()).rules)],
] as const)("a user's sheet called %s: the operation that makes the tool's says where it went", async (name, what, ours, run) => {
  const host = await WorkbenchHost.open(new Uint8Array(await fixtureWith(name)), 'plan.xlsx', { now: FIXED_NOW });
  const { warnings } = await run(host);
  expect(warnings).toContain(`${name}: your sheet "${name}" is kept; ${what} on "${ours}"`);
});

test('a sheet of its own the user renamed is found by its mark and rebuilt in place', async () => {
  const host = await WorkbenchHost.open(new Uint8Array(fs.readFileSync(COUNCIL_PLAN)), 'plan.xlsx', { now: FIXED_NOW });
  await host.recalculate();
  await host.saveRules((await host.readRules()).rules);
  const { workbook } = await readWorkbook(await download(host));
  (workbook.getWorksheet('Summary') as ExcelJS.Worksheet).name = 'My summary';
  (workbook.getWorksheet('Scorecard rules') as ExcelJS.Worksheet).name = 'Our rules';
  const renamed = await toBuffer(workbook);

  const reopened = await WorkbenchHost.open(new Uint8Array(renamed), 'renamed.xlsx', { now: FIXED_NOW });
  const outcome = await reopened.recalculate();
  expect(outcome.warnings.filter((w) => /is kept/.test(w))).toEqual([]);
  expect((await reopened.readRules()).rules).toEqual(outcome.rules);
  const names = (await readWorkbook(await download(reopened))).grids.map((g) => g.name);
  expect(names).toEqual((await readWorkbook(renamed)).grids.map((g) => g.name));
  expect(names).toEqual(expect.arrayContaining(['My summary', 'Our rules']));
});
