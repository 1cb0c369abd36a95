import type { CellInput } from '../engine/types';
import type { CellRange, CellValue, SheetGrid } from '../workbook/grid';
import { gridWidth } from '../workbook/grid';
import { SharedCells } from './sharedCells';

/** A cell's text as the reader compares it: trimmed, runs of white space as one space; a Date has none. */
export function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  return /\s\s|[\n\r\t]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** Whether a cell holds nothing, or only white space. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Looks up merged areas quickly: the master cell of any cell inside a merge. */
class MergeIndex {
  private readonly byRow = new Map<number, CellRange[]>();
  constructor(merges: readonly CellRange[] = []) {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        let list = this.byRow.get(r);
        if (!list) this.byRow.set(r, (list = []));
        list.push(m);
      }
    }
  }
  master(row: number, col: number): CellRange | undefined {
    return this.byRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }
}

/** Reads a sheet grid: raw and merged values, cell inputs for the engine, row texts. */
export class GridReader {
  readonly width: number;
  private readonly merges: MergeIndex;
  readonly shared = new SharedCells();
  constructor(readonly grid: SheetGrid) {
    this.width = gridWidth(grid);
    this.merges = new MergeIndex(grid.merges);
  }
  raw(row: number, col: number): CellValue {
    const v = this.grid.values[row]?.[col];
    return v === undefined ? null : v;
  }
  /** The value, taking a merged cell's value from its top-left cell (office-js leaves the others empty). */
  value(row: number, col: number): CellValue {
    const v = this.raw(row, col);
    if (v !== null && v !== '') return v;
    const m = this.merges.master(row, col);
    return m ? this.raw(m.top, m.left) : v;
  }
  input(row: number, col: number | undefined, merged = false): CellInput {
    if (col === undefined) return { value: null };
    const value = merged ? this.value(row, col) : this.raw(row, col);
    const src = merged && (this.raw(row, col) === null || this.raw(row, col) === '') ? this.merges.master(row, col) : undefined;
    const r = src ? src.top : row;
    const c = src ? src.left : col;
    return this.shared.cell(value, this.grid.numberFormats?.[r]?.[c] ?? null, this.grid.texts?.[r]?.[c] ?? null);
  }
  rowTexts(row: number): string[] {
    const out: string[] = [];
    const r = this.grid.values[row] ?? [];
    for (let c = 0; c < r.length; c++) out.push(text(r[c]));
    return out;
  }
  isEmptyRow(row: number): boolean {
    const r = this.grid.values[row];
    if (!r) return true;
    for (const v of r) if (v !== null && v !== undefined && v !== '') return false;
    return true;
  }
}
