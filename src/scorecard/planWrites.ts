import type { RatingRules } from '../engine/rules';
import { DOT_FONTS, STATUS_FILLS, STATUS_FONTS } from '../engine/rules';
import { shortText } from '../engine/shortText';
import { DOT_DETAIL_LABELS, DOT_KEYS, STATUS_KEYS, STATUS_LABELS } from '../engine/types';
import type { DotKey, Rating, StatusKey } from '../engine/types';
import { cellAddress, gridWidth } from '../workbook/grid';
import type { CellStyle, CellWrite, SheetGrid } from '../workbook/grid';
import type { HeaderBlock } from './readScorecard';
import { isExplanationHeader } from './readScorecard';
import { normaliseHeader } from './columns';
import { isReplaceable } from './manualEntries';
import type { OwnedColumns, Warning } from './types';

export const EXPLANATION_HEADER = 'Rating explanation';

/** One style object per status and direction, shared by every write: a big sheet makes hundreds of thousands. */
const STATUS_STYLES = Object.fromEntries(
  STATUS_KEYS.map((k): [StatusKey, CellStyle] => [k, { fill: STATUS_FILLS[k], fontColor: STATUS_FONTS[k], bold: true, horizontalAlignment: 'center' }]),
) as Record<StatusKey, CellStyle>;
const DOT_STYLES = Object.fromEntries(
  DOT_KEYS.map((k): [DotKey, CellStyle] => [k, { fontColor: DOT_FONTS[k], bold: true, horizontalAlignment: 'center' }]),
) as Record<DotKey, CellStyle>;
const EXPLANATION_STYLE: CellStyle = { wrap: false };

const RAG_WORDS: Record<StatusKey, string> = {
  'on-target': 'Green',
  satisfactory: 'Amber',
  'off-target': 'Red',
  'under-development': STATUS_LABELS['under-development'],
  'not-applicable': STATUS_LABELS['not-applicable'],
  'not-available': STATUS_LABELS['not-available'],
  'needs-review': STATUS_LABELS['needs-review'],
};

/** The words a RAG sheet uses for its statuses, for the sentences written beside them. */
export const RAG_STATUS_WORDS: Readonly<Record<StatusKey, string>> = RAG_WORDS;

/**
 * A block whose status column is headed "RAG" gets RAG words; one headed "Overall status" gets symbols. Each
 * block of a sheet decides for itself: a workbook may hold a RAG table under a symbol scorecard.
 */
export function usesRagWords(grid: SheetGrid, b: HeaderBlock): boolean {
  const col = b.columns.status;
  if (col === undefined) return false;
  return /\brag\b/.test(normaliseHeader(grid.values[b.headerRows[0]]?.[col]));
}

function statusText(status: StatusKey, rag: boolean, symbols: Record<StatusKey, string>): string {
  return rag ? RAG_WORDS[status] : symbols[status];
}

function dotText(rating: Rating, eightState: boolean, rules: RatingRules): string {
  if (!eightState) return rules.dotSymbols[rating.dot];
  if (!rating.dotDetail) return `${rules.dotSymbols['not-applicable']} Not applicable`;
  return `${rules.dotSymbols[rating.dot]} ${DOT_DETAIL_LABELS[rating.dotDetail]}`;
}

/** The column for explanations: the sheet's own, else the first column right of everything in the sheet. */
export function explanationColumn(grid: SheetGrid, blocks: readonly HeaderBlock[]): number {
  for (const b of blocks) {
    if (b.columns.explanation !== undefined) return b.columns.explanation;
  }
  for (const b of blocks) {
    for (const r of b.headerRows) {
      const row = grid.values[r] ?? [];
      for (let c = 0; c < row.length; c++) if (isExplanationHeader(row[c])) return c;
    }
  }
  return gridWidth(grid);
}

function hasFormula(grid: SheetGrid, row: number, col: number): boolean {
  const f = grid.formulas?.[row]?.[col];
  return typeof f === 'string' && f.length > 0;
}

/** The block a 0-based row lies in, found by binary search: blocks are in sheet order and do not overlap. */
export function blockFinder(blocks: readonly HeaderBlock[]): (row: number) => HeaderBlock | undefined {
  return (row) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid];
      if (row < b.firstRow) hi = mid - 1;
      else if (row > b.lastRow) lo = mid + 1;
      else return b;
    }
    return undefined;
  };
}

const CELL_NAMES = { status: 'status cell', dot: 'DOT cell', yearEnd: 'year-end status cell' } as const;

