/**
 * The pure side of reading a sheet through office-js: Excel's blocks of values put into a grid at their
 * place on the sheet, dates told by their number format, and the reads planned in pieces that fit a round
 * trip. No Excel calls, so the tests run these on plain arrays.
 */
import type { CellRange, CellValue, SheetGrid } from '../workbook/grid';
import type { TargetProbe, UsedArea } from './workbookProbe';

/** Past this many formula areas their formulas are read per column instead, to keep the batch small. */
const MAX_FORMULA_AREAS = 1000;

const DATE_TOKENS = /[dmyhs]/i;

/** True for a number format that shows a date or time, as ExcelJS decides when it turns a cell into a Date. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return DATE_TOKENS.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug folded in), as ExcelJS counts. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

function cellValue(v: unknown, format: string | null): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return isDateFormat(format) ? serialToDate(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Puts one read block into a grid at its place on the sheet (grids are 0-based from A1). */
export function placeBlock(grid: SheetGrid, top: number, left: number, values: unknown[][], formats?: unknown[][], texts?: unknown[][]): void {
  const numberFormats = grid.numberFormats as (string | null)[][];
  const gridTexts = grid.texts as (string | null)[][];
  for (let i = 0; i < values.length; i++) {
    const r = top + i;
    const vals: CellValue[] = (grid.values[r] = grid.values[r] ?? new Array(left).fill(null));
    const fmts: (string | null)[] = (numberFormats[r] = numberFormats[r] ?? []);
    const txts: (string | null)[] = (gridTexts[r] = gridTexts[r] ?? []);
    const rowValues = values[i];
    for (let j = 0; j < rowValues.length; j++) {
      const c = left + j;
      const f = formats ? formats[i]?.[j] : undefined;
      const format = typeof f === 'string' && f !== 'General' ? f : null;
      const v = cellValue(rowValues[j], format);
      vals[c] = v;
      if (format) fmts[c] = format;
      if (v !== null && texts) {
        const t = texts[i]?.[j];
        if (typeof t === 'string') txts[c] = t;
      }
    }
  }
}

export function emptyGrid(name: string, top: number): SheetGrid {
  const grid: SheetGrid = { name, values: [], numberFormats: [], texts: [] };
  for (let r = 0; r < top; r++) {
    grid.values.push([]);
    (grid.numberFormats as unknown[][]).push([]);
    (grid.texts as unknown[][]).push([]);
  }
  return grid;
}

/** Trailing empty rows and cells carry nothing; dropping them keeps key-area grids small. */
export function trimValues(values: unknown[][]): CellValue[][] {
  const out = values.map((row) => row.map((v) => cellValue(v, null)));
  for (const row of out) while (row.length && row[row.length - 1] === null) row.pop();
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/**
 * A used range read on its own, its values placed where they are on the sheet (rows and columns before it
 * left empty), so what is said about a cell names the cell a person sees.
 */
export function placedValues(range: { values: unknown[][]; rowIndex: number; columnIndex: number }): CellValue[][] {
  const lead = (): CellValue[] => new Array<CellValue>(range.columnIndex).fill(null);
  return [...Array.from({ length: range.rowIndex }, (): CellValue[] => []), ...trimValues(range.values).map((row) => [...lead(), ...row])];
}

/** Formula areas clipped to the used range, merged per column when there are too many to load one by one. */
export function formulaRanges(areas: readonly CellRange[], used: UsedArea): CellRange[] {
  const clipped = areas
    .map((a) => ({
      top: Math.max(a.top, used.top),
      left: Math.max(a.left, used.left),
      bottom: Math.min(a.bottom, used.top + used.rows - 1),
      right: Math.min(a.right, used.left + used.cols - 1),
    }))
    .filter((a) => a.top <= a.bottom && a.left <= a.right);
  if (clipped.length <= MAX_FORMULA_AREAS) return clipped;
  const byCol = new Map<number, CellRange>();
  for (const a of clipped) {
    for (let c = a.left; c <= a.right; c++) {
      const b = byCol.get(c);
      byCol.set(c, b ? { top: Math.min(b.top, a.top), left: c, bottom: Math.max(b.bottom, a.bottom), right: c } : { top: a.top, left: c, bottom: a.bottom, right: c });
    }
  }
  return [...byCol.values()];
}

interface Chunk {
  target: TargetProbe;
  top: number;
  rows: number;
}

/** Splits every target into row chunks of at most maxCells cells. */
export function chunksOf(targets: readonly TargetProbe[], maxCells: number): Chunk[] {
  const out: Chunk[] = [];
  for (const t of targets) {
    const perChunk = Math.max(1, Math.floor(maxCells / Math.max(1, t.used.cols)));
    for (let r = 0; r < t.used.rows; r += perChunk) out.push({ target: t, top: t.used.top + r, rows: Math.min(perChunk, t.used.rows - r) });
  }
  return out;
}
