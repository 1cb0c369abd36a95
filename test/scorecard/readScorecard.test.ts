import { isExplanationHeader, readScorecard } from '../../src/scorecard/readScorecard';
import { ScorecardError } from '../../src/scorecard/types';
import { grid, HEADER, PERIODS, range, simpleScorecard } from './grids';

describe('readScorecard: blocks and measures', () => {
  const s = readScorecard(simpleScorecard());

  it('finds both header blocks', () => {
    expect(s?.blocks.map((b) => b.headerRows)).toEqual([[3], [8]]);
  });
  it('finds exactly the measure rows (1-based)', () => {
    expect(s?.measures.map((m) => [m.row, m.ref])).toEqual([
      [5, '1.A1'],
      [6, '1.A2'],
      [10, '2.B1'],
    ]);
  });
  it('takes the priority from the section row above each header', () => {
    expect(s?.measures.map((m) => m.priority)).toEqual([
      'Corporate Priority 1 – Every child making the best start in life',
      'Corporate Priority 1 – Every child making the best start in life',
      'Corporate Priority 2 – Every adult secure, responsible and empowered',
    ]);
  });
  it('maps the columns by role', () => {
    expect(s?.blocks[0].columns).toMatchObject({ outcome: 0, ref: 1, measure: 2, polarity: 3, frequency: 4, target: 5, status: 6, dot: 7, notes: 11 });
  });
  it('parses the period columns', () => {
    expect(s?.blocks[0].periods.map((p) => [p.col, p.period.label, p.period.kind])).toEqual([
      [8, 'Year end 2016/17', 'year'],
      [9, 'Q1 Apr - Jun 2017', 'quarter'],
      [10, 'Q2 Jul - Sep 2017', 'quarter'],
    ]);
  });
  it('builds each measure with its cells', () => {
    const m = s!.measures[0];
    expect(m).toMatchObject({ sheet: 'Scorecard', ref: '1.A1', name: 'Rate of referrals per 10,000', polarity: { value: 'Low' }, frequency: { value: 'Quarterly' } });
    expect(m.target.value).toBe(336.9);
    expect(m.observations.map((o) => o.cell.value)).toEqual([330, 340, 345.8]);
    expect(s!.measures[1].target.value).toBe('<22%');
  });
  it('carries the outcome down to rows that leave it blank', () => {
    expect(s?.measures[1].outcome).toBe('Children are safe');
  });
  it('no warnings for a clean sheet', () => {
    expect(s?.warnings).toEqual([]);
  });
});

