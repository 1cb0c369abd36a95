/**
 * The workbook behind the fake Excel object model: sheets of sparse cells with the properties the add-in
 * reads and writes, merges, tables, charts, settings and protection. Plain data and the rules Excel applies
 * to it (typed input, display text, used range, copying); the proxies and batching live in fakeExcel.ts.
 */
import { OWNED_MARK, ownedKindOf, ownedMarkFormula } from '../../../src/scorecard/ownedIdentity';
import type { OwnedKind } from '../../../src/scorecard/ownedIdentity';
import type { CellRange, CellValue, SheetGrid } from '../../../src/workbook/grid';

export interface Hyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
}

/** One cell as the fake keeps it. Colours are upper-case hex without '#'; null means automatic / none. */
export interface FakeCell {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
  underline: string;
  wrap: boolean;
  halign: string;
  hyperlink: Hyperlink | null;
  /** Typed with a leading apostrophe: Excel keeps the text as text and remembers the prefix. */
  quotePrefix: boolean;
}

export function defaultCell(): FakeCell {
  return { value: null, formula: null, numberFormat: 'General', fill: null, fontColor: null, bold: false, italic: false, underline: 'None', wrap: false, halign: 'General', hyperlink: null, quotePrefix: false };
}

export function isDefault(c: FakeCell): boolean {
  return (
    c.value === null &&
    c.formula === null &&
    c.numberFormat === 'General' &&
    c.fill === null &&
    c.fontColor === null &&
    !c.bold &&
    !c.italic &&
    c.underline === 'None' &&
    !c.wrap &&
    c.halign === 'General' &&
    c.hyperlink === null &&
    !c.quotePrefix
  );
}

export interface FakeTable {
  name: string;
  range: CellRange;
}

/** A sheet-scoped defined name, as Name Manager shows it: the formula it refers to, and whether it is hidden. */
export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

/** What a name's formula evaluates to, for the constants the add-in writes: text, numbers and booleans. */
export function nameValue(formula: string): string | number | boolean {
  const body = formula.replace(/^=/, '').trim();
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  if (text) return text[1].replace(/""/g, '"');
  if (/^[-+]?\d+(\.\d+)?$/.test(body)) return Number(body);
  if (/^(true|false)$/i.test(body)) return /^true$/i.test(body);
  return '#NAME?';
}

export interface FakeChart {
  type: string;
  source: CellRange;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  position: [string, string] | null;
}

/** Excel's limits on a grid. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: CellRange[] = [];
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  /** The sheet's own names: Excel keeps them through a rename and deletes them with the sheet. */
  names: FakeName[] = [];
  columnWidths = new Map<number, number>();
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  private key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  cell(r: number, c: number): FakeCell {
    return this.cells.get(this.key(r, c)) ?? defaultCell();
  }

  /** Changes a cell; a cell back at its defaults is dropped, as Excel does not keep empty cells. */
  update(r: number, c: number, change: (cell: FakeCell) => void): void {
    this.usedCache.clear();
    const cell = { ...this.cell(r, c) };
    change(cell);
    if (isDefault(cell)) this.cells.delete(this.key(r, c));
    else this.cells.set(this.key(r, c), cell);
  }

  entries(): { row: number; col: number; cell: FakeCell }[] {
    return [...this.cells.entries()].map(([k, cell]) => ({ row: Math.floor(k / MAX_COLS), col: k % MAX_COLS, cell }));
  }

  /** Excel's used range: cells with a value (valuesOnly) or with anything at all; null when empty. */
  private readonly usedCache = new Map<boolean, CellRange | null>();

  usedRange(valuesOnly: boolean): CellRange | null {
    if (!this.usedCache.has(valuesOnly)) this.usedCache.set(valuesOnly, this.computeUsedRange(valuesOnly));
    const r = this.usedCache.get(valuesOnly) ?? null;
    return r && { ...r };
  }

  private computeUsedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.value === null && cell.formula === null) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** The merge a cell is covered by (not its anchor), if any. */
  coveringMerge(r: number, c: number): CellRange | undefined {
    return this.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  }

  /** The kind of the add-in's sheet this sheet's mark names, if it has one. */
  get ownedKind(): OwnedKind | null {
    const mark = this.names.find((n) => n.name.toLowerCase() === OWNED_MARK.toLowerCase());
    return mark ? ownedKindOf(mark.formula) : null;
  }

  /** Gives the sheet the add-in's mark, as the add-in does when it makes one of its sheets. */
  mark(kind: OwnedKind): this {
    this.names = this.names.filter((n) => n.name.toLowerCase() !== OWNED_MARK.toLowerCase());
    this.names.push({ name: OWNED_MARK, formula: ownedMarkFormula(kind), visible: false, comment: '' });
    return this;
  }

  /** A copy of every cell, for comparing a sheet before and after. */
  snapshot(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const { row, col, cell } of this.entries().sort((a, b) => a.row - b.row || a.col - b.col)) out[a1(row, col)] = { ...cell };
    return out;
  }
}

