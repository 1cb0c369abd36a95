/** How councils really lay scorecards out: year rows over periods, several status columns, Trend beside DOT. */
import { readScorecard } from '../../src/scorecard/readScorecard';
import type { ScorecardSheet } from '../../src/scorecard/readScorecard';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { CellValue, SheetGrid } from '../../src/workbook/grid';
import { grid, range } from './grids';

const FIELDS = ['Ref', 'Measure', 'Good performance', 'Frequency', 'Target', 'Overall status', 'DOT'];
const ROW = ['1.A1', 'Carers assessed', 'High', 'Quarterly', 100, null, null];

const ym = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
function periodsOf(s: ScorecardSheet | null): [number, string, string, string][] {
  return (s?.blocks[0].periods ?? []).map((p) => [p.col, p.period.kind, ym(p.period.start), ym(p.period.end)]);
}
function read(values: CellValue[][], extra: Partial<SheetGrid> = {}): ScorecardSheet | null {
  return readScorecard(grid('Scorecard', values, extra));
}

describe('a financial year written over quarter and month columns', () => {
  const top = [...FIELDS, '2017/18', null, null, null, null];
  const lower = [null, null, null, null, null, null, null, 'Q1', 'Q2', 'Jul', 'Aug', 'Jan'];
  const data = [...ROW, 90, 95, 30, 31, 33];
  const want = [
    [7, 'quarter', '2017-04', '2017-06'],
    [8, 'quarter', '2017-07', '2017-09'],
    [9, 'month', '2017-07', '2017-07'],
    [10, 'month', '2017-08', '2017-08'],
    [11, 'month', '2018-01', '2018-01'],
  ];
  it('merged over them: every column under the year gets its full period', () => {
    expect(periodsOf(read([top, lower, data], { merges: [range(0, 7, 0, 11)] }))).toEqual(want);
  });
  it('written once in the first cell: carried right to the end of the group', () => {
    const s = read([top, lower, data]);
    expect(periodsOf(s)).toEqual(want);
    expect(s?.blocks[0].headerRows).toEqual([0, 1]);
    expect(s?.measures.map((m) => m.row)).toEqual([3]);
  });
  it('a year row of "2016/17" | "2017/18", each over its own quarters', () => {
    const s = read([
      [...FIELDS, '2016/17', null, '2017/18', null],
      [null, null, null, null, null, null, null, 'Q3', 'Q4', 'Q1', 'Q2'],
      [...ROW, 1, 2, 3, 4],
    ]);
    expect(periodsOf(s).map((p) => p.slice(2))).toEqual([
      ['2016-10', '2016-12'],
      ['2017-01', '2017-03'],
      ['2017-04', '2017-06'],
      ['2017-07', '2017-09'],
    ]);
  });
  it('the year alone in a row above the header is a header row, not the priority', () => {
    const s = read([['Priority 1'], [null, null, null, null, null, null, null, '2017/18', null], [...FIELDS, 'Q1', 'Q2'], [...ROW, 90, 95]], {
      merges: [range(1, 7, 1, 8)],
    });
    expect(periodsOf(s).map((p) => p.slice(1))).toEqual([
      ['quarter', '2017-04', '2017-06'],
      ['quarter', '2017-07', '2017-09'],
    ]);
    expect(s?.measures[0].priority).toBe('Priority 1');
  });
  it('a title left of the year row is not carried into the periods', () => {
    const s = read([[...FIELDS, 'Notes', 'Q1', 'Q2'], [...ROW, 'text', 90, 95]]);
    expect(periodsOf(s)).toEqual([]);
  });
});

describe('dates as month headers', () => {
  it('a serial number under a date format is the month it falls in', () => {
    const s = read([[...FIELDS, 42917, 42948], [...ROW, 1, 2]], { numberFormats: [[...FIELDS.map(() => null), 'mmm-yy', 'mmm-yy']] });
    expect(periodsOf(s)).toEqual([
      [7, 'month', '2017-07', '2017-07'],
      [8, 'month', '2017-08', '2017-08'],
    ]);
  });
  it('the same number without a date format is not a period', () => {
    expect(periodsOf(read([[...FIELDS, 42917, 'Sep-17'], [...ROW, 1, 2]]))).toEqual([[8, 'month', '2017-09', '2017-09']]);
  });
  it('a Date in a lower header row makes it a header row', () => {
    const s = read([
      [...FIELDS, 'Monthly', null],
      [null, null, null, null, null, null, null, new Date(Date.UTC(2017, 6, 1)), new Date(Date.UTC(2017, 7, 1))],
      [...ROW, 1, 2],
    ]);
    expect(s?.blocks[0].headerRows).toEqual([0, 1]);
    expect(periodsOf(s).map((p) => p[2])).toEqual(['2017-07', '2017-08']);
  });
});

