import { isDateFormat } from './numbers';
import type { CellInput } from './types';

const DAY_MS = 86_400_000;
/** Excel's day 0 for serials after its phantom 29 February 1900; earlier serials are a day out. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 31 December 9999, the last day Excel shows. */
const LAST_EXCEL_SERIAL = 2_958_465;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A 1900-system Excel serial as yyyy-mm-dd, or null when Excel could not show it as a date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_EXCEL_SERIAL) return null;
  const days = Math.floor(serial < 61 ? serial + 1 : serial);
  return isoDate(EXCEL_EPOCH_MS + days * DAY_MS);
}

/**
 * The date a cell holds, as the sheet shows it (its text when the host gives it, else yyyy-mm-dd), or null
 * when the cell is not a date: a Date, or a number under a date format (Excel stores dates as day counts,
 * so without this a deadline of 30/09/2017 reads as the number 43008).
 */
export function dateDisplay(cell: CellInput): string | null {
  const v = cell.value;
  let iso: string | null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    iso = isoDate(v.getTime());
  } else if (typeof v === 'number' && isDateFormat(cell.numberFormat)) {
    iso = excelSerialToIso(v);
  } else {
    return null;
  }
  const shown = typeof cell.text === 'string' ? cell.text.replace(/\s+/g, ' ').trim() : '';
  return shown || iso || String(v);
}
