/**
 * Synthetic council scorecards of any size, in the Council Plan layout of the fixtures (title, priority
 * blocks with a repeated two-row header, merged Outcome / Lead / Action, ten period columns, hand-typed
 * targets and values). Deterministic for a seed, so benches and tests can rebuild the same sheet.
 *
 * One row model feeds three sinks: an in-memory workbook (small sheets, tests), ExcelJS's streaming
 * writer (100,000 rows without holding the workbook in memory) and a SheetGrid (engine benches, no I/O).
 */
import * as ExcelJS from 'exceljs';
import type { CellRange, CellValue, SheetGrid } from '../../src/workbook/grid';

export const SCORECARD_SHEET = 'Scorecard';
export const KEY_SHEET = 'Key';

/** The fixed titles, Outcome … DOT, merged down both header rows. */
const FIXED_TITLES = [
  'Outcome',
  'Lead Accountability (Strategic Director)',
  'Ref No.',
  'Action',
  'Measure',
  'Lead officer',
  'Good performance',
  'Frequency of reporting',
  'Target',
  'Overall status',
  'DOT',
];
export const PERIOD_TITLES = [
  'Year end 2015/16',
  'Year end 2016/17',
  'Q2 Jul - Sep 2016',
  'Q3 Oct - Dec 2016',
  'Q4 Jan - Mar 2017',
  'Q1 Apr - June 2017',
  'Q2 Jul - Sep 2017',
  'Jul-17',
  'Aug-17',
  'Sep-17',
];
const NOTES_TITLE = 'Data notes (where measure has not progressed in accordance with the target set provide details of what is being done to improve performance)';
/** Period groups (0-based column ranges) merged across the first header row. */
const GROUPS = [
  { title: 'Annual', from: 11, to: 12 },
  { title: 'Quarterly', from: 13, to: 17 },
  { title: 'Monthly', from: 18, to: 20 },
];
const COL = { outcome: 0, lead: 1, ref: 2, action: 3, measure: 4, officer: 5, polarity: 6, frequency: 7, target: 8, firstPeriod: 11, notes: 21 };
export const COLUMN_COUNT = 22;

/**
 * Month of each period column in a monthly series that starts at Apr 2015 (index 0), so that quarters,
 * months and year ends of one measure agree with each other (Q4 = year end, Q2 = Sep).
 */
const PERIOD_MONTH = [11, 23, 17, 20, 23, 26, 29, 27, 28, 29];
const SERIES_LENGTH = 30;
const YEAR_END_COLUMNS = [0, 1];
const QUARTER_COLUMNS = [2, 3, 4, 5, 6];
const MONTH_COLUMNS = [7, 8, 9];

export interface GenerateOptions {
  /** Measures per priority block before the header repeats. Default 200. */
  blockSize?: number;
  /**
   * Merge Outcome, Lead and Action down the rows they cover, as councils do; header merges are always written.
   * ExcelJS checks each merge against every earlier one when it reads or writes a sheet, so tens of thousands of
   * merges cost quadratic time: benches at 100,000 rows switch this off. Default true.
   */
  merges?: boolean;
}

export interface GeneratedCell {
  value: string | number;
  numFmt?: string;
}

export type GeneratedRowKind = 'title' | 'section' | 'header-top' | 'header-bottom' | 'measure' | 'blank';

export interface GeneratedRow {
  kind: GeneratedRowKind;
  /** 0-based sheet row. */
  row: number;
  /** One entry per column; null is an empty cell (or the covered part of a merge). */
  cells: (GeneratedCell | null)[];
  /** Merged areas whose top-left cell is on this row, 0-based and inclusive. */
  merges: CellRange[];
}

/** mulberry32: tiny, fast and the same on every platform, which is all a fixture generator needs. */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    let x = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

