import {
  academicYearStart,
  financialYearStart,
  monthIndex,
  monthLabel,
  monthOf,
  parsePeriod,
  periodLength,
  samePeriod,
  yearOf,
} from '../../src/engine/periods';
import type { Period } from '../../src/engine/types';

/** The months a period covers, as "YYYY-MM" strings, for readable expectations. */
function span(p: Period | null): [string, string] | null {
  if (!p) return null;
  const f = (m: number) => `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;
  return [f(p.start), f(p.end)];
}

describe('month arithmetic', () => {
  it('monthIndex / yearOf / monthOf round-trip', () => {
    const m = monthIndex(2017, 9);
    expect(yearOf(m)).toBe(2017);
    expect(monthOf(m)).toBe(9);
    expect(monthIndex(2018, 1) - monthIndex(2017, 12)).toBe(1);
  });
  it('monthLabel', () => {
    expect(monthLabel(monthIndex(2017, 9))).toBe('Sep 2017');
  });
  it('financialYearStart: April to March', () => {
    expect(financialYearStart(monthIndex(2017, 9))).toBe(monthIndex(2017, 4));
    expect(financialYearStart(monthIndex(2018, 3))).toBe(monthIndex(2017, 4));
    expect(financialYearStart(monthIndex(2018, 4))).toBe(monthIndex(2018, 4));
  });
  it('academicYearStart: September to August', () => {
    expect(academicYearStart(monthIndex(2017, 9))).toBe(monthIndex(2017, 9));
    expect(academicYearStart(monthIndex(2017, 8))).toBe(monthIndex(2016, 9));
  });
});

describe('parsePeriod', () => {
  it('"Year end 2016/17" is the financial year Apr 2016 - Mar 2017', () => {
    const p = parsePeriod('Year end 2016/17');
    expect(p?.kind).toBe('year');
    expect(span(p)).toEqual(['2016-04', '2017-03']);
    expect(p?.label).toBe('Year end 2016/17');
  });
  it('"2016/17" and "Outturn 2016-17" are year ends too', () => {
    expect(span(parsePeriod('2016/17'))).toEqual(['2016-04', '2017-03']);
    expect(span(parsePeriod('Outturn 2016-17'))).toEqual(['2016-04', '2017-03']);
  });
  it('a year pair that does not follow on is not a period ("2016/19")', () => {
    expect(parsePeriod('Year end 2016/19')).toBeNull();
  });
  it('"Q2 Jul - Sep 2016" is a quarter', () => {
    const p = parsePeriod('Q2 Jul - Sep 2016');
    expect(p?.kind).toBe('quarter');
    expect(span(p)).toEqual(['2016-07', '2016-09']);
  });
  it('"Q1 Apr - June 2017" reads the long month name', () => {
    expect(span(parsePeriod('Q1 Apr - June 2017'))).toEqual(['2017-04', '2017-06']);
  });
  it('"Q4 Jan - Mar 2017" ends in March 2017 (financial Q4 of 2016/17)', () => {
    const p = parsePeriod('Q4 Jan - Mar 2017');
    expect(p?.kind).toBe('quarter');
    expect(span(p)).toEqual(['2017-01', '2017-03']);
    expect(financialYearStart(p!.end)).toBe(monthIndex(2016, 4));
  });
  it('"Jul-17" is a month', () => {
    const p = parsePeriod('Jul-17');
    expect(p?.kind).toBe('month');
    expect(span(p)).toEqual(['2017-07', '2017-07']);
  });
  it('"Feb 16" is February 2016', () => {
    expect(span(parsePeriod('Feb 16'))).toEqual(['2016-02', '2016-02']);
  });
  it('"Sep 2017" and "September 2017" are the same month', () => {
    expect(span(parsePeriod('Sep 2017'))).toEqual(['2017-09', '2017-09']);
    expect(samePeriod(parsePeriod('Sep 2017')!, parsePeriod('September 2017')!)).toBe(true);
  });
  it('"2017/18 Q2" and "Q2 2017/18" are financial Q2 (Jul - Sep 2017)', () => {
    expect(span(parsePeriod('2017/18 Q2'))).toEqual(['2017-07', '2017-09']);
    expect(span(parsePeriod('Q2 2017/18'))).toEqual(['2017-07', '2017-09']);
    expect(parsePeriod('Q2 2017/18')?.kind).toBe('quarter');
  });
  it('"Q4 2017/18" is Jan - Mar 2018', () => {
    expect(span(parsePeriod('Q4 2017/18'))).toEqual(['2018-01', '2018-03']);
  });
  it('"3 months to Sep" needs a context year', () => {
    expect(parsePeriod('3 months to Sep')).toBeNull();
    const p = parsePeriod('3 months to Sep', 2017);
    expect(p?.kind).toBe('quarter');
    expect(span(p)).toEqual(['2017-07', '2017-09']);
  });
  it('"12 months to March 2017" is a year', () => {
    const p = parsePeriod('12 months to March 2017');
    expect(p?.kind).toBe('year');
    expect(span(p)).toEqual(['2016-04', '2017-03']);
  });
  it('"Autumn term 2017" is an academic term Sep - Dec 2017', () => {
    const p = parsePeriod('Autumn term 2017');
    expect(p?.kind).toBe('term');
    expect(p?.academic).toBe(true);
    expect(span(p)).toEqual(['2017-09', '2017-12']);
  });
  it('"Spring term 2017/18" falls in 2018', () => {
    expect(span(parsePeriod('Spring term 2017/18'))).toEqual(['2018-01', '2018-04']);
  });
  it('"Academic year 2016/17" runs September to August', () => {
    const p = parsePeriod('Academic year 2016/17');
    expect(p?.academic).toBe(true);
    expect(span(p)).toEqual(['2016-09', '2017-08']);
  });
  it('"H1 2017/18" is a half year', () => {
    const p = parsePeriod('H1 2017/18');
    expect(p?.kind).toBe('half');
    expect(span(p)).toEqual(['2017-04', '2017-09']);
  });
  it('"YTD" is the financial year of the context year, and null without one', () => {
    expect(parsePeriod('YTD')).toBeNull();
    const p = parsePeriod('YTD', 2017);
    expect(p?.kind).toBe('ytd');
    expect(span(p)).toEqual(['2017-04', '2018-03']);
  });
  it('"Year to Date 15/16" carries its own year', () => {
    expect(span(parsePeriod('Year to Date 15/16'))).toEqual(['2015-04', '2016-03']);
  });
  it('an Excel Date is the month it falls in, labelled "Sep-17"', () => {
    const p = parsePeriod(new Date(Date.UTC(2017, 8, 30)));
    expect(p?.kind).toBe('month');
    expect(span(p)).toEqual(['2017-09', '2017-09']);
    expect(p?.label).toBe('Sep-17');
  });
  it('an invalid Date is not a period', () => {
    expect(parsePeriod(new Date(Number.NaN))).toBeNull();
  });
  it('collapses white space in the label', () => {
    expect(parsePeriod('  Q2   Jul - Sep  2017 ')?.label).toBe('Q2 Jul - Sep 2017');
  });
  it.each(['Target', 'Annual', 'Monthly', 'DOT', 'Quarterly', 'Overall status', 'Data notes', 'Ref No.', '', '2017', 'Q5 2017/18'])(
    'ordinary column title %p is not a period',
    (title) => {
      expect(parsePeriod(title)).toBeNull();
    },
  );
  it.each([null, undefined, 42, true, {}, []])('non-text %p is not a period', (v) => {
    expect(parsePeriod(v)).toBeNull();
  });
  it('very long text is not a period', () => {
    expect(parsePeriod(`Sep 2017 ${'x'.repeat(80)}`)).toBeNull();
  });
});

describe('periodLength / samePeriod', () => {
  it('periodLength counts months', () => {
    expect(periodLength(parsePeriod('Q2 2017/18')!)).toBe(3);
    expect(periodLength(parsePeriod('Year end 2016/17')!)).toBe(12);
    expect(periodLength(parsePeriod('Sep-17')!)).toBe(1);
  });
  it('samePeriod: same kind and months', () => {
    expect(samePeriod(parsePeriod('Q2 2017/18')!, parsePeriod('Q2 Jul - Sep 2017')!)).toBe(true);
    expect(samePeriod(parsePeriod('Q2 2017/18')!, parsePeriod('Sep-17')!)).toBe(false);
  });
});
