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

/** Every cell of a sheet that holds anything, by A1 address. */
export function snapshotSheet(ws: ExcelJS.Worksheet): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  ws.eachRow({ includeEmpty: true }, (row) => {
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
