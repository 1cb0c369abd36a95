import * as ExcelJS from 'exceljs';
import { isProtected, loadWorkbook, readWorkbook, worksheetToGrid } from '../../src/exceljs/exceljsGrid';
import { ScorecardError } from '../../src/scorecard/types';
import { gridValue } from '../../src/workbook/grid';
import type { SheetGrid } from '../../src/workbook/grid';
import { toBuffer } from '../support/workbooks';

/** A sheet with one cell of every kind ExcelJS can hand back. */
async function kitchenSink(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Scorecard');
  ws.getCell('A1').value = 'Council Plan scorecard';
  ws.mergeCells('A1:C1');
  ws.getCell('A2').value = 0.435;
  ws.getCell('A2').numFmt = '0.0%';
  ws.getCell('B2').value = 336.9;
  ws.getCell('C2').value = 1234;
  ws.getCell('C2').numFmt = '#,##0';
  ws.getCell('A3').value = { richText: [{ text: '43.5% ' }, { font: { bold: true }, text: '(188/432)' }] };
  ws.getCell('B3').value = { text: 'Council website', hyperlink: 'https://example.org/' };
  ws.getCell('C3').value = { error: '#N/A' };
  ws.getCell('A4').value = { formula: 'B2*2', result: 673.8 };
  ws.getCell('B4').value = { formula: 'NA()', result: { error: '#N/A' } };
  ws.getCell('C4').value = { formula: 'A1', result: 'Council Plan scorecard' };
  ws.getCell('D4').value = true;
  ws.getCell('A5').value = new Date(Date.UTC(2017, 8, 30));
  ws.getCell('A5').numFmt = 'dd/mm/yyyy';
  ws.getCell('B5').value = '=not a formula';
  // Row 6 left empty on purpose; Outcome-style merge down rows 7-9.
  ws.getCell('A7').value = 'Every child making the best start in life';
  ws.mergeCells('A7:A9');
  ws.getCell('B7').value = 1;
  ws.getCell('B8').value = 2;
  ws.getCell('B9').value = 3;
  ws.getCell('C7').value = { formula: 'B7+1', result: 2 };
  ws.getCell('C8').value = { sharedFormula: 'C7', result: 3 };
  const other = wb.addWorksheet('Locked');
  other.getCell('A1').value = 'x';
  await other.protect('', {});
  return toBuffer(wb);
}

describe('worksheetToGrid', () => {
  let grid: SheetGrid;
  let locked: SheetGrid;

  beforeAll(async () => {
    const { grids } = await readWorkbook(await kitchenSink());
    [grid, locked] = grids;
  });

  it('reads plain values 0-based, with number formats beside them', () => {
    expect(grid.name).toBe('Scorecard');
    expect(gridValue(grid, 0, 0)).toBe('Council Plan scorecard');
    expect(gridValue(grid, 1, 0)).toBe(0.435);
    expect(grid.numberFormats?.[1][0]).toBe('0.0%');
    expect(gridValue(grid, 1, 1)).toBe(336.9);
    expect(grid.numberFormats?.[1][1]).toBeUndefined();
    expect(grid.numberFormats?.[1][2]).toBe('#,##0');
    expect(gridValue(grid, 3, 3)).toBe(true);
  });

  it('joins rich text, keeps a hyperlink as its text and an error as its code', () => {
    expect(gridValue(grid, 2, 0)).toBe('43.5% (188/432)');
    expect(gridValue(grid, 2, 1)).toBe('Council website');
    expect(gridValue(grid, 2, 2)).toBe('#N/A');
  });

  it('gives a formula cell its cached result as the value and the formula text beside it', () => {
    expect(gridValue(grid, 3, 0)).toBe(673.8);
    expect(grid.formulas?.[3][0]).toBe('=B2*2');
    expect(gridValue(grid, 3, 1)).toBe('#N/A');
    expect(grid.formulas?.[3][1]).toBe('=NA()');
    expect(gridValue(grid, 3, 2)).toBe('Council Plan scorecard');
    expect(grid.formulas?.[6][2]).toBe('=B7+1');
    // A shared formula is translated to its own cell.
    expect(grid.formulas?.[7][2]).toBe('=B8+1');
    expect(gridValue(grid, 7, 2)).toBe(3);
  });

  it('keeps dates as dates and text that looks like a formula as text', () => {
    const d = gridValue(grid, 4, 0);
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString().slice(0, 10)).toBe('2017-09-30');
    expect(gridValue(grid, 4, 1)).toBe('=not a formula');
    expect(grid.formulas?.[4]?.[1]).toBeUndefined();
  });

  it('gives display text only where it is what Excel shows', () => {
    expect(grid.texts?.[0][0]).toBe('Council Plan scorecard');
    expect(grid.texts?.[2][0]).toBe('43.5% (188/432)');
    expect(grid.texts?.[2][2]).toBe('#N/A');
    expect(grid.texts?.[3][3]).toBe('TRUE');
    // ExcelJS cannot format numbers, so numbers and dates carry no text rather than a wrong one.
    expect(grid.texts?.[1][0]).toBeUndefined();
    expect(grid.texts?.[1][1]).toBeUndefined();
    expect(grid.texts?.[4][0]).toBeUndefined();
  });

  it('keeps an empty row empty (a hole, nothing allocated) so indexes match the sheet', () => {
    expect(grid.values[5] ?? []).toEqual([]);
    expect(gridValue(grid, 5, 0)).toBeNull();
    expect(gridValue(grid, 6, 0)).toBe('Every child making the best start in life');
  });

  it('lists merges 0-based with the value only in the top-left cell', () => {
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 6, left: 0, bottom: 8, right: 0 },
      ]),
    );
    expect(grid.merges).toHaveLength(2);
    expect(gridValue(grid, 0, 1)).toBeNull();
    expect(gridValue(grid, 7, 0)).toBeNull();
    expect(gridValue(grid, 8, 0)).toBeNull();
  });

  it('flags a protected sheet and only that one', () => {
    expect(locked.protected).toBe(true);
    expect(grid.protected).toBeUndefined();
  });

  it('reads each sheet with the same shape in values, formats and texts', () => {
    expect(grid.numberFormats).toHaveLength(grid.values.length);
    expect(grid.texts).toHaveLength(grid.values.length);
    expect(grid.formulas).toHaveLength(grid.values.length);
  });
});

