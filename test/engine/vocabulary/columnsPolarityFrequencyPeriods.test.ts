/** Every phrase of the vocabulary tables means what its table says, and real councils' wordings read right. */
import { parseFrequency } from '../../../src/engine/frequency';
import { parsePeriod, parsePeriodInYear } from '../../../src/engine/periods';
import { parsePolarity } from '../../../src/engine/polarity';
import type { Period } from '../../../src/engine/types';
import {
  ACADEMIC_WORDS,
  COLUMN_WORDINGS,
  FREQUENCY_CODES,
  FREQUENCY_WORDS,
  HALF_WORDS,
  MONTH_NAMES,
  POLARITY_ANYWHERE,
  POLARITY_LEAD_INS,
  POLARITY_OPENINGS,
  QUARTER_WORDS,
  TERM_END_MONTHS,
  VALUE_WORDS,
  WEAK_COLUMN_WORDINGS,
  YEAR_END_SUFFIXES,
  YEAR_END_WORDS,
  YTD_WORDS,
} from '../../../src/engine/vocabulary';
import type { ColumnRole } from '../../../src/engine/vocabulary';
import { roleScores } from '../../../src/scorecard/columns';

const ym = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const span = (p: Period | null): [string, string, string] | null => (p ? [p.kind, ym(p.start), ym(p.end)] : null);

describe('polarity vocabulary', () => {
  it.each(Object.entries(POLARITY_OPENINGS))('%p alone is %p', (phrase, polarity) => {
    expect(parsePolarity({ value: phrase })).toBe(polarity);
  });
  it.each(Object.entries(POLARITY_OPENINGS).filter(([p]) => /[a-z]$/.test(p)))('%p opening a longer text is %p', (phrase, polarity) => {
    expect(parsePolarity({ value: `${phrase.toUpperCase()} - see note` })).toBe(polarity);
  });
  it.each(POLARITY_LEAD_INS.map((l) => [l] as const))('the lead-in %p adds nothing', (lead) => {
    expect(parsePolarity({ value: `${lead}: maximise` })).toBe('high');
    expect(parsePolarity({ value: `${lead} reduce` })).toBe('low');
  });
  it.each(POLARITY_ANYWHERE.map(([p, pol]) => [p, pol] as const))('%p anywhere is %p', (phrase, polarity) => {
    expect(parsePolarity({ value: `Good performance: ${phrase}` })).toBe(polarity);
  });
  it.each([
    ['Aim: Maximise', 'high'],
    ['Aim: Minimise', 'low'],
    ['Maximise', 'high'],
    ['Minimise', 'low'],
    ['Higher is better', 'high'],
    ['Bigger is better', 'high'],
    ['Smaller is better', 'low'],
    ['Aim to increase', 'high'],
    ['Aim to reduce', 'low'],
    ['↑', 'high'],
    ['↓', 'low'],
    ['High is good', 'high'],
    ['Low is good', 'low'],
    ['High - very or fairly satisfied', 'high'],
    ['Not applicable', 'none'],
    ['N/A', 'none'],
    ['Within limits', 'range'],
    ['Highways', null],
    ['Lots', null],
    ['Aim', null],
    ['', null],
  ])('a council writes %p: %p', (text, polarity) => {
    expect(parsePolarity({ value: text })).toBe(polarity);
  });
});

