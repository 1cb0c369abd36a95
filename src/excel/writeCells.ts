/**
 * office-js adapter, writing side: puts the core's CellWrites and SheetContents into Excel with few calls.
 * Values go as 2-D blocks (one per run of consecutive rows in a column); formats go per style over a
 * multi-area range (Worksheet.getRanges), so the status colours take one call per status, not one per cell.
 */
import { cellAddress } from '../workbook/grid';
import type { CellRange, CellStyle, CellWrite, ContentCell, SheetContent } from '../workbook/grid';
import { columnRuns, joinAreas, quoteSheet, rangeAddress } from './addresses';
import { asLiteralText } from './literalText';
import { queueMark } from './ownedMarks';
import type { SheetInfo } from './workbookProbe';
import { payloadSize } from './writeBatch';
import type { WriteBatch } from './writeBatch';
import { sheetKey } from '../workbook/sheetName';

const ALIGN: Record<NonNullable<CellStyle['horizontalAlignment']>, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };
const LINK_COLOUR = '0563C1';

/** A cell value as Range.values must get it so that text stays text. */
export function toExcelValue(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? v : asLiteralText(v);
}

type FormatProperty = 'fill' | 'fontColor' | 'bold' | 'italic' | 'underline' | 'wrap' | 'horizontalAlignment';

/** Sets one format property on a range or multi-area range. */
function setProperty(format: Excel.RangeFormat, property: FormatProperty, value: string | boolean): void {
  switch (property) {
    case 'fill':
      format.fill.color = `#${value}`;
      break;
    case 'fontColor':
      format.font.color = `#${value}`;
      break;
    case 'bold':
      format.font.bold = value as boolean;
      break;
    case 'italic':
      format.font.italic = value as boolean;
      break;
    case 'underline':
      format.font.underline = 'Single';
      break;
    case 'wrap':
      format.wrapText = value as boolean;
      break;
    case 'horizontalAlignment':
      format.horizontalAlignment = ALIGN[value as keyof typeof ALIGN];
      break;
  }
}

interface Styled {
  row: number;
  col: number;
  style: CellStyle;
  underline?: boolean;
}

/** The format properties of a style (number formats travel with the values). */
function properties(c: Styled): [FormatProperty, string | boolean][] {
  const s = c.style;
  const out: [FormatProperty, string | boolean][] = [];
  if (s.fill !== undefined) out.push(['fill', s.fill]);
  if (s.fontColor !== undefined) out.push(['fontColor', s.fontColor]);
  if (s.bold !== undefined) out.push(['bold', s.bold]);
  if (s.italic !== undefined) out.push(['italic', s.italic]);
  if (c.underline) out.push(['underline', true]);
  if (s.wrap !== undefined) out.push(['wrap', s.wrap]);
  if (s.horizontalAlignment !== undefined) out.push(['horizontalAlignment', s.horizontalAlignment]);
  return out;
}

/**
 * One format call per property value over every cell that has it (in address lists Excel accepts): all
 * off-target fills in one call, all bold cells in one, whatever the number of rows.
 */