describe('readScorecard: layouts', () => {
  it('two-row header: fixed titles merged down, period titles in the second row', () => {
    const g = grid(
      'Scorecard',
      [
        ['Title'],
        ['Corporate Priority 1 – Children'],
        [...HEADER, 'Annual', 'Quarterly', null, 'Data notes'],
        [null, null, null, null, null, null, null, null, ...PERIODS, null],
        ['Safe', '1.A1', 'Referrals', 'Low', 'Quarterly', 336.9, null, null, 330, 340, 345.8, 'note'],
        [null, '1.A2', 'Re-referrals', 'Low', 'Quarterly', 20, null, null, 21, 20, 19, ''],
      ],
      { merges: [...HEADER.map((_, c) => range(2, c, 3, c)), range(2, 11, 3, 11), range(2, 9, 2, 10)] },
    );
    const s = readScorecard(g);
    expect(s?.blocks).toHaveLength(1);
    expect(s?.blocks[0].headerRows).toEqual([2, 3]);
    expect(s?.blocks[0].periods.map((p) => p.period.label)).toEqual(PERIODS);
    expect(s?.measures.map((m) => m.row)).toEqual([5, 6]);
    expect(s?.measures[0].priority).toBe('Corporate Priority 1 – Children');
  });
  it('merged Outcome, Lead Accountability and Action are read from the merge’s top cell', () => {
    const header = ['Outcome', 'Lead Accountability', 'Ref', 'Action', 'Measure', 'Target', 'Overall status', 'Sep-17'];
    const g = grid(
      'S',
      [
        header,
        ['Outcome A', 'Director X', '1', 'Action 1', 'M1', 10, null, 11],
        [null, null, '2', null, 'M2', 10, null, 12],
        [null, null, '3', 'Action 2', 'M3', 10, null, 13],
      ],
      { merges: [range(1, 0, 3, 0), range(1, 1, 3, 1), range(1, 3, 2, 3)] },
    );
    const s = readScorecard(g)!;
    expect(s.measures.map((m) => [m.outcome, m.leadAccountability, m.action])).toEqual([
      ['Outcome A', 'Director X', 'Action 1'],
      ['Outcome A', 'Director X', 'Action 1'],
      ['Outcome A', 'Director X', 'Action 2'],
    ]);
  });
  it('an unmerged blank Action is not carried down (only Outcome and Lead are)', () => {
    const g = grid('S', [
      ['Ref', 'Action', 'Measure', 'Target', 'Overall status', 'Sep-17'],
      ['1', 'Action 1', 'M1', 10, null, 11],
      ['2', null, 'M2', 10, null, 12],
    ]);
    expect(readScorecard(g)!.measures.map((m) => m.action)).toEqual(['Action 1', undefined]);
  });
  it('reads header wording variants: "PI Ref", "Indicator", "Good Perf Is", "RAG", "Direction of travel"', () => {
    const g = grid('S', [
      ['PI Ref', 'Indicator', 'Good Perf Is', 'Frequency', 'Target', 'RAG', 'Direction of travel', 'Jul-17', 'Aug-17', 'Sep-17'],
      ['CS01', 'Looked after children', 'Low', 'Monthly', 60, 'G', '', 58, 59, 61],
    ]);
    const s = readScorecard(g)!;
    expect(s.blocks[0].columns).toMatchObject({ ref: 0, measure: 1, polarity: 2, frequency: 3, target: 4, status: 5, dot: 6 });
    expect(s.blocks[0].periods).toHaveLength(3);
    expect(s.measures[0].currentStatus.value).toBe('G');
  });
  it('plain "Ref" with a measure and target', () => {
    const s = readScorecard(grid('S', [['Ref', 'Measure', 'Target', 'Status', 'Sep-17'], ['A1', 'Thing', 5, null, 4]]))!;
    expect(s.measures.map((m) => m.ref)).toEqual(['A1']);
  });
  it('"YTD" takes the financial year of the newest month beside it', () => {
    const s = readScorecard(grid('S', [['Ref', 'Measure', 'Target', 'Status', 'Jan-18', 'Feb-18', 'YTD'], ['A1', 'Thing', 5, null, 4, 5, 9]]))!;
    const ytd = s.blocks[0].periods.find((p) => p.period.kind === 'ytd');
    expect(ytd?.col).toBe(6);
    expect(ytd?.period.label).toBe('YTD');
    expect(s.blocks[0].periods.find((p) => p.period.label === 'Jan-18')!.period.end).toBeLessThanOrEqual(ytd!.period.end);
  });
  it('number formats and display text come with the cells', () => {
    const g = grid('S', [['Ref', 'Measure', 'Target', 'Status', 'Sep-17'], ['A1', 'Thing', 0.53, null, 0.51]], {
      numberFormats: [[], [null, null, '0%', null, '0.0%']],
      texts: [[], [null, null, '53%', null, '51.0%']],
    });
    const m = readScorecard(g)!.measures[0];
    expect(m.target).toEqual({ value: 0.53, numberFormat: '0%', text: '53%' });
    expect(m.observations[0].cell).toEqual({ value: 0.51, numberFormat: '0.0%', text: '51.0%' });
  });
  it('"As above" takes the target of the row above', () => {
    const s = readScorecard(grid('S', [['Ref', 'Measure', 'Target', 'Status', 'Sep-17'], ['A1', 'X', 90, null, 4], ['A2', 'Y', 'As above', null, 5]]))!;
    expect(s.measures[1].target.value).toBe(90);
  });
  it('skips rows without a ref or name, and rows with nothing to rate', () => {
    const s = readScorecard(
      grid('S', [
        ['Ref', 'Measure', 'Target', 'Status', 'Sep-17'],
        [null, null, 5, null, 4],
        ['A1', 'Only a name', null, null, null],
        ['A2', 'Real', 5, null, 4],
      ]),
    )!;
    expect(s.measures.map((m) => m.row)).toEqual([4]);
  });
  it('a missing ref between numbered refs is inferred, with a warning', () => {
    const s = readScorecard(
      grid('S', [
        ['Ref', 'Measure', 'Target', 'Status', 'Sep-17'],
        ['5.C1', 'A', 5, null, 4],
        [null, 'B', 5, null, 4],
        ['5.C3', 'C', 5, null, 4],
      ]),
    )!;
    expect(s.measures[1].ref).toBe('5.C2');
    expect(s.warnings[0].message).toBe('row 3 has no reference; 5.C2 taken from the numbering around it');
    expect(s.warnings[0].where).toEqual({ sheet: 'S', cell: 'A3' });
  });
});

describe('readScorecard: no scorecard, bad headers', () => {
  it('returns null for a sheet with no header', () => {
    expect(readScorecard(grid('Key', [['✔', 'On target'], ['✘', 'Off target']]))).toBeNull();
    expect(readScorecard(grid('Empty', []))).toBeNull();
  });
  it('throws a ScorecardError naming the sheet and cell when there is no status column', () => {
    const g = grid('Scorecard', [['Title'], [], ['Ref', 'Measure', 'Target', 'Good performance', 'Sep-17'], ['A1', 'X', 5, 'High', 4]]);
    let err: unknown;
    try {
      readScorecard(g);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScorecardError);
    const se = err as ScorecardError;
    expect(se.message).toBe('no status column (Overall status / RAG) in the header at row 3');
    expect(se.where).toEqual({ sheet: 'Scorecard', cell: 'A3' });
  });
  it('throws a ScorecardError when there is no Target column', () => {
    const g = grid('S', [['Ref', 'Measure', 'Overall status', 'DOT', 'Sep-17'], ['A1', 'X', null, null, 4]]);
    expect(() => readScorecard(g)).toThrow(new ScorecardError('no Target column in the header at row 1'));
  });
});

describe('isExplanationHeader', () => {
  it('recognises only our own column, never a council narrative column', () => {
    expect(isExplanationHeader('Rating explanation')).toBe(true);
    expect(isExplanationHeader('Scorecard explanation')).toBe(true);
    expect(isExplanationHeader('Explanation')).toBe(false);
    expect(isExplanationHeader('Reason for rating')).toBe(false);
    expect(isExplanationHeader('Data notes')).toBe(false);
    expect(isExplanationHeader(null)).toBe(false);
  });
});
