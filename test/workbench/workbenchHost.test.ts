/**
 * The workbench's host over the fixture, in Node (the package patcher is the same code in both; only the
 * deflate differs): the same rating and the same parts as the command line, flags and rules kept in the
 * workbook, every part it does not own copied as it came, the selection told to the page, and bad files
 * refused with what to do.
 */
import * as fs from 'fs';
import { defaultRules } from '../../src/engine/rules';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { buildOwnedSheets } from '../../src/scorecard/ownedSheets';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { SelectedRow } from '../../src/app/host';
import type { SheetGrid } from '../../src/workbook/grid';
import { gridValue } from '../../src/workbook/grid';
import { ratedFileName, WorkbenchHost } from '../../src/workbench/workbenchHost';
import { applyRatingToPackage } from '../../src/xlsx/applyRating';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import { COUNCIL_PLAN, FIXED_NOW } from '../excel/support/workbooks';
import { ADDED_PARTS, featureWorkbook } from '../support/featureCorpus';
import { loadXlsx, toBuffer } from '../support/workbooks';
import { unzipBytes } from '../support/zip';

const bytes = (): Uint8Array => new Uint8Array(fs.readFileSync(COUNCIL_PLAN));
const gridsOf = (data: Uint8Array): SheetGrid[] => WorkbookPackage.open(data, zlibCodec).grids();
const fixtureGrids = (): SheetGrid[] => gridsOf(bytes());

/** The workbook with text typed into cells of one of its sheets (0-based), as someone in Excel would. */
function typed(data: Uint8Array, kind: 'rules' | 'flags', cells: { row: number; col: number; value: string }[]): Uint8Array {
  const pkg = WorkbookPackage.open(data, zlibCodec);
  const sheet = pkg.grids().find((g) => g.ownedKind === kind);
  if (!sheet) throw new Error(`no ${kind} sheet`);
  pkg.writeCells(sheet.name, cells.map((c) => ({ ...c, kind: 'explanation' as const })));
  return pkg.toBytes();
}

async function open(): Promise<WorkbenchHost> {
  return WorkbenchHost.open(bytes(), 'council-plan.xlsx', { now: FIXED_NOW });
}

test('Recalculate rates as the command line does, reports progress, and the download holds what the command line writes', async () => {
  const host = await open();
  const phases: string[] = [];
  const outcome = await host.recalculate((p) => phases.push(p.phase));
  expect(phases).toEqual(['reading', 'rating', 'writing']);

  const pkg = WorkbookPackage.open(bytes(), zlibCodec);
  const cli = rateWorkbook(pkg.grids(), { file: 'council-plan.xlsx' });
  expect(outcome.summary).toEqual(cli.summary);
  expect(outcome.redFlags).toEqual(cli.redFlags);
  expect(outcome.rows).toHaveLength(cli.sheets[0].rows.length);
  expect(outcome.cellsWritten).toBe(cli.sheets[0].writes.length);

  const { bytes: rated, fileName } = await host.download();
  expect(fileName).toBe('council-plan (rated).xlsx');
  applyRatingToPackage(pkg, cli, buildOwnedSheets(cli));
  // Part for part what the command line makes (the compressed bytes differ: another deflate made them).
  const expected = unzipBytes(Buffer.from(pkg.toBytes()));
  const actual = unzipBytes(Buffer.from(rated));
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, data] of expected) expect({ name, same: actual.get(name)?.equals(data) }).toEqual({ name, same: true });
});

test('the download keeps every part the tool does not own exactly as it came: charts, comments, pivots, macros', async () => {
  const input = featureWorkbook({ macros: true });
  const host = await WorkbenchHost.open(new Uint8Array(input), 'features.xlsm', { now: FIXED_NOW });
  await host.recalculate();
  await host.saveRules({ ...defaultRules(), tolerance: 0.1 });
  await host.addFlag({ ref: '1.A1', comment: 'Check it', by: 'Sam' });
  const { bytes: rated, fileName } = await host.download();
  expect(fileName).toBe('features (rated).xlsm');
  const before = unzipBytes(input);
  const after = unzipBytes(Buffer.from(rated));
  for (const name of ADDED_PARTS) {
    expect({ name, same: after.get(name)?.equals(before.get(name) as Buffer) }).toEqual({ name, same: true });
  }
  expect(after.get('xl/vbaProject.bin')?.equals(before.get('xl/vbaProject.bin') as Buffer)).toBe(true);
});

test('Build summary and Red flags rebuild their sheets from the current rating', async () => {
  const host = await open();
  const summary = await host.buildSummary();
  expect(summary.cellsWritten).toBe(0);
  const flags = await host.redFlags();
  expect(flags.flags.length).toBe(summary.redFlags?.length);
  const grids = gridsOf((await host.download()).bytes);
  expect(grids.map((g) => [g.name, g.ownedKind])).toEqual(expect.arrayContaining([['Summary', 'summary'], ['Red flags', 'red-flags']]));
  // The scorecard itself is not changed by either.
  const scorecard = grids.find((g) => g.name === 'Scorecard');
  const original = fixtureGrids().find((g) => g.name === 'Scorecard');
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
  const one = (await host.addFlag({ ref: '1.a1', comment: 'Why still above target?', by: 'Sam' })).flags;
  expect(one).toEqual([expect.objectContaining({ ref: '1.A1', sheet: 'Scorecard', comment: 'Why still above target?', by: 'Sam', status: 'Off target', at: FIXED_NOW().toISOString() })]);
  const two = (await host.addFlag({ ref: '1.A2', comment: '=cmd|" /c calc"!A1', by: '' })).flags;
  expect(two.map((f) => f.ref)).toEqual(['1.A1', '1.A2']);
  expect(two[1].by).toBe('Unknown reviewer');
  expect(await host.listFlags()).toEqual(two);

  const flags = gridsOf((await host.download()).bytes).find((g) => g.ownedKind === 'flags');
  expect(flags?.name).toBe('Flags');
  // A comment that looks like a formula stays text.
  expect(flags && gridValue(flags, 3, 4)).toBe('=cmd|" /c calc"!A1');
  expect(flags?.formulas?.[3]?.[4] ?? undefined).toBeUndefined();
});

