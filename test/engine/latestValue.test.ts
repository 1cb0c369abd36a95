import { currentWindow, isUsable, latestValue, readObservations } from '../../src/engine/latestValue';
import { monthIndex } from '../../src/engine/periods';
import { defaultRules } from '../../src/engine/rules';
import { parseValue } from '../../src/engine/values';
import { period, read } from './build';

const SEP17 = monthIndex(2017, 9);
const rules = defaultRules();

describe('readObservations', () => {
  it('sorts newest first and drops year-to-date columns', () => {
    const obs = [
      { period: period('Jul-17'), cell: { value: 1 } },
      { period: period('Sep-17'), cell: { value: 3 } },
      { period: period('YTD', 2017), cell: { value: 9 } },
      { period: period('Aug-17'), cell: { value: 2 } },
    ];
    expect(readObservations(obs, 'monthly').map((o) => o.period.label)).toEqual(['Sep-17', 'Aug-17', 'Jul-17']);
  });
  it('among periods ending in the same month the measure’s own frequency comes first', () => {
    const obs = [
      { period: period('Sep-17'), cell: { value: 1 } },
      { period: period('Q2 Jul - Sep 2017'), cell: { value: 2 } },
    ];
    expect(readObservations(obs, 'quarterly')[0].period.kind).toBe('quarter');
    expect(readObservations(obs, 'monthly')[0].period.kind).toBe('month');
  });
});

describe('isUsable', () => {
  it('numbers and composites are usable; missing and text are not', () => {
    expect(isUsable(parseValue({ value: 5 }))).toBe(true);
    expect(isUsable(parseValue({ value: 'a) 1 b) 2' }))).toBe(true);
    expect(isUsable(parseValue({ value: 'n/a' }))).toBe(false);
    expect(isUsable(parseValue({ value: 'words' }))).toBe(false);
  });
});

describe('currentWindow', () => {
  it('monthly: the reporting month; lagged values may come from earlier in the financial year', () => {
    expect(currentWindow('monthly', SEP17, rules)).toEqual({ due: SEP17, earliest: monthIndex(2017, 4) });
  });
  it('quarterly: the last three months', () => {
    expect(currentWindow('quarterly', SEP17, rules).due).toBe(monthIndex(2017, 7));
  });
  it('annual: the whole financial year', () => {
    expect(currentWindow('annual', SEP17, rules)).toEqual({ due: monthIndex(2017, 4), earliest: monthIndex(2017, 4) });
  });
  it('no lag fallback: earliest is the due month', () => {
    const w = currentWindow('monthly', SEP17, { ...rules, lagFallback: 'none' });
    expect(w.earliest).toBe(w.due);
  });
});

describe('latestValue', () => {
  it('takes the value of the reporting period', () => {
    const r = latestValue(read({ 'Aug-17': 10, 'Sep-17': 12 }), 'monthly', SEP17, rules);
    expect(r).toMatchObject({ found: true, lagged: false });
    if (r.found) expect(r.period.label).toBe('Sep-17');
  });
  it('lags to an earlier month of the same financial year and says which cell was missing', () => {
    const r = latestValue(read({ 'Jul-17': 10, 'Aug-17': 11, 'Sep-17': 'n/a (due Dec17)' }), 'monthly', SEP17, rules);
    expect(r.found).toBe(true);
    if (!r.found) return;
    expect(r.lagged).toBe(true);
    expect(r.period.label).toBe('Aug-17');
    expect(r.due?.reading.display).toBe('n/a (due Dec17)');
  });
  it('does not lag into the previous financial year', () => {
    const r = latestValue(read({ 'Mar-17': 10, 'Sep-17': '' }), 'monthly', SEP17, rules);
    expect(r.found).toBe(false);
    if (!r.found) expect(r.stale?.period.label).toBe('Mar-17');
  });
  it('does not lag at all when lagFallback is none', () => {
    const r = latestValue(read({ 'Aug-17': 10, 'Sep-17': '' }), 'monthly', SEP17, { ...rules, lagFallback: 'none' });
    expect(r.found).toBe(false);
  });
  it('ignores columns after the reporting period', () => {
    const r = latestValue(read({ 'Sep-17': 10, 'Oct-17': 99 }), 'monthly', SEP17, rules);
    if (r.found) expect(r.period.label).toBe('Sep-17');
    else throw new Error('expected a value');
  });
  it('annual measure: last year’s result is not this year’s, so it is not yet due', () => {
    const r = latestValue(read({ 'Year end 2016/17': 120 }), 'annual', SEP17, rules);
    expect(r.found).toBe(false);
    if (!r.found) {
      expect(r.reason).toMatch(/Annual measure/);
      expect(r.stale?.period.label).toBe('Year end 2016/17');
    }
  });
  it('annual measure: this year’s result counts once it is in', () => {
    const r = latestValue(read({ 'Year end 2016/17': 120, 'Year end 2017/18': 130 }), 'annual', monthIndex(2018, 3), rules);
    expect(r.found).toBe(true);
  });
  it('six-monthly: a value from the last six months is current', () => {
    const r = latestValue(read({ 'Q1 Apr - Jun 2017': 46 }), 'six-monthly', SEP17, rules);
    expect(r).toMatchObject({ found: true, lagged: false });
  });
  it('six-monthly: a value older than six months but in this financial year is lagged', () => {
    const r = latestValue(read({ 'Q1 Apr - Jun 2017': 46 }), 'six-monthly', monthIndex(2017, 12), rules);
    expect(r).toMatchObject({ found: true, lagged: true });
  });
  it('no value: the reason quotes the cell', () => {
    const r = latestValue(read({ 'Q2 Jul - Sep 2017': 'Not available' }), 'quarterly', SEP17, rules);
    expect(r).toMatchObject({ found: false });
    if (!r.found) expect(r.reason).toContain('Not available');
  });
  it('no value and a blank cell: a plain reason', () => {
    const r = latestValue(read({ 'Q2 Jul - Sep 2017': '' }), 'quarterly', SEP17, rules);
    if (!r.found) expect(r.reason).toBe('No figure yet for Q2 Jul - Sep 2017');
    else throw new Error('expected not found');
  });
});
