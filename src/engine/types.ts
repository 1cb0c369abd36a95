/** Shared vocabulary of the rating engine. Pure data, no host types. */
import type { DotBasis } from './ruleTable';

export const STATUS_KEYS = [
  'on-target',
  'satisfactory',
  'off-target',
  'under-development',
  'not-applicable',
  'not-available',
  'needs-review',
] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export const DOT_KEYS = ['improved', 'stable', 'worse', 'increase', 'decrease', 'not-applicable'] as const;
export type DotKey = (typeof DOT_KEYS)[number];

/** Statuses that mean the measure had data and a target and was compared. */
export const RATED_STATUSES: readonly StatusKey[] = ['on-target', 'satisfactory', 'off-target'];

export const STATUS_LABELS: Record<StatusKey, string> = {
  'on-target': 'On target',
  satisfactory: 'Satisfactory',
  'off-target': 'Off target',
  'under-development': 'Under development',
  'not-applicable': 'Not applicable',
  'not-available': 'Not yet available',
  'needs-review': 'Needs review',
};

export const DOT_LABELS: Record<DotKey, string> = {
  improved: 'Improved',
  stable: 'Stable',
  worse: 'Worse',
  increase: 'Increase',
  decrease: 'Decrease',
  'not-applicable': 'Not applicable',
};

/** Which way is good. 'range' is "within limits": inside a band is good, either side is not. */
export type Polarity = 'high' | 'low' | 'none' | 'range';

/**
 * The eight-state direction of travel of monthly RAG scorecards: the DOT refined by whether the measure is
 * within the limits of its target.
 */
export const DOT_DETAIL_KEYS = [
  'improved',
  'declined-within-limits',
  'declined-off-target',
  'no-movement-within-limits',
  'no-movement-off-target',
  'increase',
  'decrease',
  'stable',
] as const;
export type DotDetail = (typeof DOT_DETAIL_KEYS)[number];

export const DOT_DETAIL_LABELS: Record<DotDetail, string> = {
  improved: 'Improvement in performance',
  'declined-within-limits': 'Decline but within limits of target',
  'declined-off-target': 'Decline, not on target',
  'no-movement-within-limits': 'No movement, within limits of target',
  'no-movement-off-target': 'No movement, not on target',
  increase: 'Increase in numbers',
  decrease: 'Decrease in numbers',
  stable: 'Stable in numbers',
};

/** A cell as the engine sees it: value, number format and display text together. */
export interface CellInput {
  value: string | number | boolean | Date | null | undefined;
  numberFormat?: string | null;
  text?: string | null;
}

/** Month index: year * 12 + (month - 1), so months compare and subtract as integers. */
export type MonthIndex = number;

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'term' | 'ytd';

/** A reporting period parsed from a header ("Q2 Jul - Sep 2017", "Sep-17", "Year end 2016/17"). */
export interface Period {
  kind: PeriodKind;
  /** First month covered. */
  start: MonthIndex;
  /** Last month covered. */
  end: MonthIndex;
  /** Academic-year periods (terms, "Academic Year") start in September, not April. */
  academic?: boolean;
  label: string;
}

/** A number read from a cell, with what is needed to show it again. */
export interface NumberReading {
  value: number;
  /** True when the number is a percentage; value is then in percent points (43.5 for 43.5%). */
  percent: boolean;
  /** Decimals as displayed, for "stable at the displayed precision". */
  decimals: number;
  /** Currency or unit text around the number ("£", "m", "days"). */
  unit?: string;
}

export type ValueReading =
  | ({ kind: 'number'; display: string; cumulative?: boolean; comparator?: Comparator } & NumberReading)
  | { kind: 'composite'; display: string; parts: { label: string; reading: NumberReading }[] }
  | { kind: 'missing'; display: string; reason: 'blank' | 'not-available' | 'due-later' }
  /** A date (a Date, or a number under a date format): a when, not a measurement. */
  | { kind: 'date'; display: string }
  | { kind: 'text'; display: string };

export type Comparator = '>' | '>=' | '<' | '<=';

export type TargetReading =
  | { kind: 'missing'; display: string }
  | { kind: 'none'; display: string; reason: string }
  | { kind: 'pending'; display: string; reason: string }
  | { kind: 'same-as-above'; display: string }
  | ({
      kind: 'number';
      display: string;
      comparator?: Comparator;
      /** The target is a total for the year (or academic year), so in-year values are compared with a profile. */
      annualTotal?: boolean;
      academicYear?: boolean;
      deadline?: string;
      /** The month of the deadline, when it can be dated ("by April 2018", "by the end of 2019/20" → March 2020). */
      deadlineMonth?: MonthIndex;
      /** One number for every part of the measure ("All at 95%", "95% for each"). */
      allParts?: boolean;
      /** Polarity implied by the wording ("reduce", "at least"). */
      impliedPolarity?: Polarity;
    } & NumberReading)
  | {
      kind: 'relative';
      display: string;
      /** Signed fractional change from the base: -0.1 for a 10% reduction. */
      change: number;
    }
  | { kind: 'composite'; display: string; parts: { label: string; reading: NumberReading; comparator?: Comparator }[] }
  | {
      kind: 'benchmark';
      display: string;
      /** What the target compares with: "national average", "top quartile". */
      benchmark: string;
      comparator?: Comparator;
    }
  | { kind: 'range'; display: string; low: number; high: number; percent: boolean }
  /** A date (a Date, or a number under a date format): a deadline or a when, not a number to compare with. */
  | { kind: 'date'; display: string }
  | { kind: 'text'; display: string };

