import { benchmarkInNotes, dotDetail, rateMeasure } from '../../src/engine/rate';
import type { RateContext } from '../../src/engine/rate';
import { defaultRules } from '../../src/engine/rules';
import type { RatingRules } from '../../src/engine/rules';
import { measure, pct, period } from './build';
import type { MeasureSpec } from './build';

const Q2 = 'Q2 Jul - Sep 2017';
const END = period(Q2).end;

function rate(spec: MeasureSpec, rules: Partial<RatingRules> = {}, extra: Partial<RateContext> = {}) {
  return rateMeasure(measure(spec), { reportingEnd: END, rules: { ...defaultRules(), ...rules }, ...extra });
}

describe('rateMeasure: on target / satisfactory / off target', () => {
  it('meets a number target (higher is better) → on target, and says so with both numbers', () => {
    const r = rate({ target: 100, polarity: 'High', values: { [Q2]: 105 } });
    expect(r.status).toBe('on-target');
    expect(r.comparedTarget).toBe(100);
    expect(r.period?.label).toBe(Q2);
    expect(r.explanation).toBe(
      'Q2 Jul - Sep 2017 value 105 vs target 100 (higher is better): 5.0% better than target → on target; direction of travel no earlier value to compare with.',
    );
  });
  it('exactly on the target → on target, "meets target"', () => {
    const r = rate({ target: 100, values: { [Q2]: 100 } });
    expect(r.status).toBe('on-target');
    expect(r.explanation).toContain('meets target');
  });
  it('lower is better, above target → off target (design example 345.8 vs 336.9)', () => {
    const r = rate({ target: 336.9, polarity: 'Low', values: { [Q2]: 345.8 } });
    expect(r.status).toBe('off-target');
    expect(r.explanation).toContain('value 345.8 vs target 336.9 (lower is better): 2.6% worse than target → off target');
  });
  it('a miss within the 2.5% tolerance → satisfactory', () => {
    const r = rate({ target: 100, values: { [Q2]: 98 } });
    expect(r.status).toBe('satisfactory');
    expect(r.explanation).toContain('value 98 vs target 100');
    expect(r.explanation).toContain('2.0% worse than target, within the 2.5% tolerance');
  });
  it('a miss just beyond the tolerance → off target', () => {
    expect(rate({ target: 100, values: { [Q2]: 97 } }).status).toBe('off-target');
  });
  it('the tolerance is a rule', () => {
    expect(rate({ target: 100, values: { [Q2]: 97 } }, { tolerance: 0.05 }).status).toBe('satisfactory');
  });
  it('percentages: within 2.5 points → satisfactory, with the points in the sentence', () => {
    const r = rate({ target: pct(0.53), values: { [Q2]: pct(0.51) } });
    expect(r.status).toBe('satisfactory');
    expect(r.explanation).toContain('value 51.0% vs target 53.0%');
    expect(r.explanation).toContain('2 percentage points worse than target, within the 2.5-point tolerance');
  });
  it('percentages: more than 2.5 points → off target', () => {
    const r = rate({ target: pct(0.53), values: { [Q2]: pct(0.5) } });
    expect(r.status).toBe('off-target');
    expect(r.explanation).toContain('3 percentage points');
  });
  it('percentages: within the points but over the cap (fraction of target) → off target', () => {
    const r = rate({ target: '10%', polarity: 'Low', values: { [Q2]: '12%' } });
    expect(r.status).toBe('off-target');
  });
  it('a fraction value against a text percentage target is brought to the same scale', () => {
    expect(rate({ target: '53%', values: { [Q2]: 0.55 } }).status).toBe('on-target');
  });
  it('the target comparator sets the polarity when the sheet does not', () => {
    expect(rate({ target: '<10', polarity: '', values: { [Q2]: 8 } }).status).toBe('on-target');
    expect(rate({ target: '<10', polarity: '', values: { [Q2]: 12 } }).status).toBe('off-target');
  });
});

