import { benchmarkInNotes, dotDetail, rateMeasure } from '../../src/engine/rate';
import type { RateContext } from '../../src/engine/rate';
import { defaultRules } from '../../src/engine/rules';
import type { RatingRules } from '../../src/engine/rules';
import type { Comparison, Finding, Rating } from '../../src/engine/types';
import { measure, pct, period } from './build';
import type { MeasureSpec } from './build';

const Q2 = 'Q2 Jul - Sep 2017';
const END = period(Q2).end;

function rate(spec: MeasureSpec, rules: Partial<RatingRules> = {}, extra: Partial<RateContext> = {}): Rating {
  return rateMeasure(measure(spec), { reportingEnd: END, rules: { ...defaultRules(), ...rules }, ...extra });
}

function comparison(r: Rating): Comparison {
  if (r.finding.kind !== 'compared') throw new Error(`expected a comparison, got ${r.finding.kind}: ${r.explanation}`);
  return r.finding.comparison;
}

function finding<K extends Finding['kind']>(r: Rating, kind: K): Extract<Finding, { kind: K }> {
  if (r.finding.kind !== kind) throw new Error(`expected ${kind}, got ${r.finding.kind}: ${r.explanation}`);
  return r.finding as Extract<Finding, { kind: K }>;
}

describe('rateMeasure: on target / satisfactory / off target', () => {
  it('beats a number target (higher is better) by more than the tolerance: on target, 5% better', () => {
    const r = rate({ target: 100, polarity: 'High', values: { [Q2]: 105 } });
    expect(r.status).toBe('on-target');
    expect(comparison(r)).toMatchObject({ polarity: 'high', gap: -5, inPoints: false, zone: 'beats', target: { value: 100, how: 'as-written' } });
    expect(r.comparedTarget).toBe(100);
    expect(r.period?.label).toBe(Q2);
  });
  it('exactly on the target: on target, gap 0', () => {
    const r = rate({ target: 100, values: { [Q2]: 100 } });
    expect(r.status).toBe('on-target');
    expect(comparison(r).gap).toBe(0);
  });
  it('the sentence an officer would write (design example 345.8 against 336.9)', () => {
    const r = rate({ target: 336.9, polarity: 'Low', values: { 'Q2 Jul - Sep 2016': 390.4, [Q2]: 345.8 } });
    expect(r.status).toBe('off-target');
    expect(r.explanation).toBe(
      'Q2 Jul - Sep 2017: 345.8 against a target of 336.9 (lower is better), 2.6% worse, so off target. Better than the same quarter last year (390.4).',
    );
  });
  it('a miss within the 2.5% tolerance is satisfactory, and the sentence names the tolerance', () => {
    const r = rate({ target: 100, values: { [Q2]: 98 } });
    expect(r.status).toBe('satisfactory');
    expect(comparison(r)).toMatchObject({ gap: 2, zone: 'within', tolerance: { amount: 0.025, unit: 'percent-of-target', source: 'rules' } });
    expect(r.explanation).toContain('2.0% worse, within the 2.5% tolerance, so satisfactory');
  });
  it('a miss just beyond the tolerance is off target', () => {
    expect(rate({ target: 100, values: { [Q2]: 97 } }).status).toBe('off-target');
  });
  it('the tolerance is a rule', () => {
    expect(rate({ target: 100, values: { [Q2]: 97 } }, { tolerance: 0.05 }).status).toBe('satisfactory');
  });
  it('percentages are compared in points', () => {
    const r = rate({ target: pct(0.53), values: { [Q2]: pct(0.51) } });
    expect(r.status).toBe('satisfactory');
    expect(comparison(r)).toMatchObject({ inPoints: true, gap: 2, tolerance: { unit: 'points', amount: 2.5 } });
    expect(r.explanation).toContain('51.0% against a target of 53.0% (higher is better), 2 points worse, within the 2.5-point tolerance');
  });
  it('percentages: more than 2.5 points is off target', () => {
    const r = rate({ target: pct(0.53), values: { [Q2]: pct(0.5) } });
    expect(r.status).toBe('off-target');
    expect(comparison(r).gap).toBe(3);
  });
  it('percentages: within the points but over the cap (share of target) is off target', () => {
    expect(rate({ target: '10%', polarity: 'Low', values: { [Q2]: '12%' } }).status).toBe('off-target');
  });
  it('a fraction value against a text percentage target is brought to the same scale', () => {
    expect(rate({ target: '53%', values: { [Q2]: 0.55 } }).status).toBe('on-target');
  });
  it('the target comparator sets the polarity when the sheet does not', () => {
    expect(rate({ target: '<10', polarity: '', values: { [Q2]: 8 } }).status).toBe('on-target');
    expect(rate({ target: '<10', polarity: '', values: { [Q2]: 12 } }).status).toBe('off-target');
  });
});

