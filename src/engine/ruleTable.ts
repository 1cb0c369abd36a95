/**
 * Every scalar rating rule, once: its key, kind, default, name and description in plain English, and for a
 * choice its values (a const tuple) with their words. RatingRules is made from this table, so a rule's type
 * is what the table allows, and the Rules sheet, the Rules panel and `scorecard rules` all list it from here.
 */
import { boolean, choice, number, percentage } from './ruleKinds';
import type { Rule, RuleResult } from './ruleKinds';

export const TOLERANCE_BASES = ['auto', 'percent-of-target', 'points'] as const;
export const DOT_BASES = ['same-period-last-year', 'previous-period', 'previous-year-end'] as const;
export const DOT_STYLES = ['auto', 'arrows', 'eight-state'] as const;

const TABLE = {
  tolerance: percentage({
    name: 'Tolerance (share of the target)',
    description: 'A miss of at most this share of the target is satisfactory.',
    default: 0.025,
    min: 0,
    max: 1,
  }),
  tolerancePoints: number({
    name: 'Tolerance for percentages (points)',
    description: 'For percentage measures, a miss of at most this many percentage points is satisfactory.',
    default: 2.5,
    min: 0,
    max: 100,
    unit: 'percentage points',
  }),
  tolerancePointsCap: percentage({
    name: 'Cap on the points tolerance (share of the target)',
    description: 'A percentage miss within the points tolerance must also be within this share of the target.',
    default: 0.1,
    min: 0,
    max: 1,
  }),
  toleranceBasis: choice({
    name: 'Tolerance measured as',
    description: 'How a miss is measured against the tolerance.',
    choices: TOLERANCE_BASES,
    words: {
      auto: 'Points for percentages, within the cap; a share of the target for other figures',
      'percent-of-target': 'Always a share of the target',
      points: "Always points, in the measure's own units",
    },
    default: 'auto',
  }),
  withinTolerance: choice({
    name: 'A miss within the tolerance is',
    description: 'Satisfactory, or on target for schemes such as "on or within 5% of target".',
    choices: ['satisfactory', 'on-target'],
    words: { satisfactory: 'Satisfactory', 'on-target': 'On target' },
    default: 'satisfactory',
  }),
  onTargetNeeds: choice({
    name: 'On target needs',
    description: 'Meeting the target, or beating it by more than the tolerance (then meeting it within the tolerance is satisfactory).',
    choices: ['meet', 'beat-by-tolerance'],
    words: { meet: 'Meeting the target', 'beat-by-tolerance': 'Beating the target by more than the tolerance' },
    default: 'meet',
  }),
  beyondTolerance: choice({
    name: 'A miss beyond the tolerance is',
    description: 'Off target, or satisfactory when the direction of travel is improved or stable.',
    choices: ['off-target', 'satisfactory-if-not-worse'],
    words: { 'off-target': 'Off target', 'satisfactory-if-not-worse': 'Satisfactory if improved or stable, off target if worse' },
    default: 'off-target',
  }),
  futureDeadline: choice({
    name: 'Targets due later',
    description: 'A target due after the period rated ("100% by April 2018") and not yet met.',
    choices: ['trend', 'now'],
    words: { trend: 'Satisfactory while improving, off target otherwise', now: 'Judged as if due now' },
    default: 'trend',
  }),
  earliestProfileMonth: number({
    name: 'Year to date judged from month',
    description: 'A year-to-date figure is judged against its annual target from this month of the financial year; before it the row needs review.',
    default: 2,
    min: 1,
    max: 12,
    unit: 'months',
    whole: true,
  }),
  unitsCheck: number({
    name: 'Units check (times the target)',
    description: 'A value this many times its target, or this many times smaller, needs review: the units probably differ.',
    default: 20,
    min: 2,
    max: 1000000,
    unit: 'times the target',
  }),
  strictComparators: boolean({
    name: 'Strict comparators',
    description: 'When on, ">53%" needs more than 53%; when off, 53% meets it.',
    default: false,
  }),
  dotBasis: choice({
    name: 'Direction of travel compares with',
    description: 'The first comparison tried; the others follow when the sheet has no figure for it.',
    choices: DOT_BASES,
    words: { 'same-period-last-year': 'The same period last year', 'previous-period': 'The previous period', 'previous-year-end': 'The previous year end' },
    default: 'same-period-last-year',
  }),
  stabilityBand: percentage({
    name: 'Stability band (share of the comparison value)',
    description: 'Changes smaller than this share of the value compared with count as stable.',
    default: 0,
    min: 0,
    max: 1,
  }),
  compositeRule: choice({
    name: 'Composite targets',
    description: 'How the parts of a target such as "a) 100% b) 98.5%" combine.',
    choices: ['worst', 'best'],
    words: { worst: 'The worst part decides', best: 'The best part decides' },
    default: 'worst',
  }),
  cumulativeProfile: choice({
    name: 'Year-to-date profile',
    description: 'How a year-to-date figure is compared with its annual target.',
    choices: ['linear', 'none'],
    words: { linear: 'Against the annual target spread evenly over the year', none: 'Against the whole annual target' },
    default: 'linear',
  }),
  lagFallback: choice({
    name: 'Data lag',
    description: 'When the current period has no figure yet.',
    choices: ['same-year', 'none'],
    words: { 'same-year': 'Rate the latest earlier figure of the same financial year', none: 'Not yet available' },
    default: 'same-year',
  }),
  benchmarkFromNotes: boolean({
    name: 'Benchmarks from data notes',
    description: 'Read a comparator quoted in the data notes for targets such as "in line with the national average".',
    default: true,
  }),
  dotStyle: choice({
    name: 'Direction of travel written as',
    description: 'What is written into the direction of travel column.',
    choices: DOT_STYLES,
    words: {
      auto: 'As the sheet does: its own words on a RAG scorecard, arrows otherwise',
      arrows: 'Arrows',
      'eight-state': 'Words such as "Decline but within limits of target", as monthly RAG scorecards write them',
    },
    default: 'auto',
  }),
  redFlagPeriod: choice({
    name: 'Red flag previous period',
    description: 'Which earlier period a red flag must also be off target in.',
    choices: ['auto', 'month', 'quarter'],
    words: { auto: "The scorecard's own cadence", month: 'The previous month', quarter: 'The previous quarter' },
    default: 'auto',
  }),
};

