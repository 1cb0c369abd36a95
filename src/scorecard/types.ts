import type { RatingRules } from '../engine/rules';
import type { Summary } from '../engine/summarise';
import type { DotDetail, DotKey, Measure, Rating, StatusKey } from '../engine/types';
import type { CellWrite } from '../workbook/grid';

/** Where something is in a workbook, for messages people can act on. */
export interface Location {
  file?: string;
  sheet?: string;
  /** A1 address. */
  cell?: string;
  ref?: string;
}

/** Bad input: the message says what is wrong and where. Never thrown for a row that can be reported instead. */
export class ScorecardError extends Error {
  constructor(
    message: string,
    readonly where: Location = {},
  ) {
    super(message);
    this.name = 'ScorecardError';
  }
}

/** Something a person should look at that did not stop the run. */
export interface Warning {
  message: string;
  where: Location;
  /** Set when an owned cell was left as it is (a formula, someone's own entry, a merged cell): nothing was written there. */
  kept?: boolean;
  /** Set when a user's sheet holds the name one of the tool's sheets would have had: that sheet, left alone. */
  keptSheet?: string;
}

/** A measure that is off target now and was off target in the previous period. */
export interface RedFlag {
  sheet: string;
  /** 1-based. */
  row: number;
  ref: string;
  measure: string;
  leadOfficer?: string;
  priority: string;
  status: StatusKey;
  previousStatus: StatusKey;
  period?: string;
  previousPeriod?: string;
  value?: string;
  previousValue?: string;
  /** Why it is red: the current explanation. */
  reason: string;
}

export interface RatedRow {
  measure: Measure;
  rating: Rating;
  /**
   * The same measure rated on the previous period's values, for red flags: only rows off target now have it,
   * and only its status, period and value are read (its explanation is left empty).
   */
  previous?: Rating;
  /** The year-to-date rating, where the sheet has a year-end RAG column. */
  yearEnd?: Rating;
}

/** Columns (0-based) that the add-in owns in a scorecard sheet. */
export interface OwnedColumns {
  status: number;
  dot?: number;
  statusYearEnd?: number;
  explanation: number;
}

export interface RatedSheet {
  sheet: string;
  rows: RatedRow[];
  writes: CellWrite[];
  warnings: Warning[];
  columns: OwnedColumns;
}

export interface WorkbookRating {
  sheets: RatedSheet[];
  summary: Summary;
  redFlags: RedFlag[];
  rules: RatingRules;
  warnings: Warning[];
}

/** The JSON report of the command line, as in the design's contract. */
export interface Report {
  rows: {
    sheet: string;
    row: number;
    ref: string;
    status: StatusKey;
    dot: DotKey;
    explanation: string;
    /** Eight-state DOT, where defined. */
    dotDetail?: DotDetail;
    /** Year-to-date status, where the sheet has a year-end RAG column. */
    statusYearEnd?: StatusKey;
    needsReview?: string;
  }[];
  summary: Summary;
  redFlags: RedFlag[];
  warnings: Warning[];
}
