/**
 * Reviewers' manual flags, kept in the visible Flags sheet: a measure, a comment, who flagged it and when.
 * The add-in appends to the sheet and reads it back; people may edit or delete rows by hand, so reading is
 * by header name and tolerant of blank rows. Pure.
 */
import type { CellStyle, CellValue, ContentCell, SheetContent, SheetGrid } from '../workbook/grid';
import { FLAG_DATE_FORMAT, flagDateText, flagSerial } from './flagDates';
import { ADDIN_SHEETS } from './sheetNames';
import { STATUS_LABELS } from '../engine/types';
import type { RatedRow } from './types';

export interface ManualFlag {
  ref: string;
  sheet: string;
  measure: string;
  /** The measure's status in words when it was flagged. */
  status: string;
  comment: string;
  by: string;
  /** ISO 8601 date and time. */
  at: string;
  /** 1-based row of the measure when it was flagged, for the link. */
  row?: number;
}

/** A flag as the task pane lists it: where it points, without the row the link needs. */
export type ManualFlagView = Omit<ManualFlag, 'row'>;

/** Refs typed by a reviewer match the sheet's whatever their spaces and case ("2.A1 (a)", "2.a1(a)"). */
export function sameRef(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/** What the pane shows of a flag. */
export function flagView(f: ManualFlag): ManualFlagView {
  return { ref: f.ref, sheet: f.sheet, measure: f.measure, status: f.status, comment: f.comment, by: f.by, at: f.at };
}

/**
 * A reviewer's flag on a rated row, stamped with its status in words, who and when. `withRow` keeps the row
 * for a link back to the measure; hosts that write the Flags sheet as plain values leave it out.
 */
export function newManualFlag(
  row: RatedRow,
  input: { comment: string; by: string },
  now: () => Date,
  withRow: boolean,
): ManualFlag {
  const flag: ManualFlag = {
    ref: row.measure.ref,
    sheet: row.measure.sheet,
    measure: row.measure.name,
    status: STATUS_LABELS[row.rating.status],
    comment: input.comment,
    by: input.by.trim() || 'Unknown reviewer',
    at: now().toISOString(),
  };
  if (withRow) flag.row = row.measure.row;
  return flag;
}

export const FLAG_HEADERS = ['Ref', 'Sheet', 'Measure', 'Status when flagged', 'Comment', 'Flagged by', 'Flagged on'] as const;

const HEADER: CellStyle = { bold: true, fill: 'D9E1F2', wrap: true };

/** The Flags sheet as first created: a note and the header row. Rows are appended below it. */
export function emptyFlagsSheet(): SheetContent {
  return {
    name: ADDIN_SHEETS.flags,
    ownedKind: 'flags',
    rows: [
      [{ value: 'Measures reviewers flagged for a performance clinic. Add flags from the Scorecard pane; edit comments here.', style: { italic: true, fontColor: '595959' } }],
      FLAG_HEADERS.map((h): ContentCell => ({ value: h, style: HEADER })),
    ],
    columnWidths: [10, 18, 50, 20, 60, 20, 20],
  };
}

/** The 0-based row of the header in a Flags sheet made by emptyFlagsSheet. */
export const FLAGS_HEADER_ROW = 1;

/** One flag as a row of the Flags sheet; the ref links back to the measure's row; the date is a date cell. */
export function flagCells(f: ManualFlag): ContentCell[] {
  const ref: ContentCell = f.row ? { value: f.ref, link: { sheet: f.sheet, row: f.row - 1, col: 0 } } : { value: f.ref };
  const serial = flagSerial(f.at);
  const at: ContentCell = serial === null ? { value: f.at } : { value: serial, style: { numberFormat: FLAG_DATE_FORMAT, horizontalAlignment: 'left' } };
  return [ref, { value: f.sheet }, { value: f.measure, style: { wrap: true } }, { value: f.status }, { value: f.comment, style: { wrap: true } }, { value: f.by }, at];
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return v instanceof Date ? v.toISOString() : String(v).trim();
}

/** Finds the header row ("Ref" and "Comment") wherever someone moved it. */
export function flagsHeaderRow(grid: SheetGrid): number {
  return grid.values.findIndex((row) => {
    const cells = (row ?? []).map((v) => text(v).toLowerCase());
    return cells.includes('ref') && cells.includes('comment');
  });
}

/** Reads the flags back; rows without a ref or a comment are not flags. */
export function readFlags(grid: SheetGrid): ManualFlag[] {
  const header = flagsHeaderRow(grid);
  if (header < 0) return [];
  const cols = new Map<string, number>();
  (grid.values[header] ?? []).forEach((v, c) => cols.set(text(v).toLowerCase(), c));
  const out: ManualFlag[] = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const at = (name: string): string => text(row[cols.get(name.toLowerCase()) ?? -1]);
    const flag: ManualFlag = {
      ref: at('Ref'),
      sheet: at('Sheet'),
      measure: at('Measure'),
      status: at('Status when flagged'),
      comment: at('Comment'),
      by: at('Flagged by'),
      at: flagDateText(row[cols.get('flagged on') ?? -1]),
    };
    if (flag.ref && flag.comment) out.push(flag);
  }
  return out;
}
