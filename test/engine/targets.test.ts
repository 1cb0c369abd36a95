import { monthIndex } from '../../src/engine/periods';
import { parseFrequency, parsePolarity, parseTarget } from '../../src/engine/targets';

describe('parseTarget', () => {
  it('336.9 (number) is a number target', () => {
    expect(parseTarget({ value: 336.9 })).toMatchObject({ kind: 'number', value: 336.9, percent: false, decimals: 1 });
  });
  it('"336.9" (text) is the same number', () => {
    expect(parseTarget({ value: '336.9' })).toMatchObject({ kind: 'number', value: 336.9, percent: false, decimals: 1 });
  });
  it('0.53 with a % format is 53 percent', () => {
    expect(parseTarget({ value: 0.53, numberFormat: '0%' })).toMatchObject({ kind: 'number', value: 53, percent: true, display: '53%' });
  });
  it('"53%" is 53 percent with no comparator', () => {
    const t = parseTarget({ value: '53%' });
    expect(t).toMatchObject({ kind: 'number', value: 53, percent: true });
    expect(t).not.toHaveProperty('comparator');
  });
  it('">53%" has comparator > and implies high polarity', () => {
    expect(parseTarget({ value: '>53%' })).toMatchObject({ kind: 'number', value: 53, percent: true, comparator: '>', impliedPolarity: 'high' });
  });
  it('"37+" means at least 37', () => {
    expect(parseTarget({ value: '37+' })).toMatchObject({ kind: 'number', value: 37, comparator: '>=', impliedPolarity: 'high' });
  });
  it('"<10" implies low polarity', () => {
    expect(parseTarget({ value: '<10' })).toMatchObject({ kind: 'number', value: 10, comparator: '<', impliedPolarity: 'low' });
  });
  it('"At least 90%" is >= 90', () => {
    expect(parseTarget({ value: 'At least 90%' })).toMatchObject({ value: 90, comparator: '>=' });
  });
  it('">22,000,000" reads the thousands separators', () => {
    expect(parseTarget({ value: '>22,000,000' })).toMatchObject({ value: 22000000, comparator: '>' });
  });
  it('"10% reduction" is relative, change -0.1', () => {
    expect(parseTarget({ value: '10% reduction' })).toEqual({ kind: 'relative', display: '10% reduction', change: -0.1 });
  });
  it('"5% increase" is relative, change +0.05', () => {
    expect(parseTarget({ value: '5% increase' })).toMatchObject({ kind: 'relative', change: 0.05 });
  });
  it('"Reduce by 5%" is relative, change -0.05 (not a 5% target)', () => {
    expect(parseTarget({ value: 'Reduce by 5%' })).toMatchObject({ kind: 'relative', change: -0.05 });
  });
  it('"5% reduction on 2016-17 (27% Annual Target)" takes the explicit 27%', () => {
    expect(parseTarget({ value: '5% reduction on 2016-17 (27% Annual Target)' })).toMatchObject({ kind: 'number', value: 27, percent: true });
  });
  it('"5% reduction, ( target 75 cumulative )" takes the explicit 75', () => {
    expect(parseTarget({ value: '5% reduction, ( target 75 cumulative ) in complaints' })).toMatchObject({ kind: 'number', value: 75 });
  });
  it.each(['Baseline Year', 'No target - not applicable', 'No target', 'Not applicable', 'Monitor only'])('%p means no target', (t) => {
    expect(parseTarget({ value: t }).kind).toBe('none');
  });
  it('"Baseline Year" gives the reason', () => {
    expect(parseTarget({ value: 'Baseline Year' })).toMatchObject({ kind: 'none', reason: 'baseline year' });
  });
  it.each(['TBC', 'To be set', 'Target to be confirmed', 'Awaiting baseline'])('%p is pending', (t) => {
    expect(parseTarget({ value: t })).toMatchObject({ kind: 'pending', reason: 'target still to be set' });
  });
  it('"Inline with or above the national average" is a benchmark target at least the national average', () => {
    expect(parseTarget({ value: 'Inline with or above the national average' })).toMatchObject({
      kind: 'benchmark',
      benchmark: 'national average',
      comparator: '>=',
    });
  });
  it('"Top quartile" is a benchmark with no comparator', () => {
    const t = parseTarget({ value: 'Top quartile' });
    expect(t).toMatchObject({ kind: 'benchmark', benchmark: 'top quartile' });
    expect(t).not.toHaveProperty('comparator');
  });
  it('"97% (Top Quartile Met Authorities)" is the number, not the benchmark', () => {
    expect(parseTarget({ value: '97% (Top Quartile Met Authorities)' })).toMatchObject({ kind: 'number', value: 97, percent: true });
  });
  it('"a) 100% b) 98.5%" is a composite target', () => {
    const t = parseTarget({ value: 'a) 100% b) 98.5%' });
    expect(t.kind).toBe('composite');
    if (t.kind === 'composite') expect(t.parts.map((p) => [p.label, p.reading.value])).toEqual([['a', 100], ['b', 98.5]]);
  });
  it('"5000 (cumulative for the year)" is an annual total', () => {
    expect(parseTarget({ value: '5000 (cumulative for the year)' })).toMatchObject({ kind: 'number', value: 5000, annualTotal: true });
  });
  it('"2,500 Academic Yr" is an annual total over the academic year', () => {
    expect(parseTarget({ value: '2,500 Academic Yr' })).toMatchObject({ kind: 'number', value: 2500, annualTotal: true, academicYear: true });
  });
  it('"For 2017/18, reduce the gap from 4.3% to 4.0%" is 4.0% with low implied polarity', () => {
    expect(parseTarget({ value: 'For 2017/18, reduce the gap from 4.3% to 4.0%' })).toMatchObject({
      kind: 'number',
      value: 4,
      percent: true,
      decimals: 1,
      impliedPolarity: 'low',
    });
  });
  it('"100% by April 2018" keeps the deadline and skips the year', () => {
    expect(parseTarget({ value: '100% by April 2018' })).toMatchObject({ kind: 'number', value: 100, deadline: 'April 2018' });
  });
  it('"As above" refers to the row above', () => {
    expect(parseTarget({ value: 'As above' })).toEqual({ kind: 'same-as-above', display: 'As above' });
  });
  it.each([null, undefined, '', '  ', '-'])('%p is missing', (v) => {
    expect(parseTarget({ value: v }).kind).toBe('missing');
  });
  it('words without a number are text', () => {
    expect(parseTarget({ value: 'Improve on last year' }).kind).toBe('text');
  });
  it('NaN is not a number target', () => {
    expect(parseTarget({ value: Number.NaN }).kind).not.toBe('number');
  });
  it('a huge number under a % format (overflows to Infinity) is not a number target', () => {
    expect(parseTarget({ value: Number.MAX_VALUE, numberFormat: '0.0%' }).kind).not.toBe('number');
  });
  it('a number format with 120 decimals does not throw', () => {
    expect(parseTarget({ value: 0.5, numberFormat: `0.${'0'.repeat(120)}%` })).toMatchObject({ kind: 'number', value: 50, decimals: 30 });
  });
});