describe('rateMeasure: a measure’s own tolerance (Tolerance column)', () => {
  it('"5%" is a share of the target and wins over the rules', () => {
    const r = rate({ target: 100, values: { [Q2]: 96 }, tolerance: '5%' });
    expect(r.status).toBe('satisfactory');
    expect(comparison(r).tolerance).toEqual({ amount: 0.05, unit: 'percent-of-target', source: 'measure' });
    expect(r.explanation).toContain("within the measure's own 5% tolerance");
  });
  it('a tighter own tolerance makes a rules-satisfactory miss off target', () => {
    expect(rate({ target: 100, values: { [Q2]: 98 }, tolerance: pct(0.01, '0%') }).status).toBe('off-target');
  });
  it('"2 points" on a percentage measure is points', () => {
    const r = rate({ target: pct(0.9), values: { [Q2]: pct(0.875) }, tolerance: '2 points' });
    expect(r.status).toBe('off-target');
    expect(comparison(r).tolerance).toMatchObject({ amount: 2, unit: 'points' });
  });
  it('a bare number on a count measure is in its units', () => {
    expect(rate({ target: 100, polarity: 'Low', values: { [Q2]: 108 }, tolerance: 10 }).status).toBe('satisfactory');
  });
  it('a blank tolerance cell falls back to the rules', () => {
    expect(comparison(rate({ target: 100, values: { [Q2]: 98 }, tolerance: '' })).tolerance.source).toBe('rules');
  });
});

describe('rateMeasure: published rating schemes are settings', () => {
  // "Green = on or within 10% of the quarterly target; Amber = more than 10% off target but improved or
  // maintained on the same quarter last year; Red = more than 10% off target and not improved."
  const scheme1: Partial<RatingRules> = { tolerance: 0.1, toleranceBasis: 'percent-of-target', withinTolerance: 'on-target', beyondTolerance: 'satisfactory-if-not-worse' };
  it('scheme 1: within 10% is green (on target)', () => {
    expect(rate({ target: 100, values: { [Q2]: 91 } }, scheme1).status).toBe('on-target');
  });
  it('scheme 1: more than 10% off but improved on the same quarter last year is amber', () => {
    const r = rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 80, [Q2]: 85 } }, scheme1);
    expect(r.status).toBe('satisfactory');
    expect(comparison(r).byTrend).toBe('not-worse');
  });
  it('scheme 1: more than 10% off but maintained is amber; more than 10% off and worse is red', () => {
    expect(rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 85, [Q2]: 85 } }, scheme1).status).toBe('satisfactory');
    expect(rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 90, [Q2]: 85 } }, scheme1).status).toBe('off-target');
  });
  it('scheme 1 measures percentages as a share of the target, not in points', () => {
    expect(rate({ target: pct(0.8), values: { [Q2]: pct(0.73) } }, scheme1).status).toBe('on-target');
  });
  // "On or above target or within the 5% threshold": green, else red.
  const scheme2: Partial<RatingRules> = { tolerance: 0.05, toleranceBasis: 'percent-of-target', withinTolerance: 'on-target' };
  it('scheme 2: within 5% is on target, beyond is off target, and nothing is satisfactory', () => {
    expect(rate({ target: 100, values: { [Q2]: 96 } }, scheme2).status).toBe('on-target');
    expect(rate({ target: 100, values: { [Q2]: 94 } }, scheme2).status).toBe('off-target');
  });
  // "A green star when significantly better than target, a blue circle when on target within a tolerance, a
  // red triangle when significantly worse."
  const scheme3: Partial<RatingRules> = { tolerance: 0.05, toleranceBasis: 'percent-of-target', onTargetNeeds: 'beat-by-tolerance', withinTolerance: 'satisfactory' };
  it('scheme 3: significantly better is the star (on target)', () => {
    const r = rate({ target: 100, values: { [Q2]: 110 } }, scheme3);
    expect(r.status).toBe('on-target');
    expect(comparison(r).zone).toBe('beats');
  });
  it('scheme 3: on target within the tolerance, either side, is the circle (satisfactory)', () => {
    expect(rate({ target: 100, values: { [Q2]: 103 } }, scheme3).status).toBe('satisfactory');
    expect(rate({ target: 100, values: { [Q2]: 100 } }, scheme3).status).toBe('satisfactory');
    expect(rate({ target: 100, values: { [Q2]: 97 } }, scheme3).status).toBe('satisfactory');
  });
  it('scheme 3: significantly worse is the triangle (off target)', () => {
    expect(rate({ target: 100, values: { [Q2]: 90 } }, scheme3).status).toBe('off-target');
  });
});