describe('frequency vocabulary', () => {
  it.each(Object.entries(FREQUENCY_CODES))('the code %p is %p', (code, frequency) => {
    expect(parseFrequency({ value: code.toUpperCase() })).toBe(frequency);
  });
  it.each(FREQUENCY_WORDS.map(([w, f]) => [w, f] as const))('a text starting %p is %p', (word, frequency) => {
    expect(parseFrequency({ value: `${word}ly reported` })).toBe(frequency);
  });
  it.each([
    ['M', 'monthly'],
    ['Q', 'quarterly'],
    ['A', 'annual'],
    ['Y', 'annual'],
    ['W', 'weekly'],
    ['6M', 'six-monthly'],
    ['H', 'six-monthly'],
    ['T', 'termly'],
    ['Ann', 'annual'],
    ['Qtrly', 'quarterly'],
    ['Qtrly.', 'quarterly'],
    ['Mthly', 'monthly'],
    ['Bi-annual', 'six-monthly'],
    ['Half-yearly', 'six-monthly'],
    ['Termly', 'termly'],
    ['Annually', 'annual'],
    ['Quarterly (cumulative)', 'quarterly'],
    ['6 monthly', 'six-monthly'],
    ['Monthly', 'monthly'],
    ['Z', 'unknown'],
    ['Determined locally', 'unknown'],
  ])('a council writes %p: %p', (text, frequency) => {
    expect(parseFrequency({ value: text })).toBe(frequency);
  });
});

describe('period vocabulary', () => {
  it.each(Object.entries(MONTH_NAMES))('the month %p', (name, month) => {
    expect(span(parsePeriod(`${name} 2017`))).toEqual(['month', `2017-${String(month).padStart(2, '0')}`, `2017-${String(month).padStart(2, '0')}`]);
  });
  it.each(QUARTER_WORDS.map((w) => [w] as const))('the quarter word %p, before and after the year', (word) => {
    expect(span(parsePeriod(`${word} 2 2017/18`))).toEqual(['quarter', '2017-07', '2017-09']);
    expect(span(parsePeriod(`2017/18 ${word} 3`))).toEqual(['quarter', '2017-10', '2017-12']);
    expect(span(parsePeriodInYear(`${word} 4`, 2017))).toEqual(['quarter', '2018-01', '2018-03']);
  });
  it.each(HALF_WORDS.map((w) => [w] as const))('the half-year word %p', (word) => {
    expect(span(parsePeriod(`${word} 2 2017/18`))).toEqual(['half', '2017-10', '2018-03']);
  });
  it.each(YEAR_END_WORDS.map((w) => [w] as const))('the year-end word %p', (word) => {
    expect(span(parsePeriod(`${word} 2016/17`))).toEqual(['year', '2016-04', '2017-03']);
    expect(span(parsePeriodInYear(word, 2016))).toEqual(['year', '2016-04', '2017-03']);
  });
  it.each(YEAR_END_SUFFIXES.map((w) => [w] as const))('the year-end suffix %p', (word) => {
    expect(span(parsePeriod(`2016/17 ${word}`))).toEqual(['year', '2016-04', '2017-03']);
  });
  it.each(YTD_WORDS.map((w) => [w] as const))('the year-to-date word %p', (word) => {
    expect(span(parsePeriod(`${word} 2017/18`))).toEqual(['ytd', '2017-04', '2018-03']);
  });
  it.each(ACADEMIC_WORDS.map((w) => [w] as const))('the academic-year word %p', (word) => {
    expect(span(parsePeriod(`${word} 2016/17`))).toEqual(['year', '2016-09', '2017-08']);
  });
  it.each(Object.entries(TERM_END_MONTHS))('the %p term ends in month %p', (name, end) => {
    expect(parsePeriod(`${name} term 2017`)?.end).toBe(2017 * 12 + end - 1);
  });
  it.each(VALUE_WORDS.map((w) => [w] as const))('the value word %p around a period', (word) => {
    expect(span(parsePeriod(`Q2 2017/18 ${word}`))).toEqual(['quarter', '2017-07', '2017-09']);
    expect(span(parsePeriod(`${word} Sep-17`))).toEqual(['month', '2017-09', '2017-09']);
  });
  it.each([
    ['Qtr 2 2017/18', ['quarter', '2017-07', '2017-09']],
    ['Quarter 2 2017/18', ['quarter', '2017-07', '2017-09']],
    ['Q2 2017-18', ['quarter', '2017-07', '2017-09']],
    ['2017/18 Quarter 2', ['quarter', '2017-07', '2017-09']],
    ['Q2 (Jul-Sep) 2017/18', ['quarter', '2017-07', '2017-09']],
    ['Q4 (Jan - Mar) 2017/18', ['quarter', '2018-01', '2018-03']],
    ['Jul-Sep 17', ['quarter', '2017-07', '2017-09']],
    ['July 2017', ['month', '2017-07', '2017-07']],
    ['Sept 17', ['month', '2017-09', '2017-09']],
    ['September-17', ['month', '2017-09', '2017-09']],
    ['Q2 Jul - Sep 2017', ['quarter', '2017-07', '2017-09']],
    ['Year end 2016/17', ['year', '2016-04', '2017-03']],
  ])('a council writes %p', (title, want) => {
    expect(span(parsePeriod(title))).toEqual(want);
  });
  it.each(['Target 2017/18', 'Quarterly', 'Annual', 'Actual', 'Performance', 'Q5 2017/18', 'Quarter', 'Data notes'])('%p is not a period', (title) => {
    expect(parsePeriod(title)).toBeNull();
  });
});