describe('rateMeasure: strict comparators', () => {
  it('">53%" is met by 53% by default', () => {
    expect(rate({ target: '>53%', values: { [Q2]: '53%' } }).status).toBe('on-target');
  });
  it('with strict comparison on, 53% against ">53%" is satisfactory and says why', () => {
    const r = rate({ target: '>53%', values: { [Q2]: '53%' } }, { strictComparators: true });
    expect(r.status).toBe('satisfactory');
    expect(r.explanation).toContain('equals target but strict comparison is on');
  });
  it('strict comparison does not touch ">=" targets ("37+")', () => {
    expect(rate({ target: '37+', values: { [Q2]: 37 } }, { strictComparators: true }).status).toBe('on-target');
  });
});

describe('rateMeasure: statuses without a comparison', () => {
  it('Baseline Year → not applicable', () => {
    const r = rate({ target: 'Baseline Year', values: { [Q2]: 5 } });
    expect(r.status).toBe('not-applicable');
    expect(r.explanation).toContain('No target to rate against (baseline year: “Baseline Year”)');
  });
  it('No target - not applicable → not applicable', () => {
    expect(rate({ target: 'No target - not applicable', polarity: 'Not applicable', values: { [Q2]: 5 } }).status).toBe('not-applicable');
  });
  it('data notes starting "Baseline" → not applicable', () => {
    expect(rate({ target: 100, values: { [Q2]: 5 }, notes: 'Baseline being established this year' }).status).toBe('not-applicable');
  });
  it('TBC → under development', () => {
    const r = rate({ target: 'TBC', values: { [Q2]: 5 } });
    expect(r.status).toBe('under-development');
    expect(r.explanation).toContain('Target still to be set');
  });
  it('an empty target → under development, flagged for review', () => {
    const r = rate({ target: null, values: { [Q2]: 5 } });
    expect(r.status).toBe('under-development');
    expect(r.needsReview).toBe('the Target cell is empty');
  });
  it('"n/a (due Dec17)" → not available, quoting the cell', () => {
    const r = rate({ target: 100, values: { [Q2]: 'n/a (due Dec17)' } });
    expect(r.status).toBe('not-available');
    expect(r.explanation).toContain('“n/a (due Dec17)”');
    expect(r.period).toBeUndefined();
  });
  it('annual measure with only last year’s result → not available', () => {
    const r = rate({ target: 100, frequency: 'Annual', values: { 'Year end 2016/17': 120 } });
    expect(r.status).toBe('not-available');
    expect(r.explanation).toContain('annual measure');
  });
  it('no polarity anywhere → keeps the current status, needs review', () => {
    const r = rate({ target: 100, polarity: '', values: { [Q2]: 90 }, currentStatus: '✘' });
    expect(r.status).toBe('off-target');
    expect(r.needsReview).toBe('no polarity');
    expect(r.explanation).toContain('status kept as off target for review');
  });
  it('an unreadable target with no current status → not available, needs review', () => {
    const r = rate({ target: 'Improve on last year', values: { [Q2]: 90 } });
    expect(r.status).toBe('not-available');
    expect(r.needsReview).toBe('target text could not be read');
  });
});

