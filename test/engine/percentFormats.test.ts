import { isDateFormat, isLiteralPercentFormat, isPercentFormat, shownNumber } from '../../src/engine/numbers';
import { parseTarget } from '../../src/engine/targets';
import { parseValue } from '../../src/engine/values';

describe('percentages by number format', () => {
  it.each([
    ['0"%"', false, true],
    ['0.0"%"', false, true],
    ['0\\%', false, true],
    ['0" %"', false, true],
    ['0%', true, false],
    ['0.0%', true, false],
    ['0.0', false, false],
    ['#,##0', false, false],
    ['0"% of target"', false, true],
    [null, false, false],
  ])('%p: scaled percent %p, literal percent %p', (format, percent, literal) => {
    expect(isPercentFormat(format)).toBe(percent);
    expect(isLiteralPercentFormat(format)).toBe(literal);
  });
  it('0.2 under 0% and 20 under 0"%" are both 20 percent', () => {
    expect(shownNumber(0.2, '0%')).toEqual({ value: 20, percent: true });
    expect(shownNumber(20, '0"%"')).toEqual({ value: 20, percent: true });
    expect(shownNumber(20, '0.0')).toEqual({ value: 20, percent: false });
  });
  it.each(['0"%"', '0.0"%"', '0\\%'])('a value of 20 under %p reads as 20%', (format) => {
    expect(parseValue({ value: 20, numberFormat: format })).toMatchObject({ kind: 'number', value: 20, percent: true });
  });
  it.each(['0"%"', '0.0"%"', '0\\%'])('a target of 22 under %p reads as 22%', (format) => {
    expect(parseTarget({ value: 22, numberFormat: format })).toMatchObject({ kind: 'number', value: 22, percent: true });
  });
  it('decimals of a literal-% format are those it shows', () => {
    expect(parseValue({ value: 18.3, numberFormat: '0.0"%"' })).toMatchObject({ decimals: 1, display: '18.3%' });
  });
});

describe('date formats', () => {
  it.each([
    ['mmm-yy', true],
    ['dd/mm/yyyy', true],
    ['[$-809]mmmm yyyy', true],
    ['d-mmm', true],
    ['0.0', false],
    ['h:mm', false],
    ['0"%"', false],
    ['General', false],
    ['0" days"', false],
  ])('%p shows a date: %p', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });
});
