import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import {
  COLUMN_COUNT,
  PERIOD_TITLES,
  SCORECARD_SHEET,
  generateScorecard,
  generateScorecardGrids,
  writeScorecardFile,
} from './generateScorecard';
import type { CellValue } from '../../src/workbook/grid';

const REF = /^\d+\.[A-Z]+\d+( \([a-z]\))?$/;

async function load(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof data === 'string') await wb.xlsx.readFile(data);
  else await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** Values and number formats of a sheet, with the covered cells of merges empty, for comparing workbooks. */
function snapshot(ws: ExcelJS.Worksheet): { values: CellValue[][]; formats: string[][] } {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const v: CellValue[] = [];
    const f: string[] = [];
    for (let c = 1; c <= COLUMN_COUNT; c++) {
      const cell = row.getCell(c);
      const covered = cell.isMerged && cell.master !== cell;
      v.push(covered || cell.value === undefined ? null : (cell.value as CellValue));
      f.push(covered ? '' : (cell.numFmt ?? ''));
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats };
}

function measureRefs(ws: ExcelJS.Worksheet): string[] {
  const refs: string[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(3).value;
    if (typeof v === 'string' && REF.test(v)) refs.push(v);
  });
  return refs;
}

describe('generateScorecard', () => {
  it('writes the requested number of measure rows in priority blocks that repeat the header', async () => {
    const wb = await load(await generateScorecard(250, 3));
    const ws = wb.getWorksheet(SCORECARD_SHEET)!;
    const refs = measureRefs(ws);
    expect(refs).toHaveLength(250);
    expect(new Set(refs).size).toBe(250);
    const headerRows: number[] = [];
    const sectionTitles: string[] = [];
    ws.eachRow((row, n) => {
      const ref = row.getCell(3);
      if (ref.value === 'Ref No.' && ref.master === ref) headerRows.push(n);
      const a = row.getCell(1).value;
      if (typeof a === 'string' && a.startsWith('Corporate Priority')) sectionTitles.push(a);
    });
    // 250 measures in blocks of 200: two blocks, each with its section row and header.
    expect(headerRows).toHaveLength(2);
    expect(sectionTitles).toHaveLength(2);
    const periods = ws.getRow(headerRows[0] + 1).values as unknown[];
    expect(periods.slice(12, 22)).toEqual(PERIOD_TITLES);
    expect(wb.getWorksheet('Key')).toBeDefined();
  });

  it('leaves Overall status and DOT empty and merges Outcome, Lead and the header', async () => {
    const wb = await load(await generateScorecard(60, 5));
    const ws = wb.getWorksheet(SCORECARD_SHEET)!;
    let filled = 0;
    ws.eachRow((row, n) => {
      if (n > 5 && (row.getCell(10).value != null || row.getCell(11).value != null)) filled++;
    });
    expect(filled).toBe(0);
    const merges = ws.model.merges;
    expect(merges).toEqual(expect.arrayContaining(['A4:A5', 'L4:M4', 'N4:R4', 'S4:U4']));
    expect(merges.some((m) => /^A(\d+):A(\d+)$/.test(m) && m !== 'A4:A5')).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const a = snapshot((await load(await generateScorecard(120, 42))).getWorksheet(SCORECARD_SHEET)!);
    const b = snapshot((await load(await generateScorecard(120, 42))).getWorksheet(SCORECARD_SHEET)!);
    const c = snapshot((await load(await generateScorecard(120, 43))).getWorksheet(SCORECARD_SHEET)!);
    expect(b).toEqual(a);
    expect(c.values).not.toEqual(a.values);
  });

  it('streams the same workbook to a file as it builds in memory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-gen-'));
    try {
      const file = path.join(dir, 'stream.xlsx');
      await writeScorecardFile(file, 150, 9);
      const streamed = snapshot((await load(file)).getWorksheet(SCORECARD_SHEET)!);
      const inMemory = (await load(await generateScorecard(150, 9))).getWorksheet(SCORECARD_SHEET)!;
      expect(streamed).toEqual(snapshot(inMemory));
      expect((await load(file)).getWorksheet(SCORECARD_SHEET)!.model.merges.sort()).toEqual(inMemory.model.merges.sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds the same sheet as a grid, without ExcelJS', async () => {
    const [grid] = generateScorecardGrids(80, 11);
    const { values } = snapshot((await load(await generateScorecard(80, 11))).getWorksheet(SCORECARD_SHEET)!);
    const padded = grid.values.map((r) => Array.from({ length: COLUMN_COUNT }, (_, c) => r[c] ?? null));
    expect(padded).toEqual(values);
  });

  it('types targets and values the way officers do', () => {
    const [grid] = generateScorecardGrids(1000, 1);
    const rows = grid.values.filter((r) => typeof r[2] === 'string' && REF.test(r[2]));
    expect(rows).toHaveLength(1000);
    const targets = rows.map((r) => r[8]);
    const texts = targets.filter((t): t is string => typeof t === 'string');
    expect(targets.some((t) => typeof t === 'number' && t < 1)).toBe(true);
    expect(targets.some((t) => typeof t === 'number' && t > 1)).toBe(true);
    for (const pattern of [/^>\d+%$/, /^\d+\+/, /^\d+% reduction$/, /^Baseline [Yy]ear$/, /^TBC$/, /^No target - not applicable$/]) {
      expect(texts.some((t) => pattern.test(t))).toBe(true);
    }
    expect(rows.some((r) => r[6] === 'High') && rows.some((r) => /^low$/i.test(String(r[6])))).toBe(true);
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(['Monthly', 'Quarterly', 'Annual']));
    const values = rows.flatMap((r) => r.slice(11, 21));
    expect(values.some((v) => typeof v === 'string' && /^\d+\.\d% \(\d+\/\d+\)$/.test(v))).toBe(true);
    expect(values).toContain('n/a (due Dec17)');
    const formats = grid.numberFormats!.flat();
    expect(formats).toEqual(expect.arrayContaining(['0.0%', '0%', '#,##0', '0.0']));
  });
});