describe('parseTarget: dates', () => {
  it('a number under a date format is a date, shown as the sheet shows it (not the number 43008)', () => {
    expect(parseTarget({ value: 43008, numberFormat: 'dd/mm/yyyy', text: '30/09/2017' })).toEqual({ kind: 'date', display: '30/09/2017' });
  });
  it('without the cell text a date is shown as yyyy-mm-dd', () => {
    expect(parseTarget({ value: 43008, numberFormat: 'd-mmm-yy' })).toEqual({ kind: 'date', display: '2017-09-30' });
  });
  it('a Date is a date', () => {
    expect(parseTarget({ value: new Date(Date.UTC(2018, 2, 31)) })).toEqual({ kind: 'date', display: '2018-03-31' });
  });
  it.each(['0.0%', '#,##0', '0"days"', '[Red]0'])('a number under %p is still a number', (numberFormat) => {
    expect(parseTarget({ value: 43008, numberFormat }).kind).toBe('number');
  });
});

describe('parseTarget: one number for all parts', () => {
  it.each([
    ['All at 95%', 95],
    ['all 95%', 95],
    ['each at least 90%', 90],
    ['95% for each', 95],
    ['every indicator 95%', 95],
  ])('%p applies %p to every part', (text, value) => {
    expect(parseTarget({ value: text })).toMatchObject({ kind: 'number', value, allParts: true });
  });
  it('"each at least 90%" keeps its comparator', () => {
    expect(parseTarget({ value: 'each at least 90%' })).toMatchObject({ comparator: '>=' });
  });
  it.each(['95%', '95% of calls answered', 'Reach 95% overall'])('%p is one number, not for all parts', (text) => {
    expect(parseTarget({ value: text })).not.toHaveProperty('allParts');
  });
});

