/**
 * ExcelJS adapter, reading side: loads an .xlsx and turns each worksheet into the port's SheetGrid.
 * Runs once per command over every cell of the workbook, so it walks ExcelJS's own cells directly and
 * allocates one small array per row and grid, nothing per cell.
 */
import { ValueType, Workbook } from 'exceljs';
import type { Cell, CellErrorValue, CellRichTextValue, Style, Worksheet } from 'exceljs';
import { ScorecardError } from '../scorecard/types';
import type { CellRange, CellValue, SheetGrid } from '../workbook/grid';
import { captureMarks, ownedKindOfWorksheet } from './ownedMarks';

/** Excel 97-2003 files and password-protected workbooks are OLE compound files with this signature. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Buffer, bytes: readonly number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/**
 * Loads an .xlsx from its bytes. Throws ScorecardError with a message a person can act on when the bytes
 * are not a readable workbook, rather than the zip library's own wording.
 */
export async function loadWorkbook(data: Buffer): Promise<Workbook> {
  if (data.length === 0) throw new ScorecardError('the file is empty: not an .xlsx workbook');
  if (startsWith(data, OLE_SIGNATURE)) {
    throw new ScorecardError(
      'an Excel 97-2003 .xls file or a password-protected workbook: save it as an unprotected .xlsx and try again',
    );
  }
  // Every .xlsx is a zip archive, which starts with "PK".
  if (data[0] !== 0x50 || data[1] !== 0x4b) throw new ScorecardError('not an .xlsx workbook (it is not a zip archive)');
  const workbook = new Workbook();
  const marks = captureMarks(workbook);
  try {
    // ExcelJS types its input as its own ArrayBuffer-like Buffer; at run time it takes a Node Buffer.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ScorecardError(`damaged, truncated or not a workbook: cannot read it as .xlsx (${detail})`);
  } finally {
    marks.apply();
  }
  if (workbook.worksheets.length === 0) throw new ScorecardError('no worksheets: not an Excel workbook');
  return workbook;
}

/** The fields ExcelJS keeps on a worksheet but leaves out of its typings. */
interface WorksheetInternals {
  sheetProtection?: { sheet?: boolean } | null;
}

/** True when the sheet has sheet protection switched on. */
export function isProtected(ws: Worksheet): boolean {
  return Boolean((ws as unknown as WorksheetInternals).sheetProtection?.sheet);
}

function richText(v: CellRichTextValue): string {
  let s = '';
  for (const run of v.richText) s += run.text;
  return s;
}

/** A formula's cached result (or a hyperlink's text) as a plain cell value. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Partial<CellErrorValue & CellRichTextValue & { text: unknown }>;
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return richText(o as CellRichTextValue);
    if (o.text !== undefined) return plainValue(o.text);
  }
  return String(v);
}

/**
 * What Excel would display, where ExcelJS can know it without formatting a number itself: text as is and
 * booleans as TRUE/FALSE. Numbers and dates get no text: ExcelJS's text for them ("0.435" for 43.5%,
 * "0.30000000000000004" for a General 0.3) would mislead the engine, which formats them from value and format.
 */
function displayText(value: CellValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return undefined;
}

/**
 * ExcelJS gives every unstyled cell an empty style object of its own, and its writer serialises a style for
 * each object it has not seen (it caches by object): a hundred thousand rows cost a hundred thousand style
 * lookups and then a GC. Unstyled cells share this one instead, as cells loaded with the same style already
 * share theirs (rows likewise), and the file written is the same. So a loaded workbook's styles must be
 * replaced (cell.style = {...}), never edited in place (cell.font = ...), which is how applyRating works.
 * Date cells keep their own, since the writer gives an unstyled date a date format.
 */
const SHARED_EMPTY_STYLE: Partial<Style> = {};

function isEmptyStyle(style: Partial<Style> | undefined): boolean {
  if (!style) return false;
  for (const key in style) if ((style as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/**
 * Turns one worksheet into a SheetGrid: 0-based, merged cells empty except their top-left cell. Reading is
 * the one pass over every cell, so it also lets unstyled cells share one empty style (see above).
 */
export function worksheetToGrid(ws: Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const texts: (string | undefined)[][] = [];
  const formulas: (string | undefined)[][] = [];
  let hasFormulas = false;
  const merges = new Map<string, CellRange>();

  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    const styled = row as unknown as { style?: Partial<Style> };
    if (isEmptyStyle(styled.style)) styled.style = SHARED_EMPTY_STYLE;
    // Rows ExcelJS skips (no values) stay holes, so indexes match sheet rows without allocating anything
    // for them: one value on row 1,048,576 must not cost a million empty rows.
    const vals: CellValue[] = new Array(row.cellCount).fill(null);
    const txts: (string | undefined)[] = [];
    // Most rows have no formula and many no number format: those rows get no array for them.
    let fmts: (string | undefined)[] | undefined;
    let fmls: (string | undefined)[] | undefined;
    row.eachCell((cell: Cell, colNumber: number) => {
      const c = colNumber - 1;
      let value: CellValue;
      switch (cell.type) {
        case ValueType.Merge: {
          // The value belongs to the master cell; here we only learn the merge's extent.
          const master = cell.master;
          const range = merges.get(master.address);
          if (range) {
            if (r > range.bottom) range.bottom = r;
            if (c > range.right) range.right = c;
          } else {
            const top = Number(master.row) - 1;
            const left = Number(master.col) - 1;
            merges.set(master.address, { top, left, bottom: Math.max(top, r), right: Math.max(left, c) });
          }
          return;
        }
        case ValueType.Formula: {
          const formula = cell.formula;
          if (formula) {
            (fmls ??= [])[c] = `=${formula}`;
            hasFormulas = true;
          }
          value = plainValue(cell.result);
          break;
        }
        case ValueType.RichText:
        case ValueType.Hyperlink:
        case ValueType.SharedString:
          value = plainValue(cell.value);
          break;
        case ValueType.Error:
          value = (cell.value as CellErrorValue).error;
          break;
        default:
          value = cell.value as CellValue;
      }
      vals[c] = value;
      if (cell.type !== ValueType.Date && isEmptyStyle(cell.style)) cell.style = SHARED_EMPTY_STYLE;
      const numFmt = cell.numFmt || undefined;
      if (numFmt !== undefined && numFmt !== 'General') (fmts ??= [])[c] = numFmt;
      const text = displayText(value);
      if (text !== undefined) txts[c] = text;
    });
    values[r] = vals;
    texts[r] = txts;
    if (fmts) numberFormats[r] = fmts;
    if (fmls) formulas[r] = fmls;
  });
  numberFormats.length = formulas.length = texts.length = values.length;

  const grid: SheetGrid = { name: ws.name, values, numberFormats, texts };
  if (hasFormulas) grid.formulas = formulas;
  if (merges.size) grid.merges = [...merges.values()];
  if (isProtected(ws)) grid.protected = true;
  const ownedKind = ownedKindOfWorksheet(ws);
  if (ownedKind) grid.ownedKind = ownedKind;
  return grid;
}

/** Every worksheet of the workbook as a grid, in tab order. */
export function workbookToGrids(workbook: Workbook): SheetGrid[] {
  return workbook.worksheets.map(worksheetToGrid);
}

/** Loads the bytes of an .xlsx once and reads every worksheet: the workbook stays open for writing back. */
export async function readWorkbook(data: Buffer): Promise<{ workbook: Workbook; grids: SheetGrid[] }> {
  const workbook = await loadWorkbook(data);
  return { workbook, grids: workbookToGrids(workbook) };
}
