/**
 * The rating history the add-in keeps in the hidden 'Scorecard history' sheet: one row per measure, period
 * and run. Recalculate appends its run; red flags read it to find each measure's previous recorded status.
 * Pure: the office-js side only moves these rows in and out of the sheet.
 */
import { DOT_KEYS, STATUS_KEYS } from '../engine/types';
import type { DotKey, StatusKey } from '../engine/types';
import { ratedPrevious, redFlagsOf } from './redFlags';
import type { RatedRow, RedFlag, WorkbookRating } from './types';
import type { CellValue, SheetGrid } from '../workbook/grid';
import { sheetKey } from '../workbook/sheetName';

export interface HistoryRecord {
  sheet: string;
  ref: string;
  measure: string;
  /** The period rated, as its column header says ("Q2 Jul - Sep 2017"). */
  period: string;
  /** Last month of the period as a month index (year * 12 + month - 1), for ordering. */
  periodEnd: number;
  status: StatusKey;
  dot: DotKey;
  /** The value rated, as displayed. */
  value: string;
  /** When the run happened, ISO 8601: also what tells one run's records from another's. */
  recorded: string;
}

/**
 * The history sheet's columns. What red flags need comes first (A:G), so they read only those columns;
 * the measure's name and the time are for people looking at the sheet.
 */
export const HISTORY_HEADERS = ['Sheet', 'Ref', 'Period', 'Period end', 'Status', 'DOT', 'Value', 'Measure', 'Recorded'] as const;

/** The columns red flags read: Sheet to Value. */
export const HISTORY_FLAG_COLUMNS = 'A:G';

/** Beyond this many periods per sheet the oldest are dropped, so the history stays one read. */
export const KEEP_PERIODS = 8;

/** "2017-09": a month index people can read (and sort). */
export function monthText(m: number): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

function parseMonthText(v: CellValue): number | null {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})$/.exec(v.trim()) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

/** Identifies a measure across runs: its sheet and ref, or its row when it has no ref. */
export function measureKey(sheet: string, ref: string, row: number): string {
  return `${sheetKey(sheet)}\u0000${ref.trim() ? ref.trim().toLowerCase() : `row ${row}`}`;
}

/** The records of one run: every rated row, under the period it was rated on (else the run's latest period). */
export function historyRecords(rating: WorkbookRating, recorded: string): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  for (const sheet of rating.sheets) {
    let latest: { end: number; label: string } | null = null;
    for (const r of sheet.rows) {
      const p = r.rating.period;
      if (p && p.kind !== 'ytd' && (!latest || p.end > latest.end)) latest = { end: p.end, label: p.label };
    }
    for (const r of sheet.rows) {
      const p = r.rating.period ?? latest;
      if (!p) continue;
      out.push({
        sheet: sheet.sheet,
        ref: r.measure.ref || `row ${r.measure.row}`,
        measure: r.measure.name,
        period: p.label,
        periodEnd: p.end,
        status: r.rating.status,
        dot: r.rating.dot,
        value: r.rating.value?.display ?? '',
        recorded,
      });
    }
  }
  return out;
}

/** A record as a sheet row, in HISTORY_HEADERS order. */
export function historyRow(r: HistoryRecord): string[] {
  return [r.sheet, r.ref, r.period, monthText(r.periodEnd), r.status, r.dot, r.value, r.measure, r.recorded];
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return v instanceof Date ? v.toISOString() : String(v);
}

/**
 * Reads the history sheet back. Rows that do not parse (someone typed into the hidden sheet) are skipped
 * rather than trusted: a wrong previous status would raise or hide a red flag.
 */