describe('rateMeasure: benchmark targets', () => {
  const target = 'Inline with or above the national average';
  it('reads the benchmark from the data notes ("national average of 93.4%") and names it', () => {
    const r = rate({ target, values: { [Q2]: '95%' }, notes: 'The national average of 93.4% for 2016' });
    expect(r.status).toBe('on-target');
    expect(r.comparedTarget).toBe(93.4);
    expect(r.explanation).toContain('value 95% vs national average 93.4% (from the data notes)');
  });
  it('below the benchmark from the notes → off target', () => {
    expect(rate({ target, values: { [Q2]: '85%' }, notes: 'national average of 93.4%' }).status).toBe('off-target');
  });
  it('without a benchmark in the sheet: keeps the current status and says what is missing', () => {
    const r = rate({ target, values: { [Q2]: '95%' }, currentStatus: '●' });
    expect(r.status).toBe('satisfactory');
    expect(r.needsReview).toBe('needs the national average, which the sheet does not hold');
  });
  it('benchmarkFromNotes off: the notes are not read', () => {
    const r = rate({ target, values: { [Q2]: '95%' }, notes: 'national average of 93.4%' }, { benchmarkFromNotes: false });
    expect(r.needsReview).toMatch(/national average/);
  });
  it('benchmarkInNotes reads a range', () => {
    expect(benchmarkInNotes('Top Quartile range of 7.65% - 11.8%')).toEqual({
      name: 'top quartile range',
      reading: { value: 7.65, percent: true, decimals: 2, high: 11.8 },
    });
    expect(benchmarkInNotes('no numbers here')).toBeNull();
  });
});

describe('rateMeasure: manual override', () => {
  it('the override column wins over the rule and gives its reason', () => {
    const r = rate({ target: 100, values: { [Q2]: 50 }, override: 'On target - agreed by DMT' });
    expect(r.status).toBe('on-target');
    expect(r.override).toBe('agreed by DMT');
    expect(r.explanation).toContain('Manual override (agreed by DMT)');
  });
  it('an override with no reason says "set by hand"', () => {
    const r = rate({ target: 100, values: { [Q2]: 150 }, override: 'Red' });
    expect(r.status).toBe('off-target');
    expect(r.override).toBe('set by hand');
  });
  it('an unreadable or empty override is ignored', () => {
    expect(rate({ target: 100, values: { [Q2]: 50 }, override: 'see note' }).status).toBe('off-target');
    expect(rate({ target: 100, values: { [Q2]: 50 }, override: '  ' }).override).toBeUndefined();
  });
});

describe('rateMeasure: relative, year-to-date and composite targets', () => {
  it('"10% reduction" is measured from the previous year end', () => {
    const r = rate({ target: '10% reduction', polarity: 'Low', values: { 'Year end 2016/17': 100, [Q2]: 85 } });
    expect(r.status).toBe('on-target');
    expect(r.comparedTarget).toBeCloseTo(90);
    expect(r.explanation).toContain('vs target 90.0 (10% reduction on Year end 2016/17 100)');
  });
  it('a relative target without a previous year end needs review', () => {
    expect(rate({ target: '10% reduction', polarity: 'Low', values: { [Q2]: 85 } }).needsReview).toBe('relative target without a previous year end');
  });
  it('an annual total is profiled to the months elapsed', () => {
    const r = rate({ target: '5000 (cumulative for the year)', frequency: 'Monthly', values: { 'Sep-17': 2400 } });
    expect(r.comparedTarget).toBe(2500);
    expect(r.status).toBe('off-target');
    expect(r.explanation).toContain('annual target 5000 (cumulative for the year) profiled to 2,500.0 (6 of 12 months, year to date)');
  });
  it('profiling can be switched off', () => {
    const r = rate({ target: '5000 (cumulative for the year)', frequency: 'Monthly', values: { 'Sep-17': 2400 } }, { cumulativeProfile: 'none' });
    expect(r.comparedTarget).toBe(5000);
  });
  it('a value marked "(Cumulative)" is profiled against the annual target', () => {
    const r = rate({ target: '37+', frequency: 'Monthly', values: { 'Sep-17': '18.2 (Cumulative)' } });
    expect(r.comparedTarget).toBeCloseTo(18.5);
    expect(r.status).toBe('satisfactory');
  });
  it('composite target: the worst part by default, with each part’s numbers', () => {
    const r = rate({ target: 'a) 100% b) 98.5%', values: { [Q2]: 'a) 100% b) 97%' } });
    expect(r.status).toBe('satisfactory');
    expect(r.explanation).toContain('a) 100% vs 100%: meets target');
    expect(r.explanation).toContain('b) 97% vs 98.5%: 1.5 percentage points worse than target');
    expect(r.explanation).toContain('worst part b');
  });
  it('composite target: the best part when the rule says so', () => {
    const r = rate({ target: 'a) 100% b) 98.5%', values: { [Q2]: 'a) 100% b) 90%' } }, { compositeRule: 'best' });
    expect(r.status).toBe('on-target');
  });
  it('a lagged value says it is the latest available', () => {
    const r = rate({ target: 100, frequency: 'Monthly', values: { 'Aug-17': 120, 'Sep-17': 'n/a' } });
    expect(r.status).toBe('on-target');
    expect(r.explanation).toContain('Aug-17 value 120 (latest available; Sep-17 is “n/a”)');
  });
});

