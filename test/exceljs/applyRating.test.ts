import * as ExcelJS from 'exceljs';
import { applyRating, applyWrites, linkTarget, writeOwnedSheet } from '../../src/exceljs/applyRating';
import { quoteSheetName } from '../../src/workbook/grid';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import { markWorksheet, ownedKindOfWorksheet } from '../../src/exceljs/ownedMarks';
import { defaultRules, STATUS_FILLS, STATUS_FONTS } from '../../src/engine/rules';
import { summarise } from '../../src/engine/summarise';
import { buildOwnedSheets } from '../../src/scorecard/ownedSheets';
import { ScorecardError } from '../../src/scorecard/types';
import type { RatedSheet, RedFlag, WorkbookRating } from '../../src/scorecard/types';
import { cellAddress, OWNED_SHEETS } from '../../src/workbook/grid';
import type { CellWrite, SheetContent } from '../../src/workbook/grid';
import { differences, loadXlsx, snapshotSheet, toBuffer } from '../support/workbooks';

/**
 * A small scorecard with everything a round trip could disturb: formulas, number formats, merges, dates,
 * and one shared style on the status column and its neighbours (ExcelJS shares style objects on load).
 */
async function scorecardWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const key = wb.addWorksheet('Key');
  key.getCell('A1').value = 'Key';
  key.getCell('A2').value = '✔';
  key.getCell('B2').value = 'On target';
  const ws = wb.addWorksheet('Scorecard');
  ws.getCell('A1').value = 'Council Plan 2017/18 – Quarter 2 scorecard';
  ws.mergeCells('A1:F1');
  ws.addRow([]);
  ws.getRow(3).values = ['Outcome', 'Ref No.', 'Measure', 'Target', 'Overall status', 'DOT', 'Sep-17', 'Total', 'Data notes'];
  const shared: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEEFF' } }, font: { name: 'Arial', size: 9 } };
  for (let i = 0; i < 4; i++) {
    const r = 4 + i;
    ws.getRow(r).values = ['Every child making the best start in life', `1.A${i + 1}`, `Measure ${i + 1}`, 0.5, '✘', '▲', 0.4 + i / 10, null, 'n/a (due Dec17)'];
    ws.getCell(r, 8).value = { formula: `D${r}+G${r}`, result: 0.9 + i / 10 };
    ws.getCell(r, 4).numFmt = '0.0%';
    ws.getCell(r, 7).numFmt = '0.0%';
    for (let c = 3; c <= 9; c++) ws.getCell(r, c).style = { ...ws.getCell(r, c).style, ...shared };
  }
  ws.mergeCells('A4:A7');
  ws.getCell('I8').value = new Date(Date.UTC(2017, 8, 30));
  ws.getCell('I8').numFmt = 'dd/mm/yyyy';
  // The summary of an earlier run: the tool's by its mark.
  const summary = wb.addWorksheet(OWNED_SHEETS.summary);
  markWorksheet(wb, summary, 'summary');
  summary.getCell('A1').value = 'An old summary';
  summary.getCell('Z99').value = 'stale';
  wb.addWorksheet('Notes').getCell('B2').value = { formula: "Scorecard!H4*2", result: 1.8 };
  return toBuffer(wb);
}

function write(row: number, col: number, value: string | null, kind: CellWrite['kind'], style?: CellWrite['style']): CellWrite {
  return { row, col, value, kind, style };
}

const WRITES: CellWrite[] = [
  write(2, 9, 'Explanation', 'explanation-header', { bold: true }),
  write(3, 4, '✔', 'status', { fill: STATUS_FILLS['on-target'], fontColor: STATUS_FONTS['on-target'], horizontalAlignment: 'center' }),
  write(3, 5, '▼', 'dot', { fontColor: '9C0006' }),
  write(3, 9, '=SUM(A1:A9) is how a reviewer might start a note', 'explanation', { wrap: true }),
  write(4, 4, '●', 'status', { fill: STATUS_FILLS.satisfactory, bold: true }),
  write(4, 9, '+44 not a number', 'explanation'),
  write(5, 9, '@mention', 'explanation'),
  write(6, 9, '-1 worse', 'explanation'),
  write(6, 4, null, 'status'),
];