async function queueStyles(batch: WriteBatch, ws: Excel.Worksheet, cells: readonly Styled[]): Promise<number> {
  const groups = new Map<string, { property: FormatProperty; value: string | boolean; cells: Styled[] }>();
  for (const c of cells) {
    for (const [property, value] of properties(c)) {
      const key = `${property}\u0000${String(value)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { property, value, cells: [] }));
      g.cells.push(c);
    }
  }
  let calls = 0;
  for (const g of groups.values()) {
    const addresses = columnRuns(g.cells).map((run) => rangeAddress({ top: run.top, left: run.col, bottom: run.bottom, right: run.col }));
    for (const list of joinAreas(addresses)) {
      await batch.reserve(payloadSize(list) + 100);
      setProperty(ws.getRanges(list).format, g.property, g.value);
      calls++;
    }
  }
  return calls;
}

/** Merged areas by row, so each write checks only the merges on its own row. */
class MergeLookup {
  private readonly byRow = new Map<number, CellRange[]>();
  constructor(merges: readonly CellRange[]) {
    for (const m of merges) {
      if (m.bottom === m.top && m.right === m.left) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(m);
        else this.byRow.set(r, [m]);
      }
    }
  }
  /** Inside a merged area other than at its top-left cell. */
  covered(row: number, col: number): boolean {
    return (this.byRow.get(row) ?? []).some((m) => col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
  }
  anchor(row: number, col: number): boolean {
    return (this.byRow.get(row) ?? []).some((m) => m.top === row && m.left === col);
  }
}

export interface CellWriteResult {
  /** The writes made, in the order of their runs. */
  written: CellWrite[];
  /** Writes left out because the cell sits inside a merged area. */
  skipped: CellWrite[];
  /** The runs written, as A1 addresses: exactly what Undo must restore. */
  areas: string[];
}

/** Plans which writes go where: a cell covered by a merge is left alone, and a merge's anchor is its own run. */
export function planCellRuns(writes: readonly CellWrite[], merges: readonly CellRange[] = []): { runs: CellRange[]; written: CellWrite[]; skipped: CellWrite[] } {
  const lookup = new MergeLookup(merges);
  const written: CellWrite[] = [];
  const skipped: CellWrite[] = [];
  for (const w of writes) (lookup.covered(w.row, w.col) ? skipped : written).push(w);
  const runs: CellRange[] = [];
  for (const run of columnRuns(written)) {
    let top = run.top;
    for (let r = run.top; r <= run.bottom; r++) {
      // A block write that cuts through a merged area fails, so a merge's anchor gets a range of its own.
      if (lookup.anchor(r, run.col)) {
        if (r > top) runs.push({ top, left: run.col, bottom: r - 1, right: run.col });
        runs.push({ top: r, left: run.col, bottom: r, right: run.col });
        top = r + 1;
      }
    }
    if (top <= run.bottom) runs.push({ top, left: run.col, bottom: run.bottom, right: run.col });
  }
  return { runs, written, skipped };
}

/** Queues the values (one 2-D block per run) and the formats (one call per style) of a sheet's writes. */
export async function queueCellWrites(batch: WriteBatch, ws: Excel.Worksheet, writes: readonly CellWrite[], merges: readonly CellRange[] = []): Promise<CellWriteResult> {
  const { runs, written, skipped } = planCellRuns(writes, merges);
  const at = new Map(written.map((w) => [`${w.row},${w.col}`, w]));
  for (const run of runs) {
    const values: (string | number)[][] = [];
    for (let r = run.top; r <= run.bottom; r++) values.push([toExcelValue(at.get(`${r},${run.left}`)?.value)]);
    await batch.reserve(payloadSize(values));
    ws.getRangeByIndexes(run.top, run.left, run.bottom - run.top + 1, 1).values = values;
  }
  await queueStyles(batch, ws, written.filter((w): w is CellWrite & { style: CellStyle } => w.style !== undefined));
  return { written, skipped, areas: runs.map(rangeAddress) };
}

/** Column widths in SheetContent are in characters, as in ExcelJS; office-js wants points (Calibri 11: 7 px a character). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** A table name no other sheet's table has: Excel names are workbook-wide. */
function uniqueTableName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(sheetKey(candidate)); n++) candidate = `${name}_${n}`;
  taken.add(sheetKey(candidate));
  return candidate;
}

export interface ContentOptions {
  /** The sheet this content replaces, if it exists: deleted first, and its tab position kept. */
  existing?: SheetInfo;
  /** Table names used on sheets other than the one being replaced. */
  tableNames?: Set<string>;
  /** Show the sheet when it is built. */
  activate?: boolean;
}

/**
 * (Re)builds an owned sheet from SheetContent, under content.name: the old sheet is deleted and a fresh one added, so nothing
 * stale survives; values in one block, number formats in one block, formats per style, one Excel table
 * per ContentTable, a real chart per ContentChart and a hyperlink per linked cell.
 */
export async function queueSheetContent(batch: WriteBatch, ctx: Excel.RequestContext, content: SheetContent, options: ContentOptions = {}): Promise<Excel.Worksheet> {
  const sheets = ctx.workbook.worksheets;
  await batch.reserve(payloadSize(content.name) * 3);
  if (options.existing) sheets.getItem(options.existing.id).delete();
  const ws = sheets.add(content.name);
  // The mark, not the name, makes it the add-in's sheet: deleting the old sheet took the old mark with it.
  queueMark(ws, content.ownedKind);
  if (options.existing) ws.position = options.existing.position;
  if (content.hidden) ws.visibility = 'Hidden';
  await queueContentRows(batch, ws, content.rows, 0);

  content.columnWidths?.forEach((w, i) => {
    if (w > 0) ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
  });
  const taken = options.tableNames ?? new Set<string>();
  for (const t of content.tables ?? []) {
    await batch.reserve(200);
    const table = ws.tables.add(rangeAddress(t.range), true);
    table.name = uniqueTableName(t.name, taken);
  }
  const width = Math.max(0, ...content.rows.map((r) => r.length));
  for (const c of content.charts ?? []) {
    await batch.reserve(300);
    const source = ws.getRangeByIndexes(c.range.top, c.range.left, c.range.bottom - c.range.top + 1, c.range.right - c.range.left + 1);
    const chart = ws.charts.add(c.kind === 'bar' ? 'BarClustered' : 'ColumnClustered', source, 'Columns');
    chart.title.text = c.title;
    chart.legend.visible = false;
    // Beside the tables, level with the table it draws.
    chart.setPosition(cellAddress(c.range.top, width + 1), cellAddress(c.range.top + 15, width + 8));
  }
  if (options.activate) ws.activate();
  return ws;
}

/** Writes content rows starting at `top` (0-based): values, number formats, formats and links. */
export async function queueContentRows(batch: WriteBatch, ws: Excel.Worksheet, rows: readonly (readonly (ContentCell | null)[])[], top: number): Promise<void> {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!rows.length || !width) return;
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => toExcelValue(r[c]?.value)));
  await batch.reserve(payloadSize(values));
  const block = ws.getRangeByIndexes(top, 0, rows.length, width);
  block.values = values;
  if (rows.some((r) => r.some((c) => c?.style?.numberFormat))) {
    const formats = rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.style?.numberFormat ?? 'General'));
    await batch.reserve(payloadSize(formats));
    block.numberFormat = formats;
  }
  const styled: Styled[] = [];
  rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (!c) return;
      if (c.link) styled.push({ row: top + i, col: j, style: { fontColor: LINK_COLOUR, ...c.style }, underline: true });
      else if (c.style) styled.push({ row: top + i, col: j, style: c.style });
    }),
  );
  await queueStyles(batch, ws, styled);
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows[i].length; j++) {
      const c = rows[i][j];
      if (!c?.link || c.value === null) continue;
      await batch.reserve(200);
      ws.getRangeByIndexes(top + i, j, 1, 1).hyperlink = {
        documentReference: `${quoteSheet(c.link.sheet)}!${cellAddress(c.link.row, c.link.col)}`,
        textToDisplay: String(c.value),
      };
    }
  }
}
