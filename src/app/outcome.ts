/**
 * What each host hands the pane after an operation, built once: the rating as the pane shows it and every
 * warning as one line with its place. A host adds only what its own writing found (a sheet of the user's
 * holding the name the tool's would have had, a cell inside a merged area), so the pane hears the same
 * things from Excel and from the workbench.
 */
import type { RedFlag, Warning, WorkbookRating } from '../scorecard/types';
import type { FlagsOutcome, ManualFlagView, RatingOutcome, RedFlagsOutcome, SavedRulesOutcome } from './host';
import { rowViews } from './ratedRows';

/** A warning as one line with its place: "Scorecard!I9: …". */
export function warningLine(w: Pick<Warning, 'message' | 'where'>): string {
  const at = [w.where.sheet, w.where.cell].filter(Boolean).join('!');
  return at ? `${at}: ${w.message}` : w.message;
}

export interface Written {
  /** Cells written into the scorecard (0 when only a sheet of the tool's was rebuilt). */
  cellsWritten: number;
  /** What writing found, besides the rating's own warnings. */
  warnings: readonly Warning[];
  /** Give the engine's red flags with the rating (a host without a history works them out this way). */
  withRedFlags?: boolean;
}

/** What a Recalculate or a Build summary did. */
export function ratingOutcome(rating: WorkbookRating, written: Written): RatingOutcome {
  return {
    sheets: rating.sheets.map((s) => s.sheet),
    summary: rating.summary,
    rows: rowViews(rating),
    rules: rating.rules,
    ...(written.withRedFlags ? { redFlags: rating.redFlags } : {}),
    cellsWritten: written.cellsWritten,
    warnings: [...rating.warnings, ...written.warnings].map(warningLine),
  };
}

/** What a Red flags run did: the flags, how many the history decided, and the rating's warnings with the host's. */
export function redFlagsOutcome(rating: WorkbookRating, flags: RedFlag[], fromHistory: number, warnings: readonly Warning[]): RedFlagsOutcome {
  return { sheets: rating.sheets.map((s) => s.sheet), flags, fromHistory, warnings: [...rating.warnings, ...warnings].map(warningLine) };
}

/** What adding a flag did: every flag now in the Flags sheet, and where that sheet went when it was made. */
export function flagsOutcome(flags: ManualFlagView[], warnings: readonly Warning[]): FlagsOutcome {
  return { flags, warnings: warnings.map(warningLine) };
}

/** What saving the rules did: where the Rules sheet went when a sheet of the user's holds its name. */
export function savedRulesOutcome(warnings: readonly Warning[]): SavedRulesOutcome {
  return { warnings: warnings.map(warningLine) };
}
