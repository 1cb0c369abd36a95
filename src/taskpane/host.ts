/**
 * What the task pane needs from its host. The pane's components talk only to this interface, so the same
 * components run against Excel (src/excel/officeHost.ts) or a fake host in a browser test. No Office types.
 */
import type { Summary } from '../engine/summarise';
import type { RedFlag } from '../scorecard/types';

export type Phase = 'reading' | 'rating' | 'writing';

/** Where a long operation is: step `step` of `steps`, in a phase. */
export interface Progress {
  phase: Phase;
  step: number;
  steps: number;
}

export type ProgressListener = (p: Progress) => void;

/** What a Recalculate or Build summary did. */
export interface RatingOutcome {
  /** The scorecard sheets rated. */
  sheets: string[];
  summary: Summary;
  /** Cells written into the scorecard (0 for Build summary). */
  cellsWritten: number;
  /** Things a person should look at, one sentence each, with where they are. */
  warnings: string[];
}

export interface RedFlagsOutcome {
  sheets: string[];
  flags: RedFlag[];
  /** How many off-target measures the saved history decided (the rest were judged by re-rating the previous period). */
  fromHistory: number;
}

export interface UndoOutcome {
  sheet: string;
  /** Cells restored. */
  cells: number;
}

/** A reviewer's flag as the pane collects it; the host finds the measure and stamps the time. */
export interface FlagInput {
  ref: string;
  comment: string;
  by: string;
}

export interface ManualFlagView {
  ref: string;
  sheet: string;
  measure: string;
  status: string;
  comment: string;
  by: string;
  at: string;
}

/**
 * The operations behind the pane's buttons. Every method either does all of its work or rejects with an
 * Error whose message is meant for the person using the pane (and leaves the workbook as it was).
 */
export interface ScorecardHost {
  /** Rates the active scorecard sheet in place: status, DOT and explanation of every measure row. */
  recalculate(progress?: ProgressListener): Promise<RatingOutcome>;
  /** Rebuilds the Summary sheet from the current ratings. */
  buildSummary(progress?: ProgressListener): Promise<RatingOutcome>;
  /** Rebuilds the Red flags sheet: off target now and in the previous recorded period. */
  redFlags(progress?: ProgressListener): Promise<RedFlagsOutcome>;
  /** Restores exactly the cells the last Recalculate changed. */
  undo(): Promise<UndoOutcome>;
  /** Adds a reviewer's flag to the Flags sheet and returns every flag. */
  addFlag(flag: FlagInput): Promise<ManualFlagView[]>;
  /** The flags in the Flags sheet. */
  listFlags(): Promise<ManualFlagView[]>;
  /** Shows a measure's row: activates its sheet and selects the row (1-based). */
  selectRow(sheet: string, row: number): Promise<void>;
}