export function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

export function areaAddress(r: CellRange): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** Sheet names Excel shows unquoted in addresses. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Parses a local address: "A1", "A1:B2", "J:J", "5:5", with $ anchors. */
export function parseLocal(address: string): CellRange | null {
  const s = address.replace(/\$/g, '').trim();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(s);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = colIndex(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) return { top: Number(m[1]) - 1, left: 0, bottom: Number(m[2]) - 1, right: MAX_COLS - 1 };
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(s);
  if (m) return { top: 0, left: colIndex(m[1]), bottom: MAX_ROWS - 1, right: colIndex(m[2]) };
  return null;
}

/** Splits "Sheet!A1" into sheet and local part; the sheet is null when the address has none. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  let inQuote = false;
  for (let i = address.length - 1; i >= 0; i--) {
    if (address[i] === "'") inQuote = !inQuote;
    if (address[i] === '!' && !inQuote) {
      const raw = address.slice(0, i);
      const sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
      return { sheet, local: address.slice(i + 1) };
    }
  }
  return { sheet: null, local: address };
}

// ----------------------------------------------------------------------------------------- typed input

/** Excel's serial day for a date (UTC), as ExcelJS and Excel count. */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface Typed {
  value: string | number | boolean | null;
  formula: string | null;
  quotePrefix: boolean;
  /** The number format Excel gives a General cell for what was typed (43.5% → 0.0%). */
  autoFormat?: string;
}

/**
 * What Excel makes of a value written to Range.values or Range.formulas, as if typed: formulas, numbers,
 * percentages, dates and booleans are recognised; a leading apostrophe keeps text as text.
 */
export function parseTyped(input: unknown): Typed | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: null, quotePrefix: false };
  const s = String(input);
  if (s === '') return { value: null, formula: null, quotePrefix: false };
  if (s.startsWith("'")) return { value: s.slice(1), formula: null, quotePrefix: true };
  if (s.startsWith('=')) return { value: '#NAME?', formula: s, quotePrefix: false };
  const t = s.trim();
  const num = /^(\()?([-+])?([£$€])?\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(%)?(\))?$/.exec(t);
  if (num && (num[4] || num[6])) {
    const magnitude = Number(`${(num[4] ?? '0').replace(/,/g, '')}${num[6] ?? ''}`);
    let v = num[7] ? magnitude / 100 : magnitude;
    if (num[2] === '-' || (num[1] && num[8])) v = -v;
    const decimals = num[6] ? num[6].length - 1 : 0;
    const autoFormat = num[7] ? `0${decimals ? `.${'0'.repeat(decimals)}` : ''}%` : num[5] ? '#,##0' : num[3] ? `${num[3]}#,##0` : undefined;
    return { value: v, formula: null, quotePrefix: false, ...(autoFormat ? { autoFormat } : {}) };
  }
  if (/^[+\-@]/.test(s)) return { value: '#NAME?', formula: `=${s.replace(/^@/, '')}`, quotePrefix: false };
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t), formula: null, quotePrefix: false };
  const md = /^([a-z]{3})[a-z]*[-\s/](\d{2}|\d{4})$/i.exec(t);
  if (md && MONTHS.includes(md[1].toLowerCase())) {
    const y = md[2].length === 2 ? 2000 + Number(md[2]) : Number(md[2]);
    return { value: dateToSerial(new Date(Date.UTC(y, MONTHS.indexOf(md[1].toLowerCase()), 1))), formula: null, quotePrefix: false, autoFormat: 'mmm-yy' };
  }
  const ymd = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(t);
  if (ymd) return { value: 43000, formula: null, quotePrefix: false, autoFormat: 'dd/mm/yyyy' };
  return { value: s, formula: null, quotePrefix: false };
}

