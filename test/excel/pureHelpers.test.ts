/** The adapter's pure helpers: text stays text, addresses and runs, and the history's own rules. */
import fc from 'fast-check';
import { columnRuns, joinAreas, parseAreas, parseRange, quoteSheet } from '../../src/excel/addresses';
import { compactHistory, HISTORY_HEADERS, historyRow, KEEP_PERIODS, monthText, readHistory } from '../../src/scorecard/history';
import type { HistoryRecord } from '../../src/scorecard/history';
import { asLiteralText, needsQuotePrefix } from '../../src/excel/literalText';
import { isDateFormat } from '../../src/excel/gridBlocks';
import { planCellRuns, widthInPoints } from '../../src/excel/writeCells';
import type { CellWrite } from '../../src/workbook/grid';
import { parseTyped } from './support/fakeModel';

describe('asLiteralText', () => {
  test('any string written through Range.values comes back as the same text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const typed = parseTyped(asLiteralText(s));
        expect(typed?.formula ?? null).toBeNull();
        expect(typed?.value ?? '').toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  test.each(['=SUM(A1)', '+44', '-', '@x', "'quoted", '6.10', '2.1', '43.5%', '(12)', '£3,856', 'Sep-17', '2017-09', '1/4/2017', 'TRUE', '#N/A', '10:30'])(
    '%s is quoted',
    (s) => expect(needsQuotePrefix(s)).toBe(true),
  );

  test.each(['✔', '▲', '–', 'Rating explanation', '1.A4', '43.5% (188/432)', 'Sep-17 value 345.8 vs target 336.9', 'n/a (due Dec17)', ''])('%s is left as it is', (s) =>
    expect(asLiteralText(s)).toBe(s),
  );
});

describe('addresses', () => {
  test('column runs group consecutive rows of a column', () => {
    const cells = [5, 6, 7, 9, 10].map((row) => ({ row, col: 9 })).concat([{ row: 5, col: 2 }]);
    expect(columnRuns(cells).map((r) => [r.col, r.top, r.bottom])).toEqual([
      [2, 5, 5],
      [9, 5, 7],
      [9, 9, 10],
    ]);
  });

  test('area lists stay under the length Excel accepts and parse back', () => {
    const areas = Array.from({ length: 500 }, (_, i) => `J${i * 2 + 1}`);
    const lists = joinAreas(areas, 200);
    expect(lists.every((l) => l.length <= 200)).toBe(true);
    expect(lists.join(',').split(',')).toEqual(areas);
    expect(parseAreas("'My, sheet'!A1:A4,'My, sheet'!C2")).toEqual([
      { top: 0, left: 0, bottom: 3, right: 0 },
      { top: 1, left: 2, bottom: 1, right: 2 },
    ]);
    expect(parseRange('Sheet1!$AA$10')).toEqual({ top: 9, left: 26, bottom: 9, right: 26 });
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
  });

  test('writes inside a merged area are skipped, and a merge anchor gets a range of its own', () => {
    const w = (row: number): CellWrite => ({ row, col: 9, value: 'x', kind: 'status' });
    const merges = [{ top: 6, left: 9, bottom: 7, right: 10 }];
    const plan = planCellRuns([w(5), w(6), w(7), w(8)], merges);
    expect(plan.skipped.map((x) => x.row)).toEqual([7]);
    expect(plan.runs).toEqual([
      { top: 5, left: 9, bottom: 5, right: 9 },
      { top: 6, left: 9, bottom: 6, right: 9 },
      { top: 8, left: 9, bottom: 8, right: 9 },
    ]);
  });

  test('date formats are told from number formats', () => {
    expect(['dd/mm/yyyy', 'mmm-yy', 'd-mmm', '[$-809]dd mmmm yyyy', 'h:mm'].every(isDateFormat)).toBe(true);
    expect(['General', '0.0%', '#,##0', '"£"#,##0', '0.00', null].some(isDateFormat)).toBe(false);
    expect(widthInPoints(10)).toBeCloseTo(56.25);
  });
});

describe('history', () => {
  const rec = (ref: string, periodEnd: number, recorded: string, status: HistoryRecord['status'] = 'on-target'): HistoryRecord => ({
    sheet: 'Scorecard',
    ref,
    measure: `Measure ${ref}`,
    period: monthText(periodEnd),
    periodEnd,
    status,
    dot: 'improved',
    value: '1',
    recorded,
  });

  test('records round-trip through the sheet layout, and damaged rows are skipped', () => {
    const records = [rec('1.A1', 2017 * 12 + 8, 'r1'), rec('1.A2', 2017 * 12 + 5, 'r1', 'off-target')];
    const values = [[...HISTORY_HEADERS], ...records.map(historyRow), ['Scorecard', '1.A3', 'x', 'not a month', 'on-target']];
    expect(readHistory({ name: 'h', values })).toEqual(records);
    expect(monthText(2017 * 12 + 8)).toBe('2017-09');
  });

  test('compaction keeps the latest record per measure and period, and the latest periods only', () => {
    const old = [rec('1.A1', 100, 'r1', 'off-target'), rec('1.A1', 100, 'r2'), rec('1.A2', 100, 'r1')];
    expect(compactHistory(old).map((r) => [r.ref, r.recorded])).toEqual([
      ['1.A1', 'r2'],
      ['1.A2', 'r1'],
    ]);
    const many = Array.from({ length: KEEP_PERIODS + 3 }, (_, i) => rec('1.A1', 100 + i * 3, `r${i}`));
    const kept = compactHistory(many);
    expect(kept).toHaveLength(KEEP_PERIODS);
    expect(kept[0].periodEnd).toBe(100 + 3 * 3);
  });
});