describe('rateMeasure: strict comparators', () => {
  it('">53%" is met by 53% by default', () => {
    expect(rate({ target: '>53%', values: { [Q2]: '53%' } }).status).toBe('on-target');
  });
  it('with strict comparison on, 53% against ">53%" is satisfactory and says why', () => {
    const r = rate({ target: '>53%', values: { [Q2]: '53%' } }, { strictComparators: true });
    expect(r.status).toBe('satisfactory');
    expect(comparison(r).strictTie).toBe(true);
    expect(r.explanation).toContain('which strict comparison does not count as met');
  });
  it('strict comparison does not touch ">=" targets ("37+")', () => {
    expect(rate({ target: '37+', values: { [Q2]: 37 } }, { strictComparators: true }).status).toBe('on-target');
  });
});

describe('rateMeasure: statuses without a comparison', () => {
  it('Baseline Year: not applicable', () => {
    const r = rate({ target: 'Baseline Year', values: { [Q2]: 5 } });
    expect(r.status).toBe('not-applicable');
    expect(finding(r, 'no-target').reason).toBe('baseline year');
  });
  it('No target - not applicable: not applicable', () => {
    expect(rate({ target: 'No target - not applicable', polarity: 'Not applicable', values: { [Q2]: 5 } }).status).toBe('not-applicable');
  });
  it('data notes starting "Baseline": not applicable', () => {
    expect(rate({ target: 100, values: { [Q2]: 5 }, notes: 'Baseline being established this year' }).status).toBe('not-applicable');
  });
  it('TBC: under development', () => {
    const r = rate({ target: 'TBC', values: { [Q2]: 5 } });
    expect(r.status).toBe('under-development');
    expect(finding(r, 'pending-target').written).toBe('TBC');
  });
  it('an empty target needs review', () => {
    const r = rate({ target: null, values: { [Q2]: 5 } });
    expect(r.status).toBe('needs-review');
    expect(r.needsReview).toMatch(/Target cell is empty/);
  });
  it('"n/a (due Dec17)": not available, quoting the cell', () => {
    const r = rate({ target: 100, values: { [Q2]: 'n/a (due Dec17)' } });
    expect(r.status).toBe('not-available');
    expect(r.explanation).toContain('“n/a (due Dec17)”');
    expect(r.period).toBeUndefined();
  });
  it('annual measure with only last year’s result: not available', () => {
    const r = rate({ target: 100, frequency: 'Annual', values: { 'Year end 2016/17': 120 } });
    expect(r.status).toBe('not-available');
    expect(r.explanation).toContain('Annual measure');
  });
  it('annual measure whose in-year columns only repeat last year’s result: not available', () => {
    const r = rate({ target: '<22%', polarity: 'Low', frequency: 'Annual', values: { 'Year end 2016/17': '23%', 'Q1 Apr - Jun 2017': '23%', [Q2]: '23%' } });
    expect(r.status).toBe('not-available');
    expect(finding(r, 'no-value').reason).toMatch(/repeat the Year end 2016\/17 result/);
  });
  it('annual measure with a new in-year figure is rated on it', () => {
    expect(rate({ target: '<22%', polarity: 'Low', frequency: 'Annual', values: { 'Year end 2016/17': '23%', [Q2]: '21%' } }).status).toBe('on-target');
  });
  it('no polarity anywhere keeps the status the sheet shows and needs review', () => {
    const r = rate({ target: 100, polarity: '', values: { [Q2]: 90 }, currentStatus: '✘' });
    expect(r.status).toBe('off-target');
    expect(r.needsReview).toMatch(/higher or lower is better/);
    expect(finding(r, 'review').kept).toEqual({ status: 'off-target', shown: '✘' });
    expect(r.explanation).toContain('is kept until someone reviews it');
  });
  it('an unreadable target with no status in the sheet needs review', () => {
    const r = rate({ target: 'Improve on last year', values: { [Q2]: 90 } });
    expect(r.status).toBe('needs-review');
    expect(r.needsReview).toMatch(/no figure to compare with/);
  });
  it('the needs-review symbol in the status cell is not kept as a status', () => {
    expect(rate({ target: 'Improve on last year', values: { [Q2]: 90 }, currentStatus: '?' }).status).toBe('needs-review');
  });
});

