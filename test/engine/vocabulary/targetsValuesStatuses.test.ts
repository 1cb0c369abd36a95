import { parseStatusText } from '../../../src/engine/statusText';
import { parseTarget } from '../../../src/engine/targets';
import { parseThresholds } from '../../../src/engine/thresholds';
import { STATUS_LABELS, STATUS_KEYS } from '../../../src/engine/types';
import { parseValue } from '../../../src/engine/values';
import {
  ACADEMIC_YEAR_PHRASES,
  ALL_PARTS_ENDINGS,
  ALL_PARTS_OPENINGS,
  ANNUAL_TOTAL_PHRASES,
  BENCHMARK_AT_LEAST_WORDS,
  BENCHMARKS,
  COMPARATOR_AFTER,
  COMPARATOR_BEFORE,
  DOT_DETAIL_WORDS,
  DOT_WORDS,
  IMPLIED_POLARITY_WORDS,
  NEEDS_REVIEW_WORDS,
  NO_TARGET_OPENINGS,
  NO_TARGET_PHRASES,
  NO_TARGET_REASONS,
  RATE_OR_SURVEY_WORDS,
  RELATIVE_CHANGE_VERBS,
  RELATIVE_CHANGE_WORDS,
  STATUS_PLACEHOLDER_WORDS,
  STATUS_SYMBOLS,
  STATUS_WORDS,
  TARGET_PENDING,
  TARGET_SAME_AS_ABOVE,
  VALUE_CUMULATIVE_MARKERS,
  VALUE_MISSING,
  VALUE_PLACEHOLDERS,
  YEAR_TO_DATE_PHRASES,
  saysNeedsReview,
  saysRateOrSurvey,
  saysYearToDate,
} from '../../../src/engine/vocabulary';
import { alternation, meaningReader, phraseRegex, phraseSource } from '../../../src/engine/vocabulary/phraseRegex';
import { isReplaceable } from '../../../src/scorecard/manualEntries';

/** A phrase as someone would type it: the marks dropped, every optional word kept. */
const typed = (phrase: string) => phrase.replace(/([^\s])[*?](?=\s|$)/g, '$1');
const entries = <M>(table: Readonly<Record<string, M>>) => Object.entries(table).map(([p, m]) => [typed(p), m] as [string, M]);

describe('phraseRegex: the marks of a phrase', () => {
  it('a space matches spaces and hyphens', () => {
    expect(phraseRegex(['on target']).test('On-target')).toBe(true);
    expect(phraseRegex(['on target']).test('on   target')).toBe(true);
    expect(phraseRegex(['on target']).test('ontarget')).toBe(false);
  });
  it('word* matches the longer words it starts, and only those', () => {
    expect(phraseRegex(['reduc*']).test('Reduction')).toBe(true);
    expect(phraseRegex(['reduc*']).test('irreducible')).toBe(false);
  });
  it('word? may be left out, anywhere in the phrase', () => {
    const re = phraseRegex(['by the? end of the? financial? year'], 'whole');
    expect(['by end of year', 'by the end of the year', 'by the end of the financial year', 'by end of financial year'].every((t) => re.test(t))).toBe(true);
    expect(re.test('by the end of')).toBe(false);
    expect(phraseRegex(['academic yr?'], 'whole').test('academic')).toBe(true);
  });
  it('a phrase with letters at its ends matches whole words only', () => {
    expect(phraseRegex(['met']).test('Metropolitan')).toBe(false);
    expect(phraseRegex(['n/a']).test('n/ab')).toBe(false);
    expect(phraseRegex(['n/a']).test('N/A (due Dec17)')).toBe(true);
  });
  it('symbols are literal and need no word boundary', () => {
    expect(phraseRegex(['+']).test('37+')).toBe(true);
    expect(phraseRegex(['p.a']).test('pxa')).toBe(false);
    expect(phraseSource('%')).toBe('%');
  });
  it('the alternation tries longer phrases first', () => {
    expect(alternation(['met', 'not met']).startsWith(phraseSource('not met'))).toBe(true);
  });
  it.each([
    ['start', 'on target now', true],
    ['start', 'now on target', false],
    ['end', 'now on target.', true],
    ['end', 'on target now', false],
    ['whole', 'on target', true],
    ['whole', 'on target now', false],
    ['prefix', '  on target now', true],
    ['suffix', 'now on target  ', true],
    ['suffix', 'now on target.', false],
  ] as const)('placement %p: %p → %p', (placement, text, expected) => {
    expect(phraseRegex(['on target'], placement).test(text)).toBe(expected);
  });
  it('meaningReader gives the first meaning in table order that has a phrase in the text', () => {
    const read = meaningReader({ reduce: 'low', increase: 'high' });
    expect(read('increase this and reduce that')).toBe('low');
    expect(read('increase')).toBe('high');
    expect(read('hold steady')).toBeUndefined();
  });
});

