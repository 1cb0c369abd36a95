import { defaultRules } from '../../src/engine/rules';
import { rateWorkbook, reportingEnd, toReport } from '../../src/scorecard/rateWorkbook';
import { readScorecard } from '../../src/scorecard/readScorecard';
import { ScorecardError } from '../../src/scorecard/types';
import { monthIndex } from '../../src/engine/periods';
import { grid, simpleScorecard } from './grids';

function thrown(f: () => unknown): ScorecardError {
  try {
    f();
  } catch (e) {
    if (e instanceof ScorecardError) return e;
    throw e;
  }
  throw new Error('expected a ScorecardError');
}

describe('rateWorkbook', () => {
  it('rates every measure of the scorecard and summarises', () => {
    const r = rateWorkbook([simpleScorecard()]);
    expect(r.sheets).toHaveLength(1);
    expect(r.sheets[0].rows.map((x) => [x.measure.ref, x.rating.status])).toEqual([
      ['1.A1', 'off-target'],
      ['1.A2', 'on-target'],
      ['2.B1', 'under-development'],
    ]);
    expect(r.summary.total).toBe(3);
    expect(r.summary.byPriority).toHaveLength(2);
  });
  it('the report has 1-based rows and status keys', () => {
    const rep = toReport(rateWorkbook([simpleScorecard()]));
    expect(rep.rows[0]).toMatchObject({ sheet: 'Scorecard', row: 5, ref: '1.A1', status: 'off-target', dot: 'worse' });
  });
  it('rates only the sheet named by --sheet', () => {
    const r = rateWorkbook([simpleScorecard('A'), simpleScorecard('B')], { sheet: 'B' });
    expect(r.sheets.map((s) => s.sheet)).toEqual(['B']);
    expect(rateWorkbook([simpleScorecard('A'), simpleScorecard('B')]).sheets.map((s) => s.sheet)).toEqual(['A', 'B']);
  });
  it('an unknown --sheet is a clear ScorecardError listing the sheets', () => {
    const e = thrown(() => rateWorkbook([simpleScorecard('A')], { sheet: 'Nope', file: 'in.xlsx' }));
    expect(e.message).toBe('no sheet "Nope" (sheets: "A")');
    expect(e.where).toEqual({ file: 'in.xlsx' });
  });
  it('no scorecard in the workbook is a clear ScorecardError', () => {
    const e = thrown(() => rateWorkbook([grid('Notes', [['Just some text']])], { file: 'in.xlsx' }));
    expect(e.message).toMatch(/^no scorecard found: no sheet \("Notes"\) has a header row/);
    expect(e.where).toEqual({ file: 'in.xlsx', sheet: 'Notes' });
  });
  it('a header without measure rows is a ScorecardError', () => {
    const e = thrown(() => rateWorkbook([grid('S', [['Ref', 'Measure', 'Target', 'Status', 'Sep-17']])]));
    expect(e.message).toBe('scorecard header found but no measure rows under it');
  });
  it('a header error inside a sheet keeps the sheet and cell and adds the file', () => {
    const e = thrown(() => rateWorkbook([grid('S', [['Ref', 'Measure', 'Target', 'Good performance', 'Sep-17'], ['A1', 'X', 5, 'High', 4]])], { file: 'f.xlsx' }));
    expect(e.where).toEqual({ file: 'f.xlsx', sheet: 'S', cell: 'A1' });
  });
  it('a protected sheet is refused', () => {
    const e = thrown(() => rateWorkbook([{ ...simpleScorecard(), protected: true }]));
    expect(e.message).toMatch(/protected/);
  });
  it('no period values at all is a ScorecardError', () => {
    const e = thrown(() => rateWorkbook([grid('S', [['Ref', 'Measure', 'Target', 'Status', 'Sep-17'], ['A1', 'X', 5, null, null]])]));
    expect(e.message).toMatch(/no period columns with values/);
  });
  it('the add-in’s own sheets (by their mark, whatever their name) are never read as scorecards', () => {
    const r = rateWorkbook([simpleScorecard(), { ...simpleScorecard('Summary'), ownedKind: 'summary' }, { ...simpleScorecard('Renamed'), ownedKind: 'rules' }]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(['Scorecard']);
  });
  it('reads the workbook key and writes its symbols', () => {
    const key = grid('Key', [['✓', 'On target'], ['✗', 'Off target']]);
    const r = rateWorkbook([simpleScorecard(), key]);
    expect(r.rules.symbols['on-target']).toBe('✓');
    const statusWrites = r.sheets[0].writes.filter((w) => w.kind === 'status').map((w) => w.value);
    expect(statusWrites).toEqual(['✗', '✓', '◐']);
  });
  it('rules that only repeat the default symbols (a Rules sheet saved untouched) leave the Key’s symbols alone', () => {
    const key = grid('Key', [['✓', 'On target'], ['✗', 'Off target']]);
    const r = rateWorkbook([simpleScorecard(), key], { rules: { symbols: defaultRules().symbols } });
    expect(r.rules.symbols['on-target']).toBe('✓');
    expect(r.rules.symbols['off-target']).toBe('✗');
    expect(r.rules.symbols.satisfactory).toBe(defaultRules().symbols.satisfactory);
  });

  it('a symbol the rules change on purpose wins over the Key', () => {
    const key = grid('Key', [['✓', 'On target'], ['✗', 'Off target']]);
    const r = rateWorkbook([simpleScorecard(), key], { rules: { symbols: { ...defaultRules().symbols, 'on-target': 'G' } } });
    expect(r.rules.symbols['on-target']).toBe('G');
    expect(r.rules.symbols['off-target']).toBe('✗');
  });

  it('rule overrides apply', () => {
    const r = rateWorkbook([simpleScorecard()], { rules: { tolerance: 0.1 } });
    expect(r.rules.tolerance).toBe(0.1);
    expect(r.sheets[0].rows[0].rating.status).toBe('satisfactory');
  });
  it('increase / decrease count as not applicable in the summary DOT', () => {
    const g = grid('S', [
      ['Ref', 'Measure', 'Target', 'Status', 'Good performance', 'Q2 Jul - Sep 2016', 'Q2 Jul - Sep 2017'],
      ['A1', 'X', 'No target', null, 'Not applicable', 4, 6],
    ]);
    const r = rateWorkbook([g]);
    expect(r.sheets[0].rows[0].rating.dot).toBe('increase');
    expect(r.summary.dot['not-applicable'].count).toBe(1);
    expect(r.summary.dot.increase.count).toBe(0);
  });
  it('red flags: off target now and in the previous quarter', () => {
    const g = grid('S', [
      ['Ref', 'Measure', 'Target', 'Overall status', 'Good performance', 'Q1 Apr - Jun 2017', 'Q2 Jul - Sep 2017'],
      ['A1', 'Red twice', 100, null, 'High', 50, 60],
      ['A2', 'Red once', 100, null, 'High', 100, 60],
    ]);
    const r = rateWorkbook([g]);
    expect(r.redFlags.map((f) => [f.ref, f.period, f.value, f.previousPeriod, f.previousValue])).toEqual([['A1', 'Q2 Jul - Sep 2017', '60', 'Q1 Apr - Jun 2017', '50']]);
  });
});

describe('reportingEnd', () => {
  it('is the newest period holding any value, ignoring empty future columns', () => {
    const g = grid('S', [
      ['Ref', 'Measure', 'Target', 'Status', 'Jul-17', 'Aug-17', 'Sep-17', 'Oct-17', 'Nov-17'],
      ['A1', 'X', 5, null, 1, 2, 3, null, ''],
      ['A2', 'Y', 5, null, 1, '  ', null, '', null],
    ]);
    expect(reportingEnd([readScorecard(g)!])).toBe(monthIndex(2017, 9));
  });
  it('ignores year-to-date columns', () => {
    const g = grid('S', [
      ['Ref', 'Measure', 'Target', 'Status', 'Jul-17', 'Year to Date 17/18'],
      ['A1', 'X', 5, null, 1, 9],
    ]);
    expect(reportingEnd([readScorecard(g)!])).toBe(monthIndex(2017, 7));
  });
  it('null when no period has a value', () => {
    const g = grid('S', [['Ref', 'Measure', 'Target', 'Status', 'Jul-17'], ['A1', 'X', 5, null, null]]);
    expect(reportingEnd([readScorecard(g)!])).toBeNull();
  });
});

describe('add-in sheets are never read as scorecards', () => {
  test('a Flags sheet with Ref and Measure headers is skipped', () => {
    const { rateWorkbook } = jest.requireActual('../../src/scorecard/rateWorkbook') as typeof import('../../src/scorecard/rateWorkbook');
    const flags = { name: 'Flags', ownedKind: 'flags' as const, values: [['Flags'], ['Ref', 'Measure', 'Status', 'Target', 'Comment'], ['1.A1', 'x', 'y', 'z', 'c']] };
    expect(() => rateWorkbook([flags])).toThrow(/no scorecard found/);
  });
});

describe('each header block of a sheet keeps its own conventions', () => {
  // Year on year, September fell (100 → 80); month on month it rose (50 → 80).
  const periods = ['Sep-16', 'Aug-17', 'Sep-17'];
  const values = [100, 50, 80];
  const sheet = grid('Scorecard', [
    ['Corporate scorecard'],
    ['Outcome', 'Ref No.', 'Measure', 'Good performance', 'Frequency of reporting', 'Target', 'Overall status', 'DOT', ...periods],
    ['Safe', '1.A1', 'Visits made', 'High', 'Monthly', 70, null, null, ...values],
    [],
    ['Monthly RAG table'],
    ['Outcome', 'Ref No.', 'Measure', 'Good performance', 'Frequency of reporting', 'Target', 'RAG', 'DOT (Month on Month)', ...periods],
    ['Safe', '2.A1', 'Visits made', 'High', 'Monthly', 70, null, null, ...values],
  ]);

  it('symbols under "Overall status" and RAG words under "RAG", in one sheet', () => {
    const r = rateWorkbook([sheet]);
    const written = (row: number, col: number) => r.sheets[0].writes.find((w) => w.row === row && w.col === col)?.value;
    expect(r.sheets[0].rows.map((x) => x.rating.status)).toEqual(['on-target', 'on-target']);
    expect(written(2, 6)).toBe('✔');
    expect(written(6, 6)).toBe('Green');
  });

  it('the DOT basis a header names holds for its own block only', () => {
    const [first, second] = rateWorkbook([sheet]).sheets[0].rows;
    expect(first.rating.dot).toBe('worse');
    expect(second.rating.dot).toBe('improved');
  });
});