const FLAG: RedFlag = {
  sheet: 'Scorecard',
  row: 4,
  ref: '1.A1',
  measure: 'Measure 1',
  priority: 'P1',
  status: 'off-target',
  previousStatus: 'off-target',
  reason: 'off target twice',
};

function rating(writes: CellWrite[] = WRITES): WorkbookRating {
  const sheet: RatedSheet = { sheet: 'Scorecard', rows: [], writes, warnings: [], columns: { status: 4, dot: 5, explanation: 9 } };
  return {
    sheets: [sheet],
    summary: summarise([{ priority: 'P1', status: 'off-target', dot: 'worse' }]),
    redFlags: [FLAG],
    rules: defaultRules(),
    warnings: [],
  };
}

describe('applyRating', () => {
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = await scorecardWorkbook();
    // Compare with the input as ExcelJS round-trips it, so only our changes can show up.
    before = await loadXlsx(await toBuffer(await loadXlsx(input)));
    const wb = (await readWorkbook(input)).workbook;
    const r = rating();
    expect(applyRating(wb, r, buildOwnedSheets(r))).toEqual([]);
    after = await loadXlsx(await toBuffer(wb));
  });

  it('changes nothing outside the owned cells and the owned sheets', () => {
    const owned = new Set(WRITES.map((w) => cellAddress(w.row, w.col)));
    for (const ws of before.worksheets) {
      if (ws.name === OWNED_SHEETS.summary) continue;
      const out = after.getWorksheet(ws.name);
      expect(out).toBeDefined();
      const skip = ws.name === 'Scorecard' ? owned : new Set<string>();
      expect(differences(snapshotSheet(ws), snapshotSheet(out as ExcelJS.Worksheet), skip)).toEqual([]);
    }
    expect(after.getWorksheet('Scorecard')?.getCell('A4').isMerged).toBe(true);
  });

  it('writes every owned value as text, even when it starts with =, +, - or @', () => {
    const ws = after.getWorksheet('Scorecard') as ExcelJS.Worksheet;
    for (const w of WRITES) {
      const cell = ws.getCell(w.row + 1, w.col + 1);
      expect(cell.value).toBe(w.value);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('styles owned cells on top of their own style', () => {
    const ws = after.getWorksheet('Scorecard') as ExcelJS.Worksheet;
    const status = ws.getCell('E4');
    expect(status.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${STATUS_FILLS['on-target']}` } });
    expect(status.font).toMatchObject({ name: 'Arial', size: 9, color: { argb: `FF${STATUS_FONTS['on-target']}` } });
    expect(status.alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('E5').font).toMatchObject({ bold: true });
    expect(ws.getCell('J4').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('J3').font).toMatchObject({ bold: true });
  });

  it('rebuilds an existing owned sheet in its place in the tab order, with no stale cell', () => {
    expect(after.worksheets.map((w) => w.name)).toEqual(['Key', 'Scorecard', 'Summary', 'Notes', 'Red flags', 'Scorecard rules']);
    const summary = after.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.getCell('A1').value).toBe('Performance summary');
    expect(summary.getCell('Z99').value).toBeNull();
  });

  it('links each red flag to its row with a formula whose text stays text', () => {
    const flags = after.getWorksheet('Red flags') as ExcelJS.Worksheet;
    expect(flags.getCell('A2').value).toEqual({ formula: `HYPERLINK("#'Scorecard'!E4","1.A1")`, result: '1.A1' });
    expect(flags.getCell('A2').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
  });

  it('writes column widths and number formats of owned sheets', () => {
    const summary = after.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.getColumn(2).width).toBe(34);
    let percentCell: ExcelJS.Cell | undefined;
    summary.eachRow((row) => row.eachCell((c) => {
      if (!percentCell && c.numFmt === '0.0') percentCell = c;
    }));
    expect(percentCell).toBeDefined();
  });
});

describe('writeOwnedSheet', () => {
  it('quotes sheet names in links, hides a hidden sheet and keeps formula-like text as text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("O'Brien's scorecard");
    const content: SheetContent = {
      name: OWNED_SHEETS.history,
      ownedKind: 'history',
      hidden: true,
      rows: [
        [{ value: '=cmd|calc', link: { sheet: "O'Brien's scorecard", row: 6, col: 2 } }, { value: '=1+1' }],
        [{ value: 'Say "hi"', link: { sheet: 'Scorecard', row: 0, col: 0 } }, { value: 12.5, style: { numberFormat: '0.0' } }],
      ],
      columnWidths: [12, 20],
    };
    writeOwnedSheet(wb, content);
    const out = await loadXlsx(await toBuffer(wb));
    const ws = out.getWorksheet(OWNED_SHEETS.history) as ExcelJS.Worksheet;
    expect(ws.state).toBe('hidden');
    expect(ws.getCell('A1').value).toEqual({ formula: `HYPERLINK("#'O''Brien''s scorecard'!C7","=cmd|calc")`, result: '=cmd|calc' });
    expect(ws.getCell('B1').value).toBe('=1+1');
    expect(ws.getCell('A2').value).toEqual({ formula: `HYPERLINK("#'Scorecard'!A1","Say ""hi""")`, result: 'Say "hi"' });
    expect(ws.getCell('B2').numFmt).toBe('0.0');
    expect(ws.getColumn(1).width).toBe(12);
  });

  it("keeps a user's sheet called SUMMARY: the tool's summary goes beside it, with a warning", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('SUMMARY').getCell('A1').value = 'mine';
    const { worksheet, warnings } = writeOwnedSheet(wb, { name: 'Summary', ownedKind: 'summary', rows: [[{ value: 'new' }]] });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['SUMMARY', 'Scorecard summary']);
    expect(wb.getWorksheet('SUMMARY')?.getCell('A1').value).toBe('mine');
    expect(ownedKindOfWorksheet(worksheet)).toBe('summary');
    expect(warnings.map((w) => w.message)).toEqual(['your sheet "SUMMARY" is kept; the summary is on "Scorecard summary"']);
  });

  it('rebuilds the marked sheet of its kind under its own name, whatever that is', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Scorecard');
    const mine = wb.addWorksheet('My summary');
    markWorksheet(wb, mine, 'summary');
    mine.getCell('C3').value = 'stale';
    wb.addWorksheet('Notes');
    const { worksheet, warnings } = writeOwnedSheet(wb, { name: 'Summary', ownedKind: 'summary', rows: [[{ value: 'new' }]] });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scorecard', 'My summary', 'Notes']);
    expect(worksheet.getCell('A1').value).toBe('new');
    expect(worksheet.getCell('C3').value).toBeNull();
    expect(warnings).toEqual([]);
  });
});

describe('quoteSheetName and linkTarget', () => {
  it('always quotes and doubles quotes inside', () => {
    expect(quoteSheetName('Scorecard')).toBe("'Scorecard'");
    expect(quoteSheetName("Mel's")).toBe("'Mel''s'");
    expect(linkTarget('Red flags', 6, 2)).toBe("#'Red flags'!C7");
  });
});

describe('applyWrites', () => {
  it('refuses a protected sheet', async () => {
    const wb = await loadXlsx(await scorecardWorkbook());
    await (wb.getWorksheet('Scorecard') as ExcelJS.Worksheet).protect('', {});
    expect(() => applyWrites(wb, rating())).toThrow(ScorecardError);
    expect(() => applyWrites(wb, rating())).toThrow(/protected/);
  });

  it('skips a cell inside a merged area rather than overwrite the area, and says so', async () => {
    const wb = await loadXlsx(await scorecardWorkbook());
    const warnings = applyWrites(wb, rating([write(5, 0, 'status', 'status')]));
    expect(warnings).toEqual([{ message: expect.stringContaining('A6 is part of a merged area'), where: { sheet: 'Scorecard', cell: 'A6' }, kept: true }]);
    expect(wb.getWorksheet('Scorecard')?.getCell('A4').value).toBe('Every child making the best start in life');
  });
});
