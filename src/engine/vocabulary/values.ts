/**
 * The words of value cells (the period columns) and of the wording around them: measure names and data
 * notes that say how the figures are counted. Phrases follow the marks of ./phraseRegex; case never matters.
 *
 * Precedence, as parseValue applies it: blank → missing (blank); an Excel error ("#N/A") → missing; a
 * phrase of VALUE_MISSING at the start of the cell, or a cell of VALUE_PLACEHOLDERS only → missing, due
 * later when the cell says "due" anywhere ("n/a (due Dec17)"); then labelled parts; then the first number,
 * marked cumulative when VALUE_CUMULATIVE_MARKERS follows it ("12 (Cumulative)", "144 YTD").
 */
import { memoByText } from '../memo';
import { phraseRegex } from './phraseRegex';

export type MissingReason = 'not-available' | 'due-later';

/**
 * At the start of a value cell: there is no figure. The short forms of "to be confirmed" are here too, as
 * they are "pending" in a target: TBC, TBD and TBA all mean the figure is not there yet.
 */
export const VALUE_MISSING: Readonly<Record<string, MissingReason>> = {
  'n/a': 'not-available',
  'n.a.': 'not-available',
  'n.a': 'not-available',
  na: 'not-available',
  'not available': 'not-available',
  'not yet available': 'not-available',
  'no longer available': 'not-available',
  unavailable: 'not-available',
  'no data': 'not-available',
  'data not available': 'not-available',
  'data not yet available': 'not-available',
  'awaiting*': 'not-available',
  tbc: 'not-available',
  tbd: 'not-available',
  tba: 'not-available',
  'nil return': 'not-available',
  'not collected': 'not-available',
  'not reported': 'not-available',
  '#n/a': 'not-available',
  'not due': 'due-later',
  'not yet due': 'due-later',
  due: 'due-later',
};

/** Anywhere in a missing value: the figure is due later ("n/a (due Dec17)"), not lost. */
export const VALUE_DUE_LATER_WORDS: readonly string[] = ['due'];

/** A cell of only these characters ("-", "...", "x") is a placeholder for a missing figure. */
export const VALUE_PLACEHOLDERS: readonly string[] = ['-', '–', '—', '.', '*', 'x'];

/** Straight after a number (in brackets or not): the figure is a running total for the year. */
export const VALUE_CUMULATIVE_MARKERS: readonly string[] = ['cumulative', 'ytd', 'year to date'];

/**
 * Wording (a measure name, a target, a data note) that says the figures are year to date: totals that
 * grow through the financial year and start again in April.
 */
export const YEAR_TO_DATE_PHRASES: readonly string[] = [
  'ytd',
  'year to date',
  'cumulative',
  'cumulatively',
  'in the current financial year',
  'in the financial year',
  'this financial year',
  'so far this year',
  'this year so far',
  'in year so far',
  'year so far',
  'to date',
  'since april',
  'from april',
];

/** Month names as written in wording ("Apr", "Sept", "September"). */
const MONTH_WORDS: readonly string[] = [
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
];

/**
 * A span from April, the first month of the financial year, to a later month or to date: "Apr - Sep",
 * "April to date", "(Apr-Sep 17)".
 */
export const YEAR_TO_DATE_FROM_MONTHS: readonly string[] = ['apr', 'april'];
export const YEAR_TO_DATE_TO_MONTHS: readonly string[] = [...MONTH_WORDS.filter((m) => !YEAR_TO_DATE_FROM_MONTHS.includes(m)), 'date'];

/**
 * "Cumulative from September 2014", "since 2015": a total counted from a date that names a year runs
 * across years, so it is not year to date, whatever else the text says. A span from April with no year
 * ("from April") stays year to date.
 */
export const SINCE_WORDS: readonly string[] = ['from', 'since'];

/** "Up to date" says the figure is current, not that it is a running total. */
export const NOT_YEAR_TO_DATE_PHRASES: readonly string[] = ['up to date', 'out of date'];

/**
 * A measure whose figure is a rate, a share, an average or a survey result: it is the same size whatever
 * part of the year it covers, so it is never profiled over the year.
 */
export const RATE_OR_SURVEY_WORDS: readonly string[] = [
  'rate',
  '%',
  'percent',
  'per cent',
  'percentage',
  'proportion',
  'ratio',
  'per 1,000',
  'per 1000',
  'per 10,000',
  'per 10000',
  'per 10k',
  'per 100,000',
  'per 100000',
  'per 100k',
  'per head',
  'per capita',
  'per fte',
  'survey',
  'satisfied',
  'dissatisfied',
  'satisfaction',
  'perception',
  'perceive*',
  'average',
  'median',
  'rolling',
];

const DAY = '(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?';
const MONTH = `(?:${MONTH_WORDS.join('|')})\\.?`;
const SINCE = `\\b(?:${SINCE_WORDS.join('|')})\\s+${DAY}`;
const SINCE_A_YEAR_RE = new RegExp(`${SINCE}(?:(?:${MONTH}\\s*)?(?:19|20)\\d{2}|${MONTH}[\\s-]*'?\\d{2})\\b`, 'i');
const NOT_YEAR_TO_DATE_RE = new RegExp(phraseRegex(NOT_YEAR_TO_DATE_PHRASES).source, 'gi');
const YEAR_TO_DATE_RE = phraseRegex(YEAR_TO_DATE_PHRASES);
const FROM_APRIL_RE = new RegExp(
  `\\b(?:${YEAR_TO_DATE_FROM_MONTHS.join('|')})\\s*(?:-|–|to)\\s*(?:${YEAR_TO_DATE_TO_MONTHS.join('|')})\\b`,
  'i',
);
const RATE_OR_SURVEY_RE = phraseRegex(RATE_OR_SURVEY_WORDS);

/**
 * Whether wording says the figures are year to date or cumulative within the year ("YTD", "reported
 * cumulatively", "in the current financial year", "Apr - Sep"). False when the count runs from a date that
 * names a year ("cumulative from September 2014"): such a total spans years.
 */
export function saysYearToDate(text: string): boolean {
  return Boolean(text) && yearToDateSaid(text);
}

/** Whether a measure's wording says its figure is a rate, a share, an average or a survey result. */
export function saysRateOrSurvey(text: string): boolean {
  return Boolean(text) && rateSaid(text);
}

// Names, notes and targets repeat down a sheet and each is asked once per rating: the answers are kept.
const yearToDateSaid = memoByText((text) => {
  if (SINCE_A_YEAR_RE.test(text)) return false;
  const said = text.replace(NOT_YEAR_TO_DATE_RE, ' ');
  return YEAR_TO_DATE_RE.test(said) || FROM_APRIL_RE.test(said);
});
const rateSaid = memoByText((text) => RATE_OR_SURVEY_RE.test(text));
