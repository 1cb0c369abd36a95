/**
 * How councils write how often a measure is reported, under "Frequency" or "Freq".
 *
 * Precedence: a cell that is one of FREQUENCY_CODES (in lower case, without spaces or dots: "6M", "Qtrly.",
 * "Ann") means that; otherwise the first of FREQUENCY_WORDS, in order, that starts a word of the cell decides.
 * The order matters: "Bi-annual" and "6 monthly" must meet their six-monthly words before "annual" and
 * "month" claim them. Anything else is 'unknown' (the engine then treats it by its period columns).
 */
export type Frequency = 'monthly' | 'quarterly' | 'six-monthly' | 'annual' | 'termly' | 'weekly' | 'unknown';

/** Whole-cell codes. */
export const FREQUENCY_CODES: Readonly<Record<string, Frequency>> = {
  w: 'weekly',
  wk: 'weekly',
  wkly: 'weekly',
  m: 'monthly',
  mth: 'monthly',
  mthly: 'monthly',
  mnthly: 'monthly',
  q: 'quarterly',
  qtr: 'quarterly',
  qtrly: 'quarterly',
  qly: 'quarterly',
  '6m': 'six-monthly',
  '6mthly': 'six-monthly',
  h: 'six-monthly',
  hy: 'six-monthly',
  a: 'annual',
  y: 'annual',
  ann: 'annual',
  yr: 'annual',
  pa: 'annual',
  t: 'termly',
};

/** Words that start a word of the cell, first match wins. */
export const FREQUENCY_WORDS: readonly (readonly [string, Frequency])[] = [
  ['week', 'weekly'],
  ['6 month', 'six-monthly'],
  ['6-month', 'six-monthly'],
  ['6month', 'six-monthly'],
  ['six month', 'six-monthly'],
  ['six-month', 'six-monthly'],
  ['half year', 'six-monthly'],
  ['half-year', 'six-monthly'],
  ['halfyear', 'six-monthly'],
  ['bi-annual', 'six-monthly'],
  ['biannual', 'six-monthly'],
  ['bi annual', 'six-monthly'],
  ['twice a year', 'six-monthly'],
  ['twice yearly', 'six-monthly'],
  ['month', 'monthly'],
  ['mthly', 'monthly'],
  ['quarter', 'quarterly'],
  ['qtr', 'quarterly'],
  ['term', 'termly'],
  ['annual', 'annual'],
  ['annum', 'annual'],
  ['year', 'annual'],
];