describe('rateMeasure: direction of travel in the rating', () => {
  it('gives the DOT and explains it', () => {
    const r = rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 90, [Q2]: 105 } });
    expect(r.dot).toBe('improved');
    expect(r.explanation).toMatch(/direction of travel improved on same period last year \(Q2 Jul - Sep 2016: 90\)\.$/);
  });
  it('a context dotBasis overrides the rules', () => {
    const r = rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 90, 'Q1 Apr - Jun 2017': 110, [Q2]: 105 } }, {}, { dotBasis: 'previous-period' });
    expect(r.dot).toBe('worse');
  });
  it('columns after the reporting period are ignored', () => {
    const r = rate({ target: 100, values: { [Q2]: 105, 'Q3 Oct - Dec 2017': 50 } });
    expect(r.status).toBe('on-target');
  });
});

describe('dotDetail (eight-state DOT)', () => {
  it('refines a fall or no movement by whether the measure is within the limits of its target', () => {
    expect(dotDetail('improved', 'off-target', 'high')).toBe('improved');
    expect(dotDetail('worse', 'satisfactory', 'high')).toBe('declined-within-limits');
    expect(dotDetail('worse', 'off-target', 'low')).toBe('declined-off-target');
    expect(dotDetail('stable', 'on-target', 'high')).toBe('no-movement-within-limits');
    expect(dotDetail('stable', 'off-target', 'high')).toBe('no-movement-off-target');
    expect(dotDetail('stable', 'not-applicable', null)).toBe('stable');
    expect(dotDetail('increase', 'not-applicable', 'none')).toBe('increase');
  });
  it('is undefined where the measure has no rating or no comparison', () => {
    expect(dotDetail('worse', 'not-available', 'high')).toBeUndefined();
    expect(dotDetail('not-applicable', 'on-target', 'high')).toBeUndefined();
  });
  it('comes with the rating', () => {
    const r = rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 110, [Q2]: 98 } });
    expect(r).toMatchObject({ status: 'satisfactory', dot: 'worse', dotDetail: 'declined-within-limits' });
  });
});

describe('rateMeasure: year to date and units', () => {
  it('yearToDate rates the year-to-date column and gives no DOT', () => {
    const m = measure({ target: 100, frequency: 'Monthly', values: { 'Sep-17': 50, 'Year to Date 17/18': 101 } });
    const r = rateMeasure(m, { reportingEnd: END, rules: defaultRules() }, { yearToDate: true });
    expect(r.status).toBe('on-target');
    expect(r.period?.label).toBe('Year to Date 17/18');
    expect(r.dot).toBe('not-applicable');
  });
  it('yearToDate without a year-to-date column is not available', () => {
    const r = rateMeasure(measure({ target: 100, values: { [Q2]: 50 } }), { reportingEnd: END, rules: defaultRules() }, { yearToDate: true });
    expect(r.status).toBe('not-available');
  });
  it('a value a hundred times its target is flagged for a units check', () => {
    const r = rate({ target: 3.9, polarity: 'Low', values: { [Q2]: '£3,856m' } });
    expect(r.needsReview).toMatch(/differ by a factor of about 989: check their units/);
  });
});
