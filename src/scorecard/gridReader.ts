import type { CellInput, Observation, Period } from '../engine/types';
import type { CellRange, CellValue, SheetGrid } from '../workbook/grid';
import { gridWidth } from '../workbook/grid';
import { SharedCells } from './sharedCells';
import type { PeriodShare } from './sharedCells';

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
  /** Columns some merge covers: the others need no look-up (most columns of a large sheet). */
  private readonly columns = new Set<number>();
  private anyColumn = false;
  constructor(merges: readonly CellRange[] = []) {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        let list = this.byRow.get(r);
        if (!list) this.byRow.set(r, (list = []));
        list.push(m);
      }
    }
    // A merge wider than the sheet could ever be (bad input) is looked up the slow way rather than listed.
    for (const m of merges) {
      if (m.right - m.left > 16384) {
        this.columns.clear();
        this.anyColumn = true;
        break;
      }
      for (let c = m.left; c <= m.right; c++) this.columns.add(c);
    }
  }
  master(row: number, col: number): CellRange | undefined {
    if (!this.anyColumn && !this.columns.has(col)) return undefined;
    const list = this.byRow.get(row);
    if (!list) return undefined;
    for (let i = 0; i < list.length; i++) {
      const m = list[i];
      if (col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }
}

const NO_CELL: CellInput = { value: null };

/** Reads a sheet grid: raw and merged values, cell inputs for the engine, row texts. */
export class GridReader {
  readonly width: number;
  private readonly merges: MergeIndex;
  readonly shared = new SharedCells();
  /** The last text read in each column and its value: a column repeats its texts (the outcome, lead or polarity) row after row. */
  private readonly lastTextValue: CellValue[] = [];
  private readonly lastTextOf: (string | undefined)[] = [];
  /** The cell input last read in each column (see input). */
  private readonly lastCell: (CellInput | undefined)[] = [];
  /** One object per distinct period of the sheet (see samePeriod). */
  private readonly periods = new Map<string, Period>();
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
  /** text() of a cell's value (its merged value when merged is set). */
  textAt(row: number, col: number, merged = false): string {
    const v = merged ? this.value(row, col) : this.raw(row, col);
    const last = this.lastTextOf[col];
    if (last !== undefined && this.lastTextValue[col] === v) return last;
    const t = text(v);
    this.lastTextValue[col] = v;
    this.lastTextOf[col] = t;
    return t;
  }
  input(row: number, col: number | undefined, merged = false): CellInput {
    // Nothing changes a cell input once read, so the one empty input can serve every missing column.
    if (col === undefined) return NO_CELL;
    let r = row;
    let c = col;
    let value = this.raw(row, col);
    if (merged && (value === null || value === '')) {
      const m = this.merges.master(row, col);
      if (m) {
        r = m.top;
        c = m.left;
        value = this.raw(r, c);
      }
    }
    const numberFormat = this.formatAt(r, c);
    const shown = this.shownAt(r, c);
    // The column's last cell again ("High", "Monthly", a blank status) needs no look-up. A Date, a boolean
    // and -0 (=== takes it for 0) go to the shared cells every time, which do not share them.
    if (!(value === null || typeof value === 'string' || (typeof value === 'number' && (value !== 0 || 1 / value > 0)))) {
      return this.shared.cell(value, numberFormat, shown);
    }
    const last = this.lastCell[col];
    if (last !== undefined && last.value === value && last.numberFormat === numberFormat && last.text === shown) return last;
    const cell = this.shared.cell(value, numberFormat, shown);
    this.lastCell[col] = cell;
    return cell;
  }
  /** The observation of a period from a cell (never merged), share being the period's from shared.observationsOf. */
  observation(row: number, col: number, share: PeriodShare): Observation {
    return this.shared.observationIn(share, this.raw(row, col), this.formatAt(row, col), this.shownAt(row, col));
  }
  private formatAt(row: number, col: number): string | null {
    const formats = this.grid.numberFormats;
    return (formats && formats[row]?.[col]) ?? null;
  }
  private shownAt(row: number, col: number): string | null {
    const texts = this.grid.texts;
    return (texts && texts[row]?.[col]) ?? null;
  }
  /**
   * The sheet's one object for a period: every block repeats its header, and blocks that share their period
   * objects share their observations too (a cell under "Q2 2017/18" is one observation in every block).
   * Nothing changes a period once read.
   */
  samePeriod(period: Period): Period {
    let key = '';
    for (const k of Object.keys(period)) {
      const v = (period as unknown as Record<string, unknown>)[k];
      // Only plain values are compared: a period holding anything else keeps its own object.
      if (v !== null && typeof v === 'object') return period;
      const shown = typeof v === 'string' ? JSON.stringify(v) : Object.is(v, -0) ? '-0' : String(v);
      key += `${JSON.stringify(k)}:${typeof v}:${shown};`;
    }
    const found = this.periods.get(key);
    if (found) return found;
    this.periods.set(key, period);
    return period;
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
    for (let c = 0; c < r.length; c++) {
      const v = r[c];
      if (v !== null && v !== undefined && v !== '') return false;
    }
    return true;
  }
}
