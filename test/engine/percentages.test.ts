import fc from 'fast-check';
import { formatPercent, roundShares, roundedPercentages } from '../../src/engine/percentages';

/** Sum in tenths, exact: the published table must show 100.0. */
const tenths = (ps: number[]) => ps.reduce((a, p) => a + Math.round(p * 10), 0);

describe('roundShares', () => {
  it('published example: 17/11/23/0/12/9 of 72 → 23.6/15.3/31.9/0/16.7/12.5, adding up', () => {
    const r = roundShares([17, 11, 23, 0, 12, 9]);
    expect(r.percents).toEqual([23.6, 15.3, 31.9, 0, 16.7, 12.5]);
    expect(r.addsUp).toBe(true);
  });
  it('equal counts show equal percentages: three thirds are 33.3 each and say they do not add up', () => {
    expect(roundShares([1, 1, 1])).toEqual({ percents: [33.3, 33.3, 33.3], addsUp: false });
  });
  it('4 of 11 twice are both 36.4, and 1 of 16 twice both 6.3 (the issue’s examples)', () => {
    const a = roundShares([4, 4, 3]);
    expect(a.percents[0]).toBe(a.percents[1]);
    const b = roundShares([1, 1, 14]);
    expect(b.percents[0]).toBe(b.percents[1]);
    expect(b.percents[0]).toBe(6.3);
  });
  it('adds up wherever equal shares allow it: sevenths cannot, 1/1/2 can', () => {
    expect(roundShares([1, 1, 1, 1, 1, 1, 1]).addsUp).toBe(false);
    expect(roundShares([1, 1, 2])).toEqual({ percents: [25, 25, 50], addsUp: true });
    expect(tenths(roundShares([2, 3, 3, 4]).percents)).toBe(1000);
  });
  it('a single non-zero count is 100', () => {
    expect(roundedPercentages([0, 5, 0])).toEqual([0, 100, 0]);
  });
  it('zero total gives zeros', () => {
    expect(roundShares([0, 0, 0])).toEqual({ percents: [0, 0, 0], addsUp: true });
    expect(roundedPercentages([])).toEqual([]);
  });
  it('whole-number decimals', () => {
    expect(roundShares([1, 1, 1], 0)).toEqual({ percents: [33, 33, 33], addsUp: false });
    expect(roundShares([1, 1, 2], 0).percents).toEqual([25, 25, 50]);
  });

  it('property: equal counts, equal shares; each share within 0.1 of the exact; adds up when it says so', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const { percents, addsUp } = roundShares(counts);
        counts.forEach((c, i) => {
          counts.forEach((d, j) => {
            if (c === d) expect(percents[i]).toBe(percents[j]);
          });
          const exact = total ? (100 * c) / total : 0;
          expect(Math.abs(percents[i] - exact)).toBeLessThan(0.1 + 1e-9);
        });
        if (total === 0 || addsUp) expect(tenths(percents)).toBe(total === 0 ? 0 : 1000);
        else expect(tenths(percents)).not.toBe(1000);
      }),
      { numRuns: 500 },
    );
  });
  it('property: when some choice of roundings adds up, it is found', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 5 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const distinct = [...new Set(counts)];
        // Brute force over up/down per distinct count.
        let possible = false;
        for (let mask = 0; mask < 1 << distinct.length && !possible; mask++) {
          const sum = counts.reduce((a, c) => {
            const e = (1000 * c) / total;
            const k = distinct.indexOf(c);
            const v = Number.isInteger(Math.round(e * 1e6) / 1e6) ? Math.round(e) : mask & (1 << k) ? Math.ceil(e) : Math.floor(e);
            return a + v;
          }, 0);
          possible = sum === 1000;
        }
        expect(roundShares(counts).addsUp).toBe(possible);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatPercent', () => {
  it('one decimal by default', () => {
    expect(formatPercent(23.6)).toBe('23.6%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(12.5, 0)).toBe('13%');
  });
});