describe('several status columns', () => {
  const sheet = (statuses: string[], periods: string[], values: CellValue[]): ScorecardSheet | null =>
    read([
      ['Ref', 'Measure', 'Good performance', 'Frequency', 'Target', ...statuses, 'DOT', ...periods],
      ['1.A1', 'Carers', 'High', 'Quarterly', 100, ...statuses.map(() => '✓'), null, ...values],
    ]);
  it.each([
    [['Q1 status', 'Q2 status'], ['Q1 2017/18', 'Q2 2017/18'], [1, 2], 'Q2 status'],
    [['Q2 status', 'Q1 status'], ['Q1 2017/18', 'Q2 2017/18'], [1, 2], 'Q2 status'],
    [['Q1 status', 'Q2 status', 'Q3 status'], ['Q1 2017/18', 'Q2 2017/18', 'Q3 2017/18'], [1, 2, null], 'Q2 status'],
    [['Status Q1 2017/18', 'Status Q2 2017/18'], ['Q1 2017/18', 'Q2 2017/18'], [1, 2], 'Status Q2 2017/18'],
    [['Jul RAG', 'Aug RAG', 'Sep RAG'], ['Jul-17', 'Aug-17', 'Sep-17'], [1, 2, 3], 'Sep RAG'],
    [['Q1 status', 'Overall status'], ['Q1 2017/18', 'Q2 2017/18'], [1, 2], 'Overall status'],
  ])('%j with periods %j: the status of the newest reported period is rated', (statuses, periods, values, chosen) => {
    const s = sheet(statuses, periods, values);
    const b = s?.blocks[0];
    expect(b?.columns.status).toBe(5 + statuses.indexOf(chosen));
    expect(b?.otherStatusColumns?.sort()).toEqual(statuses.filter((x) => x !== chosen).map((x) => 5 + statuses.indexOf(x)).sort());
    expect(b?.periods.map((p) => p.col)).toEqual(periods.map((_p, i) => 6 + statuses.length + i));
    expect(s?.warnings).toEqual([]);
  });
  it('when no period tells them apart, the rightmost is rated and a warning names both', () => {
    const s = sheet(['Status', 'Overall status'], ['Q1 2017/18'], [1]);
    expect(s?.blocks[0].columns.status).toBe(6);
    expect(s?.warnings.map((w) => w.message)).toEqual([
      'the header at row 1 has status columns "Status" (F1) and "Overall status" (G1) and no period tells which is current: the rightmost is rated',
    ]);
  });
  it('a "Status comment" column is a note, not a second status', () => {
    const s = sheet(['Overall status', 'Status comment'], ['Q1 2017/18'], [1]);
    expect(s?.blocks[0].columns.status).toBe(5);
    expect(s?.blocks[0].otherStatusColumns).toBeUndefined();
  });
  it('a run writes the current status column only', () => {
    const g = grid('Scorecard', [
      ['Ref', 'Measure', 'Good performance', 'Frequency', 'Target', 'Q1 status', 'Q2 status', 'DOT', 'Q1 2017/18', 'Q2 2017/18'],
      ['1.A1', 'Carers', 'High', 'Quarterly', 100, '✘', null, null, 90, 120],
    ]);
    const writes = rateWorkbook([g]).sheets[0].writes.filter((w) => w.kind === 'status');
    expect(writes.map((w) => [w.row, w.col])).toEqual([[1, 6]]);
  });
});

describe('DOT and Trend', () => {
  it('a DOT column beside a Trend column takes the DOT; the Trend column is nobody\'s', () => {
    const s = read([[...FIELDS.slice(0, 6), 'Trend', 'DOT', 'Q1 2017/18'], [...ROW.slice(0, 6), 'rising', null, 1]]);
    expect(s?.blocks[0].columns.dot).toBe(7);
    expect(Object.values(s?.blocks[0].columns ?? {})).not.toContain(6);
  });
  it('"Direction of travel" beats "Trend" wherever they stand', () => {
    const s = read([[...FIELDS.slice(0, 6), 'Direction of travel', 'Trend', 'Q1 2017/18'], [...ROW.slice(0, 6), null, 'rising', 1]]);
    expect(s?.blocks[0].columns.dot).toBe(6);
  });
  it('"Trend" alone is the DOT column', () => {
    const s = read([[...FIELDS.slice(0, 6), 'Trend', 'Q1 2017/18'], [...ROW.slice(0, 6), null, 1]]);
    expect(s?.blocks[0].columns.dot).toBe(6);
  });
});

describe('other header wordings', () => {
  it('"Target 2017/18" is the Target column, not a period', () => {
    const s = read([['Ref', 'Measure', 'Polarity', 'Freq', 'Target 2017/18', 'RAG', 'DOT', 'Q1 2017/18'], ['1.A1', 'x', 'High', 'Q', 100, null, null, 1]]);
    expect(s?.blocks[0].columns.target).toBe(4);
    expect(periodsOf(s).map((p) => p[0])).toEqual([7]);
  });
  it('"Q2 2017/18 Actual" columns are the periods', () => {
    const s = read([[...FIELDS, 'Q1 2017/18 Actual', 'Q2 2017/18 Actual'], [...ROW, 1, 2]]);
    expect(periodsOf(s).map((p) => p[2])).toEqual(['2017-04', '2017-07']);
  });
  it('"Direction of improvement" is the polarity, not the DOT', () => {
    const s = read([['Ref', 'Measure', 'Direction of improvement', 'Target', 'Overall status', 'DOT', 'Q1 2017/18'], ['1.A1', 'x', '↑', 100, null, null, 1]]);
    expect(s?.blocks[0].columns).toMatchObject({ polarity: 2, dot: 5 });
  });
  it('a flat table with a Priority column gives each row its priority', () => {
    const s = read([
      ['Priority', ...FIELDS, 'Q1 2017/18'],
      ['Every child', ...ROW, 1],
      ['Every adult', '2.A1', ...ROW.slice(1), 1],
    ]);
    expect(s?.measures.map((m) => m.priority)).toEqual(['Every child', 'Every adult']);
  });
});