describe('loadWorkbook', () => {
  async function failure(data: Buffer): Promise<ScorecardError> {
    try {
      await loadWorkbook(data);
    } catch (e) {
      expect(e).toBeInstanceOf(ScorecardError);
      return e as ScorecardError;
    }
    throw new Error('expected loadWorkbook to fail');
  }

  it('says an empty file is empty', async () => {
    expect((await failure(Buffer.alloc(0))).message).toMatch(/empty/);
  });

  it('says a text file is not an .xlsx workbook', async () => {
    expect((await failure(Buffer.from('Ref,Measure\n1.A1,Children in need\n'))).message).toMatch(/not an \.xlsx workbook/);
  });

  it('says an old .xls or password-protected file must be saved as .xlsx', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await failure(ole)).message).toMatch(/\.xls file or a password-protected workbook/);
  });

  it('says a truncated workbook is damaged', async () => {
    const whole = await kitchenSink();
    expect((await failure(whole.subarray(0, Math.floor(whole.length / 2)))).message).toMatch(/damaged, truncated/);
  });

  it('loads a good workbook and tells protection from the sheet', async () => {
    const wb = await loadWorkbook(await kitchenSink());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scorecard', 'Locked']);
    expect(wb.worksheets.map(isProtected)).toEqual([false, true]);
  });
});

describe('reading a large sheet', () => {
  it('costs a small fraction of what ExcelJS itself spends loading it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Scorecard');
    for (let r = 0; r < 10000; r++) {
      const row = ws.addRow([
        'Outcome', 'Lead', `1.A${r}`, 'Action', `Measure ${r}`, 'Officer', 'High', 'Monthly', 0.5, null, null,
        0.41, 0.42, 0.43, 0.44, 0.45, 12.5, r, 'n/a (due Dec17)', '43.5% (188/432)', 3, 'note',
      ]);
      row.getCell(9).numFmt = '0.0%';
      row.getCell(12).numFmt = '0.0%';
    }
    const data = await toBuffer(wb);
    const t0 = performance.now();
    const loaded = await loadWorkbook(data);
    const t1 = performance.now();
    const grid = worksheetToGrid(loaded.worksheets[0]);
    const t2 = performance.now();
    expect(grid.values).toHaveLength(10000);
    expect(grid.values[9999][17]).toBe(9999);
    // Measured at about a tenth; the margin keeps a busy machine from failing the test.
    expect(t2 - t1).toBeLessThan((t1 - t0) * 0.5);
  });
});
