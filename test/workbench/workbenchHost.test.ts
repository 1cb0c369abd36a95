/**
 * The workbench's host over the fixture, in Node (ExcelJS's Node build has the same API as the browser
 * build the page loads): the same rating as the command line, flags and rules kept in the workbook, the
 * selection told to the page, and bad files refused with what to do.
 */
import * as fs from 'fs';
import { defaultRules } from '../../src/engine/rules';
import { readWorkbook } from '../../src/node/exceljsGrid';
import { buildOwnedSheets } from '../../src/scorecard/ownedSheets';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { applyRating } from '../../src/node/applyRating';
import type { SelectedRow } from '../../src/taskpane/host';
import { gridValue } from '../../src/workbook/grid';
import { ratedFileName, WorkbenchHost } from '../../src/workbench/workbenchHost';
import { COUNCIL_PLAN, FIXED_NOW } from '../excel/support/workbooks';

const bytes = (): Uint8Array => new Uint8Array(fs.readFileSync(COUNCIL_PLAN));

async function open(): Promise<WorkbenchHost> {
  return WorkbenchHost.open(bytes(), 'council-plan.xlsx', { now: FIXED_NOW });
}

test('Recalculate rates as the command line does, reports progress, and the download holds what the command line writes', async () => {
  const host = await open();
  const phases: string[] = [];
  const outcome = await host.recalculate((p) => phases.push(p.phase));
  expect(phases).toEqual(['reading', 'rating', 'writing']);

  const { workbook, grids } = await readWorkbook(fs.readFileSync(COUNCIL_PLAN));
  const cli = rateWorkbook(grids, { file: 'council-plan.xlsx' });
  expect(outcome.summary).toEqual(cli.summary);
  expect(outcome.redFlags).toEqual(cli.redFlags);
  expect(outcome.rows).toHaveLength(cli.sheets[0].rows.length);
  expect(outcome.cellsWritten).toBe(cli.sheets[0].writes.length);

  const { bytes: rated, fileName } = await host.download();
  expect(fileName).toBe('council-plan (rated).xlsx');
  applyRating(workbook, cli, buildOwnedSheets(cli));
  const expected = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
  const actual = await readWorkbook(Buffer.from(rated));
  expect(actual.grids.map((g) => g.name)).toEqual(expected.grids.map((g) => g.name));
  for (const g of expected.grids) expect(actual.grids.find((a) => a.name === g.name)?.values).toEqual(g.values);
});

test('Build summary and Red flags rebuild their sheets from the current rating', async () => {
  const host = await open();
  const summary = await host.buildSummary();
  expect(summary.cellsWritten).toBe(0);
  const flags = await host.redFlags();
  expect(flags.flags.length).toBe(summary.redFlags?.length);
  const { grids } = await readWorkbook(Buffer.from((await host.download()).bytes));
  expect(grids.map((g) => g.name)).toEqual(expect.arrayContaining(['Summary', 'Red flags']));
  // The scorecard itself is not changed by either.
  const scorecard = grids.find((g) => g.name === 'Scorecard');
  const original = (await readWorkbook(fs.readFileSync(COUNCIL_PLAN))).grids.find((g) => g.name === 'Scorecard');
  expect(scorecard?.values).toEqual(original?.values);
});

test('selecting a row tells the page, with the sheet as the workbook spells it; an unknown sheet is refused', async () => {
  const host = await open();
  const heard: SelectedRow[] = [];
  const stop = host.onSelectionChanged((s) => heard.push(s));
  await host.selectRow('scorecard', 9);
  expect(heard).toEqual([{ sheet: 'Scorecard', row: 9 }]);
  stop();
  await host.selectRow('Scorecard', 10);
  expect(heard).toHaveLength(1);
  await expect(host.selectRow('Gone', 3)).rejects.toThrow('The workbook has no sheet "Gone".');
});

