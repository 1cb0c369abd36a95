import type { DotKey, StatusKey } from './types';

/**
 * Every setting of the rating rules, with its default beside it. The Rules sheet, the task pane panel and
 * the command-line flags are all generated from RULE_FIELDS, so a setting added here shows up everywhere.
 */
export interface RatingRules {
  /** A miss of at most this fraction of the target is satisfactory (numbers). Default 0.025 (2.5%). */
  tolerance: number;
  /** For percentage measures, a miss of at most this many percentage points is satisfactory. Default 2.5. */
  tolerancePoints: number;
  /** ...as long as the miss is also no more than this fraction of the target. Default 0.1 (10%). */
  tolerancePointsCap: number;
  /** How the tolerance is measured: 'auto' is points for percentages (within the cap) and a share of the target for numbers. Default 'auto'. */
  toleranceBasis: 'auto' | 'percent-of-target' | 'points';
  /** What a miss within the tolerance is. Default 'satisfactory'; some councils count it on target ("on or within 5% of target"). */
  withinTolerance: 'satisfactory' | 'on-target';
  /** What on target needs: meeting the target, or beating it by more than the tolerance (then meeting it within the tolerance is satisfactory). Default 'meet'. */
  onTargetNeeds: 'meet' | 'beat-by-tolerance';
  /** What a miss beyond the tolerance is: off target, or satisfactory when the direction of travel is improved or stable. Default 'off-target'. */
  beyondTolerance: 'off-target' | 'satisfactory-if-not-worse';
  /** A target due later ("100% by April 2018") and not yet met: satisfactory while improving, off target otherwise ('trend'); or judged as if due now ('now'). Default 'trend'. */
  futureDeadline: 'trend' | 'now';
  /** A year-to-date figure is judged against its annual target from this month of the year on; before it the row needs review (too early). Default 2. */
  earliestProfileMonth: number;
  /** A value this many times its target, or this many times smaller, needs review: the units probably differ. Default 20. */
  unitsCheck: number;
  /** When true, ">53%" needs more than 53%; otherwise 53% meets it. Default false. */
  strictComparators: boolean;
  /** What direction of travel compares with first. Default 'same-period-last-year'. */
  dotBasis: 'same-period-last-year' | 'previous-period' | 'previous-year-end';
  /** Changes smaller than this fraction of the comparison value count as stable, beyond equal at the displayed precision. Default 0. */
  stabilityBand: number;
  /** How a composite target ("a) 100% b) 98.5%") combines its parts. Default 'worst'. */
  compositeRule: 'worst' | 'best';
  /** Compare year-to-date values with the target profiled over the year. Default 'linear'. */
  cumulativeProfile: 'linear' | 'none';
  /** When the current period has no value yet, rate the latest earlier value of the same financial year. Default 'same-year'. */
  lagFallback: 'same-year' | 'none';
  /** Read a comparator quoted in the data notes ("national average of 93.4%") for benchmark targets. Default true. */
  benchmarkFromNotes: boolean;
  /** How the DOT column is written: arrows, or the eight-state words of monthly RAG scorecards. 'auto' follows the sheet (RAG columns → eight-state). */
  dotStyle: 'auto' | 'arrows' | 'eight-state';
  /** The previous period for red flags: the scorecard's own cadence, or a fixed one. Default 'auto'. */
  redFlagPeriod: 'auto' | 'month' | 'quarter';
  /** Symbols written into the status column. A workbook's own key, when found, wins. */
  symbols: Record<StatusKey, string>;
  /** Symbols written into the DOT column. */
  dotSymbols: Record<DotKey, string>;
}

export const DEFAULT_SYMBOLS: Record<StatusKey, string> = {
  'on-target': '✔',
  satisfactory: '●',
  'off-target': '✘',
  'under-development': '◐',
  'not-applicable': '□',
  'not-available': '■',
  'needs-review': '?',
};

export const DEFAULT_DOT_SYMBOLS: Record<DotKey, string> = {
  improved: '▲',
  stable: '►',
  worse: '▼',
  increase: '↑',
  decrease: '↓',
  'not-applicable': '–',
};

