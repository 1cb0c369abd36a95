/**
 * A flag's date as the Flags sheet keeps it: a real date cell (an Excel serial under a date format), so it
 * sorts and filters as a date, in the reviewer's own clock time, as Excel shows dates.
 */
import type { CellValue } from '../workbook/grid';

const DAY_MS = 86_400_000;
/** Excel's day 0 for serials after its phantom 29 February 1900 (every date a flag can have). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** How the Flags sheet shows a flag's date: "02 Dec 2026 15:16". */
export const FLAG_DATE_FORMAT = 'dd mmm yyyy hh:mm';

/** The Excel serial of a moment, in local clock time (Excel dates carry no zone): 2026-12-02 12:00 → 46358.5. */
export function flagSerial(iso: string): number | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
  return (wall - EXCEL_EPOCH_MS) / DAY_MS;
}

/** A local clock time written as UTC parts (a serial's, or a Date an xlsx reader made from one) as a moment. */
function fromWallClock(wall: number): string {
  const w = new Date(Math.round(wall / 1000) * 1000);
  return new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds()).toISOString();
}

/**
 * A "Flagged on" cell read back as ISO 8601: a serial (as Excel and the package reader give a date cell), a
 * Date (as ExcelJS gives one), or text (older Flags sheets wrote ISO text; a person may type anything).
 */
export function flagDateText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? fromWallClock(EXCEL_EPOCH_MS + v * DAY_MS) : String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : fromWallClock(v.getTime());
  return String(v).trim();
}
