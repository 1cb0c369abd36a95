/**
 * Property tests of the engine and the reader (fast-check). Run counts are kept modest so the file stays fast;
 * a failure prints its seed and counterexample, which can be replayed with fc.assert(..., { seed, path }).
 */
import fc from 'fast-check';
import { monthIndex, parsePeriod } from '../../src/engine/periods';
import { roundShares, roundedPercentages } from '../../src/engine/percentages';
import { rateMeasure } from '../../src/engine/rate';
import { defaultRules } from '../../src/engine/rules';
import type { RatingRules } from '../../src/engine/rules';
import { summarise } from '../../src/engine/summarise';
import type { StatusTable } from '../../src/engine/summarise';
import { parseFrequency, parsePolarity, parseTarget } from '../../src/engine/targets';
import { DOT_KEYS, STATUS_KEYS } from '../../src/engine/types';
import type { CellInput, DotKey, Measure, Observation, StatusKey } from '../../src/engine/types';
import { parseValue } from '../../src/engine/values';
import { SYNONYMS } from '../../src/scorecard/columns';
import type { ColumnRole } from '../../src/scorecard/columns';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { readScorecard } from '../../src/scorecard/readScorecard';
import { ScorecardError } from '../../src/scorecard/types';
import type { CellRange, CellValue, SheetGrid } from '../../src/workbook/grid';

// ---------------------------------------------------------------------------------------------------------
// Generators shared by the properties
// ---------------------------------------------------------------------------------------------------------

/** Strings councils really type into scorecards: values, targets, polarities, frequencies, headers. */
const COUNCIL_STRINGS = [
  '43.5% (188/432)', '12 (Cumulative)', '£3,856m', '£3,856m (-37%)', '10.33 days (excluding schools)', 'a) 100% b) 98.5%',
  'n/a (due Dec17)', 'Not available', 'No longer available', '-', '–', 'Q2 - 38.78 Overall YTD - 42.42',
  'Performance (cumulative) up to 30.9.16 = 50.41%', '>100,000', '#N/A', '#DIV/0!', '352/371 94.9%', '1) 12 2) 14 3) 9',
  '336.9', '53%', '>53%', '37+', '<10', '10% reduction', 'Reduce by 5%', '5% reduction on 2016-17 (27% Annual Target)',
  'Baseline Year', 'No target - not applicable', 'TBC', 'Inline with or above the national average', 'Top quartile',
  '5000 (cumulative for the year)', 'For 2017/18, reduce the gap from 4.3% to 4.0%', 'As above', '100% by April 2018',
  '2,500 Academic Yr', '97% (Top Quartile Met Authorities)', 'All at 95%', '1,000 new jobs p.a. (10,000 over 10 years).',
  'High', 'Low', 'High - very or fairly satisfied', 'Not applicable', 'Info', 'Within limits', 'Monthly', 'Quarterly',
  '6 monthly', 'Annual', 'Termly', 'Year end 2016/17', 'Q2 Jul - Sep 2017', 'Jul-17', '2017/18 Q2', 'Sep 2017',
  '3 months to Sep', 'Autumn term 2017', 'YTD', 'Year to Date 15/16', 'On target - agreed by DMT', 'Red', '✔', '✘', '●',
  '■', '□', 'national average of 93.4%', 'Top Quartile range of 7.65% - 11.8%', 'Baseline being set', '+/-5 of 158.8',
  'more than +/-15', '14-20', '1% above range', '<92%', '92%>', '0', '-0', '1e400', '0x1F', '.', '%', '(', ')', 'a)', '',
];

const councilString = fc.constantFrom(...COUNCIL_STRINGS);

/** Council strings glued to random text, to reach the odd corners of the regular expressions. */
const mixedString = fc
  .tuple(fc.array(fc.oneof(councilString, fc.string({ maxLength: 8 }), fc.constantFrom(' ', '%', '/', '-', '(', ')', '>', '<', '+')), { maxLength: 5 }))
  .map(([parts]) => parts.join(''));

const anyString = fc.oneof(
  { weight: 3, arbitrary: councilString },
  { weight: 2, arbitrary: mixedString },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 400 }) },
);

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, Number.MAX_VALUE, Number.MIN_VALUE, 0.435, 1e21),
);

/** Numbers a real workbook can hold (Excel has no NaN or Infinity). */
const finiteNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(-0, 0, Number.MAX_VALUE, Number.MIN_VALUE, 0.435, 1e21),
);

/** Anything a host can put in a cell (and undefined, which some adapters leak). */
const valueOf = (numbers: fc.Arbitrary<number>): fc.Arbitrary<CellInput['value']> =>
  fc.oneof(
    { weight: 5, arbitrary: anyString },
    { weight: 3, arbitrary: numbers },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 1, arbitrary: fc.date() },
  );