export const DEFAULT_RULES: RatingRules = {
  tolerance: 0.025,
  tolerancePoints: 2.5,
  tolerancePointsCap: 0.1,
  toleranceBasis: 'auto',
  withinTolerance: 'satisfactory',
  onTargetNeeds: 'meet',
  beyondTolerance: 'off-target',
  futureDeadline: 'trend',
  earliestProfileMonth: 2,
  unitsCheck: 20,
  strictComparators: false,
  dotBasis: 'same-period-last-year',
  stabilityBand: 0,
  compositeRule: 'worst',
  cumulativeProfile: 'linear',
  lagFallback: 'same-year',
  benchmarkFromNotes: true,
  dotStyle: 'auto',
  redFlagPeriod: 'auto',
  symbols: DEFAULT_SYMBOLS,
  dotSymbols: DEFAULT_DOT_SYMBOLS,
};

/** Fill colours (hex RGB) per status and DOT, always paired with a symbol and a word. */
export const STATUS_FILLS: Record<StatusKey, string> = {
  'on-target': 'C6EFCE',
  satisfactory: 'FFEB9C',
  'off-target': 'FFC7CE',
  'under-development': 'E4DFEC',
  'not-applicable': 'EDEDED',
  'not-available': 'DDEBF7',
  'needs-review': 'FCE4D6',
};

export const STATUS_FONTS: Record<StatusKey, string> = {
  'on-target': '006100',
  satisfactory: '9C5700',
  'off-target': '9C0006',
  'under-development': '5B3A7A',
  'not-applicable': '404040',
  'not-available': '1F4E78',
  'needs-review': '833C0B',
};

export const DOT_FONTS: Record<DotKey, string> = {
  improved: '006100',
  stable: '7F6000',
  worse: '9C0006',
  increase: '404040',
  decrease: '404040',
  'not-applicable': '808080',
};

type ScalarRuleKey = Exclude<keyof RatingRules, 'symbols' | 'dotSymbols'>;

/** Describes one scalar setting for the Rules sheet, the task pane and the command line. */
export interface RuleField {
  key: ScalarRuleKey;
  label: string;
  help: string;
  type: 'number' | 'boolean' | 'choice';
  choices?: readonly string[];
  /** Smallest and largest accepted numbers. */
  min?: number;
  max?: number;
}

