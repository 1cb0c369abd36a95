/**
 * A worksheet part read into the port's SheetGrid: values (shared and inline strings, numbers, booleans,
 * errors, formula results), number formats, formulas, merged areas and protection. One pass over the text
 * with a scanner per cell; nothing of the part is kept but the grid.
 */
import type { CellRange, CellValue, SheetGrid } from '../workbook/grid';
import { attributeIn, CellScanner } from './cellScan';
import { itemText } from './sharedStrings';
import { attribute, unescapeXml } from './xml';

/** "AB12" → [row 11, col 27], 0-based. */
export function parseAddress(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
  }
  const row = Number(ref.slice(i));
  if (!i || !Number.isInteger(row) || row < 1) return null;
  return [row - 1, col - 1];
}

export function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const p = parseAddress(a.replace(/\$/g, ''));
  const q = parseAddress(b.replace(/\$/g, ''));
  if (!p || !q) return null;
  return { top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) };
}

export interface SheetFacts {
  /** Columns hidden by the sheet's <cols>, 0-based. */
  hiddenColumns: Set<number>;
}

const ROW_RE = /<row\b([^>]*?)(\/>|>)/g;

function valueOf(type: string | undefined, body: string, shared: readonly string[]): CellValue {
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(body);
    return is ? itemText(is[1]) : '';
  }
  // Found by position, not a regular expression: this runs for every cell of a sheet.
  const open = body.indexOf('<v');
  if (open < 0) return null;
  let raw = '';
  if (body.startsWith('<v>', open)) {
    const close = body.indexOf('</v>', open + 3);
    if (close < 0) return null;
    raw = body.slice(open + 3, close);
  } else if (!body.startsWith('<v/>', open)) {
    const v = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(body);
    if (!v) return null;
    raw = v[1] ?? '';
  }
  switch (type) {
    case 's': {
      const s = shared[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'str':
      return unescapeXml(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return unescapeXml(raw);
    case 'd': {
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? unescapeXml(raw) : d;
    }
    default: {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : null;
    }
  }
}

/**
 * Reads a worksheet part. `formatOf` gives the number format of a cell style index (styles.ts). Cells
 * without an "r" attribute (allowed, rarely written) take the next column of their row.
 */
export function readSheet(name: string, xml: string, shared: readonly string[], formatOf: (xf: number) => string | null): SheetGrid & SheetFacts {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>');
  const rowsPart = dataStart >= 0 && dataEnd > dataStart ? xml.slice(dataStart, dataEnd) : '';
  const cells = new CellScanner(rowsPart);
  let rowIndex = -1;
  ROW_RE.lastIndex = 0;
  let rm: RegExpExecArray | null;
  while ((rm = ROW_RE.exec(rowsPart))) {
    const r = attributeIn(rm[1], 'r="');
    rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
    if (rm[2] === '/>') continue;
    const row = rowIndex;
    const start = ROW_RE.lastIndex;
    const end = rowsPart.indexOf('</row>', start);
    if (end < 0) break;
    ROW_RE.lastIndex = end + 6;
    // The row's cells are scanned in place in the sheet's text, not in a copy of the row.
    let col = -1;
    let from = start;
    while (cells.next(from, end)) {
      from = cells.end;
      const attrs = cells.attrs;
      const inside = cells.innerEnd > cells.innerStart ? rowsPart.slice(cells.innerStart, cells.innerEnd) : '';
      const ref = attributeIn(attrs, 'r="');
      const cellAt = ref ? parseAddress(ref) : null;
      col = cellAt ? cellAt[1] : col + 1;
      const r = cellAt ? cellAt[0] : row;
      const value = inside ? valueOf(attributeIn(attrs, 't="'), inside, shared) : null;
      if (value !== null) (values[r] ??= [])[col] = value;
      const s = attributeIn(attrs, 's="');
      const format = s ? formatOf(Number(s)) : null;
      if (format) (numberFormats[r] ??= [])[col] = format;
      if (inside.indexOf('<f') >= 0) {
        const f = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(inside);
        // A shared formula's other cells carry only a reference to it: still a formula, text unknown.
        if (f) (formulas[r] ??= [])[col] = f[1] !== undefined && f[1] !== '' ? `=${unescapeXml(f[1])}` : '=(shared formula)';
      }
    }
  }
  const merges: CellRange[] = [];
  const mergeRe = /<mergeCell\b[^>]*\bref="([^"]+)"/g;
  let mm: RegExpExecArray | null;
  while ((mm = mergeRe.exec(xml))) {
    const range = parseRange(mm[1]);
    if (range) merges.push(range);
  }
  const protection = /<sheetProtection\b[^>]*>/.exec(xml);
  const locked = protection ? attribute(protection[0], 'sheet') : undefined;
  const hiddenColumns = new Set<number>();
  const colRe = /<col\b[^>]*>/g;
  let cc: RegExpExecArray | null;
  while ((cc = colRe.exec(xml))) {
    const hidden = attribute(cc[0], 'hidden');
    if (hidden !== '1' && hidden !== 'true') continue;
    const min = Number(attribute(cc[0], 'min'));
    const max = Number(attribute(cc[0], 'max'));
    for (let c = min; c <= Math.min(max, min + 16384); c++) hiddenColumns.add(c - 1);
  }
  return {
    name,
    values,
    numberFormats,
    formulas,
    merges,
    ...(locked === '1' || locked === 'true' ? { protected: true } : {}),
    hiddenColumns,
  };
}