describe('parseTarget: deadlines', () => {
  it.each([
    ['100% by April 2018', 'April 2018', monthIndex(2018, 4)],
    ['90% by March 2018', 'March 2018', monthIndex(2018, 3)],
    ['95% by the end of March 2018', 'the end of March 2018', monthIndex(2018, 3)],
    ['80% by the end of 2019/20', 'the end of 2019/20', monthIndex(2020, 3)],
    ['80% by 2019/20', '2019/20', monthIndex(2020, 3)],
    ['1,000 jobs by 2020', '2020', monthIndex(2020, 3)],
    ['11% or less by the end of 2015', 'the end of 2015', monthIndex(2015, 12)],
    ['75% by Dec 17', 'Dec 17', monthIndex(2017, 12)],
    ['75% by 31 March 2018', '31 March 2018', monthIndex(2018, 3)],
    ['75% by Sept. 2018', 'Sept. 2018', monthIndex(2018, 9)],
  ])('%p has the deadline %p, month %p', (text, deadline, month) => {
    expect(parseTarget({ value: text })).toMatchObject({ kind: 'number', deadline, deadlineMonth: month });
  });
  it('the date of a deadline is not the target: "By Dec 17 reach 75%" is 75', () => {
    expect(parseTarget({ value: 'By Dec 17 reach 75%' })).toMatchObject({ value: 75, deadlineMonth: monthIndex(2017, 12) });
  });
  it.each(['Reduce by 1000', '100% by April', '95% by the end of the year', '50 by next spring'])('%p has no deadline', (text) => {
    const t = parseTarget({ value: text });
    expect(t).not.toHaveProperty('deadline');
    expect(t).not.toHaveProperty('deadlineMonth');
  });
});

describe('parseTarget: where two lists used to disagree', () => {
  it.each(['No more than 10', 'not more than 10'])('%p is at most 10 (not more than 10)', (text) => {
    expect(parseTarget({ value: text })).toMatchObject({ value: 10, comparator: '<=', impliedPolarity: 'low' });
  });
  it('"Info only" is monitored for information, like "Information only"', () => {
    expect(parseTarget({ value: 'Info only' })).toMatchObject({ kind: 'none', reason: 'monitored for information only' });
  });
  it('"TBD" is pending, as "TBC" is', () => {
    expect(parseTarget({ value: 'TBD' })).toMatchObject({ kind: 'pending' });
  });
});

describe('parsePolarity', () => {
  it.each([
    ['High', 'high'],
    ['high', 'high'],
    ['High - very or fairly satisfied', 'high'],
    ['Bigger is better', 'high'],
    ['Low', 'low'],
    ['lower is better', 'low'],
    ['Not applicable', 'none'],
    ['Info', 'none'],
    ['', null],
    ['xyz', null],
  ])('%p → %p', (text, expected) => {
    expect(parsePolarity({ value: text })).toBe(expected);
  });
  it('null cell → null', () => {
    expect(parsePolarity({ value: null })).toBeNull();
  });
});

describe('parseFrequency', () => {
  it.each([
    ['Monthly', 'monthly'],
    ['Quarterly', 'quarterly'],
    ['6 monthly', 'six-monthly'],
    ['Six-monthly', 'six-monthly'],
    ['Half yearly', 'six-monthly'],
    ['Annual', 'annual'],
    ['Annually', 'annual'],
    ['Termly', 'termly'],
    ['Weekly', 'weekly'],
    ['', 'unknown'],
    ['?', 'unknown'],
  ])('%p → %p', (text, expected) => {
    expect(parseFrequency({ value: text })).toBe(expected);
  });
});
