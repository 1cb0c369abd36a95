import { compositeParts, parseValue, readingNumber } from '../../src/engine/values';

describe('parseValue', () => {
  it('a number with a "0.0%" format is a percentage in points (0.435 → 43.5%)', () => {
    expect(parseValue({ value: 0.435, numberFormat: '0.0%' })).toMatchObject({ kind: 'number', value: 43.5, percent: true, decimals: 1, display: '43.5%' });
  });
  it('a plain number keeps its decimals', () => {
    expect(parseValue({ value: 345.8 })).toMatchObject({ kind: 'number', value: 345.8, percent: false, decimals: 1 });
  });
  it('a number uses the displayed text when the host gives it', () => {
    expect(parseValue({ value: 2750, numberFormat: '#,##0', text: '2,750' })).toMatchObject({ value: 2750, decimals: 0, display: '2,750' });
  });
  it('"43.5% (188/432)" is 43.5 percent', () => {
    expect(parseValue({ value: '43.5% (188/432)' })).toMatchObject({ kind: 'number', value: 43.5, percent: true, decimals: 1 });
  });
  it('"352/371 94.9%": a count over a total followed by a percentage means the percentage', () => {
    expect(parseValue({ value: '352/371 94.9%' })).toMatchObject({ value: 94.9, percent: true });
  });
  it('"12 (Cumulative)" is 12, marked cumulative', () => {
    expect(parseValue({ value: '12 (Cumulative)' })).toMatchObject({ kind: 'number', value: 12, cumulative: true });
  });
  it('"£3,856m" is 3856 with unit £m', () => {
    expect(parseValue({ value: '£3,856m' })).toMatchObject({ kind: 'number', value: 3856, unit: '£m', percent: false });
  });
  it('"10.33 days (excluding schools)" is 10.33', () => {
    expect(parseValue({ value: '10.33 days (excluding schools)' })).toMatchObject({ kind: 'number', value: 10.33, decimals: 2 });
  });
  it('"a) 100% b) 98.5%" is a composite of two parts', () => {
    const r = parseValue({ value: 'a) 100% b) 98.5%' });
    expect(r.kind).toBe('composite');
    if (r.kind !== 'composite') return;
    expect(r.parts).toEqual([
      { label: 'a', reading: { value: 100, percent: true, decimals: 0 } },
      { label: 'b', reading: { value: 98.5, percent: true, decimals: 1 } },
    ]);
  });
  it('"n/a (due Dec17)" is missing, due later', () => {
    expect(parseValue({ value: 'n/a (due Dec17)' })).toEqual({ kind: 'missing', display: 'n/a (due Dec17)', reason: 'due-later' });
  });
  it.each(['Not available', 'No longer available', 'n/a', '-', '–', 'Not yet available', 'No data'])('%p is missing, not available', (v) => {
    expect(parseValue({ value: v })).toMatchObject({ kind: 'missing', reason: 'not-available' });
  });
  it.each(['', '   ', null, undefined])('%p is blank', (v) => {
    expect(parseValue({ value: v })).toMatchObject({ kind: 'missing', reason: 'blank' });
  });
  it('"Q2 - 38.78 Overall YTD - 42.42" is the quarter figure 38.78 (not the Q2 label)', () => {
    expect(parseValue({ value: 'Q2 - 38.78 Overall YTD - 42.42' })).toMatchObject({ kind: 'number', value: 38.78, decimals: 2 });
  });
  it('"Performance (cumulative) up to 30.9.16 = 50.41%" is 50.41% (the date is skipped)', () => {
    expect(parseValue({ value: 'Performance (cumulative) up to 30.9.16 = 50.41%' })).toMatchObject({ kind: 'number', value: 50.41, percent: true });
  });
  it('">100,000" is 100000 with a comparator', () => {
    expect(parseValue({ value: '>100,000' })).toMatchObject({ kind: 'number', value: 100000, comparator: '>' });
  });
  it.each(['#N/A', '#DIV/0!', '#VALUE!', '#REF!'])('error string %p is missing', (v) => {
    expect(parseValue({ value: v })).toMatchObject({ kind: 'missing', reason: 'not-available' });
  });
  it('text without a number is text', () => {
    expect(parseValue({ value: 'Awarded Green Flag status' }).kind).toBe('text');
  });
  it('NaN and Infinity are text, not numbers', () => {
    expect(parseValue({ value: Number.NaN }).kind).toBe('text');
    expect(parseValue({ value: Number.POSITIVE_INFINITY }).kind).toBe('text');
  });
  it('a huge number under a % format (overflows to Infinity) is text, not a number', () => {
    expect(parseValue({ value: Number.MAX_VALUE, numberFormat: '0%' }).kind).toBe('text');
  });
  it('booleans are text', () => {
    expect(parseValue({ value: true })).toEqual({ kind: 'text', display: 'TRUE' });
  });
  it('a Date is a date, shown as yyyy-mm-dd without the cell text', () => {
    expect(parseValue({ value: new Date(Date.UTC(2017, 8, 30)) })).toEqual({ kind: 'date', display: '2017-09-30' });
  });
});

describe('parseValue: dates', () => {
  it.each([
    [43008, 'dd/mm/yyyy', '30/09/2017', '30/09/2017'],
    [43008, 'mmm-yy', 'Sep-17', 'Sep-17'],
    [43008, '[$-409]d-mmm-yy;@', undefined, '2017-09-30'],
    [43008.5, 'm/d/yy h:mm', undefined, '2017-09-30'],
    [1, 'yyyy-mm-dd', undefined, '1900-01-01'],
  ])('%p under %p is a date shown as %p', (value, numberFormat, text, display) => {
    expect(parseValue({ value, numberFormat, text })).toEqual({ kind: 'date', display });
  });
  it('a date outside Excel\'s calendar is still a date, shown as its number', () => {
    expect(parseValue({ value: -5, numberFormat: 'dd/mm/yyyy' })).toEqual({ kind: 'date', display: '-5' });
  });
  it.each(['0.0%', '#,##0', '0"days"', '[Red]0'])('a number under %p is a number', (numberFormat) => {
    expect(parseValue({ value: 43008, numberFormat }).kind).toBe('number');
  });
  it('an invalid Date is text with nothing to show', () => {
    expect(parseValue({ value: new Date(Number.NaN) })).toEqual({ kind: 'text', display: '' });
  });
});

describe('parseValue: where two lists used to disagree', () => {
  it.each(['TBD', 'TBA', 'tbc'])('%p is not available, as in a target it is pending', (v) => {
    expect(parseValue({ value: v })).toMatchObject({ kind: 'missing', reason: 'not-available' });
  });
});

describe('compositeParts', () => {
  it('needs at least two labelled numbers starting from a first label', () => {
    expect(compositeParts('a) 100%')).toBeNull();
    expect(compositeParts('b) 1 c) 2')).toBeNull();
    expect(compositeParts('1) 12 2) 14')).toHaveLength(2);
  });
  it('a bracketed date range is not a list of parts', () => {
    expect(compositeParts('45 (Sep 14 - Jun 17)')).toBeNull();
  });
});

describe('readingNumber', () => {
  it('gives the number of a number reading and null otherwise', () => {
    expect(readingNumber(parseValue({ value: 5 }))?.value).toBe(5);
    expect(readingNumber(parseValue({ value: 'n/a' }))).toBeNull();
  });
});
