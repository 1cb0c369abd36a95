/**
 * The cells a rating writes into one sheet, planned as puts for the sheet patcher: a cell inside a merged
 * area other than its first, or past the last column Excel has, is left out and reported; the explanation
 * column's sentences wrap, and their rows are raised to show them whole.
 */
import type { Warning } from '../scorecard/types';
import type { CellRange, CellStyle, CellWrite } from '../workbook/grid';
import { cellAddress } from '../workbook/grid';
import type { CellPut, ColumnNeed } from './sheetPatch';
import { readSheet } from './sheetRead';
import { wrappedHeight } from './wrappedHeight';

const MAX_COLUMNS = 16384;
/** Width of the explanation column, in characters: a sentence fits on a line or two. */
const EXPLANATION_WIDTH = 80;

export interface PutPlan {
  /** Row → column → put, 0-based. */
  puts: Map<number, Map<number, CellPut>>;
  /** The explanation column, made wide enough and visible: it is the tool's own. */
  columns: ColumnNeed[];
  warnings: Warning[];
}

/** Merged areas by row: a large sheet has thousands of them, and every write asks. */
function mergesByRow(sheetName: string, xml: string): Map<number, CellRange[]> {
  const byRow = new Map<number, CellRange[]>();
  // The merged areas follow the rows: only the part after them is read.
  for (const m of readSheet(sheetName, xml.slice(xml.indexOf('</sheetData>')), [], () => null).merges ?? []) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return byRow;
}

/**
 * Plans the writes of one sheet (`xml` is its part's text). `styleOf` gives the style maker of a write's
 * style, wrapped or not: one maker per style, so that it is made once and asked once per cell.
 */
export function planPuts(
  sheetName: string,
  xml: string,
  writes: readonly CellWrite[],
  explanationCol: number | undefined,
  styleOf: (style: CellStyle | undefined, wrap: boolean) => (old: number) => number,
): PutPlan {
  const merges = mergesByRow(sheetName, xml);
  const warnings: Warning[] = [];
  const puts = new Map<number, Map<number, CellPut>>();
  let pastEdge = 0;
  for (const w of writes) {
    if (w.col >= MAX_COLUMNS) {
      pastEdge++;
      continue;
    }
    const inside = merges.get(w.row)?.find((m) => w.col >= m.left && w.col <= m.right);
    if (inside && (inside.top !== w.row || inside.left !== w.col)) {
      const address = cellAddress(w.row, w.col);
      warnings.push({ message: `cell ${address} is part of a merged area, so its ${w.kind} was not written`, where: { sheet: sheetName, cell: address }, kept: true });
      continue;
    }
    let row = puts.get(w.row);
    if (!row) puts.set(w.row, (row = new Map()));
    const wrapped = w.kind === 'explanation' && w.col === explanationCol && typeof w.value === 'string';
    row.set(
      w.col,
      wrapped
        ? { value: w.value, style: styleOf(w.style, true), height: wrappedHeight(w.value as string, EXPLANATION_WIDTH) }
        : { value: w.value, style: styleOf(w.style, false) },
    );
  }
  if (pastEdge) {
    warnings.push({
      message: `the sheet already uses its last column (XFD), so ${pastEdge} explanation${pastEdge === 1 ? ' was' : 's were'} not written: clear the cells far to the right and rate again`,
      where: { sheet: sheetName },
    });
  }
  const columns: ColumnNeed[] = explanationCol !== undefined && explanationCol < MAX_COLUMNS ? [{ col: explanationCol, width: EXPLANATION_WIDTH }] : [];
  return { puts, columns, warnings };
}