describe('targets', () => {
  it.each(TARGET_SAME_AS_ABOVE.map(typed))('%p (the whole cell) is same-as-above', (p) => {
    expect(parseTarget({ value: p }).kind).toBe('same-as-above');
  });
  it.each(TARGET_PENDING.map(typed))('%p is pending in a target', (p) => {
    expect(parseTarget({ value: `Target ${p}` }).kind).toBe('pending');
  });
  it.each(TARGET_PENDING.map(typed))('%p is pending in threshold cells too', (p) => {
    expect(parseThresholds({ value: p }, { value: p }, { value: p }).kind).toBe('pending');
  });
  it.each(NO_TARGET_OPENINGS.map(typed))('%p opening a target means no target', (p) => {
    expect(parseTarget({ value: `${p} for 2017/18` }).kind).toBe('none');
  });
  it.each(NO_TARGET_PHRASES.map(typed))('%p anywhere in a target without a number means no target', (p) => {
    expect(parseTarget({ value: `This is ${p}` }).kind).toBe('none');
  });
  it.each(NO_TARGET_OPENINGS.map(typed))('%p as a whole green threshold means no thresholds', (p) => {
    expect(parseThresholds({ value: '' }, { value: '' }, { value: p }).kind).toBe('none');
  });
  it.each(entries(NO_TARGET_REASONS))('%p gives the reason %p', (p, reason) => {
    expect(parseTarget({ value: `No target: ${p}` })).toMatchObject({ kind: 'none', reason });
  });
  it('a baseline wins over an information-only reason, wherever it is', () => {
    expect(parseTarget({ value: 'Monitor only in the baseline year' })).toMatchObject({ reason: 'baseline year' });
  });
  it.each(entries(RELATIVE_CHANGE_WORDS))('"10%% %s" is a relative change %p', (word, direction) => {
    expect(parseTarget({ value: `10% ${word}` })).toMatchObject({ kind: 'relative', change: direction === 'down' ? -0.1 : 0.1 });
  });
  it.each([
    ['Reduce by 5%', -0.05],
    ['Reduction by 5%', -0.05],
    ['Decrease 5%', -0.05],
    ['Increase by 5%', 0.05],
    ['Improve by 5%', 0.05],
  ])('%p is a relative change of %p (RELATIVE_CHANGE_VERBS)', (text, change) => {
    expect(parseTarget({ value: text })).toMatchObject({ kind: 'relative', change });
    expect(Object.keys(RELATIVE_CHANGE_VERBS).some((v) => phraseRegex([v], 'start').test(text))).toBe(true);
  });
  it.each(entries(IMPLIED_POLARITY_WORDS))('"%s 50" implies polarity %p', (word, polarity) => {
    expect(parseTarget({ value: `${word} 50` })).toMatchObject({ kind: 'number', value: 50, impliedPolarity: polarity });
  });
  it.each(ANNUAL_TOTAL_PHRASES.map(typed))('"5000 %s" is an annual total', (p) => {
    expect(parseTarget({ value: `5000 ${p}` })).toMatchObject({ kind: 'number', value: 5000, annualTotal: true });
  });
  it('plain numbers are not annual totals', () => {
    expect(parseTarget({ value: '5000 complaints' })).not.toHaveProperty('annualTotal');
  });
  it.each(ACADEMIC_YEAR_PHRASES.map(typed))('"2,500 %s" is a total over the academic year', (p) => {
    expect(parseTarget({ value: `2,500 ${p}` })).toMatchObject({ annualTotal: true, academicYear: true });
  });
  it.each(entries(BENCHMARKS))('"In line with the %s" is the benchmark %p', (p, name) => {
    expect(parseTarget({ value: `In line with the ${p}` })).toMatchObject({ kind: 'benchmark', benchmark: name });
  });
  it('the longest benchmark name wins: "Top quartile" is not "quartile"', () => {
    expect(parseTarget({ value: 'Top quartile' })).toMatchObject({ benchmark: 'top quartile' });
  });
  it.each(BENCHMARK_AT_LEAST_WORDS.map(typed))('"%s national average" is at least the benchmark', (w) => {
    expect(parseTarget({ value: `${w} national average` })).toMatchObject({ kind: 'benchmark', comparator: '>=' });
  });
  it('a benchmark with no comparing words has no comparator', () => {
    expect(parseTarget({ value: 'National average' })).not.toHaveProperty('comparator');
  });
  it.each(entries(COMPARATOR_BEFORE))('"%s 50" compares with %p', (p, comparator) => {
    expect(parseTarget({ value: `${p} 50` })).toMatchObject({ kind: 'number', value: 50, comparator });
  });
  it.each(entries(COMPARATOR_AFTER))('"50 %s" compares with %p', (p, comparator) => {
    expect(parseTarget({ value: `50 ${p}` })).toMatchObject({ kind: 'number', value: 50, comparator });
  });
  it.each(ALL_PARTS_OPENINGS.map(typed))('"%s at 95%%" applies to all parts', (p) => {
    expect(parseTarget({ value: `${p} at 95%` })).toMatchObject({ kind: 'number', value: 95, allParts: true });
  });
  it.each(ALL_PARTS_ENDINGS.map(typed))('"95%% %s" applies to all parts', (p) => {
    expect(parseTarget({ value: `95% ${p}` })).toMatchObject({ kind: 'number', value: 95, allParts: true });
  });
});

