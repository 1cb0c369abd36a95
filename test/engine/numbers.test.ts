import { decimalsOf, formatDecimals, formatReading, isDateFormat, isPercentFormat, looksLikeYear, numbersIn, roundTo } from '../../src/engine/numbers';

describe('numbersIn', () => {
  it('reads a plain number', () => {
    expect(numbersIn('336.9')).toMatchObject([{ value: 336.9, percent: false, decimals: 1 }]);
  });
  it('reads percentages and thousands separators', () => {
    expect(numbersIn('43.5% of 2,750')).toMatchObject([
      { value: 43.5, percent: true, decimals: 1 },
      { value: 2750, percent: false },
    ]);
  });
  it('reads a comparator before the number', () => {
    expect(numbersIn('>53%')[0]).toMatchObject({ value: 53, comparator: '>' });
    expect(numbersIn('≤ 10')[0]).toMatchObject({ value: 10, comparator: '<=' });
  });
  it('reads currency and scale into the unit', () => {
    expect(numbersIn('£3,856m')[0]).toMatchObject({ value: 3856, unit: '£m' });
  });
  it('skips tokens glued to letters ("Q2", "4Q")', () => {
    expect(numbersIn('Q2 4Q').map((t) => t.value)).toEqual([]);
  });
  it('skips dates written with dots ("30.9.16")', () => {
    expect(numbersIn('up to 30.9.16 = 50.41%').map((t) => t.value)).toEqual([50.41]);
  });
  it('reads a negative number', () => {
    expect(numbersIn('-37%')[0]).toMatchObject({ value: -37, percent: true });
  });
  it('finds nothing in words', () => {
    expect(numbersIn('Not available')).toEqual([]);
  });
});

describe('looksLikeYear', () => {
  it('2017 in text is a year; 2,017 and 2017% are not', () => {
    const t = 'by 2017';
    expect(looksLikeYear(numbersIn(t)[0], t)).toBe(true);
    const u = '2,017';
    expect(looksLikeYear(numbersIn(u)[0], u)).toBe(false);
    expect(looksLikeYear(numbersIn('2017%')[0], '2017%')).toBe(false);
  });
});

describe('number formats', () => {
  it('formatDecimals', () => {
    expect(formatDecimals('0.0%')).toBe(1);
    expect(formatDecimals('#,##0')).toBe(0);
    expect(formatDecimals('0.00')).toBe(2);
    expect(formatDecimals('General')).toBeNull();
    expect(formatDecimals(null)).toBeNull();
  });
  it('isPercentFormat', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('#,##0')).toBe(false);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });
  it('decimalsOf', () => {
    expect(decimalsOf('10.33')).toBe(2);
    expect(decimalsOf('12')).toBe(0);
  });
});

describe('roundTo', () => {
  it('rounds half up without binary surprises', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-2);
  });
});

describe('formatReading', () => {
  it('shows a reading as written', () => {
    expect(formatReading({ value: 43.5, percent: true, decimals: 1 })).toBe('43.5%');
    expect(formatReading({ value: 2750, percent: false, decimals: 0 })).toBe('2,750');
    expect(formatReading({ value: 3856, percent: false, decimals: 0, unit: '£m' })).toBe('£3,856m');
    expect(formatReading({ value: -5, percent: false, decimals: 1 })).toBe('-5.0');
  });
});

describe('formatDecimals: hand-typed formats', () => {
  it('caps the decimals at Excel’s 30, so display code never asks toFixed for more than 100', () => {
    expect(formatDecimals(`0.${'0'.repeat(120)}%`)).toBe(30);
  });
});

describe('isDateFormat', () => {
  it.each(['dd/mm/yyyy', 'd-mmm-yy', 'mmm-yy', 'yyyy-mm-dd', '[$-409]d-mmm-yy;@', 'm/d/yy h:mm', 'mmmm yyyy', 'dddd, d mmmm', 'DD/MM/YYYY', 'mm-dd-yy', '[$-F800]dddd, mmmm dd, yyyy'])(
    '%p is a date format',
    (f) => {
      expect(isDateFormat(f)).toBe(true);
    },
  );
  it.each(['0.0%', '#,##0', '0"days"', '[Red]0', 'General', '0.00', '£#,##0.00', '0.00E+00', 'h:mm', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss', '@', '#,##0" days";[Red]-#,##0" days"', '_(* #,##0_)', '0\\d', ''])(
    '%p is not a date format',
    (f) => {
      expect(isDateFormat(f)).toBe(false);
    },
  );
  it('no format is not a date format', () => {
    expect(isDateFormat(null)).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});
