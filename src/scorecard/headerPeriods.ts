import { isDateFormat } from '../engine/numbers';
import { dateFromSerial, financialYearOf, parsePeriod, parsePeriodInYear } from '../engine/periods';
import type { Period } from '../engine/types';
import type { CellValue } from '../workbook/grid';
import { text } from './gridReader';
import type { GridReader } from './gridReader';

/** A header cell as a period title: text as is, a date (or a serial number under a date format) as its month. */
function periodTitle(reader: GridReader, row: number, col: number): CellValue {
  const v = reader.raw(row, col);
  if (typeof v === 'number' && isDateFormat(reader.grid.numberFormats?.[row]?.[col])) return dateFromSerial(v);
  return v;
}

/**
 * The title a group row gives a column: its own cell, the merged area's title, or the nearest title to its
 * left when the council wrote it once over its group without merging ("2017/18" over Q1, Q2, Jul, Aug).
 */
function groupTitle(reader: GridReader, row: number, col: number): string {
  for (let c = col; c >= 0; c--) {
    const t = text(reader.value(row, c));
    if (t) return t;
  }
  return '';
}

/**
 * The period a header cell names: on its own ("Q2 Jul - Sep 2017", "Sep-17"), or within the financial year
 * written over it in a higher header row ("Q2" or "Jul" under "2017/18").
 */
export function periodAt(reader: GridReader, row: number, col: number, rowsAbove: readonly number[]): Period | null {
  const title = periodTitle(reader, row, col);
  const own = parsePeriod(title ?? null);
  if (own || typeof title !== 'string' || !title.trim()) return own;
  for (const r of rowsAbove) {
    const fy = financialYearOf(groupTitle(reader, r, col));
    if (fy !== null) return parsePeriodInYear(title, fy);
  }
  return null;
}

/** Header rows above a row, nearest first. */
export function rowsAbove(headerRows: readonly number[], row: number): number[] {
  return headerRows.filter((r) => r < row).sort((a, b) => b - a);
}

/** Period columns: a header cell (lowest header row first) that reads as a period. */
export function findPeriods(reader: GridReader, headerRows: number[], taken: Set<number>): { col: number; period: Period }[] {
  const out: { col: number; period: Period }[] = [];
  const rowsBottomUp = [...headerRows].sort((a, b) => b - a);
  for (let c = 0; c < reader.width; c++) {
    if (taken.has(c)) continue;
    for (const r of rowsBottomUp) {
      const p = periodAt(reader, r, c, rowsAbove(headerRows, r));
      if (p) {
        out.push({ col: c, period: p });
        break;
      }
    }
  }
  // "YTD" with no year takes the financial year of the newest month beside it.
  const latest = out.reduce((m, p) => Math.max(m, p.period.end), -Infinity);
  if (Number.isFinite(latest)) {
    const fy = Math.floor(latest / 12) - (latest % 12 < 3 ? 1 : 0);
    for (let c = 0; c < reader.width; c++) {
      if (taken.has(c) || out.some((p) => p.col === c)) continue;
      for (const r of rowsBottomUp) {
        const t = text(reader.raw(r, c));
        if (/^(ytd|year to date)$/i.test(t)) {
          const p = parsePeriod(t, fy);
          if (p) out.push({ col: c, period: p });
          break;
        }
      }
    }
  }
  for (const p of out) p.period = reader.samePeriod(p.period);
  return out.sort((a, b) => a.col - b.col);
}