describe('values', () => {
  it.each(entries(VALUE_MISSING))('%p opening a value is missing (%p)', (p, reason) => {
    expect(parseValue({ value: `${p} for Q2` })).toMatchObject({ kind: 'missing', reason });
  });
  it.each(VALUE_PLACEHOLDERS)('a cell of %p only is missing', (c) => {
    expect(parseValue({ value: c.repeat(3) })).toMatchObject({ kind: 'missing', reason: 'not-available' });
  });
  it.each(['tbc', 'tbd', 'tba'])('%p, pending in a target, is not available in a value', (p) => {
    expect(TARGET_PENDING).toContain(p);
    expect(parseValue({ value: p.toUpperCase() })).toMatchObject({ kind: 'missing', reason: 'not-available' });
  });
  it.each(VALUE_CUMULATIVE_MARKERS.flatMap((m) => [`12 (${m})`, `12 ${m.toUpperCase()}`]))('%p is a cumulative 12', (text) => {
    expect(parseValue({ value: text })).toMatchObject({ kind: 'number', value: 12, cumulative: true });
  });
  it('a marker that does not follow the number does not make it cumulative', () => {
    expect(parseValue({ value: '12 complaints, not cumulative' })).not.toHaveProperty('cumulative');
  });
});

describe('saysYearToDate', () => {
  it.each(YEAR_TO_DATE_PHRASES.map(typed))('%p says year to date', (p) => {
    expect(saysYearToDate(`Figures are ${p}`)).toBe(true);
  });
  it.each([
    'YTD',
    'Year to date',
    '144 is year-to-date',
    'Performance is reported cumulatively and is therefore YTD.',
    '% Council Tax collected in the current financial year',
    'Currently, 295 enquiries have been completed (Apr-Sep 17).',
    'Apr - Sep',
    'April to date',
    'Current compliance is 93% which is a cumulative figure.',
    'taking the reduction in year so far to 6%',
    'Numbers so far this year',
    'b) % of complaints closed and within timescale (cumulative)',
    'Cumulative since April',
  ])('%p is year to date', (text) => {
    expect(saysYearToDate(text)).toBe(true);
  });
  it.each([
    'Performance is cumulative from September 2014 to September 2017.',
    'based on NEW Plans issued cumulative from September 2014',
    'Cumulative since 2015',
    'Cumulative from 1st April 2016',
    'Totals to date since Sep 14',
    'Number of carers assessments',
    'rolling 12 months',
    'Data is up to date',
    'Year end 2016/17',
    '',
  ])('%p is not year to date', (text) => {
    expect(saysYearToDate(text)).toBe(false);
  });
});

