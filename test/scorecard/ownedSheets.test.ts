import { DEFAULT_RULES, defaultRules, STATUS_FILLS } from '../../src/engine/rules';
import { summarise } from '../../src/engine/summarise';
import type { SummaryInput } from '../../src/engine/summarise';
import { DOT_KEYS, STATUS_KEYS, STATUS_LABELS } from '../../src/engine/types';
import type { DotKey, StatusKey } from '../../src/engine/types';
import { buildOwnedSheets, buildSummarySheet } from '../../src/scorecard/ownedSheets';
import { buildRedFlagsSheet } from '../../src/scorecard/redFlagsSheet';
import type { RedFlag, WorkbookRating } from '../../src/scorecard/types';
import { OWNED_SHEETS } from '../../src/workbook/grid';
import type { ContentCell, SheetContent } from '../../src/workbook/grid';

const P1 = 'Corporate Priority 1 – Every child making the best start in life';
const P2 = 'Corporate Priority 2 – Every adult secure, responsible and empowered';

function rows(priority: string, counts: Partial<Record<StatusKey, number>>, dot: DotKey = 'improved'): SummaryInput[] {
  const out: SummaryInput[] = [];
  for (const [status, n] of Object.entries(counts)) for (let i = 0; i < (n ?? 0); i++) out.push({ priority, status: status as StatusKey, dot });
  return out;
}

// The published Council Plan Q2 counts: 17 / 11 / 23 / 0 / 12 / 9 of 72.
const SUMMARY = summarise([
  ...rows(P1, { 'on-target': 10, satisfactory: 5, 'off-target': 13, 'not-applicable': 2 }, 'improved'),
  ...rows(P1, { 'off-target': 5 }, 'worse'),
  ...rows(P2, { 'on-target': 7, satisfactory: 6, 'off-target': 5, 'not-applicable': 10, 'not-available': 9 }, 'stable'),
]);

/** The row whose column B holds `label`, at or after `from`. */
function rowOf(content: SheetContent, label: string, from = 0): number {
  const i = content.rows.findIndex((r, n) => n >= from && r[1]?.value === label);
  if (i < 0) throw new Error(`no row labelled ${label}`);
  return i;
}

function cell(content: SheetContent, r: number, c: number): ContentCell | null {
  return content.rows[r]?.[c] ?? null;
}

