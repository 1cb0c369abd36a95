import * as ExcelJS from 'exceljs';
import type { SheetContent, SheetGrid } from '../../src/workbook/grid';

/** An ExcelJS workbook as .xlsx bytes. */
export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Loads .xlsx bytes or a file into a fresh ExcelJS workbook. */
export async function loadXlsx(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof data === 'string') await wb.xlsx.readFile(data);
  else await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** What the invariance checks compare for one cell: value (formula and cached result), number format and look. */
export interface CellSnapshot {
  value: string;
  numFmt: string | undefined;
  style: string;
}

function plain(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Date ? `date:${x.toISOString()}` : x));
}

/**
 * Every row ExcelJS holds for a sheet, values or not (a styled blank row counts), skipping the rows it has
 * never seen: eachRow({ includeEmpty: true }) would build a Row for each of a million rows above a cell on
 * the last row.
 */
function existingRows(ws: ExcelJS.Worksheet, visit: (row: ExcelJS.Row, rowNumber: number) => void): void {
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  rows.forEach((row) => {
    if (row) visit(row, row.number);
  });
}

/** Every cell of a sheet that holds anything, by A1 address. */
export function snapshotSheet(ws: ExcelJS.Worksheet): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  existingRows(ws, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = { fill: cell.style.fill, font: cell.style.font, alignment: cell.style.alignment, border: cell.style.border };
      out.set(cell.address, { value: plain(cell.value), numFmt: cell.numFmt, style: plain(style) });
    });
  });
  return out;
}

/** Addresses whose snapshots differ between two sheets, skipping the ones in `skip`. */
export function differences(a: Map<string, CellSnapshot>, b: Map<string, CellSnapshot>, skip: Set<string> = new Set()): string[] {
  const diffs: string[] = [];
  const empty: CellSnapshot = { value: 'null', numFmt: undefined, style: plain({}) };
  for (const address of new Set([...a.keys(), ...b.keys()])) {
    if (skip.has(address)) continue;
    const x = a.get(address) ?? empty;
    const y = b.get(address) ?? empty;
    if (x.value !== y.value) diffs.push(`${address} value ${x.value} → ${y.value}`);
    if ((x.numFmt ?? 'General') !== (y.numFmt ?? 'General')) diffs.push(`${address} format ${x.numFmt} → ${y.numFmt}`);
    if (x.style !== y.style && !(isBlank(x) && isBlank(y))) diffs.push(`${address} style ${x.style} → ${y.style}`);
  }
  return diffs;
}

function isBlank(s: CellSnapshot): boolean {
  return s.value === 'null' && s.style === plain({ fill: undefined, font: undefined, alignment: undefined, border: undefined });
}

/** The values of an owned sheet's content, as a grid, for reading it back in pure tests. */
export function contentToGrid(content: SheetContent): SheetGrid {
  return { name: content.name, values: content.rows.map((r) => r.map((c) => (c ? c.value : null))) };
}

/**
 * What a sheet looks like beyond its cells: merges, hidden rows and their heights, column widths and
 * hidden columns, the filter, frozen panes, visibility and protection. A rating must leave all of it alone.
 */
export function sheetLayout(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const rows: Record<number, unknown> = {};
  existingRows(ws, (row, n) => {
    if (row.hidden || row.height !== undefined || row.outlineLevel) rows[n] = { hidden: row.hidden, height: row.height, outline: row.outlineLevel };
  });
  const columns: Record<number, unknown> = {};
  for (let c = 1; c <= ws.columnCount; c++) {
    const col = ws.getColumn(c);
    if (col.width !== undefined || col.hidden) columns[c] = { width: col.width, hidden: col.hidden };
  }
  const internals = ws as unknown as { _merges: Record<string, { range: string }>; sheetProtection?: unknown };
  return JSON.parse(
    JSON.stringify({
      state: ws.state,
      merges: Object.values(internals._merges ?? {}).map((m) => m.range).sort(),
      rows,
      columns,
      autoFilter: ws.autoFilter ?? null,
      views: ws.views,
      protection: internals.sheetProtection ?? null,
    }),
  ) as Record<string, unknown>;
}
