/**
 * The words of a Target cell, as councils write them. Phrases follow the marks of ./phraseRegex (a space
 * also matches a hyphen, `word*` a longer word, `word?` an optional word); case never matters.
 *
 * Precedence, as parseTarget applies it: empty or dashes → missing; TARGET_SAME_AS_ABOVE (the whole
 * cell) → same-as-above; TARGET_PENDING anywhere → pending; NO_TARGET_OPENINGS at the start (unless a
 * benchmark is named) → none; NO_TARGET_PHRASES anywhere in a cell without a number → none; then the
 * number readings: "from X to Y", relative change (RELATIVE_CHANGE_WORDS after a percentage,
 * RELATIVE_CHANGE_VERBS before one), composite "a) … b) …", a plain number with its comparator and
 * qualifiers; last, a benchmark name with no number (BENCHMARKS) → benchmark. Within one table the first
 * meaning listed that has a phrase in the text wins.
 */
import type { Comparator, Polarity } from '../types';

/** The whole cell points at the row above. */
export const TARGET_SAME_AS_ABOVE: readonly string[] = ['as above', 'as per above', 'see above', 'same as above', 'ditto', '"'];

/**
 * The target is still to be set. This one list is also what "pending" means in threshold cells and the
 * short forms (TBC, TBD, TBA) mean "not available" in a value cell: a word means the same everywhere.
 */
export const TARGET_PENDING: readonly string[] = [
  'tbc',
  'tbd',
  'tba',
  'to be set',
  'to be confirmed',
  'to be agreed',
  'to be determined',
  'to be developed',
  'to be established',
  'awaiting',
  'under development',
  'in development',
  'being developed',
  'target set later',
  'target set in',
  'not yet set',
];

export type NoTargetReason = 'baseline year' | 'monitored for information only' | 'no target';

/** At the start of the cell, these say there is no target to rate against ("Baseline Year", "No target - …"). */
export const NO_TARGET_OPENINGS: readonly string[] = [
  'baseline*',
  'no target*',
  'not applicable',
  'n/a',
  'na',
  'none',
  'nil',
  'monitor*',
  'information only',
  'info only',
  'for information',
  'contextual*',
  'data only',
  'tracking only',
  'no national target',
];

/** Anywhere in a cell with no number, these say there is no target ("Measure is monitoring only"). */
export const NO_TARGET_PHRASES: readonly string[] = [
  'baseline year',
  'no target',
  'not applicable',
  'monitor only',
  'monitoring only',
  'information only',
  'for information only',
  'contextual measure',
  'contextual indicator',
];

/**
 * Why a row has no target, strongest first: a cell that mentions a baseline anywhere is a baseline year
 * even when it opens with "No target".
 */
export const NO_TARGET_REASONS: Readonly<Record<string, NoTargetReason>> = {
  'baseline*': 'baseline year',
  'monitor*': 'monitored for information only',
  'information*': 'monitored for information only',
  info: 'monitored for information only',
  'contextual*': 'monitored for information only',
  'data only': 'monitored for information only',
  'tracking*': 'monitored for information only',
};

export type ChangeDirection = 'down' | 'up';

/** After a percentage: "10% reduction", "a 5% increase". */
export const RELATIVE_CHANGE_WORDS: Readonly<Record<string, ChangeDirection>> = {
  reduction: 'down',
  decrease: 'down',
  fall: 'down',
  drop: 'down',
  less: 'down',
  lower: 'down',
  fewer: 'down',
  increase: 'up',
  rise: 'up',
  more: 'up',
  higher: 'up',
  growth: 'up',
  improvement: 'up',
};

/** Before a percentage: "Reduce by 5%", "increase 10%". */
export const RELATIVE_CHANGE_VERBS: Readonly<Record<string, ChangeDirection>> = {
  'reduc*': 'down',
  'decreas*': 'down',
  'increas*': 'up',
  'improv*': 'up',
};

/**
 * Which way is good when the wording says so and no comparator does. Low is listed first: "reduce the gap
 * and increase the rate" is read as a reduction.
 */
export const IMPLIED_POLARITY_WORDS: Readonly<Record<string, Polarity>> = {
  reduce: 'low',
  reduction: 'low',
  decrease: 'low',
  lower: 'low',
  fewer: 'low',
  'less than': 'low',
  increase: 'high',
  improve: 'high',
  'more than': 'high',
  'at least': 'high',
  higher: 'high',
};

/**
 * The number is a total for the whole year (or academic year), so in-year values are compared with a
 * profile: "5000 (cumulative for the year)", "1,000 new jobs p.a.", "annual target".
 */
