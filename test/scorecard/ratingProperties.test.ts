import fc from 'fast-check';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { ScorecardError } from '../../src/scorecard/types';
import { STATUS_KEYS } from '../../src/engine/types';
import type { CellValue } from '../../src/workbook/grid';
import { grid } from './grids';

const PERIODS = ['Year end 2016/17', 'Q2 Jul - Sep 2016', 'Q1 Apr - Jun 2017', 'Q2 Jul - Sep 2017', 'Jul-17', 'Aug-17', 'Sep-17'];
const HEADER = ['Ref', 'Measure', 'Good performance', 'Frequency', 'Target', 'Overall status', 'DOT', 'Tolerance', ...PERIODS, 'Data notes'];

const number = fc.oneof(fc.integer({ min: -50, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }));
const text = fc.constantFrom('n/a', 'n/a (due Dec17)', '12 (Cumulative)', 'a) 100% b) 87%', '£3,856m', '43.5% (188/432)', 'Not available', '', '-', '7 days');
const value: fc.Arbitrary<CellValue> = fc.oneof(number, text, fc.constant(null), fc.date({ min: new Date(2010, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }));
const target: fc.Arbitrary<CellValue> = fc.oneof(
  number,
  fc.constantFrom('>53%', '37+', '<10', '10% reduction', 'Baseline year', 'No target', 'TBC', 'In line with national average', 'a) 100% b) 98.5%', 'All at 95%', '5000 (cumulative for the year)', '100% by April 2018', '2,500 Academic Yr', ''),
  fc.date({ min: new Date(2010, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
);
const status: fc.Arbitrary<CellValue> = fc.constantFrom(null, '', '✔', '●', '✘', '■', '?', '● agreed at DMT', 'Off target - see note', 'Green', '12/10/17');
const row = fc.record({
  polarity: fc.constantFrom('High', 'Low', '', 'Maximise', 'n/a'),
  frequency: fc.constantFrom('Monthly', 'Quarterly', 'Annual', '6 monthly', ''),
  target,
  status,
  tolerance: fc.constantFrom(null, '5%', '2 points', 0.05, 10),
  values: fc.array(value, { minLength: PERIODS.length, maxLength: PERIODS.length }),
  notes: fc.constantFrom('', 'Performance is reported cumulatively and is therefore YTD.', 'Baseline year', 'national average of 93.4%'),
});

type RowSpec = typeof row extends fc.Arbitrary<infer T> ? T : never;

function scorecard(rows: RowSpec[]) {
  return grid('Scorecard', [
    ['Scorecard'],
    HEADER,
    ...rows.map((r, i) => [`${i + 1}.A`, `Measure ${i + 1}`, r.polarity, r.frequency, r.target, r.status, null, r.tolerance, ...r.values, r.notes]),
  ]);
}

describe('rating a whole scorecard: properties that hold for any input', () => {
  it('never throws but a ScorecardError; red flags are off target twice in two different periods and never need review; the summary counts the rows’ statuses, people’s entries included; no sentence uses codes, arrows or four-figure percentages', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        let result;
        try {
          result = rateWorkbook([scorecard(rows)]);
        } catch (e) {
          if (e instanceof ScorecardError) return;
          throw e;
        }
        const rated = result.sheets.flatMap((s) => s.rows);
        for (const f of result.redFlags) {
          expect(f.status).toBe('off-target');
          expect(f.previousStatus).toBe('off-target');
          expect(f.period).toBeDefined();
          expect(f.period).not.toBe(f.previousPeriod);
          const r = rated.find((x) => x.measure.row === f.row);
          expect(r?.rating.needsReview).toBeUndefined();
        }
        for (const k of STATUS_KEYS) expect(result.summary.statuses[k].count).toBe(rated.filter((r) => r.rating.status === k).length);
        for (const r of rated) {
          expect(r.rating.explanation).not.toMatch(/→|off-target|not-available|same-period-last-year|needs-review/);
          expect(r.rating.explanation).not.toMatch(/\d,?\d{3}(\.\d+)?%/);
          if (r.rating.status === 'needs-review') expect(r.rating.needsReview).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });
});