describe('rateMeasure: honest doubt', () => {
  it('a value about 840 times its target needs review: check the units, never a four-figure percentage', () => {
    const r = rate({ target: 4.6, polarity: 'Low', values: { [Q2]: '£3,856m' } });
    expect(r.status).toBe('needs-review');
    expect(r.needsReview).toMatch(/about 838 times the target of 4\.6: check that the figure and the target are in the same units/);
    expect(r.explanation).not.toMatch(/\d{4,}(\.\d)?%/);
  });
  it('the units check is a rule', () => {
    expect(rate({ target: 10, polarity: 'Low', values: { [Q2]: 250 } }).status).toBe('needs-review');
    expect(rate({ target: 10, polarity: 'Low', values: { [Q2]: 250 } }, { unitsCheck: 100 }).status).toBe('off-target');
    expect(rate({ target: 10, polarity: 'Low', values: { [Q2]: 150 } }).status).toBe('off-target');
  });
  it('a value nine times its target is rated, in words rather than a four-figure share', () => {
    const r = rate({ target: 10, polarity: 'High', values: { [Q2]: 1 } });
    expect(r.status).toBe('off-target');
    expect(r.explanation).toContain('90.0% worse');
  });
  it('a date in the Target cell needs review', () => {
    const r = rate({ target: { value: new Date(Date.UTC(2017, 9, 1)) }, values: { [Q2]: 5 } });
    expect(r.status).toBe('needs-review');
    expect(r.needsReview).toMatch(/date/);
  });
  it('a target naming a benchmark the sheet does not give needs review', () => {
    const r = rate({ target: 'In line with the national average', values: { [Q2]: '95%' } });
    expect(r.status).toBe('needs-review');
    expect(r.needsReview).toMatch(/national average, which the sheet does not give/);
  });
  it('composite parts against one number needs review', () => {
    const r = rate({ target: 75, polarity: 'Low', values: { [Q2]: 'a) 816 b) 2,888 i) 24' } });
    expect(r.status).toBe('needs-review');
    expect(r.needsReview).toMatch(/3 parts but the target .* is one number/);
  });
  it('a one-number target that names every part is for each part', () => {
    const r = rate({ target: '100% of 1) drivers checked; 2) vehicles checked', values: { [Q2]: '1) 100% 2) 87%' } });
    expect(r.status).toBe('off-target');
    expect(finding(r, 'parts').chosen).toBe('2');
  });
  it('a one-number target over a composite value is for every part when it says "all"', () => {
    const r = rate({ target: 'All at 95%', values: { [Q2]: 'a) 100% b) 96% c) 99%' } });
    expect(r.status).toBe('on-target');
    expect(finding(r, 'parts').parts.map((p) => p.comparison.target.value)).toEqual([95, 95, 95]);
    expect(rate({ target: 'All at 95%', values: { [Q2]: 'a) 100% b) 90% c) 99%' } }).status).toBe('off-target');
  });
});