describe('buildSummarySheet', () => {
  const sheet = buildSummarySheet(SUMMARY, defaultRules(), 'Council Plan 2017/18 Q2');

  it('is the Summary sheet, titled', () => {
    expect(sheet.name).toBe(OWNED_SHEETS.summary);
    expect(cell(sheet, 0, 0)?.value).toBe('Council Plan 2017/18 Q2');
  });

  it('shows every status over all measures with symbol, words, count, one-decimal share, and no text bar beside the chart', () => {
    const header = rowOf(sheet, 'Overall status');
    expect(sheet.rows[header].map((c) => c?.value)).toEqual(['Symbol', 'Overall status', 'Measures', '%']);
    const expected: Record<StatusKey, [number, number]> = {
      'on-target': [17, 23.6],
      satisfactory: [11, 15.3],
      'off-target': [23, 31.9],
      'under-development': [0, 0],
      'not-applicable': [12, 16.7],
      'not-available': [9, 12.5],
      'needs-review': [0, 0],
    };
    STATUS_KEYS.forEach((k, i) => {
      const r = sheet.rows[header + 1 + i];
      expect(r[0]?.value).toBe(DEFAULT_RULES.symbols[k]);
      expect(r[0]?.style?.fill).toBe(STATUS_FILLS[k]);
      expect(r[1]?.value).toBe(STATUS_LABELS[k]);
      expect(r[2]?.value).toBe(expected[k][0]);
      expect(r[3]?.value).toBe(expected[k][1]);
      expect(r[3]?.style?.numberFormat).toBe('0.0');
      expect(r[4]).toBeUndefined();
    });
    const total = sheet.rows[header + 1 + STATUS_KEYS.length];
    expect(total[1]?.value).toBe('Total');
    expect(total[2]?.value).toBe(72);
    expect(total[3]?.value).toBe(100);
  });

  it('gives a chart over the status labels and counts, and one over the direction of travel', () => {
    const header = rowOf(sheet, 'Overall status');
    const dotHeader = sheet.rows.findIndex((r, i) => i > header && r[1]?.value === 'Direction of travel');
    expect(sheet.charts).toEqual([
      { title: 'Overall status: all measures', kind: 'bar', range: { top: header, left: 1, bottom: header + STATUS_KEYS.length, right: 2 } },
      { title: 'Direction of travel: all measures', kind: 'bar', range: { top: dotHeader, left: 1, bottom: dotHeader + DOT_KEYS.length, right: 2 } },
    ]);
  });

  it('has the table over measures with data and a target, adding up to 100.0', () => {
    const heading = sheet.rows.findIndex((r) => r[0]?.value === 'Overall status: measures with data and a target');
    const header = heading + 1;
    const shares = [1, 2, 3].map((i) => cell(sheet, header + i, 3)?.value as number);
    expect([1, 2, 3].map((i) => cell(sheet, header + i, 2)?.value)).toEqual([17, 11, 23]);
    expect(shares).toEqual([33.3, 21.6, 45.1]);
    expect(cell(sheet, header + 4, 2)?.value).toBe(51);
    expect(cell(sheet, header + 4, 3)?.value).toBe(100);
  });

  it('counts direction of travel with its symbols', () => {
    const header = rowOf(sheet, 'Direction of travel');
    expect(DOT_KEYS.map((_k, i) => cell(sheet, header + 1 + i, 2)?.value)).toEqual([30, 37, 5, 0, 0, 0]);
    expect(cell(sheet, header + 1, 0)?.value).toBe(DEFAULT_RULES.dotSymbols.improved);
  });

  it('cross-tabulates status by direction of travel with totals both ways', () => {
    const heading = sheet.rows.findIndex((r) => r[0]?.value === 'Overall status by direction of travel');
    const header = heading + 1;
    const improvedCol = 2;
    const worseCol = 4;
    const offTarget = header + 1 + STATUS_KEYS.indexOf('off-target');
    expect(cell(sheet, offTarget, improvedCol)?.value).toBe(13);
    expect(cell(sheet, offTarget, worseCol)?.value).toBe(5);
    expect(cell(sheet, offTarget, 2 + DOT_KEYS.length)?.value).toBe(23);
    expect(cell(sheet, header + 1 + STATUS_KEYS.length, 2 + DOT_KEYS.length)?.value).toBe(72);
  });

  it('holds the report paragraph in one cell', () => {
    expect(sheet.rows.some((r) => r[0]?.value === SUMMARY.text)).toBe(true);
  });

  it('has one status table and one direction table per priority, in order', () => {
    const p1 = sheet.rows.findIndex((r) => r[0]?.value === P1);
    const p2 = sheet.rows.findIndex((r) => r[0]?.value === P2);
    expect(p1).toBeGreaterThan(0);
    expect(p2).toBeGreaterThan(p1);
    const p2Header = rowOf(sheet, 'Overall status', p2);
    expect(cell(sheet, p2Header + 1, 2)?.value).toBe(7);
    expect(cell(sheet, p2Header + 1 + STATUS_KEYS.length, 2)?.value).toBe(37);
    const names = (sheet.tables ?? []).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Priority1Status', 'Priority1Direction', 'Priority2Status', 'Priority2Direction']));
  });

  it('names its tables as Excel allows, each once, over header and item rows only', () => {
    const tables = sheet.tables ?? [];
    expect(new Set(tables.map((t) => t.name)).size).toBe(tables.length);
    for (const t of tables) {
      expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      const headers = sheet.rows[t.range.top].slice(t.range.left, t.range.right + 1).map((c) => c?.value);
      expect(new Set(headers).size).toBe(headers.length);
      expect(headers.every((h) => typeof h === 'string' && h !== '')).toBe(true);
      expect(cell(sheet, t.range.bottom + 1, 1)?.value).toBe('Total');
    }
  });

  it('shows zeros, not a division by zero, when nothing was rated', () => {
    const empty = buildSummarySheet(summarise([]), defaultRules());
    const header = rowOf(empty, 'Overall status');
    expect(cell(empty, header + 1 + STATUS_KEYS.length, 3)?.value).toBe(0);
    expect(empty.rows.some((r) => r[0]?.value === 'No measures were rated.')).toBe(true);
  });
});