export const ANNUAL_TOTAL_PHRASES: readonly string[] = [
  'cumulative',
  'for the financial? year',
  'for the academic year',
  'per year',
  'per annum',
  'p.a',
  'p. a',
  'pa',
  'in year',
  'year end target',
  'annual target',
  'by the? end of the? financial? year',
];

/** The year is the academic year (September to August), not the financial year. */
export const ACADEMIC_YEAR_PHRASES: readonly string[] = ['academic year', 'academic yr'];

/**
 * A target to reach by a date: "by April 2018", "by the end of March 2018", "by the end of 2019/20",
 * "by 2020", "by Dec 17". The date after these words is read as a period; a bare year Y after "by" is
 * the end of the financial year that ends in Y (March Y), since councils plan in financial years, while
 * "by the end of Y" is the end of that calendar year (December Y).
 */
export const DEADLINE_WORDS: readonly string[] = ['by', 'by the? end of'];
/** The deadline words that name the end of what follows: "by the end of 2019" is December 2019. */
export const DEADLINE_END_OF_WORDS: readonly string[] = ['by the? end of'];

/**
 * Comparators a target is set against instead of a number, and the name explanations give them. The
 * longest name at the earliest place in the text wins ("top quartile", not "quartile").
 */
export const BENCHMARKS: Readonly<Record<string, string>> = {
  'national average': 'national average',
  'national rate': 'national rate',
  'england average': 'england average',
  'regional average': 'regional average',
  'regional rate': 'regional rate',
  'region rate': 'regional rate',
  'top quartile': 'top quartile',
  'upper quartile': 'upper quartile',
  quartile: 'quartile',
  'statistical neighbour*': 'statistical neighbours',
  'stat neighbour*': 'statistical neighbours',
  'nearest neighbour*': 'nearest neighbours',
  'comparator*': 'comparators',
  'benchmark*': 'benchmark',
  'core cities': 'core cities',
  'met authorities': 'met authorities',
  'metropolitan authorities': 'met authorities',
  'met average': 'met average',
  'metropolitan average': 'met average',
  median: 'median',
};

/** With a benchmark and no number, these mean "at least the benchmark": "in line with or above the national average". */
export const BENCHMARK_AT_LEAST_WORDS: readonly string[] = ['or above', 'or better', 'above', 'at least', 'within', 'in line with', 'inline with'];

/**
 * Words just before the number of a target, and the comparison they make. Listed strongest first, so
 * "no more than" (≤) is read before the "more than" (>) it ends with, and "not less than" (≥) before
 * "less than" (<).
 */
export const COMPARATOR_BEFORE: Readonly<Record<string, Comparator>> = {
  'at least': '>=',
  'minimum of': '>=',
  'min.': '>=',
  min: '>=',
  'no less than': '>=',
  'not less than': '>=',
  'in line with or above': '>=',
  'or above': '>=',
  'no more than': '<=',
  'not more than': '<=',
  'at most': '<=',
  'maximum of': '<=',
  'max.': '<=',
  max: '<=',
  'up to': '<=',
  within: '<=',
  'more than': '>',
  above: '>',
  over: '>',
  'greater than': '>',
  'exceed*': '>',
  'less than': '<',
  below: '<',
  under: '<',
  'fewer than': '<',
};

/** Words just after the number: "37+", "90% or more", "10 or fewer", "95% minimum". */
export const COMPARATOR_AFTER: Readonly<Record<string, Comparator>> = {
  '+': '>=',
  'or more': '>=',
  'or above': '>=',
  'or higher': '>=',
  'or greater': '>=',
  'or over': '>=',
  'and above': '>=',
  minimum: '>=',
  min: '>=',
  plus: '>=',
  'or less': '<=',
  'or below': '<=',
  'or lower': '<=',
  'or fewer': '<=',
  'or under': '<=',
  'and below': '<=',
  maximum: '<=',
  max: '<=',
};

/**
 * One number for every part of a measure with parts ("a) Major b) Minor c) Other"): "All at 95%",
 * "each at least 90%", "every indicator 95%" open the cell; "95% for each" ends it.
 */
export const ALL_PARTS_OPENINGS: readonly string[] = ['all', 'all parts', 'each', 'each part', 'each indicator', 'every', 'every part', 'every indicator'];
export const ALL_PARTS_ENDINGS: readonly string[] = ['for each', 'each', 'for all', 'in each', 'across all', 'for all parts', 'for each part', 'for each indicator', 'for every indicator'];
