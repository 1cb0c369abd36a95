/**
 * ExcelJS adapter, writing side: puts a WorkbookRating into the loaded workbook. It touches only the
 * owned cells of the rated sheets and the owned sheets; everything else is left exactly as loaded.
 */
import { ValueType } from 'exceljs';
import type { Cell, Fill, Font, Style, Workbook, Worksheet } from 'exceljs';
import { planOwnedSheetNames } from '../scorecard/ownedIdentity';
import { ScorecardError } from '../scorecard/types';
import type { Warning, WorkbookRating } from '../scorecard/types';
import { cellAddress, quoteSheetName } from '../workbook/grid';
import type { CellStyle, ContentCell, SheetContent } from '../workbook/grid';
import { isProtected } from './exceljsGrid';
import { markWorksheet, ownedKindOfWorksheet } from './ownedMarks';

const LINK_COLOUR = '0563C1';
const NO_STYLE: CellStyle = {};

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

function solidFill(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

/** The port's style plus what only this adapter adds: links are underlined, as Excel draws them. */
type AdapterStyle = CellStyle & { underline?: boolean };

/**
 * The cell's style with our changes on top. ExcelJS shares one style object between every cell loaded with
 * the same style, so the result is always a new object: changing the shared one in place would restyle
 * cells we do not own.
 */
function withStyle(base: Partial<Style>, style: AdapterStyle): Partial<Style> {
  const next: Partial<Style> = { ...base };
  if (style.fill) next.fill = solidFill(style.fill);
  if (style.fontColor !== undefined || style.bold !== undefined || style.italic !== undefined || style.underline) {
    const font: Partial<Font> = { ...base.font };
    if (style.underline) font.underline = true;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    next.font = font;
  }
  if (style.wrap !== undefined || style.horizontalAlignment !== undefined) {
    next.alignment = { ...base.alignment };
    if (style.wrap !== undefined) next.alignment.wrapText = style.wrap;
    if (style.horizontalAlignment !== undefined) next.alignment.horizontal = style.horizontalAlignment;
  }
  if (style.numberFormat !== undefined) next.numFmt = style.numberFormat;
  return next;
}

function styleKey(s: AdapterStyle): string {
  return `${s.fill}|${s.fontColor}|${s.bold}|${s.italic}|${s.underline}|${s.wrap}|${s.numberFormat}|${s.horizontalAlignment}`;
}

/**
 * Hands out one combined style object per (cell's own style, our style) pair. ExcelJS serialises each
 * distinct style object once when it writes (it caches by object), so sharing them keeps a run with a
 * hundred thousand styled writes from serialising a hundred thousand styles. Lookups go by object identity
 * first: the core hands the same style object to every write of one status.
 */
class StyleCache {
  /** Our style objects by content, so equal ones made apart still share. */
  private readonly canonical = new WeakMap<AdapterStyle, AdapterStyle>();
  private readonly byKey = new Map<string, AdapterStyle>();
  private readonly byBase = new WeakMap<object, Map<AdapterStyle, Partial<Style>>>();
  private readonly fresh = new Map<AdapterStyle, Partial<Style>>();

  get(base: Partial<Style> | undefined, style: AdapterStyle): Partial<Style> {
    let own = this.canonical.get(style);
    if (!own) {
      const key = styleKey(style);
      own = this.byKey.get(key) ?? style;
      this.byKey.set(key, own);
      this.canonical.set(style, own);
    }
    let cache = this.fresh;
    // ExcelJS gives every cell it creates its own empty style object: keyed by object, each of those would
    // make a style of its own, and the writer would serialise one per cell.
    if (base && !isEmptyStyle(base)) {
      let forBase = this.byBase.get(base);
      if (!forBase) {
        forBase = new Map();
        this.byBase.set(base, forBase);
      }
      cache = forBase;
    }
    let out = cache.get(own);
    if (!out) {
      out = withStyle(base ?? {}, own);
      cache.set(own, out);
    }
    return out;
  }
}

function isEmptyStyle(style: Partial<Style>): boolean {
  for (const key in style) if ((style as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/** The in-workbook link target of a cell, e.g. #'Red flags'!C7. */
export function linkTarget(sheet: string, row: number, col: number): string {
  return `#${quoteSheetName(sheet)}!${cellAddress(row, col)}`;
}

/** Excel refuses string literals longer than this inside a formula. */
const MAX_FORMULA_STRING = 255;

/**
 * Writes a link as a HYPERLINK formula with the text as its cached result. ExcelJS 4.4 writes a cell
 * hyperlink to "#Sheet!A1" both as an external relationship and as a location, which Excel opens as a
 * broken address; the formula form jumps to the cell in Excel, LibreOffice and Google Sheets alike.
 * The text only ever sits inside a quoted string literal, so workbook text can never become a formula.
 */
function writeLink(cell: Cell, value: string | number, link: NonNullable<ContentCell['link']>): boolean {
  // A number goes in bare only when Excel reads it back as that number; NaN or Infinity would break the formula.
  const label = typeof value === 'number' && Number.isFinite(value) ? String(value) : `"${String(value).replace(/"/g, '""')}"`;
  if (typeof value === 'string' && value.length > MAX_FORMULA_STRING) return false;
  const target = `"${linkTarget(link.sheet, link.row, link.col).replace(/"/g, '""')}"`;
  cell.value = { formula: `HYPERLINK(${target},${label})`, result: value };
  return true;
}

/**
 * Writes the planned cells of each rated sheet: values always as text (ExcelJS stores a string as a string,
 * so "=A1" stays text), styles on top of the cell's own. Refuses a protected sheet, and skips a cell inside
 * a merged area rather than let ExcelJS write through to the area's first cell, which the core does not own.
 */
export function applyWrites(workbook: Workbook, rating: WorkbookRating): Warning[] {
  const warnings: Warning[] = [];
  const styles = new StyleCache();
  for (const sheet of rating.sheets) {
    if (sheet.writes.length === 0) continue;
    const ws = workbook.getWorksheet(sheet.sheet);
    if (!ws) throw new ScorecardError(`sheet "${sheet.sheet}" was rated but is not in the workbook`, { sheet: sheet.sheet });
    if (isProtected(ws)) {
      throw new ScorecardError(`sheet "${sheet.sheet}" is protected: unprotect it to rate it`, { sheet: sheet.sheet });
    }
    for (const w of sheet.writes) {
      // Through the row, by number: Worksheet.getCell(r, c) parses and caches an address string per cell.
      const cell = ws.getRow(w.row + 1).getCell(w.col + 1);
      if (cell.type === ValueType.Merge) {
        warnings.push({
          message: `cell ${cell.address} is part of a merged area, so its ${w.kind} was not written`,
          where: { sheet: sheet.sheet, cell: cell.address },
          kept: true,
        });
        continue;
      }
      cell.value = w.value;
      if (w.style) cell.style = styles.get(cell.style, w.style);
    }
  }
  return warnings;
}

/** The fields ExcelJS keeps on a worksheet but leaves out of its typings. */
interface WorksheetOrder {
  orderNo: number;
}

export interface OwnedSheetWrite {
  worksheet: Worksheet;
  /** Said when a user's sheet holds the name the tool's sheet would have had. */
  warnings: Warning[];
}

/**
 * (Re)creates one owned sheet from its content. The sheet of its kind is found by its mark, never by name:
 * it is deleted and a fresh one takes its name (renamed or not) and its place in the tab order, so no stale
 * cell survives; without one, the sheet goes under the name planOwnedSheetNames gives, so a user's sheet
 * called "Summary" is never touched. Tables and charts are for hosts that can draw them (office-js); the
 * counts the charts draw are in the sheet's own tables, so no figure is lost here.
 */
export function writeOwnedSheet(workbook: Workbook, content: SheetContent): OwnedSheetWrite {
  const kind = content.ownedKind;
  const sheets = workbook.worksheets.map((w) => ({ worksheet: w, name: w.name, ownedKind: ownedKindOfWorksheet(w) }));
  const { names, warnings } = planOwnedSheetNames(sheets, [kind]);
  const existing = sheets.find((s) => s.ownedKind === kind)?.worksheet;
  const orderNo = existing ? (existing as unknown as WorksheetOrder).orderNo : undefined;
  if (existing) workbook.removeWorksheet(existing.id);
  const ws = workbook.addWorksheet(names[kind], { state: content.hidden ? 'hidden' : 'visible' });
  if (orderNo !== undefined) (ws as unknown as WorksheetOrder).orderNo = orderNo;
  markWorksheet(workbook, ws, kind);

  content.columnWidths?.forEach((width, i) => {
    if (width > 0) ws.getColumn(i + 1).width = width;
  });
  const styles = new StyleCache();
  content.rows.forEach((cells, r) => {
    if (!cells.some((c) => c && (c.value !== null || c.style))) return;
    const row = ws.getRow(r + 1);
    cells.forEach((c, col) => {
      if (!c || (c.value === null && !c.style)) return;
      const cell = row.getCell(col + 1);
      if (c.link && c.value !== null && writeLink(cell, c.value, c.link)) {
        cell.style = styles.get(undefined, { fontColor: LINK_COLOUR, ...c.style, underline: true });
        return;
      }
      cell.value = c.value;
      // Unstyled cells (and rows) share one style too: each fresh one's own empty style is serialised apart.
      cell.style = styles.get(undefined, c.style ?? NO_STYLE);
    });
    (row as unknown as { style?: Partial<Style> }).style = styles.get(undefined, NO_STYLE);
  });
  return { worksheet: ws, warnings };
}

/**
 * Applies a whole run: the planned writes, then the owned sheets. Returns what could not be written (with
 * `kept` set) and where the tool's sheets went when a user's sheet holds their names.
 */
export function applyRating(workbook: Workbook, rating: WorkbookRating, sheets: readonly SheetContent[]): Warning[] {
  const warnings = applyWrites(workbook, rating);
  for (const content of sheets) warnings.push(...writeOwnedSheet(workbook, content).warnings);
  return warnings;
}