describe('periods under a financial-year title', () => {
  it.each([
    ['Q1', ['quarter', '2017-04', '2017-06']],
    ['Q2', ['quarter', '2017-07', '2017-09']],
    ['Q4', ['quarter', '2018-01', '2018-03']],
    ['Jul', ['month', '2017-07', '2017-07']],
    ['Jan', ['month', '2018-01', '2018-01']],
    ['March', ['month', '2018-03', '2018-03']],
    ['Year end', ['year', '2017-04', '2018-03']],
    ['Outturn', ['year', '2017-04', '2018-03']],
    ['YTD', ['ytd', '2017-04', '2018-03']],
    ['Jul - Sep', ['quarter', '2017-07', '2017-09']],
    ['H2', ['half', '2017-10', '2018-03']],
    ['Q2 2016/17', ['quarter', '2016-07', '2016-09']],
  ])('%p under 2017/18', (title, want) => {
    expect(span(parsePeriodInYear(title, 2017))).toEqual(want);
  });
  it('a title that is not a period stays none', () => {
    expect(parsePeriodInYear('Notes', 2017)).toBeNull();
    expect(parsePeriodInYear('Q5', 2017)).toBeNull();
  });
});

describe('column vocabulary', () => {
  const all = Object.entries(COLUMN_WORDINGS).flatMap(([role, list]) => list.map((w) => [w, role as ColumnRole] as const));
  it.each(all)('the header %p names the %s column', (wording, role) => {
    expect(roleScores(wording)[0]?.role).toBe(role);
  });
  it.each(Object.entries(WEAK_COLUMN_WORDINGS).flatMap(([role, list]) => (list ?? []).map((w) => [w, role] as const)))(
    'the weak wording %p names %s only below every ordinary wording',
    (weak, role) => {
      const weakScore = roleScores(weak)[0].score;
      const ordinary = (COLUMN_WORDINGS[role as ColumnRole] ?? []).filter((w) => !WEAK_COLUMN_WORDINGS[role as ColumnRole]?.includes(w));
      for (const w of ordinary) expect(roleScores(w)[0].score).toBeGreaterThan(weakScore);
      expect(weakScore).toBeGreaterThanOrEqual(1.5);
    },
  );
  it.each([
    ['Aim', 'polarity'],
    ['Aim is', 'polarity'],
    ['Better if', 'polarity'],
    ['Direction of improvement', 'polarity'],
    ['Good is', 'polarity'],
    ['Ref.', 'ref'],
    ['Ref No.', 'ref'],
    ['PI Ref', 'ref'],
    ['KPI', 'measure'],
    ['Target 2017/18', 'target'],
    ['Good\nperformance', 'polarity'],
    ['  Overall   status ', 'status'],
    ['D.O.T.', 'dot'],
    ['Direction of travel', 'dot'],
  ])('a council heads a column %p: %s', (header, role) => {
    expect(roleScores(header)[0]?.role).toBe(role);
  });
});