/** One period column's cell for a measure. */
export interface Observation {
  period: Period;
  cell: CellInput;
}

/** A measure row as read from a sheet: everything the engine needs to rate it. */
export interface Measure {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  ref: string;
  name: string;
  priority: string;
  outcome?: string;
  leadAccountability?: string;
  action?: string;
  leadOfficer?: string;
  polarity: CellInput;
  frequency: CellInput;
  target: CellInput;
  /** What the status cell holds now (kept when a row cannot be rated). */
  currentStatus: CellInput;
  currentDot?: CellInput;
  observations: Observation[];
  notes?: string;
  /** A manual override from the sheet's override column. */
  override?: CellInput;
  /** Red / Amber / Green threshold cells, when the sheet has them. */
  thresholds?: { red: CellInput; amber: CellInput; green: CellInput };
  tolerance?: CellInput;
}

/** The rating of one measure: the facts it rests on (`finding`) and the sentence made from them. */
export interface Rating {
  status: StatusKey;
  /** What the status rests on, as facts; `explanation` is written from it. */
  finding: Finding;
  dot: DotKey;
  /** The eight-state direction of travel, where it is defined. */
  dotDetail?: DotDetail;
  explanation: string;
  /** The period rated and its value, when there was one. */
  period?: Period;
  value?: ValueReading;
  /** The target actually compared with (after profiles and relative targets). */
  comparedTarget?: number;
  /** Set when the rule could not decide and the row needs a person. */
  needsReview?: string;
  /** Set when a manual override decided the status. */
  override?: string;
  /** Set when the status cell holds a person's own entry, which is the status used. */
  setByHand?: { entry: string; rulesStatus: StatusKey; byFormula?: boolean };
  /** The direction of travel as facts: the pair compared, when there was one. */
  trend?: TrendFinding;
}

/** How far a value is from its target, and which side of the tolerance it lies. */
export type Zone = 'beats' | 'meets' | 'within' | 'beyond';

/** A tolerance as the rating used it: a share of the target, percentage points, or units of the measure. */
export interface Tolerance {
  amount: number;
  unit: 'percent-of-target' | 'points' | 'units';
  /** Where it came from: the rules, or the measure's own Tolerance column. */
  source: 'rules' | 'measure';
  /** Points tolerances of the default scheme must also be within this share of the target. */
  cap?: number;
}

/** The target a value was compared with, after profiles, relative changes and benchmarks. */
export interface ComparedTarget extends NumberReading {
  /** The target cell as written. */
  written: string;
  how: 'as-written' | 'profiled' | 'relative' | 'benchmark';
  comparator?: Comparator;
  /** profiled: the annual figure and the share of the year. */
  annual?: NumberReading;
  months?: number;
  academic?: boolean;
  /** relative: the change and the value it is measured from. */
  change?: number;
  base?: { period: string; value: NumberReading };
  /** benchmark: its name, quoted from the data notes. */
  benchmark?: string;
  /** The far end of a benchmark range ("top quartile range 7.65% - 11.8%"). */
  high?: number;
  /** A deadline later than the period rated ("100% by April 2018"). */
  deadline?: string;
}

/** One value measured against one target. */
export interface Comparison {
  value: NumberReading & { display: string };
  target: ComparedTarget;
  polarity: 'high' | 'low';
  /** How much worse than the target (negative when better), in the value's units or points. */
  gap: number;
  /** gap as a share of the target; Infinity for a zero target. */
  relative: number;
  /** Percentage measures are compared in points. */
  inPoints: boolean;
  tolerance: Tolerance;
  zone: Zone;
  status: StatusKey;
  /** Equal to the target while strict comparison is on. */
  strictTie?: boolean;
  /** The status took the direction of travel into account (beyond tolerance but not worse; deadline ahead). */
  byTrend?: 'not-worse' | 'worse' | 'improving' | 'not-improving';
  /** A range target ("top quartile range") missed: no tolerance applies. */
  outsideRange?: boolean;
}

/** Which figures a rating read: the period's own, the year to date as the sheet states it, or a sum. */
export type SeriesKind = 'in-period' | 'year-to-date' | 'summed';

/** Where the rated value came from. */
export interface ValueSource {
  period: Period;
  display: string;
  series: SeriesKind;
  /** Set when an earlier period stood in for one not yet in. */
  lagged?: { due: string; dueShown: string };
  /** summed: the periods added up. */
  summedFrom?: string;
}

/** What a status rests on. */
export type Finding =
  | { kind: 'override'; entry: string; reason: string }
  | { kind: 'no-target'; reason: string; written: string }
  | { kind: 'pending-target'; written: string; thresholds?: boolean }
  | { kind: 'no-value'; reason: string }
  | { kind: 'review'; reason: string; source?: ValueSource; kept?: { status: StatusKey; shown: string } }
  | { kind: 'compared'; source: ValueSource; comparison: Comparison }
  | { kind: 'parts'; source: ValueSource; parts: { label: string; comparison: Comparison }[]; rule: 'worst' | 'best'; chosen: string }
  | { kind: 'thresholds'; source: ValueSource; text: string; status: StatusKey };

/** The direction of travel as facts. */
export interface TrendFinding {
  dot: DotKey;
  current?: { period: Period; reading: NumberReading };
  comparison?: { period: Period; reading: NumberReading; basis: DotBasis };
  /** Why there is no comparison. */
  none?: 'no-value' | 'within-limits' | 'no-number' | 'no-earlier' | 'no-earlier-year-to-date' | 'year-to-date-not-rated';
}
