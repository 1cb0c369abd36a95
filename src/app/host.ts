/**
 * What the task pane needs from its host. The pane's components talk only to this interface, so the same
 * components run against Excel (src/excel/officeHost.ts) or a fake host in a browser test. No Office types.
 */
import type { RatingRules } from '../engine/rules';
import type { Summary } from '../engine/summarise';
import type { DotKey, StatusKey } from '../engine/types';
import type { ManualFlagView } from '../scorecard/manualFlags';
import type { RedFlag } from '../scorecard/types';
import type { RowHistory } from './trendLine';

export type Phase = 'reading' | 'rating' | 'writing';

/** Where a long operation is: step `step` of `steps`, in a phase. */
export interface Progress {
  phase: Phase;
  step: number;
  steps: number;
}

export type ProgressListener = (p: Progress) => void;

/** One rated measure row as the pane shows it: enough to explain the row the user is looking at. */
export interface RatedRowView {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  ref: string;
  measure: string;
  priority: string;
  status: StatusKey;
  dot: DotKey;
  explanation: string;
  /** Why a person should look at the row, when the rules could not decide. */
  needsReview?: string;
  /** Set when a manual override decided the status. */
  override?: string;
  /** The measure's period cells and the target compared with, for the trend chart of the row chosen (trendLine). */
  history?: RowHistory;
  /** The status in the sheet's own words, where the workbook gets words, not a symbol ("Green" on a RAG scorecard). */
  statusWords?: string;
  /** The direction of travel as the workbook gets it, where that is words ("▼" and "Decline but within limits of target"). */
  dotWritten?: { symbol: string; words: string };
}

/** What a Recalculate or Build summary did. */
export interface RatingOutcome {
  /** The scorecard sheets rated. */
  sheets: string[];
  summary: Summary;
  /** Every rated row, in sheet order, so the pane can explain whichever row is selected. */
  rows: RatedRowView[];
  /** The rules the rating used (the workbook's own key and Rules sheet included): the pane shows their symbols. */
  rules: RatingRules;
  /** Off target now and in the previous period, when the host works them out with the rating (the workbench). */
  redFlags?: RedFlag[];
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
  /** Things a person should look at, as in RatingOutcome: the rating's, and where the Red flags sheet went. */
  warnings: string[];
}

/** What adding a flag did. */
export interface FlagsOutcome {
  /** Every flag in the Flags sheet, the new one last. */
  flags: ManualFlagView[];
  /** Where the Flags sheet went when it was made beside a sheet of the user's of that name. */
  warnings: string[];
}

/** What saving the rules did. */
export interface SavedRulesOutcome {
  /** Where the Rules sheet went when a sheet of the user's holds its name. */
  warnings: string[];
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

export type { ManualFlagView };

/** The rules the workbook rates with, as the Rules panel shows them. */
export interface RulesView {
  /** The defaults with the workbook's Rules sheet on top. */
  rules: RatingRules;
  /** True when the workbook has a Rules sheet (otherwise the defaults apply). */
  saved: boolean;
  /** Cells of the Rules sheet that cannot be used, one sentence each: saving from the panel rewrites them. */
  problems: string[];
}

/** A cell the user selected: its sheet and 1-based row. */
export interface SelectedRow {
  sheet: string;
  row: number;
}

export type SelectionListener = (selection: SelectedRow) => void;

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
  /**
   * Restores exactly the cells the last Recalculate changed. Missing where there is nothing to undo into:
   * the workbench never changes the file it opened.
   */
  undo?(): Promise<UndoOutcome>;
  /** Adds a reviewer's flag to the Flags sheet and returns every flag. */
  addFlag(flag: FlagInput): Promise<FlagsOutcome>;
  /** The flags in the Flags sheet. */
  listFlags(): Promise<ManualFlagView[]>;
  /** Shows a measure's row: activates its sheet and selects the row (1-based). */
  selectRow(sheet: string, row: number): Promise<void>;
  /**
   * Calls `listener` whenever the user selects another cell, with the sheet and the first selected row.
   * Returns the function that stops listening.
   */
  onSelectionChanged(listener: SelectionListener): () => void;
  /** The rating rules saved in the workbook (its 'Scorecard rules' sheet), over the defaults. */
  readRules(): Promise<RulesView>;
  /** Saves the rules into the workbook's 'Scorecard rules' sheet; the next Recalculate uses them. */
  saveRules(rules: RatingRules): Promise<SavedRulesOutcome>;
}