/** Why a status or DOT cell must be left as it is (a formula, or an entry that is not a rating), or null. */
function keptBecause(grid: SheetGrid, row: number, col: number, cell: keyof typeof CELL_NAMES): string | null {
  if (hasFormula(grid, row, col)) return `${CELL_NAMES[cell]} holds a formula`;
  const value = grid.values[row]?.[col];
  if (isReplaceable(cell === 'dot' ? 'dot' : 'status', value)) return null;
  const shown = value instanceof Date ? value.toISOString().slice(0, 10) : shortText(String(value), 40);
  return `${CELL_NAMES[cell]} holds “${shown}”, which is not a ${cell === 'dot' ? 'direction of travel' : 'status'} this tool writes`;
}

/**
 * The cells a run writes: status symbol, DOT symbol and explanation per rated row, plus the explanation
 * header in each block. A status or DOT cell holding a formula or someone's own entry is their work: it is
 * reported (a warning marked kept), not replaced.
 */
export function planWrites(
  grid: SheetGrid,
  blocks: readonly HeaderBlock[],
  rated: readonly { row: number; rating: Rating; ref: string; yearEnd?: Rating }[],
  rules: RatingRules,
  symbols: Record<StatusKey, string>,
): { writes: CellWrite[]; columns: OwnedColumns; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const first = blocks[0].columns;
  // Each row is written in its own block's columns: blocks of one sheet need not share a layout.
  const blockOf = blockFinder(blocks);
  const styles = new Map<HeaderBlock, { rag: boolean; eightState: boolean }>();
  const styleOf = (b: HeaderBlock): { rag: boolean; eightState: boolean } => {
    let style = styles.get(b);
    if (!style) {
      const rag = usesRagWords(grid, b);
      style = { rag, eightState: rules.dotStyle === 'eight-state' || (rules.dotStyle === 'auto' && rag) };
      styles.set(b, style);
    }
    return style;
  };
  const explanation = explanationColumn(grid, blocks);
  const writes: CellWrite[] = [];
  const withRows = new Set<HeaderBlock | undefined>(rated.map(({ row }) => blockOf(row - 1)));
  for (const b of blocks) {
    const top = b.headerRows[0];
    const current = grid.values[top]?.[explanation];
    // A header-like row with no measures under it (a lookup table above the scorecard) is not ours to label.
    if (withRows.has(b) && !isExplanationHeader(current)) {
      writes.push({ row: top, col: explanation, value: EXPLANATION_HEADER, kind: 'explanation-header', style: { bold: true, wrap: true } });
    }
  }
  for (const { row, rating, ref, yearEnd } of rated) {
    const r = row - 1;
    const block = blockOf(r) ?? blocks[0];
    const own = block.columns;
    const { rag, eightState } = styleOf(block);
    const status = (own.status ?? first.status) as number;
    const dot = own.dot;
    const yearEndCol = own.statusYearEnd;
    const keep = (col: number, cell: keyof typeof CELL_NAMES): boolean => {
      const why = keptBecause(grid, r, col, cell);
      if (why) warnings.push({ message: `${why} and was left as it is (${ref})`, where: { sheet: grid.name, cell: cellAddress(r, col), ref }, kept: true });
      return why !== null;
    };
    // A row that needs review and keeps the status the sheet shows is left for the person who reviews it.
    const keptForReview = rating.finding.kind === 'review' && rating.finding.kept !== undefined;
    if (!keptForReview && !keep(status, 'status')) {
      writes.push({
        row: r,
        col: status,
        value: statusText(rating.status, rag, symbols),
        kind: 'status',
        style: STATUS_STYLES[rating.status],
      });
    }
    if (dot !== undefined) {
      if (!keep(dot, 'dot')) {
        writes.push({ row: r, col: dot, value: dotText(rating, eightState, rules), kind: 'dot', style: DOT_STYLES[rating.dot] });
      }
    }
    if (yearEndCol !== undefined && yearEnd && !(yearEnd.finding.kind === 'review' && yearEnd.finding.kept)) {
      if (!keep(yearEndCol, 'yearEnd')) {
        writes.push({
          row: r,
          col: yearEndCol,
          value: statusText(yearEnd.status, rag, symbols),
          kind: 'status',
          style: STATUS_STYLES[yearEnd.status],
        });
      }
    }
    writes.push({ row: r, col: explanation, value: rating.explanation, kind: 'explanation', style: EXPLANATION_STYLE });
  }
  return {
    writes,
    columns: {
      status: first.status as number,
      ...(first.dot !== undefined ? { dot: first.dot } : {}),
      ...(first.statusYearEnd !== undefined ? { statusYearEnd: first.statusYearEnd } : {}),
      explanation,
    },
    warnings,
  };
}