const anyValue = valueOf(anyNumber);

const anyFormat = fc.option(
  fc.oneof(
    fc.constantFrom('0.0%', '0%', '#,##0', '0.00', 'General', '"%"0', '0.0\\%', '[Red]0.0%;0%', '', `0.${'0'.repeat(120)}%`, `#,##0.${'#'.repeat(40)}`),
    fc.string({ maxLength: 12 }),
  ),
);

const cellOf = (value: fc.Arbitrary<CellInput['value']>): fc.Arbitrary<CellInput> =>
  fc.record({ value, numberFormat: anyFormat, text: fc.option(anyString) }, { requiredKeys: ['value'] });
const anyCell = cellOf(anyValue);
/** A cell as a real workbook gives it: numbers are finite. */
const realCell = cellOf(valueOf(finiteNumber));

/** Period headers the reader would accept, plus random text and Dates. */
const PERIOD_HEADERS = [
  'Year end 2015/16', 'Year end 2016/17', 'Year end 2017/18', 'Q1 Apr - Jun 2016', 'Q2 Jul - Sep 2016', 'Q3 Oct - Dec 2016',
  'Q4 Jan - Mar 2017', 'Q1 Apr - June 2017', 'Q2 Jul - Sep 2017', 'Q3 Oct - Dec 2017', 'Jun-17', 'Jul-17', 'Aug-17', 'Sep-17',
  'Oct-17', 'Sep 2016', '2017/18 Q2', 'Q1 2017/18', 'H1 2017/18', 'Autumn term 2017', 'Summer 17', 'Academic year 2016/17',
  '12 months to March 2017', 'Year to Date 17/18',
];

const anyPeriod = fc.oneof(
  fc.constantFrom(...PERIOD_HEADERS).map((h) => parsePeriod(h)),
  fc.tuple(anyString, fc.integer({ min: 1990, max: 2040 })).map(([h, y]) => parsePeriod(h, y)),
  fc.date().map((d) => parsePeriod(d)),
);


const anyRules: fc.Arbitrary<RatingRules> = fc
  .record({
    tolerance: fc.double({ min: 0, max: 1, noNaN: true }),
    tolerancePoints: fc.double({ min: 0, max: 100, noNaN: true }),
    strictComparators: fc.boolean(),
    dotBasis: fc.constantFrom('same-period-last-year', 'previous-period', 'previous-year-end') as fc.Arbitrary<RatingRules['dotBasis']>,
    stabilityBand: fc.double({ min: 0, max: 1, noNaN: true }),
    compositeRule: fc.constantFrom('worst', 'best') as fc.Arbitrary<RatingRules['compositeRule']>,
    cumulativeProfile: fc.constantFrom('linear', 'none') as fc.Arbitrary<RatingRules['cumulativeProfile']>,
    lagFallback: fc.constantFrom('same-year', 'none') as fc.Arbitrary<RatingRules['lagFallback']>,
    benchmarkFromNotes: fc.boolean(),
  })
  .map((r) => ({ ...defaultRules(), ...r }));

const observationsOf = (cell: fc.Arbitrary<CellInput>): fc.Arbitrary<Observation[]> =>
  fc
    .array(fc.tuple(anyPeriod, cell), { maxLength: 8 })
    .map((pairs) => pairs.filter((p) => p[0] !== null).map(([period, c]) => ({ period: period!, cell: c })));

const measureOf = (cell: fc.Arbitrary<CellInput>): fc.Arbitrary<Measure> =>
  fc
    .record({
      polarity: cell,
      frequency: cell,
      target: cell,
      currentStatus: cell,
      observations: observationsOf(cell),
      notes: fc.option(anyString, { nil: undefined }),
      override: fc.option(cell, { nil: undefined }),
      thresholds: fc.option(fc.record({ red: cell, amber: cell, green: cell }), { nil: undefined }),
      tolerance: fc.option(cell, { nil: undefined }),
    })
    .map((r) => {
      const m: Measure = { sheet: 'S', row: 5, ref: 'X', name: 'N', priority: 'P', ...r };
      for (const k of ['notes', 'override', 'thresholds', 'tolerance'] as const) if (m[k] === undefined) delete m[k];
      return m;
    });
const anyMeasure = measureOf(anyCell);
const realMeasure = measureOf(realCell);

/** Only ScorecardError may escape the reader and the workbook rating. */
function onlyScorecardErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ScorecardError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
  }
}

