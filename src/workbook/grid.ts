/**
 * The port between the pure core and a workbook host (ExcelJS, office-js).
 * Everything here is plain data: adapters fill a SheetGrid, the core returns CellWrites and SheetContents.
 */

/** A cell value as hosts give it. Dates only come from ExcelJS; office-js gives serial numbers. */
export type CellValue = string | number | boolean | Date | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One sheet's used range from A1: values, number formats and display text read together, 0-based.
 * Rows may be ragged and the row arrays sparse: a missing row (a hole or undefined) or cell is empty, so
 * that a sheet with data on its last row (1,048,576) does not need a million empty rows.
 */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Excel number format per cell ("0.0%", "#,##0"); missing means General. */
  numberFormats?: (string | null | undefined)[][];
  /** Text as displayed by the host, when it can give it. */
  texts?: (string | null | undefined)[][];
  /** Formula per cell ("=A1+1"), where the cell holds one. */
  formulas?: (string | null | undefined)[][];
  /** Merged areas; the value sits in the top-left cell. */
  merges?: CellRange[];
  /** True when the sheet is protected: the core refuses to plan writes to it. */
  protected?: boolean;
  /**
   * Set when the tool made this sheet, from the mark it carries (scorecard/ownedIdentity.ts), never from its
   * name: a user's own sheet called "Summary" has none and is the user's.
   */
  ownedKind?: OwnedKind;
}

/** The kinds of sheet the tool makes and rebuilds; each carries its kind in a mark that survives a rename. */
export type OwnedKind = 'summary' | 'red-flags' | 'rules' | 'history' | 'undo' | 'flags';

/** What a cell looks like when the core writes it. Colours are hex RGB without '#'. */
export interface CellStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  numberFormat?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
}

/** Which kind of owned cell a write is: the core only ever writes these. */
export type OwnedCellKind = 'status' | 'dot' | 'explanation' | 'explanation-header';

/**
 * One planned write into a sheet, 0-based. Text values are always written as text, never formulas; a number
 * is only written into a sheet of the tool's own (a flag's date under a date format).
 */
export interface CellWrite {
  row: number;
  col: number;
  value: string | number | null;
  kind: OwnedCellKind;
  style?: CellStyle;
}

/** A cell of a sheet the add-in owns and rebuilds (Summary, Red flags, Rules, history). */
export interface ContentCell {
  value: string | number | null;
  style?: CellStyle;
  /** Internal link to a cell in the workbook, e.g. { sheet: 'Scorecard', row: 5, col: 2 } (0-based). */
  link?: { sheet: string; row: number; col: number };
}

/** A table inside an owned sheet: the first row is its header. */
export interface ContentTable {
  name: string;
  range: CellRange;
}

/** A bar chart over a table's columns, drawn by every host that can (office-js, the xlsx patcher); its figures are in the sheet's own table. */
export interface ContentChart {
  title: string;
  /** Range holding category labels in the first column and one series per following column, header row first. */
  range: CellRange;
  kind: 'bar' | 'column';
}

/** A whole sheet the add-in owns, rebuilt on every run. */
export interface SheetContent {
  /** The preferred name; a host writes the sheet under the name planOwnedSheetNames gives it. */
  name: string;
  /** Which of the tool's sheets this is: hosts find its sheet by this mark, never by name. */
  ownedKind: OwnedKind;
  rows: (ContentCell | null)[][];
  columnWidths?: number[];
  tables?: ContentTable[];
  charts?: ContentChart[];
  hidden?: boolean;
}

/**
 * The names the add-in gives the sheets it owns when no sheet holds them. Only names: which sheets are the
 * add-in's is told by their mark (SheetGrid.ownedKind), so a user's sheet of the same name stays the user's.
 */
export const OWNED_SHEETS = {
  summary: 'Summary',
  redFlags: 'Red flags',
  rules: 'Scorecard rules',
  history: 'Scorecard history',
} as const;

/** A sheet name as a formula or link location expects it: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Turns 0-based row/col into an A1 address ("C7"). */
export function cellAddress(row: number, col: number): string {
  let letters = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** Reads a cell of a grid safely: out-of-range cells are empty. */
export function gridValue(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** The number of columns of the widest row. */
export function gridWidth(grid: SheetGrid): number {
  let w = 0;
  for (const r of grid.values) if (r && r.length > w) w = r.length;
  return w;
}