test('a flag is added below what reviewers typed on the Flags sheet, which stays as they left it', async () => {
  const host = await open();
  await host.addFlag({ ref: '1.A1', comment: 'First look', by: 'Sam' });
  const edited = typed((await host.download()).bytes, 'flags', [
    { row: 2, col: 4, value: 'First look: asked the service lead' },
    { row: 2, col: 7, value: 'Discuss at the May clinic' },
  ]);

  const again = await WorkbenchHost.open(edited, 'plan.xlsx', { now: FIXED_NOW });
  const all = (await again.addFlag({ ref: '1.A2', comment: 'Second look', by: 'Jo' })).flags;
  expect(all.map((f) => f.comment)).toEqual(['First look: asked the service lead', 'Second look']);
  const flags = gridsOf((await again.download()).bytes).find((g) => g.ownedKind === 'flags');
  if (!flags) throw new Error('no Flags sheet in the download');
  expect(gridValue(flags, 2, 7)).toBe('Discuss at the May clinic');
  expect(gridValue(flags, 3, 0)).toBe('1.A2');
  expect(gridsOf(edited).find((g) => g.ownedKind === 'flags')?.values).toEqual(flags.values.slice(0, 3));
});

test('rules saved from the panel go into the Rules sheet and are used by the next Recalculate', async () => {
  const host = await open();
  expect((await host.readRules()).saved).toBe(false);
  await host.saveRules({ ...defaultRules(), tolerance: 0.5 });
  expect((await host.readRules()).rules.tolerance).toBe(0.5);
  const loose = await host.recalculate();
  expect(loose.rules.tolerance).toBe(0.5);
  expect(loose.summary).toEqual(rateWorkbook(fixtureGrids(), { rules: { tolerance: 0.5 } }).summary);
  await expect(host.saveRules({ ...defaultRules(), dotSymbols: { ...defaultRules().dotSymbols, worse: '▲' } })).rejects.toThrow(/cannot be saved/);
});

test('a Rules sheet with a typo stops the rating with what to do', async () => {
  const saved = await open();
  await saved.saveRules(defaultRules());
  // Someone types over the tolerance in Excel and opens the workbook here again.
  const rated = (await saved.download()).bytes;
  const row = gridsOf(rated).find((g) => g.ownedKind === 'rules')?.values.findIndex((r) => r?.[0] === 'tolerance') ?? -1;
  expect(row).toBeGreaterThan(0);
  const host = await WorkbenchHost.open(typed(rated, 'rules', [{ row, col: 1, value: 'lots' }]), 'plan.xlsx');
  await expect(host.recalculate()).rejects.toThrow(/'Scorecard rules' sheet has a problem, so nothing was rated: .*needs a percentage.*save the rules again from the Rules panel/);
});

test('files that are not workbooks, and workbooks with no scorecard, are refused with what to do', async () => {
  await expect(WorkbenchHost.open(new TextEncoder().encode('Q2 figures'), 'notes.txt')).rejects.toThrow(
    /^"notes\.txt" cannot be opened: not an \.xlsx workbook.*Choose the scorecard workbook saved from Excel as \.xlsx/,
  );
  await expect(WorkbenchHost.open(new Uint8Array(), 'empty.xlsx')).rejects.toThrow(/"empty\.xlsx" cannot be opened: the file is empty/);
  await expect(WorkbenchHost.open(bytes().slice(0, 2000), 'cut.xlsx')).rejects.toThrow(/"cut\.xlsx" cannot be opened: damaged, truncated or not a workbook/);

  const workbook = await loadXlsx(fs.readFileSync(COUNCIL_PLAN));
  const scorecard = workbook.getWorksheet('Scorecard');
  if (!scorecard) throw new Error('the fixture has no Scorecard sheet');
  workbook.removeWorksheet(scorecard.id);
  const host = await WorkbenchHost.open(new Uint8Array(await toBuffer(workbook)), 'notes.xlsx');
  await expect(host.recalculate()).rejects.toThrow(/no scorecard found.*Correct the workbook in Excel, save it, and open it here again\./);
});

test('the rated file is named after the one opened', () => {
  expect(ratedFileName('Q2 scorecard.xlsx')).toBe('Q2 scorecard (rated).xlsx');
  expect(ratedFileName('Q2.XLSX')).toBe('Q2 (rated).xlsx');
  expect(ratedFileName('.xlsx')).toBe('scorecard (rated).xlsx');
  // A workbook with macros must stay .xlsm for Excel to open it.
  expect(ratedFileName('Q2.xlsm', true)).toBe('Q2 (rated).xlsm');
});

test('the status column of the download holds the engine’s symbols', async () => {
  const host = await open();
  const outcome = await host.recalculate();
  const grids = gridsOf((await host.download()).bytes);
  const cli = rateWorkbook(fixtureGrids());
  const sheet = grids.find((g) => g.name === 'Scorecard');
  if (!sheet) throw new Error('no Scorecard sheet');
  for (const r of outcome.rows) expect(gridValue(sheet, r.row - 1, cli.sheets[0].columns.status)).toBe(outcome.rules.symbols[r.status]);
});
