/**
 * The Red flags sheet the tool rebuilds on every run: one row per measure off target this period and the
 * previous one. Pure: no ExcelJS, no Office.
 */
import { DEFAULT_SYMBOLS, STATUS_FILLS, STATUS_FONTS } from '../engine/rules';
import { STATUS_LABELS } from '../engine/types';
import type { StatusKey } from '../engine/types';
import { OWNED_SHEETS } from '../workbook/grid';
import type { CellStyle, ContentCell, ContentTable, SheetContent } from '../workbook/grid';
import { HEADER, NOTE, text } from './sheetStyles';
import type { RedFlag, WorkbookRating } from './types';

type Row = (ContentCell | null)[];

export interface RedFlagsOptions {
  /** Status symbols to show beside the words; the defaults otherwise. */
  symbols?: Record<StatusKey, string>;
  /** Per scorecard sheet, the 0-based status column a ref links to; column A otherwise. */
  statusColumns?: Record<string, number>;
}

const RED_FLAG_HEADERS = [
  'Ref',
  'Measure',
  'Lead officer',
  'Priority',
  'Period',
  'Status',
  'Value',
  'Previous period',
  'Previous status',
  'Previous value',
  'Why it is red',
];

function statusWords(symbols: Record<StatusKey, string>, k: StatusKey): ContentCell {
  return text(`${symbols[k]} ${STATUS_LABELS[k]}`, { fill: STATUS_FILLS[k], fontColor: STATUS_FONTS[k] });
}

function optional(value: string | undefined, style?: CellStyle): ContentCell | null {
  return value === undefined || value === '' ? null : text(value, style);
}

/**
 * The Red flags sheet: one row per measure off target this period and last, each ref linked to its row so
 * a reviewer can jump to it, with both periods' status in words and symbol, the values, and why it is red.
 */
export function buildRedFlagsSheet(flags: readonly RedFlag[], options: RedFlagsOptions = {}): SheetContent {
  const symbols = options.symbols ?? DEFAULT_SYMBOLS;
  const rows: Row[] = [RED_FLAG_HEADERS.map((h) => text(h, HEADER))];
  const wrap: CellStyle = { wrap: true };
  for (const f of flags) {
    rows.push([
      { value: f.ref, link: { sheet: f.sheet, row: f.row - 1, col: options.statusColumns?.[f.sheet] ?? 0 } },
      text(f.measure, wrap),
      optional(f.leadOfficer),
      text(f.priority, wrap),
      optional(f.period),
      statusWords(symbols, f.status),
      optional(f.value),
      optional(f.previousPeriod),
      statusWords(symbols, f.previousStatus),
      optional(f.previousValue),
      text(f.reason, wrap),
    ]);
  }
  if (flags.length === 0) rows.push([text('No measure is off target in this period and the previous one.', NOTE)]);
  const tables: ContentTable[] =
    flags.length > 0 ? [{ name: 'RedFlags', range: { top: 0, left: 0, bottom: flags.length, right: RED_FLAG_HEADERS.length - 1 } }] : [];
  return {
    name: OWNED_SHEETS.redFlags,
    ownedKind: 'red-flags',
    rows,
    columnWidths: [10, 50, 22, 36, 16, 18, 18, 16, 18, 18, 70],
    tables,
  };
}

/**
 * The Red flags sheet of a run: `flags` (the rating's own unless a history decided them), each ref linked to
 * the status cell of its row, in the rating's symbols.
 */
export function redFlagsSheetOf(rating: WorkbookRating, flags: readonly RedFlag[] = rating.redFlags): SheetContent {
  const statusColumns = Object.fromEntries(rating.sheets.map((s) => [s.sheet, s.columns.status]));
  return buildRedFlagsSheet(flags, { symbols: rating.rules.symbols, statusColumns });
}