describe('rateMeasure: benchmark targets', () => {
  const target = 'Inline with or above the national average';
  it('reads the benchmark from the data notes ("national average of 93.4%") and names it', () => {
    const r = rate({ target, values: { [Q2]: '95%' }, notes: 'The national average of 93.4% for 2016' });
    expect(r.status).toBe('on-target');
    expect(comparison(r).target).toMatchObject({ how: 'benchmark', value: 93.4, benchmark: 'national average' });
    expect(r.explanation).toContain('against the national average of 93.4% quoted in the data notes');
  });
  it('below the benchmark from the notes: off target', () => {
    expect(rate({ target, values: { [Q2]: '85%' }, notes: 'national average of 93.4%' }).status).toBe('off-target');
  });
  it('without a benchmark in the sheet: keeps the status the sheet shows and says what is missing', () => {
    const r = rate({ target, values: { [Q2]: '95%' }, currentStatus: '●' });
    expect(r.status).toBe('satisfactory');
    expect(r.needsReview).toBe('the target is the national average, which the sheet does not give');
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
    expect(finding(r, 'override')).toMatchObject({ reason: 'agreed by DMT' });
    expect(r.explanation).toMatch(/^Set by the status override: on target \(agreed by DMT\)\./);
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

describe('rateMeasure: relative, year-to-date, deadline and composite targets', () => {
  it('"10% reduction" is measured from the previous year end', () => {
    const r = rate({ target: '10% reduction', polarity: 'Low', values: { 'Year end 2016/17': 100, [Q2]: 85 } });
    expect(r.status).toBe('on-target');
    expect(comparison(r).target).toMatchObject({ how: 'relative', change: -0.1, base: { period: 'Year end 2016/17' } });
    expect(r.comparedTarget).toBeCloseTo(90);
    expect(r.explanation).toContain('against a target of 90.0 (10% below the Year end 2016/17 figure of 100)');
  });
  it('a relative target without a previous year end needs review', () => {
    expect(rate({ target: '10% reduction', polarity: 'Low', values: { [Q2]: 85 } }).needsReview).toMatch(/no previous year-end figure/);
  });
  it('an annual total is spread over the months so far of a year-to-date series', () => {
    const r = rate({ target: '5000 (cumulative for the year)', frequency: 'Monthly', values: { 'Sep-17': 2400 } });
    expect(r.comparedTarget).toBe(2500);
    expect(r.status).toBe('off-target');
    expect(comparison(r).target).toMatchObject({ how: 'profiled', months: 6, annual: { value: 5000 } });
    expect(r.explanation).toContain('a year-to-date target of 2,500.0 (the annual 5,000 spread over 6 of 12 months)');
  });
  it('profiling can be switched off', () => {
    const r = rate({ target: '5000 (cumulative for the year)', frequency: 'Monthly', values: { 'Sep-17': 2400 } }, { cumulativeProfile: 'none' });
    expect(r.comparedTarget).toBe(5000);
  });
  it('too early in the year to judge a year-to-date figure: needs review', () => {
    const r = rateMeasure(measure({ target: '2,500 Academic Yr', polarity: 'Low', frequency: 'Monthly', values: { 'Sep-17': 244 } }), {
      reportingEnd: period('Sep-17').end,
      rules: defaultRules(),
    });
    expect(r.status).toBe('needs-review');
    expect(r.needsReview).toMatch(/only 1 of 12 months of the academic year/);
  });
  it('a value marked "(Cumulative)" is the series rated against the annual target', () => {
    const r = rate({ target: '37+ (for the year)', frequency: 'Monthly', values: { 'Sep-17': 1, [Q2]: '18.2 (Cumulative)' } });
    expect(r.comparedTarget).toBeCloseTo(18.5);
    expect(r.status).toBe('satisfactory');
    expect(finding(r, 'compared').source).toMatchObject({ series: 'year-to-date', period: { label: Q2 } });
  });
  it('in-period counts are added up against an annual total', () => {
    const r = rate({ target: '40 for the year', frequency: 'Monthly', values: { 'Q1 Apr - Jun 2017': 10, 'Jul-17': 4, 'Aug-17': 3, 'Sep-17': 3 } });
    const f = finding(r, 'compared');
    expect(f.source).toMatchObject({ series: 'summed' });
    expect(f.comparison.value.value).toBe(20);
    expect(r.status).toBe('on-target');
    expect(r.explanation).toContain('added up');
  });
  it('a survey percentage with an annual target is not spread over the year', () => {
    const r = rate({ name: 'Public perception of ASB (survey)', target: '27% Annual Target', polarity: 'Low', values: { [Q2]: '34%' } });
    expect(comparison(r).target.how).toBe('as-written');
    expect(r.status).toBe('off-target');
  });
  it('a percentage called cumulative that does not rise through the year is not spread over it', () => {
    const r = rate({
      name: '% of complaints closed within timescale (cumulative)',
      target: '85%',
      frequency: 'Monthly',
      values: { 'Q4 Jan - Mar 2017': '89%', 'Q1 Apr - Jun 2017': '76%', [Q2]: '79%' },
    });
    expect(comparison(r).target.how).toBe('as-written');
    expect(r.status).toBe('off-target');
  });
  it('composite target: the worst part by default, part by part', () => {
    const r = rate({ target: 'a) 100% b) 98.5%', values: { [Q2]: 'a) 100% b) 97%' } });
    expect(r.status).toBe('satisfactory');
    const f = finding(r, 'parts');
    expect(f.chosen).toBe('b');
    expect(f.parts.map((p) => p.comparison.target.value)).toEqual([100, 98.5]);
    expect(r.explanation).toContain('b) 97% against 98.5%, 1.5 points worse');
  });
  it('composite target: the best part when the rule says so', () => {
    const r = rate({ target: 'a) 100% b) 98.5%', values: { [Q2]: 'a) 100% b) 90%' } }, { compositeRule: 'best' });
    expect(r.status).toBe('on-target');
  });
  it('a lagged value says it is the latest in', () => {
    const r = rate({ target: 100, frequency: 'Monthly', values: { 'Aug-17': 120, 'Sep-17': 'n/a' } });
    expect(r.status).toBe('on-target');
    expect(finding(r, 'compared').source.lagged).toEqual({ due: 'Sep-17', dueShown: 'n/a' });
    expect(r.explanation).toContain('Aug-17 (the latest in; Sep-17 is “n/a”)');
  });
});

describe('rateMeasure: direction of travel in the rating', () => {
  it('gives the DOT and says it in words', () => {
    const r = rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 90, [Q2]: 105 } });
    expect(r.dot).toBe('improved');
    expect(r.trend?.comparison).toMatchObject({ basis: 'same-period-last-year', period: { label: 'Q2 Jul - Sep 2016' } });
    expect(r.explanation).toMatch(/Better than the same quarter last year \(90\)\.$/);
  });
  it('a context dotBasis overrides the rules', () => {
    const r = rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 90, 'Q1 Apr - Jun 2017': 110, [Q2]: 105 } }, {}, { dotBasis: 'previous-period' });
    expect(r.dot).toBe('worse');
  });
  it('columns after the reporting period are ignored', () => {
    const r = rate({ target: 100, values: { [Q2]: 105, 'Q3 Oct - Dec 2017': 50 } });
    expect(r.status).toBe('on-target');
  });
  it('the year-to-date figure is compared with the year to date a year earlier, never with an in-period one', () => {
    const r = rate({ target: '37+ (for the year)', frequency: 'Monthly', values: { 'Q2 Jul - Sep 2016': 12, 'Sep-17': 1, [Q2]: '12 (Cumulative)' } });
    expect(r.trend?.none).toBe('no-earlier-year-to-date');
    expect(r.dot).toBe('not-applicable');
  });
  it('a figure in another series ending in the same month is not what the DOT starts from', () => {
    // Sep-17 is the in-month 1; the quarter's 12 is year to date: the DOT of the in-month figure compares months.
    const r = rate({ target: 2, frequency: 'Monthly', values: { 'Q2 Jul - Sep 2016': 20, 'Aug-17': 3, 'Sep-17': 1, [Q2]: 12 } });
    expect(r.trend?.comparison?.period.label).toBe('Aug-17');
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
    expect(dotDetail('worse', 'needs-review', 'high')).toBeUndefined();
    expect(dotDetail('not-applicable', 'on-target', 'high')).toBeUndefined();
  });
  it('comes with the rating', () => {
    const r = rate({ target: 100, values: { 'Q2 Jul - Sep 2016': 110, [Q2]: 98 } });
    expect(r).toMatchObject({ status: 'satisfactory', dot: 'worse', dotDetail: 'declined-within-limits' });
  });
});