const THEMES = [
  'Every child making the best start in life',
  'Every adult secure, responsible and empowered',
  'A strong community in a clean, safe environment',
  'Extending opportunity, prosperity and planning for the future',
  'A modern, efficient Council',
];
const OUTCOMES = [
  'Children, young people and families are protected and safeguarded from all forms of abuse, violence and neglect',
  'Children and young people are supported to reach their potential',
  'Adults are enabled to live healthier lives',
  'Individuals and carers are supported to be safe, independent and resilient',
  'Communities are strong and help people to feel safe',
  'Streets, public realm and green spaces are clean and well maintained',
  'Businesses supported to grow and employment opportunities expanded',
  'People live in high quality accommodation which meets their need',
  'Maximised use of assets and resources and services demonstrate value for money',
  'Staff listen and are responsive to customers',
];
const LEADS = [
  'Strategic Director Children and Young People’s Services',
  'Strategic Director Adult Social Care and Housing',
  'Director of Public Health',
  'Strategic Director Regeneration and Environment',
  'Strategic Director Finance and Customer Services',
  'Assistant Chief Executive',
];
const ACTIONS = [
  'Early Help – identify and support families at the right time',
  'Improve the quality of care for looked after children',
  'Ensure information, advice and guidance is readily available',
  'Deliver a cleaner, greener borough through effective enforcement',
  'Maximise the local revenues available to fund council services',
  'Manage sickness absence and support staff wellbeing',
  'Commission services effectively, working in partnership',
];
const SUBJECTS = [
  'children subject to a child protection plan',
  'families engaging with the Families for Change programme',
  'safeguarding enquiries completed',
  'people provided with information and advice at first point of contact',
  'carers assessments',
  'missed bins per 100,000 collections',
  'fly-tipping enforcement actions',
  'new homes delivered',
  'complaints closed within timescale',
  'council tax collected in year',
  'planning applications determined within timescale',
  'days lost per FTE',
];
const OFFICERS = ['Mel Meggs', 'David McWilliams', 'Jo Abbott', 'Andrew Wells', 'Karen Hanson', 'Paul Woodcock', 'Tom Bell', 'Graham Saxton', 'Jackie Mould', 'Sue Pallfreyman'];
const SERVICES = ['CYPS', 'Public Health', 'Adult Social Care', 'Regeneration and Environment', 'Finance and Customer Services', 'Assistant Chief Executive’s Directorate'];
const NOTES = [
  'Performance has improved on the previous quarter.',
  'Performance remains below target; an improvement plan is in place.',
  'Data for the latest period is provisional.',
  'Annual target profiled over the year.',
  'Figures are cumulative for the financial year.',
  '',
];

type MeasureKind = 'count' | 'rate' | 'percent' | 'percentComparator' | 'plus' | 'reduction' | 'baseline' | 'tbc' | 'noTarget' | 'ratioText';
const KIND_WEIGHTS: Record<MeasureKind, number> = {
  count: 18,
  rate: 10,
  percent: 24,
  percentComparator: 8,
  plus: 5,
  reduction: 6,
  baseline: 8,
  tbc: 4,
  noTarget: 5,
  ratioText: 12,
};
type Frequency = 'Monthly' | 'Quarterly' | 'Annual';
const FREQUENCY_WEIGHTS: Record<Frequency, number> = { Monthly: 45, Quarterly: 40, Annual: 15 };

const round = (x: number, decimals: number) => Number(x.toFixed(decimals));

