/**
 * What each host hands the pane after an operation, built once: the rating as the pane shows it and every
 * warning as one line with its place. A host adds only what its own writing found (a sheet of the user's
 * holding the name the tool's would have had, a cell inside a merged area), so the pane hears the same
 * things from Excel and from the workbench.
 */
import type { Warning, WorkbookRating } from '../scorecard/types';
import type { RatingOutcome } from './host';
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