describe('rateMeasure: year to date', () => {
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
});

describe('rateMeasure: targets due later', () => {
  it('behind a target due later but improving: satisfactory; not improving: off target', () => {
    const improving = rate({ target: '100% by April 2018', values: { 'Q2 Jul - Sep 2016': '35%', [Q2]: '62%' } });
    expect(improving.status).toBe('satisfactory');
    expect(comparison(improving)).toMatchObject({ byTrend: 'improving', target: { deadline: 'April 2018' } });
    expect(improving.explanation).toContain('but the target is due by April 2018 and the figure is improving, so satisfactory');
    const falling = rate({ target: '90% by April 2018', values: { 'Q2 Jul - Sep 2016': '61%', [Q2]: '57%' } });
    expect(falling.status).toBe('off-target');
    expect(comparison(falling).byTrend).toBe('not-improving');
  });
  it('a deadline already passed is judged as due now', () => {
    expect(rate({ target: '100% by April 2017', values: { 'Q2 Jul - Sep 2016': '35%', [Q2]: '62%' } }).status).toBe('off-target');
  });
  it('judged as due now when the rule says so', () => {
    expect(rate({ target: '100% by April 2018', values: { 'Q2 Jul - Sep 2016': '35%', [Q2]: '62%' } }, { futureDeadline: 'now' }).status).toBe('off-target');
  });
});