/** "A".."Z", "AA"…: outcome letters within a priority. */
function letters(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function emptyCells(): (GeneratedCell | null)[] {
  return new Array<GeneratedCell | null>(COLUMN_COUNT).fill(null);
}

/** A monthly series and how to write one value of it. */
interface Series {
  months: number[];
  percent: boolean;
  decimals: number;
}

function makeSeries(dice: Dice, percent: boolean, decimals: number, scale: number): Series {
  const months: number[] = [];
  let x = percent ? dice.range(0.1, 0.95) : dice.range(0.2, 1) * scale;
  for (let m = 0; m < SERIES_LENGTH; m++) {
    x = percent ? Math.min(1, Math.max(0, x + dice.range(-0.03, 0.03))) : Math.max(0, x * (1 + dice.range(-0.06, 0.06)));
    months.push(percent ? round(x, decimals + 2) : round(x, decimals));
  }
  return { months, percent, decimals };
}

function numberFormat(value: number, percent: boolean, decimals: number): string | undefined {
  const fraction = decimals ? '.' + '0'.repeat(decimals) : '';
  if (percent) return `0${fraction}%`;
  if (Math.abs(value) >= 1000) return `#,##0${fraction}`;
  return decimals ? `0${fraction}` : undefined;
}

function numberCell(value: number, percent: boolean, decimals: number): GeneratedCell {
  const numFmt = numberFormat(value, percent, decimals);
  return numFmt ? { value, numFmt } : { value };
}

function percentText(fraction: number, decimals: number): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** One measure row: the kind decides the target wording and how values are typed in. */
function measureRow(dice: Dice, row: number, ref: string, texts: { outcome?: string; lead?: string; action?: string }): GeneratedRow {
  const kind = dice.weighted(KIND_WEIGHTS);
  const frequency = dice.weighted(FREQUENCY_WEIGHTS);
  const percent = kind === 'percent' || kind === 'percentComparator' || kind === 'ratioText' || (kind === 'baseline' && dice.chance(0.5));
  const decimals = kind === 'rate' ? 1 : percent ? dice.pick([0, 1, 1]) : 0;
  const series = makeSeries(dice, percent, decimals, kind === 'count' ? 5000 : kind === 'rate' ? 400 : 200);
  const latest = series.months[PERIOD_MONTH[6]];
  let high = dice.chance(0.6);
  const factor = dice.range(0.85, 1.15);

  let polarity: string = high ? dice.pick(['High', 'high', 'High']) : dice.pick(['Low', 'low']);
  let target: GeneratedCell | null;
  switch (kind) {
    case 'count':
    case 'rate':
    case 'percent':
    case 'ratioText': {
      const t = percent ? round(Math.min(1, latest * factor), decimals + 2) : round(latest * factor, decimals);
      target = numberCell(t, percent, decimals);
      break;
    }
    case 'percentComparator': {
      const t = Math.min(1, latest * factor);
      target = { value: `${high ? '>' : '<'}${percentText(t, 0)}` };
      if (high && dice.chance(0.2)) polarity = 'High - very or fairly satisfied';
      break;
    }
    case 'plus':
      high = true;
      polarity = 'High';
      target = { value: dice.chance(0.5) ? `${Math.round(latest * factor)}+` : `${Math.round(latest * factor)}+ (increase on last year)` };
      break;
    case 'reduction':
      high = false;
      polarity = 'Low';
      target = { value: `${dice.pick([5, 10, 15])}% reduction` };
      break;
    case 'baseline':
      target = { value: dice.pick(['Baseline Year', 'Baseline year']) };
      break;
    case 'tbc':
      target = { value: dice.pick(['TBC', 'Target to be set']) };
      break;
    case 'noTarget':
      polarity = 'Not applicable';
      target = { value: 'No target - not applicable' };
      break;
  }

  const filled = frequency === 'Annual' ? YEAR_END_COLUMNS : frequency === 'Quarterly' ? [...YEAR_END_COLUMNS, ...QUARTER_COLUMNS] : [...YEAR_END_COLUMNS, ...QUARTER_COLUMNS, ...MONTH_COLUMNS];
  const denominator = dice.int(80, 600);
  const cells = emptyCells();
  for (const i of filled) {
    const v = series.months[PERIOD_MONTH[i]];
    const isLatest = i === (frequency === 'Annual' ? 1 : frequency === 'Quarterly' ? 6 : 9) || (frequency === 'Monthly' && i === 6);
    // One roll per cell decides how the officer typed it in.
    const roll = dice.next();
    let cell: GeneratedCell | null;
    if (isLatest && roll < 0.04) cell = { value: 'n/a (due Dec17)' };
    else if (roll > 0.98) cell = { value: dice.pick(['Not available', 'n/a']) };
    else if (roll > 0.95) cell = null;
    else if (kind === 'ratioText') {
      const num = Math.round(v * denominator);
      cell = { value: `${percentText(num / denominator, 1)} (${num}/${denominator})` };
    } else if (!percent && roll > 0.92) cell = { value: `${v.toLocaleString('en-GB')} (Cumulative)` };
    else cell = numberCell(v, percent, decimals);
    cells[COL.firstPeriod + i] = cell;
  }

  if (texts.outcome !== undefined) cells[COL.outcome] = { value: texts.outcome };
  if (texts.lead !== undefined) cells[COL.lead] = { value: texts.lead };
  if (texts.action !== undefined) cells[COL.action] = { value: texts.action };
  const subject = dice.pick(SUBJECTS);
  cells[COL.ref] = { value: ref };
  cells[COL.measure] = { value: percent ? `% of ${subject}` : `Number of ${subject}${dice.chance(0.2) ? ' (Priority measure)' : ''}` };
  cells[COL.officer] = { value: `${dice.pick(OFFICERS)} - ${dice.pick(SERVICES)}` };
  cells[COL.polarity] = { value: polarity };
  cells[COL.frequency] = { value: frequency };
  cells[COL.target] = target;
  const note = dice.pick(NOTES);
  if (note) cells[COL.notes] = { value: note };
  return { kind: 'measure', row, cells, merges: [] };
}

function headerRows(row: number): GeneratedRow[] {
  const top = emptyCells();
  const bottom = emptyCells();
  const merges: CellRange[] = [];
  FIXED_TITLES.forEach((title, c) => {
    top[c] = { value: title };
    merges.push({ top: row, left: c, bottom: row + 1, right: c });
  });
  top[COL.notes] = { value: NOTES_TITLE };
  merges.push({ top: row, left: COL.notes, bottom: row + 1, right: COL.notes });
  for (const g of GROUPS) {
    top[g.from] = { value: g.title };
    merges.push({ top: row, left: g.from, bottom: row, right: g.to });
  }
  PERIOD_TITLES.forEach((title, i) => (bottom[COL.firstPeriod + i] = { value: title }));
  return [
    { kind: 'header-top', row, cells: top, merges },
    { kind: 'header-bottom', row: row + 1, cells: bottom, merges: [] },
  ];
}

function textRow(kind: GeneratedRowKind, row: number, text?: string): GeneratedRow {
  const cells = emptyCells();
  if (text !== undefined) cells[0] = { value: text };
  return { kind, row, cells, merges: [] };
}

/**
 * The rows of a synthetic scorecard with `measures` measure rows, top to bottom. Lazy, so 100,000 rows
 * never sit in memory at once.
 */
export function* scorecardRows(measures: number, seed = 1, options: GenerateOptions = {}): Generator<GeneratedRow> {
  const blockSize = Math.max(1, options.blockSize ?? 200);
  const merges = options.merges ?? true;
  const dice = new Dice(makeRandom(seed));
  let row = 0;
  yield textRow('title', row++, `Council Plan Quarter 2 Performance Scorecard (data for September 2017) – synthetic, ${measures} measures, seed ${seed}`);
  yield textRow('blank', row++);
  for (let block = 0, done = 0; done < measures; block++) {
    const inBlock = Math.min(blockSize, measures - done);
    yield textRow('section', row++, `Corporate Priority ${block + 1} – ${THEMES[block % THEMES.length]}`);
    for (const h of headerRows(row)) yield h;
    row += 2;
    let left = inBlock;
    for (let outcome = 0; left > 0; outcome++) {
      const outcomeRows = Math.min(left, dice.int(2, 10));
      const outcomeText = `${letters(outcome)}. ${dice.pick(OUTCOMES)}`;
      const leadText = dice.pick(LEADS);
      let k = 1;
      for (let i = 0; i < outcomeRows; ) {
        const actionRows = Math.min(outcomeRows - i, dice.int(1, 3));
        const actionText = dice.pick(ACTIONS);
        // Some actions hold sub-measures "(a)", "(b)" under one number, as the Council Plan does.
        const parts = actionRows > 1 && dice.chance(0.3);
        for (let j = 0; j < actionRows; j++, i++) {
          const base = `${block + 1}.${letters(outcome)}${k}`;
          const ref = parts ? `${base} (${String.fromCharCode(97 + j)})` : base;
          if (!parts) k++;
          const first = i === 0;
          const r = measureRow(dice, row, ref, {
            outcome: first || !merges ? outcomeText : undefined,
            lead: first || !merges ? leadText : undefined,
            action: j === 0 || !merges ? actionText : undefined,
          });
          if (merges && first && outcomeRows > 1) {
            r.merges.push({ top: row, left: COL.outcome, bottom: row + outcomeRows - 1, right: COL.outcome });
            r.merges.push({ top: row, left: COL.lead, bottom: row + outcomeRows - 1, right: COL.lead });
          }
          if (merges && j === 0 && actionRows > 1) r.merges.push({ top: row, left: COL.action, bottom: row + actionRows - 1, right: COL.action });
          yield r;
          row++;
        }
        if (parts) k++;
      }
      left -= outcomeRows;
    }
    done += inBlock;
    if (done < measures) yield textRow('blank', row++);
  }
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const WIDTHS = [28, 26, 9, 34, 44, 24, 11, 11, 18, 9, 6, 14, 14, 12, 12, 12, 12, 14, 10, 10, 10, 60];
const KEY_ROWS: [string, string][] = [
  ['Key', 'Overall status (relevant to target)'],
  ['✓', 'Measure progressing above or in line with target set'],
  ['●', 'Measure progress has been satisfactory but is not fully reaching target set'],
  ['✘', 'Measure has not progressed in accordance with target set'],
  ['◐', 'Measure under development (e.g. awaiting data collection or target-setting)'],
  ['□', 'Measure not applicable for target (e.g. baseline year, or not appropriate to set a specific target)'],
  ['■', 'Measure information not yet available (e.g. due to infrequency or timing of information/data)'],
];

/** Writes one generated row into an ExcelJS row (in-memory or streaming: both have the same Row API). */
function fillRow(target: ExcelJS.Row, row: GeneratedRow): void {
  row.cells.forEach((cell, c) => {
    // Covered cells of a merge stay untouched: writing one would overwrite the merge's top-left value.
    if (!cell) return;
    const xl = target.getCell(c + 1);
    xl.value = cell.value;
    if (cell.numFmt) xl.numFmt = cell.numFmt;
  });
  if (row.kind === 'title') target.font = { bold: true, size: 14 };
  else if (row.kind === 'section') target.font = { bold: true, size: 12 };
  else if (row.kind === 'header-top' || row.kind === 'header-bottom') {
    for (let c = 1; c <= COLUMN_COUNT; c++) {
      const xl = target.getCell(c);
      xl.font = { bold: true };
      xl.fill = HEADER_FILL;
      xl.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
}

function addKeySheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(KEY_SHEET);
  ws.columns = [{ width: 8 }, { width: 100 }];
  KEY_ROWS.forEach(([a, b], i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    if (i === 0) row.font = { bold: true };
  });
  return ws;
}

const FIXED_DATE = new Date(Date.UTC(2017, 10, 20));

/** A synthetic scorecard workbook of `rows` measure rows, as an xlsx buffer. Fine up to ~20,000 rows. */
export async function generateScorecard(rows: number, seed = 1, options: GenerateOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Scorecard synthetic generator';
  wb.created = wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(SCORECARD_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 0 }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  for (const row of scorecardRows(rows, seed, options)) {
    fillRow(ws.getRow(row.row + 1), row);
    for (const m of row.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  addKeySheet(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Streams a synthetic scorecard straight to `file`, committing rows as it goes, so 100,000 rows need little
 * memory. Same content as generateScorecard for the same arguments.
 */
export async function writeScorecardFile(file: string, rows: number, seed = 1, options: GenerateOptions = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'Scorecard synthetic generator';
  wb.created = wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(SCORECARD_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 0 }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  // A merge reaches rows below the one that opens it, so rows are committed only once no open merge covers them.
  let openUntil = -1;
  let committed = 0;
  for (const row of scorecardRows(rows, seed, options)) {
    fillRow(ws.getRow(row.row + 1), row);
    for (const m of row.merges) {
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      openUntil = Math.max(openUntil, m.bottom);
    }
    if (row.row >= openUntil) {
      for (; committed <= row.row; committed++) ws.getRow(committed + 1).commit();
    }
  }
  ws.commit();
  addKeySheet(wb).commit();
  await wb.commit();
}

/**
 * The same scorecard as a SheetGrid (plus its Key sheet), built without ExcelJS, for timing the engine
 * without file I/O. Display texts are left out, as for hosts that cannot give them.
 */
export function generateScorecardGrids(rows: number, seed = 1, options: GenerateOptions = {}): SheetGrid[] {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const merges: CellRange[] = [];
  for (const row of scorecardRows(rows, seed, options)) {
    values[row.row] = row.cells.map((c) => (c ? c.value : null));
    numberFormats[row.row] = row.cells.map((c) => c?.numFmt ?? null);
    merges.push(...row.merges);
  }
  const key: SheetGrid = { name: KEY_SHEET, values: KEY_ROWS.map(([a, b]) => [a, b]) };
  return [{ name: SCORECARD_SHEET, values, numberFormats, merges }, key];
}
