import { formatPercent, roundedPercentages } from '../../src/engine/percentages';

/** Sum in tenths, exact: the published table must show 100.0. */
const tenths = (ps: number[]) => ps.reduce((a, p) => a + Math.round(p * 10), 0);

describe('roundedPercentages', () => {
  it('published example: 17/11/23/0/12/9 of 72 → 23.6/15.3/31.9/0/16.7/12.5', () => {
    const ps = roundedPercentages([17, 11, 23, 0, 12, 9]);
    expect(ps).toEqual([23.6, 15.3, 31.9, 0, 16.7, 12.5]);
    expect(tenths(ps)).toBe(1000);
  });
  it('thirds: 33.4/33.3/33.3 (ties go to the first)', () => {
    expect(roundedPercentages([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });
  it('sevenths add up to 100.0 where plain rounding gives 100.1', () => {
    const counts = [1, 1, 1, 1, 1, 1, 1];
    const plain = counts.map(() => Math.round((1 / 7) * 1000) / 10);
    expect(tenths(plain)).toBe(1001);
    expect(tenths(roundedPercentages(counts))).toBe(1000);
  });
  it('a single non-zero count is 100', () => {
    expect(roundedPercentages([0, 5, 0])).toEqual([0, 100, 0]);
  });
  it('zero total gives zeros', () => {
    expect(roundedPercentages([0, 0, 0])).toEqual([0, 0, 0]);
    expect(roundedPercentages([])).toEqual([]);
  });
  it('whole-number decimals', () => {
    const ps = roundedPercentages([1, 1, 1], 0);
    expect(ps).toEqual([34, 33, 33]);
  });
});

describe('formatPercent', () => {
  it('one decimal by default', () => {
    expect(formatPercent(23.6)).toBe('23.6%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(12.5, 0)).toBe('13%');
  });
});
