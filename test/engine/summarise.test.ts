import { summarise } from '../../src/engine/summarise';
import type { SummaryInput } from '../../src/engine/summarise';
import type { DotKey, StatusKey } from '../../src/engine/types';

function rows(spec: [string, StatusKey, DotKey, number][]): SummaryInput[] {
  return spec.flatMap(([priority, status, dot, n]) => Array.from({ length: n }, () => ({ priority, status, dot })));
}

describe('summarise', () => {
  const input = rows([
    ['P1', 'on-target', 'improved', 3],
    ['P1', 'off-target', 'worse', 2],
    ['P2', 'satisfactory', 'stable', 1],
    ['P2', 'not-applicable', 'not-applicable', 2],
    ['P1', 'not-available', 'not-applicable', 1],
  ]);
  const s = summarise(input);

  it('counts statuses over all measures', () => {
    expect(s.total).toBe(9);
    expect(s.statuses['on-target']).toEqual({ count: 3, percent: 33.4 }); // largest remainder: 33.3 + 0.1
    expect(s.statuses['off-target'].count).toBe(2);
    expect(s.statuses['under-development']).toEqual({ count: 0, percent: 0 });
  });
  it('rated table covers only on target, satisfactory and off target', () => {
    expect(s.rated.total).toBe(6);
    expect(s.rated.statuses).toEqual({
      'on-target': { count: 3, percent: 50 },
      satisfactory: { count: 1, percent: 16.7 },
      'off-target': { count: 2, percent: 33.3 },
    });
  });
  it('DOT counts', () => {
    expect(s.dot.improved.count).toBe(3);
    expect(s.dot['not-applicable'].count).toBe(3);
  });
  it('per priority, in order of first appearance', () => {
    expect(s.byPriority.map((p) => [p.priority, p.total])).toEqual([
      ['P1', 6],
      ['P2', 3],
    ]);
    expect(s.byPriority[1].statuses['not-applicable']).toEqual({ count: 2, percent: 66.7 });
  });
  it('cross tab: status × DOT', () => {
    expect(s.crossTab['on-target'].improved).toBe(3);
    expect(s.crossTab['off-target'].worse).toBe(2);
    expect(s.crossTab.satisfactory.worse).toBe(0);
  });
  it('the report text gives the counts and shares', () => {
    expect(s.text).toContain('Of 9 measures, 3 on target (33.4%), 1 satisfactory (11.1%), 2 off target (22.2%)');
    expect(s.text).toContain('Of the 6 measures with data and a target, 4 (66.7%) were on target or satisfactory.');
    expect(s.text).toContain('3 measures achieved target and improved; 2 measures were off target and worsened.');
  });
  it('singular wording for one measure', () => {
    const one = summarise(rows([['P', 'off-target', 'worse', 1]]));
    expect(one.text).toContain('Of 1 measure,');
    expect(one.text).toContain('1 measure was off target and worsened');
  });
  it('no rows', () => {
    const empty = summarise([]);
    expect(empty.total).toBe(0);
    expect(empty.byPriority).toEqual([]);
    expect(empty.text).toBe('No measures were rated.');
    expect(empty.statuses['on-target'].percent).toBe(0);
  });
});
