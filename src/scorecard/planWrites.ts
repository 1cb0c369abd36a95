import type { RatingRules } from '../engine/rules';
import { DOT_FONTS, STATUS_FILLS, STATUS_FONTS } from '../engine/rules';
import { DOT_DETAIL_LABELS, STATUS_LABELS } from '../engine/types';
import type { Rating, StatusKey } from '../engine/types';
import { cellAddress, gridWidth } from '../workbook/grid';
import type { CellWrite, SheetGrid } from '../workbook/grid';
import type { HeaderBlock } from './readScorecard';
import { isExplanationHeader } from './readScorecard';
import { normaliseHeader } from './columns';
import type { OwnedColumns, Warning } from './types';

export const EXPLANATION_HEADER = 'Rating explanation';

const RAG_WORDS: Record<StatusKey, string> = {
  'on-target': 'Green',
  satisfactory: 'Amber',
  'off-target': 'Red',
  'under-development': STATUS_LABELS['under-development'],
  'not-applicable': STATUS_LABELS['not-applicable'],
  'not-available': STATUS_LABELS['not-available'],
};

/** A sheet whose status column is headed "RAG" gets RAG words; one headed "Overall status" gets symbols. */
export function usesRagWords(grid: SheetGrid, blocks: readonly HeaderBlock[]): boolean {
  const b = blocks[0];
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

/**
 * The cells a run writes: status symbol, DOT symbol and explanation per rated row, plus the explanation
 * header in each block. A status or DOT cell holding a formula is someone's work: it is reported, not replaced.
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
  const columnsOf = (r: number) => (blocks.find((b) => r >= b.firstRow && r <= b.lastRow) ?? blocks[0]).columns;
  const rag = usesRagWords(grid, blocks);
  const eightState = rules.dotStyle === 'eight-state' || (rules.dotStyle === 'auto' && rag);
  const explanation = explanationColumn(grid, blocks);
  const writes: CellWrite[] = [];
  for (const b of blocks) {
    const top = b.headerRows[0];
    const current = grid.values[top]?.[explanation];
    if (!isExplanationHeader(current)) {
      writes.push({ row: top, col: explanation, value: EXPLANATION_HEADER, kind: 'explanation-header', style: { bold: true, wrap: true } });
    }
  }
  for (const { row, rating, ref, yearEnd } of rated) {
    const r = row - 1;
    const own = columnsOf(r);
    const status = (own.status ?? first.status) as number;
    const dot = own.dot;
    const yearEndCol = own.statusYearEnd;
    if (hasFormula(grid, r, status)) {
      warnings.push({ message: `status cell holds a formula and was left as it is (${ref})`, where: { sheet: grid.name, cell: cellAddress(r, status), ref } });
    } else {
      writes.push({
        row: r,
        col: status,
        value: statusText(rating.status, rag, symbols),
        kind: 'status',
        style: { fill: STATUS_FILLS[rating.status], fontColor: STATUS_FONTS[rating.status], bold: true, horizontalAlignment: 'center' },
      });
    }
    if (dot !== undefined) {
      if (hasFormula(grid, r, dot)) {
        warnings.push({ message: `DOT cell holds a formula and was left as it is (${ref})`, where: { sheet: grid.name, cell: cellAddress(r, dot), ref } });
      } else {
        writes.push({ row: r, col: dot, value: dotText(rating, eightState, rules), kind: 'dot', style: { fontColor: DOT_FONTS[rating.dot], bold: true, horizontalAlignment: 'center' } });
      }
    }
    if (yearEndCol !== undefined && yearEnd) {
      if (hasFormula(grid, r, yearEndCol)) {
        warnings.push({ message: `year-end status cell holds a formula and was left as it is (${ref})`, where: { sheet: grid.name, cell: cellAddress(r, yearEndCol), ref } });
      } else {
        writes.push({
          row: r,
          col: yearEndCol,
          value: statusText(yearEnd.status, rag, symbols),
          kind: 'status',
          style: { fill: STATUS_FILLS[yearEnd.status], fontColor: STATUS_FONTS[yearEnd.status], bold: true, horizontalAlignment: 'center' },
        });
      }
    }
    writes.push({ row: r, col: explanation, value: rating.explanation, kind: 'explanation', style: { wrap: false } });
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