// ---------------------------------------------------------------------------------------------------------
// (a) Nothing a cell can hold makes the parsers, the rating or the reader throw
// ---------------------------------------------------------------------------------------------------------

describe('(a) robustness: no input throws', () => {
  it('parseValue never throws and always gives a known kind', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const r = parseValue(cell);
        expect(['number', 'composite', 'missing', 'date', 'text']).toContain(r.kind);
        if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parseTarget never throws and numbers are finite', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const t = parseTarget(cell);
        if (t.kind === 'number') expect(Number.isFinite(t.value)).toBe(true);
        if (t.kind === 'relative') expect(Number.isFinite(t.change)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parsePolarity and parseFrequency never throw', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        parsePolarity(cell);
        parseFrequency(cell);
      }),
      { numRuns: 200 },
    );
  });

  it('parsePeriod never throws on any header; a period it returns is well formed', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.constantFrom(...PERIOD_HEADERS)), fc.option(fc.integer({ min: -10000, max: 10000 }), { nil: undefined }), (h, y) => {
        const p = parsePeriod(h, y);
        if (p) {
          expect(Number.isInteger(p.start)).toBe(true);
          expect(p.end).toBeGreaterThanOrEqual(p.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rateMeasure never throws, whatever the measure, rules and reporting period', () => {
    fc.assert(
      fc.property(anyMeasure, anyRules, fc.integer({ min: monthIndex(2014, 1), max: monthIndex(2020, 12) }), (m, rules, end) => {
        const r = rateMeasure(m, { reportingEnd: end, rules });
        expect(STATUS_KEYS).toContain(r.status);
        expect(DOT_KEYS).toContain(r.dot);
        expect(r.explanation.length).toBeGreaterThan(0);
        if (r.comparedTarget !== undefined) expect(Number.isNaN(r.comparedTarget)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('explanations of real cells (finite numbers) never show undefined, NaN or Infinity', () => {
    fc.assert(
      fc.property(realMeasure, anyRules, fc.integer({ min: monthIndex(2014, 1), max: monthIndex(2020, 12) }), (m, rules, end) => {
        const inputs = JSON.stringify(m);
        fc.pre(!/undefined|NaN|Infinity/.test(inputs));
        const r = rateMeasure(m, { reportingEnd: end, rules });
        expect(r.explanation).not.toMatch(/undefined|NaN|Infinity/);
      }),
      { numRuns: 200 },
    );
  });

  it('readScorecard and rateWorkbook throw nothing but ScorecardError on random grids with header words', () => {
    const headerWord = fc.oneof(
      fc.constantFrom(...(Object.values(SYNONYMS).flat() as string[])),
      fc.constantFrom(...PERIOD_HEADERS),
    );
    const gridCell: fc.Arbitrary<CellValue> = fc.oneof(
      { weight: 3, arbitrary: headerWord },
      { weight: 3, arbitrary: anyValue.map((v) => (v === undefined ? null : v)) },
      { weight: 2, arbitrary: fc.constant(null) },
    );
    const anyGrid: fc.Arbitrary<SheetGrid> = fc
      .record({
        values: fc.array(fc.array(gridCell, { maxLength: 10 }), { maxLength: 12 }),
        merges: fc.array(
          fc.tuple(fc.nat(12), fc.nat(10), fc.nat(3), fc.nat(3)).map(([t, l, h, w]): CellRange => ({ top: t, left: l, bottom: t + h, right: l + w })),
          { maxLength: 3 },
        ),
        protected: fc.boolean(),
      })
      .map((g) => ({ name: 'Random', ...g }));
    fc.assert(
      fc.property(anyGrid, (g) => {
        onlyScorecardErrors(() => readScorecard(g));
        onlyScorecardErrors(() => rateWorkbook([g]));
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// (b) Polarity symmetry
// ---------------------------------------------------------------------------------------------------------

/**
 * Values and targets in tenths, so every number is exact at the displayed precision and no rounding edge is
 * crossed. Cases whose relative miss sits within 1e-9 of a tolerance boundary are dropped: there the two
 * sides compute the same miss along different float paths.
 */
const rules = defaultRules();
const Q2 = 'Q2 Jul - Sep 2017';
const END = parsePeriod(Q2)!.end;

function plainMeasure(target: CellInput, polarity: 'High' | 'Low', value: CellInput, previous?: CellInput): Measure {
  const observations: Observation[] = [{ period: parsePeriod(Q2)!, cell: value }];
  if (previous) observations.push({ period: parsePeriod('Q2 Jul - Sep 2016')!, cell: previous });
  return {
    sheet: 'S',
    row: 5,
    ref: 'X',
    name: 'N',
    priority: 'P',
    polarity: { value: polarity },
    frequency: { value: 'Quarterly' },
    target,
    currentStatus: { value: null },
    observations,
  };
}

function nearEdge(t: number, v: number, percent: boolean): boolean {
  const miss = Math.abs(t - v);
  const rel = miss / t;
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  // A plain value (or its mirror) far out of scale with the target needs review for its units: no status to swap.
  const outOfScale = (x: number) => !percent && (x / t >= rules.unitsCheck || x / t <= 1 / rules.unitsCheck);
  if (outOfScale(v) || outOfScale(2 * t - v)) return true;
  return percent ? close(miss, rules.tolerancePoints) || close(rel, rules.tolerancePointsCap) : close(rel, rules.tolerance);
}

/** Target T and value V in tenths, 0 < V < 2T so that the mirrored value 2T - V is positive too. */
const tenthsPair = fc
  .integer({ min: 1, max: 20000 })
  .chain((T) => fc.tuple(fc.constant(T), fc.integer({ min: 1, max: 2 * T - 1 }), fc.integer({ min: 1, max: 2 * T - 1 })));

const plain = (tenths: number): CellInput => ({ value: tenths / 10 });
/** A percentage stored as a fraction under a "0.0%" format (tenths of a percent → fraction). */
const percentCell = (tenths: number): CellInput => ({ value: tenths / 1000, numberFormat: '0.0%' });

const RATED: StatusKey[] = ['on-target', 'satisfactory', 'off-target'];

const SWAP: Record<StatusKey, StatusKey> = {
  'on-target': 'off-target',
  'off-target': 'on-target',
  satisfactory: 'satisfactory',
  'under-development': 'under-development',
  'not-applicable': 'not-applicable',
  'not-available': 'not-available',
  'needs-review': 'needs-review',
};

describe('(b) polarity symmetry', () => {
  for (const [kind, cellOf, percent] of [
    ['plain numbers', plain, false],
    ['percentages with a % format', percentCell, true],
  ] as const) {
    it(`${kind}: swapping polarity and mirroring the value (v' = 2t - v) gives the same status and compared target`, () => {
      fc.assert(
        fc.property(tenthsPair, ([T, V]) => {
          fc.pre(!nearEdge(T, V, percent));
          const high = rateMeasure(plainMeasure(cellOf(T), 'High', cellOf(V)), { reportingEnd: END, rules });
          const low = rateMeasure(plainMeasure(cellOf(T), 'Low', cellOf(2 * T - V)), { reportingEnd: END, rules });
          expect(RATED).toContain(high.status);
          expect(low.status).toBe(high.status);
          expect(low.comparedTarget).toBeCloseTo(high.comparedTarget!, 9);
        }),
        { numRuns: 200 },
      );
    });

    it(`${kind}: swapping polarity alone swaps on target and off target where the value is off the target by more than the tolerance`, () => {
      fc.assert(
        fc.property(tenthsPair, ([T, V]) => {
          fc.pre(!nearEdge(T, V, percent));
          const high = rateMeasure(plainMeasure(cellOf(T), 'High', cellOf(V)), { reportingEnd: END, rules });
          const low = rateMeasure(plainMeasure(cellOf(T), 'Low', cellOf(V)), { reportingEnd: END, rules });
          if (V === T) {
            expect([high.status, low.status]).toEqual(['on-target', 'on-target']);
          } else if (high.status === 'satisfactory' || low.status === 'satisfactory') {
            // A near miss one way is a (small) success the other way.
            expect([high.status, low.status].sort()).toEqual(['on-target', 'satisfactory']);
          } else {
            expect(low.status).toBe(SWAP[high.status]);
          }
        }),
        { numRuns: 200 },
      );
    });

    it(`${kind}: mirroring the value alone swaps on target and off target and keeps satisfactory away from the target`, () => {
      fc.assert(
        fc.property(tenthsPair, fc.constantFrom('High', 'Low') as fc.Arbitrary<'High' | 'Low'>, ([T, V], polarity) => {
          fc.pre(!nearEdge(T, V, percent) && V !== T);
          const a = rateMeasure(plainMeasure(cellOf(T), polarity, cellOf(V)), { reportingEnd: END, rules });
          const b = rateMeasure(plainMeasure(cellOf(T), polarity, cellOf(2 * T - V)), { reportingEnd: END, rules });
          if (a.status === 'satisfactory' || b.status === 'satisfactory') {
            expect([a.status, b.status].sort()).toEqual(['on-target', 'satisfactory']);
          } else {
            expect(b.status).toBe(SWAP[a.status]);
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it('direction of travel: swapping polarity and mirroring both values keeps the DOT', () => {
    fc.assert(
      fc.property(tenthsPair, ([T, V, W]) => {
        const high = rateMeasure(plainMeasure(plain(T), 'High', plain(V), plain(W)), { reportingEnd: END, rules });
        const low = rateMeasure(plainMeasure(plain(T), 'Low', plain(2 * T - V), plain(2 * T - W)), { reportingEnd: END, rules });
        expect(low.dot).toBe(high.dot);
        expect(high.dot).toBe(V === W ? 'stable' : V > W ? 'improved' : 'worse');
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// (c) Summary tables add up
// ---------------------------------------------------------------------------------------------------------

/** A table's shown shares in tenths: they must add up to exactly 1000 (100.0%). */
function tenthsSum(shares: Record<string, { percent: number }>): number {
  return Object.values(shares).reduce((a, s) => a + Math.round(s.percent * 10), 0);
}

function checkTable(t: StatusTable): void {
  const counts = (shares: Record<string, { count: number }>) => Object.values(shares).reduce((a, s) => a + s.count, 0);
  expect(counts(t.statuses)).toBe(t.total);
  expect(counts(t.dot)).toBe(t.total);
  expect(counts(t.rated.statuses)).toBe(t.rated.total);
  expect(t.rated.total).toBe(RATED.reduce((a, k) => a + t.statuses[k].count, 0));
  // Every share is a whole number of tenths, and an empty row shows 0.0.
  const bad = [t.statuses, t.dot, t.rated.statuses]
    .flatMap((table) => Object.values(table))
    .filter((s) => Math.abs(s.percent * 10 - Math.round(s.percent * 10)) >= 1e-9 || (s.count === 0 && s.percent !== 0));
  expect(bad).toEqual([]);
  // Each table adds up to 100.0 exactly when it says so; equal counts always show equal shares.
  if (t.total > 0) {
    expect(tenthsSum(t.statuses) === 1000).toBe(t.addsUp.statuses);
    expect(tenthsSum(t.dot) === 1000).toBe(t.addsUp.dot);
  } else {
    expect(tenthsSum(t.statuses)).toBe(0);
  }
  if (t.rated.total > 0) expect(tenthsSum(t.rated.statuses) === 1000).toBe(t.addsUp.rated);
  else expect(tenthsSum(t.rated.statuses)).toBe(0);
  for (const table of [t.statuses, t.dot, t.rated.statuses] as Record<string, { count: number; percent: number }>[]) {
    const shares = Object.values(table);
    for (const a of shares) for (const b of shares) if (a.count === b.count) expect(a.percent).toBe(b.percent);
  }
}

describe('(c) summary percentages add up to exactly 100.0 wherever equal shares allow, and say so', () => {
  const row = fc.record({
    priority: fc.constantFrom('Priority 1', 'Priority 2', 'Priority 3', ''),
    status: fc.constantFrom(...STATUS_KEYS),
    dot: fc.constantFrom(...DOT_KEYS),
  });
  it('overall, per priority and in the cross tab', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 150 }), (rows) => {
        const s = summarise(rows);
        checkTable(s);
        expect(s.byPriority.reduce((a, p) => a + p.total, 0)).toBe(rows.length);
        for (const p of s.byPriority) {
          checkTable(p);
          expect(p.total).toBe(rows.filter((r) => r.priority === p.priority).length);
        }
        let cross = 0;
        for (const st of STATUS_KEYS) {
          for (const d of DOT_KEYS) cross += s.crossTab[st][d as DotKey];
          expect(DOT_KEYS.reduce((a, d) => a + s.crossTab[st][d], 0)).toBe(s.statuses[st].count);
        }
        expect(cross).toBe(rows.length);
      }),
      { numRuns: 120 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// (d) Largest remainder guarantees
// ---------------------------------------------------------------------------------------------------------

describe('(d) roundedPercentages', () => {
  /**
   * What the rounding guarantees, with u = 10^-decimals the display unit: every share is a whole number of
   * units, its exact value rounded down or up; equal counts show equal shares; a zero count shows 0 and the
   * whole shows 100; and the shares add up to exactly 100 when roundShares says they do.
   */
  it('meets its guarantees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(20), fc.nat(100000), fc.constant(0)), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (counts, decimals) => {
          const total = counts.reduce((a, b) => a + b, 0);
          const { percents: ps, addsUp } = roundShares(counts, decimals);
          expect(ps).toHaveLength(counts.length);
          if (total === 0) {
            expect(ps.every((p) => p === 0)).toBe(true);
            return;
          }
          const scale = 10 ** decimals;
          const units = ps.map((p) => Math.round(p * scale));
          ps.forEach((p, i) => expect(Math.abs(p * scale - units[i])).toBeLessThan(1e-6));
          expect(units.reduce((a, b) => a + b, 0) === 100 * scale).toBe(addsUp);
          const exact = counts.map((c) => (c / total) * 100 * scale);
          units.forEach((u, i) => {
            expect(u === Math.floor(exact[i] + 1e-9) || u === Math.floor(exact[i] + 1e-9) + 1).toBe(true);
            if (counts[i] === 0) expect(u).toBe(0);
            if (counts[i] === total) expect(u).toBe(100 * scale);
            counts.forEach((c, j) => c === counts[i] && expect(units[j]).toBe(u));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with one decimal: never 0.1 or more from the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 10 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        roundedPercentages(counts).forEach((p, i) => {
          expect(Math.abs(p - (counts[i] / total) * 100)).toBeLessThan(0.1 + 1e-9);
        });
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// (e) Random scorecard grids
// ---------------------------------------------------------------------------------------------------------

/** Roles a generated header always has, and roles it may have. */
const REQUIRED_ROLES: ColumnRole[] = ['ref', 'measure', 'target', 'status'];
const OPTIONAL_ROLES: ColumnRole[] = ['outcome', 'leadOfficer', 'polarity', 'frequency', 'dot', 'notes'];

/** Header wordings as typed: a synonym in random case, sometimes with a full stop or a colon. */
const wording = (role: ColumnRole) =>
  fc
    .tuple(fc.constantFrom(...SYNONYMS[role]), fc.constantFrom('lower', 'upper', 'title', 'as is'), fc.constantFrom('', '.', ':', ' '))
    .map(([syn, c, end]) => {
      const cased = c === 'lower' ? syn : c === 'upper' ? syn.toUpperCase() : c === 'title' ? syn.replace(/\b\w/g, (x) => x.toUpperCase()) : syn;
      return `${cased}${end}`;
    });

const MEASURE_NAMES = [
  'Rate of referrals to children’s social care per 10,000',
  'Percentage of council tax collected',
  'Proportion of people who use services who have control over their daily life',
  'Average days to process new benefit claims',
  'Households prevented from becoming homeless',
  'Fly-tipping incidents cleared within 2 working days',
  'Residents satisfied with parks and green spaces',
  'Young people not in education, employment or training',
];
const VALUES: CellValue[] = [336.9, 0.435, 12, 2750, '43.5% (188/432)', 'n/a (due Dec17)', 'Not available', '12 (Cumulative)', '£3,856m', '>100,000', '-', '', null];
const TARGETS: CellValue[] = [336.9, 0.53, '>53%', '37+', '<10', '10% reduction', 'Baseline Year', 'TBC', 'No target - not applicable', 'a) 100% b) 98.5%', 'Inline with or above the national average', 100];
const POLARITIES: CellValue[] = ['High', 'Low', 'Not applicable', ''];
const FREQUENCIES: CellValue[] = ['Monthly', 'Quarterly', 'Annual', '6 monthly', ''];
const STATUS_CELLS: CellValue[] = [null, '', '✔', '●', '✘', '■'];

/** Columns councils add that the reader knows nothing about: they must neither break nor join a header. */
const UNKNOWN_HEADERS = ['Portfolio holder', 'Budget £k', 'Last updated', 'Source system', 'Link to plan', 'Benchmark group'];
const UNKNOWN_VALUES: CellValue[] = ['Cllr Read', 1250, 'See SharePoint', 0.25, null, '', 'Cabinet 12/10'];

/** How a block's header is laid out: one row; periods in a row under it; or also a group row above. */
type HeaderStyle = 'one-row' | 'two-row' | 'three-row';

interface GenBlock {
  section: string;
  headerStyle: HeaderStyle;
  /** Every column left of the periods, in sheet order: a role, or an unknown column by its header. */
  columns: (ColumnRole | { unknown: string })[];
  headers: string[];
  periods: string[];
  rows: { ref: string; name: number; target: CellValue; values: CellValue[]; polarity: CellValue; frequency: CellValue; status: CellValue; extra: CellValue }[];
  noise: ('none' | 'blank' | 'blanks' | 'comment')[];
  mergeOutcome: boolean;
}

const genBlock: fc.Arbitrary<GenBlock> = fc
  .record({
    section: fc.constantFrom('Corporate Priority 1 – Every child making the best start in life', 'Priority 2: Safe and clean', 'Theme 3 – A strong economy', 'Corporate Priority 4'),
    headerStyle: fc.constantFrom('one-row', 'two-row', 'three-row') as fc.Arbitrary<HeaderStyle>,
    optional: fc.subarray(OPTIONAL_ROLES),
    unknown: fc.subarray(UNKNOWN_HEADERS, { maxLength: 3 }),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 13, maxLength: 13 }),
    periods: fc.uniqueArray(fc.constantFrom(...PERIOD_HEADERS.filter((h) => !/^Year to Date/.test(h))), { minLength: 1, maxLength: 6 }),
    rowCount: fc.integer({ min: 1, max: 6 }),
    mergeOutcome: fc.boolean(),
  })
  .chain((b) => {
    const all: (ColumnRole | { unknown: string })[] = [...REQUIRED_ROLES, ...b.optional, ...b.unknown.map((u) => ({ unknown: u }))];
    const columns = all.map((r, i) => ({ r, k: b.order[i] })).sort((x, y) => x.k - y.k).map((x) => x.r);
    const row = fc.record({
      ref: fc.constantFrom('A', 'B', 'C').chain((l) => fc.nat(99).map((n) => `${l}${n}`)),
      name: fc.nat(MEASURE_NAMES.length - 1),
      target: fc.constantFrom(...TARGETS),
      values: fc.array(fc.constantFrom(...VALUES), { minLength: b.periods.length, maxLength: b.periods.length }),
      polarity: fc.constantFrom(...POLARITIES),
      frequency: fc.constantFrom(...FREQUENCIES),
      status: fc.constantFrom(...STATUS_CELLS),
      extra: fc.constantFrom(...UNKNOWN_VALUES),
    });
    return fc.record({
      section: fc.constant(b.section),
      headerStyle: fc.constant(b.headerStyle),
      columns: fc.constant(columns),
      headers: fc.tuple(...columns.map((c) => (typeof c === 'string' ? wording(c) : fc.constant(c.unknown)))),
      periods: fc.constant(b.periods),
      rows: fc.array(row, { minLength: b.rowCount, maxLength: b.rowCount }),
      noise: fc.array(fc.constantFrom('none', 'blank', 'blanks', 'comment') as fc.Arbitrary<GenBlock['noise'][number]>, { minLength: b.rowCount, maxLength: b.rowCount }),
      mergeOutcome: fc.constant(b.mergeOutcome),
    });
  });

/** A council's key above the scorecard: a title row, then a symbol and its description per status. */
const KEY_BLOCK: CellValue[][] = [
  ['Key', 'Overall status (relevant to target)'],
  ['✔', 'Measure progressing above or in line with target set'],
  ['●', 'Measure progress has been satisfactory but is not fully reaching target set'],
  ['✘', 'Measure has not progressed in accordance with target set'],
  ['■', 'Measure information not yet available (e.g. due to infrequency or timing of information/data)'],
  [],
];

/** Builds the sheet and the 1-based rows the reader must find. */
function buildSheet(name: string, blocks: GenBlock[], withKey: boolean): { grid: SheetGrid; expected: number[]; ownedCols: Map<number, Set<number>> } {
  const values: CellValue[][] = [['Council Plan 2017/18 – Quarter 2 Performance Scorecard'], []];
  const merges: CellRange[] = [];
  const expected: number[] = [];
  /** 0-based row → columns the add-in may write on that row (status, DOT; the explanation column is added later). */
  const ownedCols = new Map<number, Set<number>>();
  if (withKey) values.push(...KEY_BLOCK.map((r) => [...r]));
  for (const b of blocks) {
    values.push([b.section]);
    const fixed = b.columns.length;
    const width = fixed + b.periods.length;
    const col = (r: ColumnRole) => b.columns.indexOf(r);
    if (b.headerStyle === 'three-row') {
      // Group titles over the fixed columns and over the periods: context, never roles.
      const groups: CellValue[] = new Array(width).fill(null);
      groups[0] = 'Measure details';
      groups[fixed] = 'Performance to date';
      values.push(groups);
    }
    const head: CellValue[] = [...b.headers];
    const sub: CellValue[] = new Array(width).fill(null);
    const split = b.headerStyle !== 'one-row';
    b.periods.forEach((p, i) => {
      if (split) {
        head.push(i === 0 ? 'Performance' : null);
        sub[fixed + i] = p;
      } else head.push(p);
    });
    const headerRow = values.length;
    values.push(head);
    if (split) values.push(sub);
    const firstMeasure = values.length;
    b.rows.forEach((r, i) => {
      const line: CellValue[] = new Array(width).fill(null);
      line[col('ref')] = `${blocks.indexOf(b) + 1}.${r.ref}`;
      line[col('measure')] = MEASURE_NAMES[r.name];
      line[col('target')] = r.target;
      line[col('status')] = r.status;
      if (col('polarity') >= 0) line[col('polarity')] = r.polarity;
      if (col('frequency') >= 0) line[col('frequency')] = r.frequency;
      if (col('outcome') >= 0 && (i === 0 || !b.mergeOutcome)) line[col('outcome')] = 'Outcome text';
      if (col('leadOfficer') >= 0) line[col('leadOfficer')] = 'A. Officer';
      if (col('notes') >= 0) line[col('notes')] = 'Data from the quarterly return';
      b.columns.forEach((c, j) => {
        if (typeof c !== 'string') line[j] = r.extra;
      });
      r.values.forEach((v, j) => (line[fixed + j] = v));
      expected.push(values.length + 1);
      ownedCols.set(values.length, new Set([col('status'), ...(col('dot') >= 0 ? [col('dot')] : [])]));
      values.push(line);
      const noise = b.noise[i];
      if (noise === 'comment') {
        const c = Math.min(col('measure'), width - 1);
        const comment: CellValue[] = new Array(width).fill(null);
        comment[c] = 'Note: figures are provisional';
        values.push(comment);
      } else if (noise === 'blank') values.push([]);
      else if (noise === 'blanks') values.push([], new Array(width).fill(''));
    });
    if (b.mergeOutcome && col('outcome') >= 0) merges.push({ top: firstMeasure, left: col('outcome'), bottom: values.length - 1, right: col('outcome') });
    if (split) for (let c = 0; c < fixed; c++) merges.push({ top: headerRow, left: c, bottom: headerRow + 1, right: c });
    values.push([]);
  }
  return { grid: { name, values, merges }, expected, ownedCols };
}

/** Empty rows as the ExcelJS adapter gives them: holes in the row array, not empty arrays. */
function withHoles(sheet: ReturnType<typeof buildSheet>): ReturnType<typeof buildSheet> {
  const values = [...sheet.grid.values];
  values.forEach((r, i) => {
    if (r.length === 0) delete values[i];
  });
  return { ...sheet, grid: { ...sheet.grid, values } };
}

const genSheet = fc
  .tuple(fc.array(genBlock, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([blocks, withKey, sparse]) => {
    const sheet = buildSheet('Scorecard', blocks, withKey);
    return sparse ? withHoles(sheet) : sheet;
  });

describe('(e) random scorecard grids', () => {
  it('readScorecard finds exactly the generated measure rows', () => {
    fc.assert(
      fc.property(genSheet, ({ grid, expected }) => {
        const s = readScorecard(grid);
        expect(s).not.toBeNull();
        expect(s!.measures.map((m) => m.row)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('the measures carry their block’s section as priority and the right period columns', () => {
    fc.assert(
      fc.property(genSheet, ({ grid }) => {
        const s = readScorecard(grid)!;
        for (const b of s.blocks) {
          expect(b.columns.status).toBeDefined();
          expect(b.periods.length).toBeGreaterThan(0);
        }
        for (const m of s.measures) expect(m.priority).toMatch(/Priority|Theme/);
      }),
      { numRuns: 50 },
    );
  });

  it('random cells dropped into a real scorecard (any value, header words, merges) make nothing but ScorecardError escape', () => {
    const mutation = fc.tuple(fc.nat(40), fc.nat(14), fc.oneof(anyValue.map((v) => (v === undefined ? null : v)), fc.constantFrom(...(Object.values(SYNONYMS).flat() as string[]))));
    fc.assert(
      fc.property(genSheet, fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.boolean(), ({ grid }, changes, protect) => {
        const values = Array.from(grid.values, (r) => [...(r ?? [])]);
        for (const [r, c, v] of changes) {
          while (values.length <= r) values.push([]);
          values[r][c] = v as CellValue;
        }
        const g: SheetGrid = { ...grid, values, protected: protect };
        onlyScorecardErrors(() => readScorecard(g));
        onlyScorecardErrors(() => rateWorkbook([g, { name: 'Key', values: [['✓', 'On target'], ['✓', 'Off target']] }]));
      }),
      { numRuns: 100 },
    );
  });

  it('rateWorkbook throws nothing but ScorecardError and writes only the owned cells of measure rows', () => {
    fc.assert(
      fc.property(genSheet, ({ grid, ownedCols }) => {
        let result: ReturnType<typeof rateWorkbook> | undefined;
        onlyScorecardErrors(() => (result = rateWorkbook([grid])));
        if (!result) return;
        const sheet = result.sheets[0];
        for (const w of sheet.writes) {
          if (w.kind === 'explanation' || w.kind === 'explanation-header') {
            expect(w.col).toBe(sheet.columns.explanation);
            continue;
          }
          expect(ownedCols.get(w.row)?.has(w.col)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });
});