// ----------------------------------------------------------------------------------------- display text

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Excel's General format: up to 11 significant digits, no trailing zeros. */
function general(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** The text Excel shows for a number in the formats scorecards use ("0.0%", "#,##0", "£#,##0.00", "mmm-yy"). */
export function formatNumber(v: number, format: string): string {
  if (!format || format === 'General') return general(v);
  const section = format.split(';')[0];
  if (/[dmy]/i.test(section.replace(/"[^"]*"/g, ''))) {
    const d = new Date(Math.round((v - 25569) * 86400000));
    const mon = MONTHS[d.getUTCMonth()];
    if (/mmm-yy/i.test(section)) return `${mon[0].toUpperCase()}${mon.slice(1)}-${String(d.getUTCFullYear()).slice(2)}`;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  const prefix = (/^([^#0.]*)/.exec(section.replace(/"/g, ''))?.[1] ?? '').replace(/\\/g, '');
  const percent = section.includes('%');
  const decimals = (/\.(0+)/.exec(section)?.[1] ?? '').length;
  const grouped = section.includes(',');
  const x = percent ? v * 100 : v;
  const fixed = Math.abs(x).toFixed(decimals);
  const [i, f] = fixed.split('.');
  const body = `${grouped ? group(i) : i}${f ? `.${f}` : ''}`;
  return `${x < 0 && Number(fixed) !== 0 ? '-' : ''}${prefix}${body}${percent ? '%' : ''}`;
}

export function displayText(cell: FakeCell): string {
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, cell.numberFormat);
  return v;
}

// ----------------------------------------------------------------------------------------- formulas

/** Moves the relative references of a formula by (dr, dc), as copying a cell does. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  return formula.replace(/(^|[^A-Za-z0-9_!'"])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (all, before: string, colAbs: string, col: string, rowAbs: string, row: string) => {
    const c = colAbs ? colIndex(col) : colIndex(col) + dc;
    const r = rowAbs ? Number(row) - 1 : Number(row) - 1 + dr;
    if (c < 0 || r < 0 || c >= MAX_COLS || r >= MAX_ROWS) return `${before}#REF!`;
    return `${before}${colAbs}${colLetters(c)}${rowAbs}${r + 1}`;
  });
}

// ----------------------------------------------------------------------------------------- the workbook

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  activeId = '';
  structureProtected = false;
  settings = new Map<string, unknown>();
  selection: { sheet: string; range: CellRange } | null = null;
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(`{SHEET-${String(this.nextId++).padStart(4, '0')}}`, name);
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  byName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  byKey(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.byName(key);
  }

  get active(): FakeSheet {
    return this.sheets.find((s) => s.id === this.activeId) ?? this.sheets[0];
  }

  /** Builds a workbook from the port's grids, as the ExcelJS reader gives them. */
  static fromGrids(grids: readonly SheetGrid[]): FakeWorkbookModel {
    const model = new FakeWorkbookModel();
    for (const g of grids) {
      const sheet = model.addSheet(g.name);
      sheet.protected = Boolean(g.protected);
      if (g.ownedKind) sheet.mark(g.ownedKind);
      sheet.merges = (g.merges ?? []).map((m) => ({ ...m }));
      g.values.forEach((row, r) =>
        (row ?? []).forEach((v: CellValue, c) => {
          const format = g.numberFormats?.[r]?.[c] ?? null;
          const formula = g.formulas?.[r]?.[c] ?? null;
          if (v === null && !format && !formula) return;
          sheet.update(r, c, (cell) => {
            cell.value = v instanceof Date ? dateToSerial(v) : v;
            if (format) cell.numberFormat = format;
            else if (v instanceof Date) cell.numberFormat = 'dd/mm/yyyy';
            if (formula) cell.formula = formula;
          });
        }),
      );
    }
    return model;
  }

  /** Every sheet's cells, tables and charts: two equal snapshots mean nothing changed. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.sheets) {
      out[s.name] = { visibility: s.visibility, cells: s.snapshot(), merges: s.merges, tables: s.tables, charts: s.charts, widths: [...s.columnWidths], names: s.names.map((n) => ({ ...n })) };
    }
    return out;
  }
}