test('flags go into a Flags sheet, made on first use, and are read back', async () => {
  const host = await open();
  expect(await host.listFlags()).toEqual([]);
  await expect(host.addFlag({ ref: '9.Z9', comment: 'x', by: '' })).rejects.toThrow(/No measure with ref "9\.Z9"/);
  await expect(host.addFlag({ ref: '1.A1', comment: '  ', by: '' })).rejects.toThrow(/Say why the measure is flagged/);
  const one = await host.addFlag({ ref: '1.a1', comment: 'Why still above target?', by: 'Sam' });
  expect(one).toEqual([expect.objectContaining({ ref: '1.A1', sheet: 'Scorecard', comment: 'Why still above target?', by: 'Sam', status: 'Off target', at: FIXED_NOW().toISOString() })]);
  const two = await host.addFlag({ ref: '1.A2', comment: '=cmd|" /c calc"!A1', by: '' });
  expect(two.map((f) => f.ref)).toEqual(['1.A1', '1.A2']);
  expect(two[1].by).toBe('Unknown reviewer');
  expect(await host.listFlags()).toEqual(two);

  const { workbook } = await readWorkbook(Buffer.from((await host.download()).bytes));
  const flags = workbook.getWorksheet('Flags');
  // A comment that looks like a formula stays text.
  const cell = flags?.getRow(4).getCell(5);
  expect(cell?.value).toBe('=cmd|" /c calc"!A1');
  expect(cell?.formula).toBeUndefined();
});

test('rules saved from the panel go into the Rules sheet and are used by the next Recalculate', async () => {
  const host = await open();
  expect((await host.readRules()).saved).toBe(false);
  await host.saveRules({ ...defaultRules(), tolerance: 0.5 });
  expect((await host.readRules()).rules.tolerance).toBe(0.5);
  const loose = await host.recalculate();
  expect(loose.rules.tolerance).toBe(0.5);
  const grids = (await readWorkbook(fs.readFileSync(COUNCIL_PLAN))).grids;
  expect(loose.summary).toEqual(rateWorkbook(grids, { rules: { tolerance: 0.5 } }).summary);
  await expect(host.saveRules({ ...defaultRules(), dotSymbols: { ...defaultRules().dotSymbols, worse: '▲' } })).rejects.toThrow(/cannot be saved/);
});

test('a Rules sheet with a typo stops the rating with what to do', async () => {
  const host = await open();
  await host.saveRules(defaultRules());
  const { workbook } = (host as unknown as { workbook: import('exceljs').Workbook });
  const sheet = workbook.getWorksheet('Scorecard rules');
  sheet?.eachRow((row) => {
    if (row.getCell(1).value === 'tolerance') row.getCell(2).value = 'lots';
  });
  await expect(host.recalculate()).rejects.toThrow(/'Scorecard rules' sheet has a problem, so nothing was rated: .*needs a number.*Set the rules in the Rules panel and save them/);
});

test('files that are not workbooks, and workbooks with no scorecard, are refused with what to do', async () => {
  await expect(WorkbenchHost.open(new TextEncoder().encode('Q2 figures'), 'notes.txt')).rejects.toThrow(
    /^"notes\.txt" cannot be opened: not an \.xlsx workbook.*Choose the scorecard workbook saved from Excel as \.xlsx/,
  );
  await expect(WorkbenchHost.open(new Uint8Array(), 'empty.xlsx')).rejects.toThrow(/"empty\.xlsx" cannot be opened: the file is empty/);
  await expect(WorkbenchHost.open(bytes().slice(0, 2000), 'cut.xlsx')).rejects.toThrow(/"cut\.xlsx" cannot be opened: damaged, truncated or not a workbook/);

  const host = await open();
  const { workbook } = host as unknown as { workbook: import('exceljs').Workbook };
  const scorecard = workbook.getWorksheet('Scorecard');
  if (scorecard) workbook.removeWorksheet(scorecard.id);
  await expect(host.recalculate()).rejects.toThrow(/no scorecard found.*Correct the workbook in Excel, save it, and open it here again\./);
});

test('the rated file is named after the one opened', () => {
  expect(ratedFileName('Q2 scorecard.xlsx')).toBe('Q2 scorecard (rated).xlsx');
  expect(ratedFileName('Q2.XLSX')).toBe('Q2 (rated).xlsx');
  expect(ratedFileName('.xlsx')).toBe('scorecard (rated).xlsx');
});

test('the status column of the download holds the engine’s symbols', async () => {
  const host = await open();
  const outcome = await host.recalculate();
  const { grids } = await readWorkbook(Buffer.from((await host.download()).bytes));
  const cli = rateWorkbook((await readWorkbook(fs.readFileSync(COUNCIL_PLAN))).grids);
  const sheet = grids.find((g) => g.name === 'Scorecard');
  if (!sheet) throw new Error('no Scorecard sheet');
  for (const r of outcome.rows) expect(gridValue(sheet, r.row - 1, cli.sheets[0].columns.status)).toBe(outcome.rules.symbols[r.status]);
});
