import { defaultRules } from '../../src/engine/rules';
import { directionOfTravel } from '../../src/engine/trend';
import { trendSentence } from '../../src/engine/explain';
import { period, read } from './build';

const rules = defaultRules();
const Q2_17 = period('Q2 Jul - Sep 2017').end;

describe('directionOfTravel', () => {
  it('compares with the same period last year first', () => {
    const t = directionOfTravel(read({ 'Q2 Jul - Sep 2016': 80, 'Q1 Apr - Jun 2017': 95, 'Q2 Jul - Sep 2017': 90 }), Q2_17, 'high', rules);
    expect(t.dot).toBe('improved');
    expect(t.comparison?.basis).toBe('same-period-last-year');
    expect(t.comparison?.period.label).toBe('Q2 Jul - Sep 2016');
    expect(trendSentence(t)).toBe('Better than the same quarter last year (80).');
  });
  it('falls back to the previous period', () => {
    const t = directionOfTravel(read({ 'Q1 Apr - Jun 2017': 95, 'Q2 Jul - Sep 2017': 90 }), Q2_17, 'high', rules);
    expect(t.dot).toBe('worse');
    expect(t.comparison?.basis).toBe('previous-period');
  });
  it('then the previous year end', () => {
    const t = directionOfTravel(read({ 'Year end 2016/17': 100, 'Q2 Jul - Sep 2017': 90 }), Q2_17, 'low', rules);
    expect(t.dot).toBe('improved');
    expect(t.comparison?.basis).toBe('previous-year-end');
  });
  it('dotBasis changes which comparison is tried first', () => {
    const t = directionOfTravel(read({ 'Q2 Jul - Sep 2016': 80, 'Q1 Apr - Jun 2017': 95, 'Q2 Jul - Sep 2017': 90 }), Q2_17, 'high', {
      ...rules,
      dotBasis: 'previous-period',
    });
    expect(t.dot).toBe('worse');
  });
  it('lower is better: a rise is worse', () => {
    expect(directionOfTravel(read({ 'Q2 Jul - Sep 2016': 80, 'Q2 Jul - Sep 2017': 90 }), Q2_17, 'low', rules).dot).toBe('worse');
  });
  it('no polarity: increase or decrease', () => {
    expect(directionOfTravel(read({ 'Q2 Jul - Sep 2016': 80, 'Q2 Jul - Sep 2017': 90 }), Q2_17, null, rules).dot).toBe('increase');
    expect(directionOfTravel(read({ 'Q2 Jul - Sep 2016': 95, 'Q2 Jul - Sep 2017': 90 }), Q2_17, 'none', rules).dot).toBe('decrease');
  });
  it('equal at the displayed precision is stable', () => {
    const t = directionOfTravel(read({ 'Q2 Jul - Sep 2016': '43.5%', 'Q2 Jul - Sep 2017': { value: 0.43504, numberFormat: '0.0%' } }), Q2_17, 'high', rules);
    expect(t.dot).toBe('stable');
  });
  it('within the stability band is stable', () => {
    const values = read({ 'Q2 Jul - Sep 2016': 100, 'Q2 Jul - Sep 2017': 101 });
    expect(directionOfTravel(values, Q2_17, 'high', rules).dot).toBe('improved');
    expect(directionOfTravel(values, Q2_17, 'high', { ...rules, stabilityBand: 0.02 }).dot).toBe('stable');
  });
  it('a percentage is not compared with a count', () => {
    expect(directionOfTravel(read({ 'Q2 Jul - Sep 2016': 80, 'Q2 Jul - Sep 2017': '90%' }), Q2_17, 'high', rules).dot).toBe('not-applicable');
  });
  it('no comparison value → not applicable', () => {
    const t = directionOfTravel(read({ 'Q2 Jul - Sep 2017': 90 }), Q2_17, 'high', rules);
    expect(t).toEqual({ dot: 'not-applicable', none: 'no-earlier' });
  });
  it('no latest value → not applicable', () => {
    expect(directionOfTravel(read({ 'Q2 Jul - Sep 2016': 80 }), undefined, 'high', rules).dot).toBe('not-applicable');
  });
  it('a text latest value → not applicable', () => {
    expect(directionOfTravel(read({ 'Q2 Jul - Sep 2016': 80, 'Q2 Jul - Sep 2017': 'n/a' }), Q2_17, 'high', rules).dot).toBe('not-applicable');
  });
});