const FLAG: RedFlag = {
  sheet: 'Scorecard',
  row: 6,
  ref: '1.A1',
  measure: '=Reduction in Children in Need rate',
  leadOfficer: 'Mel Meggs - CYPs',
  priority: P1,
  status: 'off-target',
  previousStatus: 'off-target',
  period: 'Sep-17',
  previousPeriod: 'Q1 Apr - June 2017',
  value: '345.8',
  previousValue: '383.7',
  reason: 'Sep-17 value 345.8 vs target 336.9 (lower is better): 2.6% worse than target → off target',
};

describe('buildRedFlagsSheet', () => {
  const sheet = buildRedFlagsSheet([FLAG], { statusColumns: { Scorecard: 9 } });

  it('lists each flag under a header, its ref linked to the status cell of its row', () => {
    expect(sheet.name).toBe(OWNED_SHEETS.redFlags);
    expect(sheet.rows[0].map((c) => c?.value)).toEqual([
      'Ref', 'Measure', 'Lead officer', 'Priority', 'Period', 'Status', 'Value', 'Previous period', 'Previous status', 'Previous value', 'Why it is red',
    ]);
    expect(cell(sheet, 1, 0)).toEqual({ value: '1.A1', link: { sheet: 'Scorecard', row: 5, col: 9 } });
  });

  it('gives both statuses in symbol and words, the values and the reason', () => {
    const r = sheet.rows[1].map((c) => c?.value ?? null);
    expect(r).toEqual([
      '1.A1', '=Reduction in Children in Need rate', 'Mel Meggs - CYPs', P1, 'Sep-17', '✘ Off target', '345.8', 'Q1 Apr - June 2017', '✘ Off target', '383.7', FLAG.reason,
    ]);
    expect(cell(sheet, 1, 5)?.style?.fill).toBe(STATUS_FILLS['off-target']);
  });

  it('links to column A when the status column is not known, and uses the workbook symbols when given', () => {
    const other = buildRedFlagsSheet([FLAG], { symbols: { ...DEFAULT_RULES.symbols, 'off-target': 'X' } });
    expect(cell(other, 1, 0)?.link).toEqual({ sheet: 'Scorecard', row: 5, col: 0 });
    expect(cell(other, 1, 5)?.value).toBe('X Off target');
  });

  it('says so when there are no red flags', () => {
    const none = buildRedFlagsSheet([]);
    expect(none.rows).toHaveLength(2);
    expect(cell(none, 1, 0)?.value).toMatch(/No measure is off target/);
    expect(none.tables).toEqual([]);
  });
});

describe('buildOwnedSheets', () => {
  it('builds Summary, Red flags and Scorecard rules from one rating, linking flags to the status column', () => {
    const rating: WorkbookRating = {
      sheets: [{ sheet: 'Scorecard', rows: [], writes: [], warnings: [], columns: { status: 9, dot: 10, explanation: 22 } }],
      summary: SUMMARY,
      redFlags: [FLAG],
      rules: defaultRules(),
      warnings: [],
    };
    const sheets = buildOwnedSheets(rating);
    expect(sheets.map((s) => s.name)).toEqual([OWNED_SHEETS.summary, OWNED_SHEETS.redFlags, OWNED_SHEETS.rules]);
    expect(sheets[1].rows[1][0]?.link).toEqual({ sheet: 'Scorecard', row: 5, col: 9 });
  });
});