export const RULE_FIELDS: readonly RuleField[] = [
  { key: 'tolerance', label: 'Tolerance (fraction of target)', help: 'A miss of at most this fraction of the target is satisfactory.', type: 'number', min: 0, max: 1 },
  { key: 'tolerancePoints', label: 'Tolerance for percentages (points)', help: 'For percentage measures, a miss of at most this many percentage points is satisfactory.', type: 'number', min: 0, max: 100 },
  { key: 'tolerancePointsCap', label: 'Percentage tolerance cap (fraction of target)', help: 'A percentage miss within the points tolerance must also be within this fraction of the target.', type: 'number', min: 0, max: 1 },
  { key: 'toleranceBasis', label: 'Tolerance measured as', help: 'auto: percentage points for percentages (within the cap), a share of the target for numbers; or always a share of the target; or always points (units of the measure).', type: 'choice', choices: ['auto', 'percent-of-target', 'points'] },
  { key: 'withinTolerance', label: 'A miss within the tolerance is', help: 'Satisfactory, or on target for schemes such as "on or within 5% of target".', type: 'choice', choices: ['satisfactory', 'on-target'] },
  { key: 'onTargetNeeds', label: 'On target needs', help: 'Meeting the target, or beating it by more than the tolerance (then meeting it within the tolerance is satisfactory).', type: 'choice', choices: ['meet', 'beat-by-tolerance'] },
  { key: 'beyondTolerance', label: 'A miss beyond the tolerance is', help: 'Off target, or satisfactory when the direction of travel is improved or stable.', type: 'choice', choices: ['off-target', 'satisfactory-if-not-worse'] },
  { key: 'futureDeadline', label: 'Targets due later', help: 'A target due after the period rated ("100% by April 2018") and not yet met: satisfactory while improving, or judged as if due now.', type: 'choice', choices: ['trend', 'now'] },
  { key: 'earliestProfileMonth', label: 'Year to date judged from month', help: 'A year-to-date figure is judged against its annual target from this month of the year; before it the row needs review.', type: 'number', min: 1, max: 12 },
  { key: 'unitsCheck', label: 'Units check (times the target)', help: 'A value this many times its target, or this many times smaller, needs review: the units probably differ.', type: 'number', min: 2, max: 1000000 },
  { key: 'strictComparators', label: 'Strict comparators', help: 'When on, ">53%" needs more than 53%; when off, 53% meets it.', type: 'boolean' },
  { key: 'dotBasis', label: 'Direction of travel compares with', help: 'The first comparison tried; the others follow as fallbacks.', type: 'choice', choices: ['same-period-last-year', 'previous-period', 'previous-year-end'] },
  { key: 'stabilityBand', label: 'Stability band (fraction)', help: 'Changes smaller than this fraction of the comparison value count as stable.', type: 'number', min: 0, max: 1 },
  { key: 'compositeRule', label: 'Composite targets', help: 'How parts such as "a) 100% b) 98.5%" combine.', type: 'choice', choices: ['worst', 'best'] },
  { key: 'cumulativeProfile', label: 'Year-to-date profile', help: 'Compare year-to-date values with the annual target profiled over the year.', type: 'choice', choices: ['linear', 'none'] },
  { key: 'lagFallback', label: 'Data lag', help: 'When the current period has no value yet, rate the latest earlier value of the same financial year.', type: 'choice', choices: ['same-year', 'none'] },
  { key: 'benchmarkFromNotes', label: 'Benchmarks from data notes', help: 'Read a comparator quoted in the data notes for targets such as "in line with the national average".', type: 'boolean' },
  { key: 'dotStyle', label: 'DOT style', help: 'Arrows, or the eight-state words of monthly RAG scorecards; auto follows the sheet.', type: 'choice', choices: ['auto', 'arrows', 'eight-state'] },
  { key: 'redFlagPeriod', label: 'Red flag previous period', help: "Which earlier period a red flag must also be off target in: the scorecard's cadence, a month or a quarter.", type: 'choice', choices: ['auto', 'month', 'quarter'] },
];

/** Checks and applies one setting given as text (Rules sheet cell, command-line flag). Returns an error message or null. */
export function applyRuleText(rules: RatingRules, key: string, text: string): string | null {
  const field = RULE_FIELDS.find((f) => f.key === key);
  if (!field) return `unknown rule "${key}" (known: ${RULE_FIELDS.map((f) => f.key).join(', ')})`;
  const t = text.trim();
  const target = rules as unknown as Record<string, unknown>;
  if (field.type === 'number') {
    const n = Number(t.replace(/%$/, '')) / (t.endsWith('%') ? 100 : 1);
    // Number('') is 0: a blank must not quietly become a zero tolerance.
    if (t === '' || !Number.isFinite(n)) return `rule "${key}" needs a number, got "${text}"`;
    if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
      return `rule "${key}" must be between ${field.min} and ${field.max}, got ${text}`;
    }
    target[key] = n;
  } else if (field.type === 'boolean') {
    const b = /^(true|yes|on|1)$/i.test(t) ? true : /^(false|no|off|0)$/i.test(t) ? false : null;
    if (b === null) return `rule "${key}" needs true or false, got "${text}"`;
    target[key] = b;
  } else {
    if (!field.choices?.includes(t)) return `rule "${key}" must be one of ${field.choices?.join(', ')}, got "${text}"`;
    target[key] = t;
  }
  return null;
}

/** A fresh copy of the defaults, safe to change. */
export function defaultRules(): RatingRules {
  return { ...DEFAULT_RULES, symbols: { ...DEFAULT_SYMBOLS }, dotSymbols: { ...DEFAULT_DOT_SYMBOLS } };
}
