/**
 * The tool's sheets by their mark in the ExcelJS hosts' files: the mark in the workbook part, through
 * ExcelJS (which cannot keep it itself), and the command line end to end: a user's own Summary survives,
 * a renamed tool sheet is rebuilt in place, and rating twice gives the same workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/cli';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import { markWorksheet, ownedKindOfWorksheet } from '../../src/exceljs/ownedMarks';
import { readSheetMarks, sheetNamesOf, withSheetMarks } from '../../src/exceljs/ownedMarksXml';
import type { Report } from '../../src/scorecard/types';
import type { SheetGrid } from '../../src/workbook/grid';
import { fixturePath } from '../support/fixtures';
import { differences, loadXlsx, snapshotSheet, toBuffer } from '../support/workbooks';

const FIXTURE = fixturePath('council-plan-2017-18-q2.xlsx');

const PART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Scorecard" sheetId="1" r:id="rId1"/><sheet name="Tom &amp; Jo&apos;s" sheetId="2" r:id="rId2"/><sheet sheetId="3" name="Summary" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Scorecard!$A$1:$F$9</definedName><definedName name="scorecardownedsheet" localSheetId="1" hidden="1">&quot;Red-Flags&quot;</definedName><definedName name="ScorecardOwnedSheet">"summary"</definedName><definedName name="ScorecardOwnedSheet" localSheetId="7">"summary"</definedName><definedName name="ScorecardOwnedSheet" localSheetId="0">"scorecard"</definedName></definedNames><calcPr calcId="171027"/></workbook>`;

describe('the marks in the workbook part', () => {
  test('are read from sheet-scoped names of known kinds only, whatever the case of the name', () => {
    expect(sheetNamesOf(PART)).toEqual(['Scorecard', "Tom & Jo's", 'Summary']);
    expect(readSheetMarks(PART)).toEqual([{ sheet: "Tom & Jo's", kind: 'red-flags' }]);
  });

  test('are written as the contract says, replacing any there were and keeping every other name', () => {
    const xml = withSheetMarks(PART, [
      { sheet: 'Summary', kind: 'summary' },
      { sheet: 'Scorecard', kind: 'rules' },
      { sheet: 'Gone', kind: 'flags' },
    ]);
    expect(xml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">Scorecard!$A$1:$F$9</definedName>');
    expect(xml).toContain(
      '<definedName name="ScorecardOwnedSheet" localSheetId="0" hidden="1">"rules"</definedName><definedName name="ScorecardOwnedSheet" localSheetId="2" hidden="1">"summary"</definedName></definedNames>',
    );
    expect(xml.match(/ScorecardOwnedSheet/gi)).toHaveLength(2);
    expect(readSheetMarks(xml)).toEqual([
      { sheet: 'Scorecard', kind: 'rules' },
      { sheet: 'Summary', kind: 'summary' },
    ]);
  });

  test('get a <definedNames> after <sheets> when the part has none, and leave none empty', () => {
    const bare = '<workbook><sheets><sheet name="A"/></sheets><calcPr/></workbook>';
    expect(withSheetMarks(bare, [{ sheet: 'A', kind: 'undo' }])).toBe(
      '<workbook><sheets><sheet name="A"/></sheets><definedNames><definedName name="ScorecardOwnedSheet" localSheetId="0" hidden="1">"undo"</definedName></definedNames><calcPr/></workbook>',
    );
    const only = '<workbook><sheets><sheet name="A"/></sheets><definedNames><definedName name="ScorecardOwnedSheet" localSheetId="0">"undo"</definedName></definedNames></workbook>';
    expect(withSheetMarks(only, [])).toBe('<workbook><sheets><sheet name="A"/></sheets></workbook>');
  });
});

describe('through ExcelJS', () => {
  test('a marked sheet keeps its mark through writing, loading and a rename; ExcelJS alone loses it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Scorecard');
    markWorksheet(wb, wb.addWorksheet('Summary'), 'summary');
    const bytes = await toBuffer(wb);
    const part = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    expect(part).toContain('<definedName name="ScorecardOwnedSheet" localSheetId="1" hidden="1">"summary"</definedName>');

    const plain = await loadXlsx(bytes);
    expect(plain.worksheets.map(ownedKindOfWorksheet)).toEqual([undefined, undefined]);

    const { workbook, grids } = await readWorkbook(bytes);
    expect(grids.map((g) => [g.name, g.ownedKind])).toEqual([['Scorecard', undefined], ['Summary', 'summary']]);
    (workbook.getWorksheet('Summary') as ExcelJS.Worksheet).name = 'My summary';
    const again = await readWorkbook(await toBuffer(workbook));
    expect(again.grids.map((g) => [g.name, g.ownedKind])).toEqual([['Scorecard', undefined], ['My summary', 'summary']]);
  });
});

describe('the command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-owned-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function rate(input: string, output: string): Promise<{ code: number; stdout: string; report: Report }> {
    let stdout = '';
    const report = path.join(dir, `${path.basename(output)}.json`);
    const code = await main(['rate', input, '-o', output, '--report', report], { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
    return { code, stdout, report: code === 0 ? (JSON.parse(fs.readFileSync(report, 'utf8')) as Report) : ({} as Report) };
  }

  /** The fixture with a sheet of the user's own under `name`: text, a number, a formula and a style. */
  async function withUserSheet(name: string): Promise<string> {
    const wb = await loadXlsx(FIXTURE);
    const mine = wb.addWorksheet(name);
    mine.getCell('A1').value = 'My own notes';
    mine.getCell('B2').value = 42;
    mine.getCell('C3').value = { formula: 'B2*2', result: 84 };
    mine.getCell('A1').font = { bold: true };
    const file = path.join(dir, 'in.xlsx');
    fs.writeFileSync(file, await toBuffer(wb));
    return file;
  }

  const shape = (grids: readonly SheetGrid[]): [string, string | undefined][] => grids.map((g) => [g.name, g.ownedKind]);

  test.each([
    ['Summary', 'Scorecard summary', 'the summary is'],
    ['SUMMARY', 'Scorecard summary', 'the summary is'],
    ['Red flags', 'Scorecard red flags', 'the red flags are'],
  ])("a user's sheet called %s survives as it was; the tool's goes to %s, and is said", async (name, ours, what) => {
    const input = await withUserSheet(name);
    const out = path.join(dir, 'out.xlsx');
    const run = await rate(input, out);
    expect(run.code).toBe(0);
    const message = `your sheet "${name}" is kept; ${what} on "${ours}"`;
    expect(run.stdout).toContain(`Note: ${message}`);
    expect(run.report.warnings.map((w) => w.message)).toContain(message);

    const before = (await loadXlsx(input)).getWorksheet(name) as ExcelJS.Worksheet;
    const after = (await loadXlsx(out)).getWorksheet(name) as ExcelJS.Worksheet;
    expect(differences(snapshotSheet(before), snapshotSheet(after))).toEqual([]);
    const { grids } = await readWorkbook(fs.readFileSync(out));
    expect(grids.find((g) => g.name === name)?.ownedKind).toBeUndefined();
    expect(grids.find((g) => g.name === ours)?.ownedKind).toBe(name === 'Red flags' ? 'red-flags' : 'summary');

    // Rating the rated workbook again rebuilds the same sheets: no "Scorecard summary (2)".
    const twice = path.join(dir, 'twice.xlsx');
    expect((await rate(out, twice)).code).toBe(0);
    const again = (await readWorkbook(fs.readFileSync(twice))).grids;
    expect(shape(again)).toEqual(shape(grids));
    for (const g of grids) expect(again.find((a) => a.name === g.name)?.values).toEqual(g.values);
  });

  test('a tool sheet the user renamed is found by its mark and rebuilt in place, under its new name', async () => {
    const first = path.join(dir, 'first.xlsx');
    expect((await rate(FIXTURE, first)).code).toBe(0);
    const { workbook } = await readWorkbook(fs.readFileSync(first));
    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    summary.name = 'My summary';
    summary.getCell('A1').value = 'stale';
    const renamed = path.join(dir, 'renamed.xlsx');
    fs.writeFileSync(renamed, await toBuffer(workbook));

    const out = path.join(dir, 'out.xlsx');
    const run = await rate(renamed, out);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Note:');
    const before = (await readWorkbook(fs.readFileSync(first))).grids;
    const after = (await readWorkbook(fs.readFileSync(out))).grids;
    expect(shape(after)).toEqual(shape(before).map(([n, k]) => [n === 'Summary' ? 'My summary' : n, k]));
    expect(after.find((g) => g.name === 'My summary')?.values).toEqual(before.find((g) => g.name === 'Summary')?.values);
  });
});
