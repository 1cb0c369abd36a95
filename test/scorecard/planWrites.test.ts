import { defaultRules } from '../../src/engine/rules';
import type { Rating } from '../../src/engine/types';
import { EXPLANATION_HEADER, explanationColumn, planWrites } from '../../src/scorecard/planWrites';
import { readScorecard } from '../../src/scorecard/readScorecard';
import { grid, simpleScorecard } from './grids';

const rules = defaultRules();
const rating = (status: Rating['status'], dot: Rating['dot'] = 'improved'): Rating => ({ status, dot, explanation: `because ${status}`, finding: { kind: 'no-value', reason: 'test' } });

describe('planWrites', () => {
  const g = simpleScorecard();
  const s = readScorecard(g)!;
  const rated = s.measures.map((m, i) => ({ row: m.row, ref: m.ref, rating: rating(i === 0 ? 'off-target' : 'on-target', i === 0 ? 'worse' : 'improved') }));
  const plan = planWrites(g, s.blocks, rated, rules, rules.symbols);

  it('writes only the status, DOT and explanation columns', () => {
    const cols = new Set(plan.writes.map((w) => w.col));
    expect([...cols].sort((a, b) => a - b)).toEqual([6, 7, 12]);
    expect(plan.columns).toEqual({ status: 6, dot: 7, explanation: 12 });
  });
  it('puts the explanation in a new column right of everything, with a header per block', () => {
    expect(explanationColumn(g, s.blocks)).toBe(12);
    const headers = plan.writes.filter((w) => w.kind === 'explanation-header');
    expect(headers.map((w) => [w.row, w.col, w.value])).toEqual([
      [3, 12, EXPLANATION_HEADER],
      [8, 12, EXPLANATION_HEADER],
    ]);
  });
  it('writes the status symbol and DOT symbol on each measure row (0-based rows)', () => {
    const statuses = plan.writes.filter((w) => w.kind === 'status').map((w) => [w.row, w.value]);
    expect(statuses).toEqual([
      [4, '✘'],
      [5, '✔'],
      [9, '✔'],
    ]);
    const dots = plan.writes.filter((w) => w.kind === 'dot').map((w) => [w.row, w.value]);
    expect(dots).toEqual([
      [4, '▼'],
      [5, '▲'],
      [9, '▲'],
    ]);
    expect(plan.writes.find((w) => w.kind === 'status')?.style).toMatchObject({ fill: 'FFC7CE', bold: true });
  });
  it('writes the explanation text', () => {
    expect(plan.writes.filter((w) => w.kind === 'explanation').map((w) => w.value)).toEqual(['because off-target', 'because on-target', 'because on-target']);
  });
  it('uses the symbols it is given (a workbook key)', () => {
    const p = planWrites(g, s.blocks, rated, rules, { ...rules.symbols, 'on-target': 'G' });
    expect(p.writes.filter((w) => w.kind === 'status').map((w) => w.value)).toEqual(['✘', 'G', 'G']);
  });
  it('skips status and DOT cells that hold a formula, with a warning naming the cell', () => {
    const formulas: string[][] = [];
    formulas[4] = [];
    formulas[4][6] = '=IF(K5>F5,"✘","✔")';
    formulas[4][7] = '=X5';
    const gf = { ...g, formulas };
    const p = planWrites(gf, s.blocks, rated, rules, rules.symbols);
    expect(p.writes.some((w) => w.row === 4 && (w.col === 6 || w.col === 7))).toBe(false);
    expect(p.writes.some((w) => w.row === 4 && w.kind === 'explanation')).toBe(true);
    expect(p.warnings).toEqual([
      { message: 'status cell holds a formula and was left as it is (1.A1)', where: { sheet: 'Scorecard', cell: 'G5', ref: '1.A1' }, kept: true },
      { message: 'DOT cell holds a formula and was left as it is (1.A1)', where: { sheet: 'Scorecard', cell: 'H5', ref: '1.A1' }, kept: true },
    ]);
  });
  it('blocks with different layouts: each row is written in its own block’s status and DOT columns', () => {
    const g2 = grid('S', [
      ['Priority 1'],
      ['Ref', 'Measure', 'Target', 'Overall status', 'DOT', 'Sep-17'],
      ['1.A1', 'X', 5, null, null, 6],
      [],
      ['Priority 2'],
      ['Ref', 'Measure', 'Overall status', 'Target', 'Sep-17', 'DOT'],
      ['2.A1', 'Y', null, 5, 4, null],
    ]);
    const s2 = readScorecard(g2)!;
    const p = planWrites(
      g2,
      s2.blocks,
      s2.measures.map((m) => ({ row: m.row, ref: m.ref, rating: rating('on-target') })),
      rules,
      rules.symbols,
    );
    expect(p.writes.filter((w) => w.kind === 'status' || w.kind === 'dot').map((w) => [w.kind, w.row, w.col])).toEqual([
      ['status', 2, 3],
      ['dot', 2, 4],
      ['status', 6, 2],
      ['dot', 6, 5],
    ]);
    expect(p.columns).toEqual({ status: 3, dot: 4, explanation: 6 });
  });
  it('reuses an existing explanation column and does not rewrite its header', () => {
    const g2 = grid('S', [
      ['Ref', 'Measure', 'Target', 'Status', 'Sep-17', 'Rating explanation', 'Notes'],
      ['A1', 'X', 5, null, 6, 'old', ''],
    ]);
    const s2 = readScorecard(g2)!;
    const p = planWrites(g2, s2.blocks, [{ row: 2, ref: 'A1', rating: rating('on-target') }], rules, rules.symbols);
    expect(p.columns).toEqual({ status: 3, explanation: 5 });
    expect(p.writes.map((w) => [w.kind, w.row, w.col])).toEqual([
      ['status', 1, 3],
      ['explanation', 1, 5],
    ]);
  });
});
