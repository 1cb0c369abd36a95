/**
 * Lays the data of a published scorecard out again in the other ways councils write scorecards, so a test can
 * ask whether the reader finds the same measures, periods and owned columns whatever the layout.
 *
 * A layout is a list of columns (each knows how to fill its cell from a source row) and a structure (section
 * rows, one flat table with a priority column, or a sheet per priority). Variations are functions from layout
 * to layout, so they compose: a property test applies random combinations of them.
 */
import { readScorecard } from '../../src/scorecard/readScorecard';
import type { HeaderBlock } from '../../src/scorecard/readScorecard';
import { formatDecimals, isPercentFormat } from '../../src/engine/numbers';
import { monthOf, yearOf } from '../../src/engine/periods';
import type { Period } from '../../src/engine/types';
import type { CellRange, CellValue, SheetGrid } from '../../src/workbook/grid';
import { cellAddress } from '../../src/workbook/grid';

export const FIELDS = [
  'outcome',
  'leadAccountability',
  'ref',
  'action',
  'measure',
  'leadOfficer',
  'polarity',
  'frequency',
  'target',
  'status',
  'dot',
  'notes',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Cell {
  value: CellValue;
  format?: string;
}

/** One measure row of the source: its fields read through merges, its period cells in column order. */
export interface SourceRow {
  fields: Record<Field, Cell>;
  periods: Cell[];
}

export interface SourceBlock {
  title: string;
  rows: SourceRow[];
}

/** What a published scorecard holds, free of where it was written. */
export interface Source {
  sheet: string;
  titleRows: CellValue[][];
  headers: Record<Field, string>;
  periods: { period: Period; header: string; group: string }[];
  blocks: SourceBlock[];
  /** The workbook's other sheets (its Key), carried into every layout unchanged. */
  otherSheets: SheetGrid[];
}

function mergedValue(grid: SheetGrid, row: number, col: number): Cell {
  const own = grid.values[row]?.[col] ?? null;
  const at = (r: number, c: number): Cell => {
    const format = grid.numberFormats?.[r]?.[c] ?? undefined;
    return format ? { value: grid.values[r]?.[c] ?? null, format } : { value: grid.values[r]?.[c] ?? null };
  };
  if (own !== null && own !== '') return at(row, col);
  const m = grid.merges?.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
  return m ? at(m.top, m.left) : at(row, col);
}

/** Reads the published sheet with the reader itself: the source is what the reader sees in the original. */
export function sourceOf(grids: SheetGrid[], sheet: string): Source {
  const grid = grids.find((g) => g.name === sheet);
  if (!grid) throw new Error(`no sheet ${sheet}`);
  const read = readScorecard(grid);
  if (!read) throw new Error(`no scorecard on ${sheet}`);
  const first = read.blocks[0];
  const colOf = (b: HeaderBlock, f: Field): number => {
    const c = b.columns[f];
    if (c === undefined) throw new Error(`the source has no ${f} column`);
    return c;
  };
  const headers = Object.fromEntries(FIELDS.map((f) => [f, String(grid.values[first.headerRows[0]][colOf(first, f)] ?? '')])) as Record<Field, string>;
  const periods = first.periods.map((p) => ({
    period: p.period,
    header: String(grid.values[Math.max(...first.headerRows)]?.[p.col] ?? ''),
    group: String(mergedValue(grid, first.headerRows[0], p.col).value ?? ''),
  }));
  const blocks: SourceBlock[] = read.blocks.map((b) => ({
    title: b.priority,
    rows: read.measures
      .filter((m) => m.row - 1 >= b.firstRow && m.row - 1 <= b.lastRow)
      .map((m) => ({
        fields: Object.fromEntries(FIELDS.map((f) => [f, mergedValue(grid, m.row - 1, colOf(b, f))])) as Record<Field, Cell>,
        periods: b.periods.map((p) => {
          const format = grid.numberFormats?.[m.row - 1]?.[p.col] ?? undefined;
          const value = grid.values[m.row - 1]?.[p.col] ?? null;
          return format ? { value, format } : { value };
        }),
      })),
  }));
  const titleEnd = Math.min(...first.headerRows) - 1;
  const titleRows: CellValue[][] = [];
  for (let r = 0; r < titleEnd; r++) titleRows.push([...(grid.values[r] ?? [])]);
  return { sheet, titleRows, headers, periods, blocks, otherSheets: grids.filter((g) => g !== grid) };
}

/** What a column is, for the checks: a tool may write only the current status, the DOT and its own columns. */
export type ColumnKind = 'field' | 'period' | 'extra' | 'earlier-status' | 'trend' | 'section';

export interface Column {
  kind: ColumnKind;
  field?: Field;
  /** Index into Source.periods, for period columns. */
  period?: number;
  header: CellValue;
  /** Number format of the header cell (a date serial's "mmm-yy"). */
  headerFormat?: string;
  /** The title in the header row above (a period group or a financial year); equal neighbours share it. */
  group?: CellValue;
  cell: (row: SourceRow, block: SourceBlock, index: number) => Cell;
}

export interface Layout {
  name: string;
  titleRows: CellValue[][];
  columns: Column[];
  structure: 'sections' | 'flat' | 'sheet-per-priority';
  /** How a group title over several columns is written: merged across them, or only in the first cell. */
  groupCells: 'merged' | 'first-only';
}

/** The published layout, column for column. */
export function publishedLayout(source: Source): Layout {
  const field = (f: Field): Column => ({ kind: 'field', field: f, header: source.headers[f], cell: (r) => r.fields[f] });
  const periods = source.periods.map(
    (p, i): Column => ({ kind: 'period', period: i, header: p.header, group: p.group, cell: (r) => r.periods[i] }),
  );
  const before = FIELDS.filter((f) => f !== 'notes').map(field);
  return {
    name: 'as published',
    titleRows: source.titleRows,
    columns: [...before, ...periods, field('notes')],
    structure: 'sections',
    groupCells: 'merged',
  };
}

/** Where a rendered sheet's owned cells are, for checking what a run writes. */
export interface RenderedSheet {
  grid: SheetGrid;
  columns: Column[];
  statusCol: number;
  dotCol: number;
  /** 0-based rows that hold measures. */
  dataRows: Set<number>;
  /** 0-based header rows, where the explanation header may go. */
  headerRows: Set<number>;
}

function put(values: CellValue[][], formats: (string | undefined)[][], row: number, col: number, cell: Cell): void {
  (values[row] ??= [])[col] = cell.value;
  if (cell.format) (formats[row] ??= [])[col] = cell.format;
}

function renderBlocks(layout: Layout, blocks: SourceBlock[], name: string, titleRows: CellValue[][]): RenderedSheet {
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const merges: CellRange[] = [];
  const dataRows = new Set<number>();
  const headerRows = new Set<number>();
  const cols = layout.columns;
  const twoRows = cols.some((c) => c.group !== undefined && c.group !== '');
  let row = 0;
  for (const t of titleRows) values[row++] = [...t];
  const header = (): void => {
    const top = row;
    cols.forEach((c, i) => {
      if (twoRows && c.group !== undefined) {
        const startsGroup = i === 0 || cols[i - 1].group !== c.group;
        if (startsGroup) {
          put(values, formats, top, i, { value: c.group });
          let end = i;
          while (end + 1 < cols.length && cols[end + 1].group === c.group) end++;
          if (end > i && layout.groupCells === 'merged') merges.push({ top, left: i, bottom: top, right: end });
        }
        put(values, formats, top + 1, i, { value: c.header, format: c.headerFormat });
      } else {
        put(values, formats, top, i, { value: c.header, format: c.headerFormat });
        if (twoRows) merges.push({ top, left: i, bottom: top + 1, right: i });
      }
    });
    headerRows.add(top);
    if (twoRows) headerRows.add(top + 1);
    row += twoRows ? 2 : 1;
    for (let c = 0; c < cols.length; c++) {
      (values[top] ??= [])[c] ??= null;
      if (twoRows) (values[top + 1] ??= [])[c] ??= null;
    }
  };
  const rows = (block: SourceBlock): void => {
    block.rows.forEach((r, i) => {
      values[row] = new Array<CellValue>(cols.length).fill(null);
      cols.forEach((c, col) => put(values, formats, row, col, c.cell(r, block, i)));
      dataRows.add(row);
      row++;
    });
  };
  if (layout.structure === 'flat') {
    header();
    blocks.forEach(rows);
  } else {
    for (const b of blocks) {
      values[row++] = [b.title];
      header();
      rows(b);
      values[row++] = [];
    }
  }
  const grid: SheetGrid = { name, values, numberFormats: formats };
  if (merges.length) grid.merges = merges;
  return {
    grid,
    columns: cols,
    statusCol: cols.findIndex((c) => c.kind === 'field' && c.field === 'status'),
    dotCol: cols.findIndex((c) => c.kind === 'field' && c.field === 'dot'),
    dataRows,
    headerRows,
  };
}

/** The sheets of a layout, the source's other sheets (its Key) after them. */
export function render(layout: Layout, source: Source): { grids: SheetGrid[]; sheets: RenderedSheet[] } {
  const sheets =
    layout.structure === 'sheet-per-priority'
      ? source.blocks.map((b, i) => renderBlocks(layout, [b], `Priority ${i + 1}`, layout.titleRows))
      : [renderBlocks(layout, source.blocks, source.sheet, layout.titleRows)];
  return { grids: [...sheets.map((s) => s.grid), ...source.otherSheets], sheets };
}

/** The rendered cell a write lands in, named for a failure message. */
export function describeCell(sheet: RenderedSheet, row: number, col: number): string {
  const c = sheet.columns[col];
  return `${sheet.grid.name}!${cellAddress(row, col)} (${c ? `${c.kind} "${String(c.header)}"` : 'right of the table'})`;
}

// ---------------------------------------------------------------------------------------------------------
// Variations

export type Variation = (layout: Layout, source: Source) => Layout;

function mapColumns(layout: Layout, f: (c: Column) => Column): Layout {
  return { ...layout, columns: layout.columns.map(f) };
}

function renameFields(names: Partial<Record<Field, string>>): Variation {
  return (l) => mapColumns(l, (c) => (c.kind === 'field' && c.field && names[c.field] !== undefined ? { ...c, header: names[c.field] as string } : c));
}

function mapField(field: Field, f: (cell: Cell) => Cell): Variation {
  return (l) => mapColumns(l, (c) => (c.kind === 'field' && c.field === field ? { ...c, cell: (r, b, i) => f(c.cell(r, b, i)) } : c));
}

const FY = (start: number): string => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The financial year a period starts in, and its quarter (1 = April to June). */
function financial(p: Period): { fy: number; quarter: number } {
  const y = yearOf(p.start);
  const m = monthOf(p.start);
  const fy = m >= 4 ? y : y - 1;
  return { fy, quarter: Math.floor(((m - 4 + 12) % 12) / 3) + 1 };
}

/** Period headers spelt another way; periods of other kinds keep their published title. */
function spellPeriods(kind: Period['kind'], spell: (p: Period) => CellValue, format?: string): Variation {
  return (l, source) =>
    mapColumns(l, (c) => {
      if (c.kind !== 'period' || c.period === undefined) return c;
      const p = source.periods[c.period].period;
      if (p.kind !== kind) return c;
      const header = spell(p);
      return format ? { ...c, header, headerFormat: format } : { ...c, header };
    });
}

const quarterSpelling = (spell: (q: number, fy: number, p: Period) => string): Variation =>
  spellPeriods('quarter', (p) => {
    const { fy, quarter } = financial(p);
    return spell(quarter, fy, p);
  });

const monthSpelling = (spell: (year: number, month: number) => CellValue, format?: string): Variation =>
  spellPeriods('month', (p) => spell(yearOf(p.start), monthOf(p.start)), format);

/** Excel's serial day number of a date (1900 date system). */
function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** One header row holding each period's full title: no group row. */
const singleHeaderRow: Variation = (l) => mapColumns(l, (c) => (c.kind === 'period' ? { ...c, group: undefined } : c));

/** A financial year row over short period titles: "2017/18" over "Q1", "Q2", "Jul", "Aug", "Sep". */
function yearRow(groupCells: Layout['groupCells']): Variation {
  return (l, source) => ({
    ...mapColumns(l, (c) => {
      if (c.kind !== 'period' || c.period === undefined) return c;
      const p = source.periods[c.period].period;
      const { fy, quarter } = financial(p);
      const header = p.kind === 'year' ? 'Year end' : p.kind === 'quarter' ? `Q${quarter}` : p.kind === 'month' ? MONTHS[monthOf(p.start) - 1] : String(c.header);
      return { ...c, header, group: FY(fy) };
    }),
    groupCells,
  });
}

const HIGH_LOW = (high: string, low: string): ((cell: Cell) => Cell) => (cell) => {
  const t = String(cell.value ?? '').trim().toLowerCase();
  if (t === 'high') return { value: high };
  if (t === 'low') return { value: low };
  return cell;
};

const FREQUENCY = (words: Record<string, string>): ((cell: Cell) => Cell) => (cell) => {
  const t = String(cell.value ?? '').trim().toLowerCase();
  return words[t] !== undefined ? { value: words[t] } : cell;
};

/** Percentages stored as whole numbers under a format that prints a literal "%": 20 with 0"%", not 0.2 with 0%. */
const literalPercents: Variation = (l) => {
  const literal = (cell: Cell, i: number): Cell => {
    if (typeof cell.value !== 'number' || !isPercentFormat(cell.format)) return cell;
    const d = formatDecimals(cell.format) ?? 0;
    const value = Number((cell.value * 100).toFixed(d + 6));
    const format = d === 0 ? (i % 2 ? '0\\%' : '0"%"') : `0.${'0'.repeat(d)}"%"`;
    return { value, format };
  };
  return mapColumns(l, (c) =>
    c.kind === 'period' || (c.kind === 'field' && c.field === 'target') ? { ...c, cell: (r, b, i) => literal(c.cell(r, b, i), i) } : c,
  );
};

/** One flat table: the section titles move into a column of their own. */
function flatWith(header: string): Variation {
  return (l) => ({
    ...l,
    structure: 'flat',
    columns: [{ kind: 'section', header, cell: (_r, b) => ({ value: b.title }) }, ...l.columns],
  });
}

const TITLE_BLOCK: CellValue[][] = [
  ['Rotherham Metropolitan Borough Council'],
  ['Council Plan 2017/18', null, null, 'Quarter 2'],
  ['Reporting period:', 'July to September 2017'],
  ['Produced by:', 'Performance and Intelligence'],
  ['Status key: see the Key sheet'],
  [],
];

/** Columns a council adds that the tool must leave alone, between and after its own. */
const extraColumns: Variation = (l) => {
  const extra = (header: string, cell: (i: number) => Cell): Column => ({ kind: 'extra', header, cell: (_r, _b, i) => cell(i) });
  const cols = [...l.columns];
  const at = (pred: (c: Column) => boolean): number => cols.findIndex(pred);
  cols.splice(at((c) => c.field === 'target'), 0, extra('Data source', (i) => ({ value: i % 3 ? 'LAS' : 'Liquid Logic' })));
  cols.splice(at((c) => c.field === 'status'), 0, extra('Benchmark', (i) => ({ value: i % 2 ? 12.5 + i : 'N/A' })));
  cols.push(extra('Last updated', (i) => ({ value: new Date(Date.UTC(2017, 9, 1 + (i % 20))), format: 'dd/mm/yyyy' })));
  cols.push(extra('Portfolio', () => ({ value: 'Cabinet Member for Children' })));
  return { ...l, columns: cols };
};

const SYMBOLS = ['✓', '●', '✘', '□', '■'];

/** Earlier periods' status columns left of this period's, filled with last period's symbols. */
function earlierStatuses(earlier: string[], current: string): Variation {
  return (l) => {
    const cols = l.columns.map((c) => (c.kind === 'field' && c.field === 'status' ? { ...c, header: current } : c));
    const at = cols.findIndex((c) => c.kind === 'field' && c.field === 'status');
    const added = earlier.map((header, k): Column => ({ kind: 'earlier-status', header, cell: (_r, _b, i) => ({ value: SYMBOLS[(i + k) % SYMBOLS.length] }) }));
    cols.splice(at, 0, ...added);
    return { ...l, columns: cols };
  };
}

/** The council's own "Trend" column (notes, or room for a sparkline) beside the DOT. */
function trendBesideDot(side: 'left' | 'right', dotHeader?: string): Variation {
  return (l) => {
    const cols = l.columns.map((c) => (dotHeader && c.kind === 'field' && c.field === 'dot' ? { ...c, header: dotHeader } : c));
    const at = cols.findIndex((c) => c.kind === 'field' && c.field === 'dot');
    const trend: Column = { kind: 'trend', header: 'Trend', cell: (_r, _b, i) => ({ value: i % 3 === 0 ? 'Improving over three quarters' : null }) };
    cols.splice(side === 'left' ? at : at + 1, 0, trend);
    return { ...l, columns: cols };
  };
}

/** Fields in another order, periods between the names and the status. */
const reorderColumns: Variation = (l) => {
  const order: (Field | 'periods')[] = ['ref', 'measure', 'target', 'polarity', 'frequency', 'periods', 'dot', 'status', 'outcome', 'leadAccountability', 'action', 'leadOfficer', 'notes'];
  const cols: Column[] = [];
  for (const o of order) {
    if (o === 'periods') cols.push(...l.columns.filter((c) => c.kind === 'period'));
    else cols.push(...l.columns.filter((c) => c.kind === 'field' && c.field === o));
  }
  cols.push(...l.columns.filter((c) => !cols.includes(c)));
  return { ...l, columns: cols };
};

const newestPeriodsFirst: Variation = (l) => {
  const periods = l.columns.filter((c) => c.kind === 'period').reverse();
  let k = 0;
  return { ...l, columns: l.columns.map((c) => (c.kind === 'period' ? periods[k++] : c)) };
};

/** Named variations, in families: a combination takes at most one of each family. */
export const VARIATIONS: { family: string; name: string; apply: Variation }[] = [
  { family: 'headers', name: 'renamed headers (PI Ref, KPI, Polarity, Freq, Target 2017/18, Status, Direction of travel)', apply: renameFields({ ref: 'PI Ref', measure: 'KPI', polarity: 'Polarity', frequency: 'Freq', target: 'Target 2017/18', status: 'Status', dot: 'Direction of travel', notes: 'Comments', leadOfficer: 'Responsible officer' }) },
  { family: 'headers', name: 'headers with line breaks and spaces (Ref., Good\\nperformance, Actual)', apply: renameFields({ ref: 'Ref.', measure: 'Performance\nMeasure', polarity: 'Good\nperformance', frequency: 'Frequency  of\nreporting', target: '  Target\n2017/18 ', status: 'Overall\nstatus', dot: 'D.O.T.' }) },
  { family: 'headers', name: 'renamed headers (Ref No., Performance indicator, Reporting frequency, Annual target, RAG)', apply: renameFields({ ref: 'Ref No.', measure: 'Performance indicator', frequency: 'Reporting frequency', target: 'Annual target', status: 'RAG' }) },
  { family: 'order', name: 'reordered columns', apply: reorderColumns },
  { family: 'order', name: 'newest period first', apply: newestPeriodsFirst },
  { family: 'periods', name: 'one header row of full period titles', apply: singleHeaderRow },
  { family: 'periods', name: 'quarters as "Qtr 2 2017/18"', apply: quarterSpelling((q, fy) => `Qtr ${q} ${FY(fy)}`) },
  { family: 'periods', name: 'quarters as "Quarter 2 2017/18"', apply: quarterSpelling((q, fy) => `Quarter ${q} ${FY(fy)}`) },
  { family: 'periods', name: 'quarters as "Q2 2017-18"', apply: quarterSpelling((q, fy) => `Q${q} ${FY(fy).replace('/', '-')}`) },
  { family: 'periods', name: 'quarters as "2017/18 Quarter 2"', apply: quarterSpelling((q, fy) => `${FY(fy)} Quarter ${q}`) },
  { family: 'periods', name: 'quarters as "Q2 (Jul-Sep) 2017/18"', apply: quarterSpelling((q, fy, p) => `Q${q} (${MONTHS[monthOf(p.start) - 1]}-${MONTHS[monthOf(p.end) - 1]}) ${FY(fy)}`) },
  { family: 'periods', name: 'quarters as "Jul-Sep 17"', apply: quarterSpelling((_q, _fy, p) => `${MONTHS[monthOf(p.start) - 1]}-${MONTHS[monthOf(p.end) - 1]} ${String(yearOf(p.end) % 100).padStart(2, '0')}`) },
  { family: 'periods', name: 'months as "July 2017"', apply: monthSpelling((y, m) => `${LONG_MONTHS[m - 1]} ${y}`) },
  { family: 'periods', name: 'months as "Sept 17"', apply: monthSpelling((y, m) => `${m === 9 ? 'Sept' : MONTHS[m - 1]} ${y % 100}`) },
  { family: 'periods', name: 'months as "September-17"', apply: monthSpelling((y, m) => `${LONG_MONTHS[m - 1]}-${y % 100}`) },
  { family: 'periods', name: 'months as Excel dates', apply: monthSpelling((y, m) => new Date(Date.UTC(y, m - 1, 1))) },
  { family: 'periods', name: 'months as date serial numbers formatted mmm-yy', apply: monthSpelling((y, m) => excelSerial(y, m, 1), 'mmm-yy') },
  { family: 'periods', name: 'financial year row merged over quarters and months', apply: yearRow('merged') },
  { family: 'periods', name: 'financial year written once over quarters and months', apply: yearRow('first-only') },
  { family: 'polarity', name: 'polarity as Maximise/Minimise under "Aim"', apply: (l, s) => renameFields({ polarity: 'Aim' })(mapField('polarity', HIGH_LOW('Maximise', 'Minimise'))(l, s), s) },
  { family: 'polarity', name: 'polarity as "Aim: Maximise"/"Aim: Minimise" under "Polarity"', apply: (l, s) => renameFields({ polarity: 'Polarity' })(mapField('polarity', HIGH_LOW('Aim: Maximise', 'Aim: Minimise'))(l, s), s) },
  { family: 'polarity', name: 'polarity as "Higher is better"/"Smaller is better" under "Better if"', apply: (l, s) => renameFields({ polarity: 'Better if' })(mapField('polarity', HIGH_LOW('Higher is better', 'Smaller is better'))(l, s), s) },
  { family: 'polarity', name: 'polarity as arrows under "Direction of improvement"', apply: (l, s) => renameFields({ polarity: 'Direction of improvement' })(mapField('polarity', HIGH_LOW('↑', '↓'))(l, s), s) },
  { family: 'polarity', name: 'polarity as "Aim to increase"/"Aim to reduce" under "Aim is"', apply: (l, s) => renameFields({ polarity: 'Aim is' })(mapField('polarity', HIGH_LOW('Aim to increase', 'Aim to reduce'))(l, s), s) },
  { family: 'polarity', name: 'polarity as "High is good"/"Low is good" under "Good is"', apply: (l, s) => renameFields({ polarity: 'Good is' })(mapField('polarity', HIGH_LOW('High is good', 'Low is good'))(l, s), s) },
  { family: 'frequency', name: 'frequency codes M/Q/A/T', apply: mapField('frequency', FREQUENCY({ monthly: 'M', quarterly: 'Q', annual: 'A', termly: 'T' })) },
  { family: 'frequency', name: 'frequency as Mthly/Qtrly/Annually/Termly', apply: mapField('frequency', FREQUENCY({ monthly: 'Mthly', quarterly: 'Qtrly', annual: 'Annually', termly: 'Termly' })) },
  { family: 'frequency', name: 'frequency codes M/Q/Y/T', apply: mapField('frequency', FREQUENCY({ monthly: 'M', quarterly: 'Q', annual: 'Y', termly: 'T' })) },
  { family: 'percent', name: 'percentages as 20 with 0"%"', apply: literalPercents },
  { family: 'structure', name: 'one flat table with a Priority column', apply: flatWith('Priority') },
  { family: 'structure', name: 'one flat table with a Theme column', apply: flatWith('Theme') },
  { family: 'structure', name: 'a sheet per priority', apply: (l) => ({ ...l, structure: 'sheet-per-priority', titleRows: [] }) },
  { family: 'title', name: 'a title block of several rows', apply: (l) => ({ ...l, titleRows: TITLE_BLOCK }) },
  { family: 'extra', name: 'extra unrelated columns', apply: extraColumns },
  { family: 'status', name: 'earlier status columns "Q1 status" beside "Q2 status"', apply: earlierStatuses(['Q1 status'], 'Q2 status') },
  { family: 'status', name: 'earlier status columns "Status Q1 2017/18" beside "Status Q2 2017/18"', apply: earlierStatuses(['Status Q1 2017/18'], 'Status Q2 2017/18') },
  { family: 'status', name: 'monthly status columns "Jul RAG", "Aug RAG", "Sep RAG"', apply: earlierStatuses(['Jul RAG', 'Aug RAG'], 'Sep RAG') },
  { family: 'trend', name: 'a Trend column left of DOT', apply: trendBesideDot('left') },
  { family: 'trend', name: 'a Trend column right of "Direction of travel"', apply: trendBesideDot('right', 'Direction of travel') },
];

/** Applies variations in the order of their families, so later ones find the columns earlier ones made. */
export function vary(source: Source, variations: readonly { family: string; name: string; apply: Variation }[]): Layout {
  const families = [...new Set(VARIATIONS.map((v) => v.family))];
  const ordered = [...variations].sort((a, b) => families.indexOf(a.family) - families.indexOf(b.family));
  let layout = publishedLayout(source);
  for (const v of ordered) layout = v.apply(layout, source);
  return { ...layout, name: ordered.map((v) => v.name).join(' + ') || 'as published' };
}