export function readHistory(grid: SheetGrid): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  const header = grid.values.findIndex((row) => (row ?? []).some((v) => v === 'Period end') && (row ?? []).some((v) => v === 'Ref'));
  if (header < 0) return out;
  const cols = new Map<string, number>();
  (grid.values[header] ?? []).forEach((v, c) => typeof v === 'string' && cols.set(v, c));
  const at = (row: CellValue[], name: string): CellValue | undefined => row[cols.get(name) ?? -1];
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const periodEnd = parseMonthText(at(row, 'Period end') ?? null);
    const status = text(at(row, 'Status')) as StatusKey;
    const dot = text(at(row, 'DOT')) as DotKey;
    const ref = text(at(row, 'Ref'));
    if (periodEnd === null || !STATUS_KEYS.includes(status) || !DOT_KEYS.includes(dot) || !ref) continue;
    out.push({
      sheet: text(at(row, 'Sheet')),
      ref,
      measure: text(at(row, 'Measure')),
      period: text(at(row, 'Period')),
      periodEnd,
      status,
      dot,
      value: text(at(row, 'Value')),
      recorded: text(at(row, 'Recorded')),
    });
  }
  return out;
}

/**
 * Drops what no red flag can need: all but the latest record of a measure and period, and periods older
 * than the latest KEEP_PERIODS of their sheet. Run on the old records before a run is appended, so Undo,
 * which removes the appended rows, still finds the record the run superseded. Keeps the order.
 */
export function compactHistory(records: readonly HistoryRecord[]): HistoryRecord[] {
  const periods = new Map<string, Set<number>>();
  for (const r of records) {
    const set = periods.get(r.sheet) ?? new Set<number>();
    set.add(r.periodEnd);
    periods.set(r.sheet, set);
  }
  const oldestKept = new Map<string, number>();
  for (const [sheet, set] of periods) {
    const sorted = [...set].sort((a, b) => b - a);
    oldestKept.set(sheet, sorted[Math.min(sorted.length, KEEP_PERIODS) - 1]);
  }
  const seen = new Set<string>();
  const keep = new Array<boolean>(records.length).fill(false);
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r.periodEnd < (oldestKept.get(r.sheet) ?? -Infinity)) continue;
    const key = `${measureKey(r.sheet, r.ref, 0)}\u0000${r.periodEnd}`;
    if (!seen.has(key)) keep[i] = true;
    seen.add(key);
  }
  return records.filter((_, i) => keep[i]);
}

/** For each measure, its latest record per period (later rows win: the history is in run order). */
function latestPerPeriod(history: readonly HistoryRecord[]): Map<string, Map<number, HistoryRecord>> {
  const out = new Map<string, Map<number, HistoryRecord>>();
  for (const r of history) {
    const key = measureKey(r.sheet, r.ref, 0);
    let periods = out.get(key);
    if (!periods) out.set(key, (periods = new Map()));
    periods.set(r.periodEnd, r);
  }
  return out;
}

export interface HistoryRedFlags {
  flags: RedFlag[];
  /** How many flags (or cleared flags) the history decided rather than re-rating the previous period. */
  fromHistory: number;
}

/** The measure's latest record of the latest period before the one it is rated on now, if the history has one. */
function recordedBefore(byMeasure: Map<string, Map<number, HistoryRecord>>, r: RatedRow): HistoryRecord | undefined {
  const m = r.measure;
  const end = r.rating.period?.end;
  const periods = byMeasure.get(measureKey(m.sheet, m.ref || `row ${m.row}`, m.row));
  if (!periods || end === undefined) return undefined;
  let previous: HistoryRecord | undefined;
  for (const [pe, rec] of periods) if (pe < end && (!previous || pe > previous.periodEnd)) previous = rec;
  return previous;
}

/**
 * Red flags: off target now and off target in the previous recorded period. The history decides where it
 * holds an earlier period for the measure; otherwise the engine's rating of the previous period's values does.
 */
export function redFlagsWithHistory(rating: WorkbookRating, history: readonly HistoryRecord[]): HistoryRedFlags {
  const byMeasure = latestPerPeriod(history);
  let fromHistory = 0;
  const flags = redFlagsOf(
    rating.sheets.flatMap((s) => s.rows),
    (r) => {
      const recorded = recordedBefore(byMeasure, r);
      if (!recorded) return ratedPrevious(r);
      fromHistory++;
      return { status: recorded.status, period: recorded.period, ...(recorded.value ? { value: recorded.value } : {}) };
    },
  );
  return { flags, fromHistory };
}
