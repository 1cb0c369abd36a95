/** Shared vocabulary of the rating engine. Pure data, no host types. */

export const STATUS_KEYS = [
  'on-target',
  'satisfactory',
  'off-target',
  'under-development',
  'not-applicable',
  'not-available',
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

/** The rating of one measure. */
export interface Rating {
  status: StatusKey;
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
}