describe('saysRateOrSurvey', () => {
  it.each(RATE_OR_SURVEY_WORDS.map(typed))('%p is a rate, share, average or survey', (w) => {
    expect(saysRateOrSurvey(`Measure ${w} x`)).toBe(true);
  });
  it.each([
    'Reduction in Children in Need rate (rate per 10K population under 18) (Priority measure)',
    '% children who are subject to repeat child protection plans (within 24 months)',
    'No. of Safeguarding investigations (Section 42 enquiries) completed per 100,000 population adults (over 18 years)',
    'Public perception of ASB (via the "Your Voice Counts" quarterly survey)',
    'How satisfied or dissatisfied are you with your local area as a place to live',
    'Proportion of Adults receiving long term community support who received a direct payment',
    'Number of missed bins per 100,000 collections (Priority Measure)',
    'Survival rate of new businesses (3 years)',
    'Days lost per FTE (Priority measure)',
    'Percentage of the principal road network in need of significant repair',
    'Average days to process a claim',
  ])('%p is a rate or survey', (name) => {
    expect(saysRateOrSurvey(name)).toBe(true);
  });
  it.each([
    'Number of carers assessments',
    'Number of new homes delivered during the year (Priority measure)',
    'Overall number of businesses in the Borough',
    'Aggregate Pedestrian footfall in the Town Centre',
    'Number of compliments received',
    'non-domestic business rates collected',
    '',
  ])('%p is a count', (name) => {
    expect(saysRateOrSurvey(name)).toBe(false);
  });
});

describe('statuses', () => {
  it.each(entries(STATUS_WORDS))('%p is the status %p', (word, status) => {
    expect(parseStatusText(word)).toBe(status);
    expect(parseStatusText(`${word.toUpperCase()} - see the note`)).toBe(status);
  });
  it.each(STATUS_KEYS)('the label this tool writes for %p reads back as it', (status) => {
    expect(STATUS_WORDS[STATUS_LABELS[status].toLowerCase()]).toBe(status);
  });
  it.each(Object.entries(STATUS_SYMBOLS))('%p is the status %p', (symbol, status) => {
    expect(parseStatusText(symbol)).toBe(status);
  });
  it('"Not met" is off target, not the "met" it ends with', () => {
    expect(parseStatusText('Not met')).toBe('off-target');
  });
  it.each([...Object.keys(STATUS_WORDS), ...STATUS_PLACEHOLDER_WORDS])('a status cell holding only %p may be replaced', (word) => {
    expect(isReplaceable('status', word)).toBe(true);
    expect(isReplaceable('status', `✔ ${word}.`)).toBe(true);
  });
  it.each(Object.keys(STATUS_WORDS).filter((w) => w.length > 2))('"%s agreed by DMT" is someone\'s note, kept', (word) => {
    expect(isReplaceable('status', `${word} agreed by DMT`)).toBe(false);
  });
  it.each([...Object.keys(DOT_WORDS), ...DOT_DETAIL_WORDS])('a DOT cell holding only %p may be replaced', (word) => {
    expect(isReplaceable('dot', word)).toBe(true);
  });
  it('a DOT cell with a note is kept', () => {
    expect(isReplaceable('dot', 'improved since the audit')).toBe(false);
  });
  it.each(NEEDS_REVIEW_WORDS)('%p asks for review', (word) => {
    expect(saysNeedsReview(word)).toBe(true);
    expect(saysNeedsReview(`⚠ ${word.toUpperCase()}.`)).toBe(true);
  });
  it.each(['Review of the service is under way', 'Reviewed', 'On target'])('%p does not ask for review', (text) => {
    expect(saysNeedsReview(text)).toBe(false);
  });
});
