/** A1 addresses for batched office-js calls: column runs, multi-area strings and parsing host addresses. */
import { cellAddress } from '../workbook/grid';
import type { CellRange } from '../workbook/grid';

/** "J6" or "J6:J20", 0-based inclusive. */
export function rangeAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** A run of consecutive rows in one column. */
export interface ColumnRun<T> {
  col: number;
  top: number;
  bottom: number;
  items: T[];
}

/**
 * Groups cells into runs of consecutive rows per column, so each run is one 2-D write. Cells are
 * ordered by column then row; a repeated cell keeps its last item, as sequential writes would.
 */
export function columnRuns<T extends { row: number; col: number }>(cells: readonly T[]): ColumnRun<T>[] {
  const byCol = new Map<number, Map<number, T>>();
  for (const c of cells) {
    let col = byCol.get(c.col);
    if (!col) byCol.set(c.col, (col = new Map()));
    col.set(c.row, c);
  }
  const runs: ColumnRun<T>[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...(byCol.get(col) as Map<number, T>).entries()].sort((a, b) => a[0] - b[0]);
    let run: ColumnRun<T> | null = null;
    for (const [row, item] of rows) {
      if (run && row === run.bottom + 1) {
        run.bottom = row;
        run.items.push(item);
      } else {
        run = { col, top: row, bottom: row, items: [item] };
        runs.push(run);
      }
    }
  }
  return runs;
}

/**
 * Joins addresses into comma-separated lists for Worksheet.getRanges, each at most `maxLength` characters,
 * because Excel refuses very long references.
 */
export function joinAreas(addresses: readonly string[], maxLength = 2000): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxLength) {
      out.push(current);
      current = a;
    } else current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses "J6", "J6:K20" (optionally sheet-qualified, $-anchored) into a 0-based range; null otherwise. */
export function parseRange(address: string): CellRange | null {
  const bang = lastBang(address);
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b = a] = local.trim().split(':');
  const m1 = CELL.exec(a);
  const m2 = CELL.exec(b);
  if (!m1 || !m2) return null;
  const r1 = Number(m1[2]) - 1;
  const r2 = Number(m2[2]) - 1;
  const c1 = columnIndex(m1[1]);
  const c2 = columnIndex(m2[1]);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** The "!" that ends a sheet prefix, skipping any inside a quoted sheet name. */
function lastBang(s: string): number {
  let inQuote = false;
  let at = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") inQuote = !inQuote;
    else if (s[i] === '!' && !inQuote) at = i;
  }
  return at;
}

/** Parses a RangeAreas address ("Sheet1!A1:A4,Sheet1!C2" or "'My, sheet'!A1,B2") into ranges. */
export function parseAreas(address: string): CellRange[] {
  const parts: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuote = !inQuote;
    else if ((ch === ',' && !inQuote) || i === address.length) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  return parts.map((p) => parseRange(p.trim())).filter((r): r is CellRange => r !== null);
}

/** A sheet name as a reference needs it: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