type ValueOf<R> = R extends Rule<infer V> ? V : never;

export type ScalarRuleKey = keyof typeof TABLE;

/** The scalar settings of RatingRules, each typed by its rule: a choice is the union of its values. */
export type ScalarRules = { [K in ScalarRuleKey]: ValueOf<(typeof TABLE)[K]> };

/** Each rule typed by its own value, so `RULES[key].parse` gives that rule's type for a generic key. */
export type RuleTable = { readonly [K in ScalarRuleKey]: Rule<ScalarRules[K]> };

export const RULES: RuleTable = TABLE;

export type ToleranceBasis = ScalarRules['toleranceBasis'];
export type DotBasis = ScalarRules['dotBasis'];

function isRuleKey(key: string): key is ScalarRuleKey {
  return Object.prototype.hasOwnProperty.call(RULES, key);
}

/** Every scalar rule key, in the table's order (the order the sheet, the panel and the listing show). */
export const RULE_KEYS: readonly ScalarRuleKey[] = Object.keys(RULES).filter(isRuleKey);

/** The table's defaults. Built key by key from the table, so each default is written once, beside its rule. */
export function ruleDefaults(): ScalarRules {
  // Object.fromEntries cannot know that each key gets its own rule's type; RULE_KEYS covers every key.
  return Object.fromEntries(RULE_KEYS.map((k) => [k, RULES[k].default])) as ScalarRules;
}

/** The scalar rule a key names (case as written in the table), or undefined. */
export function ruleKey(key: string): ScalarRuleKey | undefined {
  const k = key.trim();
  return isRuleKey(k) ? k : undefined;
}

export function parseRule<K extends ScalarRuleKey>(key: K, text: string): RuleResult<ScalarRules[K]> {
  return RULES[key].parse(text);
}

export function formatRule<K extends ScalarRuleKey>(key: K, value: ScalarRules[K]): string {
  return RULES[key].format(value);
}

/** A rule's value in words, for the screens: "2.5%", "The previous period". */
export function ruleWords<K extends ScalarRuleKey>(key: K, value: ScalarRules[K]): string {
  return RULES[key].words(value);
}

export function setRule<K extends ScalarRuleKey>(rules: Partial<ScalarRules>, key: K, value: ScalarRules[K]): void {
  rules[key] = value;
}

/** A rule's description with what may be typed, for the Rules sheet and `scorecard rules`. */
export function ruleHelp(key: ScalarRuleKey): string {
  return `${RULES[key].description} ${RULES[key].accepts}`;
}

/**
 * Where a rule was typed and what is wrong with it, in one sentence: "'Scorecard rules'!B5: rule
 * "tolerancePoints" is a number of percentage points, not a percentage: write 2.5, not 2.5%".
 */
export function ruleMessage(place: string, key: string, problem: string): string {
  return `${place}: rule "${key}" ${problem}`;
}

/** "unknown rule" with the known keys, so a typo is easy to see. */
export function unknownRuleProblem(key: string): string {
  return `unknown rule "${key}" (known: ${RULE_KEYS.join(', ')})`;
}

/**
 * Reads one rule typed as text into `rules`; returns what is wrong, in a sentence naming the place and the
 * rule, or null. The one entry point for a key that arrives as text (a sheet's Key cell, a command line).
 */
export function applyRuleText(rules: Partial<ScalarRules>, key: string, text: string, place: string): string | null {
  const k = ruleKey(key);
  if (!k) return `${place}: ${unknownRuleProblem(key)}`;
  return applyParsed(rules, k, text, place);
}

function applyParsed<K extends ScalarRuleKey>(rules: Partial<ScalarRules>, key: K, text: string, place: string): string | null {
  const parsed = parseRule(key, text);
  if (!parsed.ok) return ruleMessage(place, key, parsed.problem);
  setRule(rules, key, parsed.value);
  return null;
}
