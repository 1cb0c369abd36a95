/**
 * How much one round trip may carry. Excel on the web refuses any request or response over 5 MB; Excel
 * desktop has no such cap, so it gets larger pieces and fewer round trips. A read that still comes back
 * too large is split further (see readSheets), so these are starting points, not promises.
 */
export interface Budgets {
  /** Cells (values, number formats and display text each) read per round trip. */
  maxCellsPerRead: number;
  /** Estimated request bytes written per round trip. */
  writeBudget: number;
}

/** A scorecard cell costs about 40 bytes read (value, format and text); 100,000 cells stay near 4 MB. */
export const WEB_BUDGETS: Budgets = { maxCellsPerRead: 100_000, writeBudget: 4_000_000 };

/** 10,000 rows of 40 columns in one read; a 10,000-row Recalculate in one write. */
export const DESKTOP_BUDGETS: Budgets = { maxCellsPerRead: 400_000, writeBudget: 16_000_000 };

/** The platform name office.js gives Excel on the web (Office.context.diagnostics.platform). */
export const WEB_PLATFORM = 'OfficeOnline';

export function budgetsFor(platform: string | undefined): Budgets {
  return platform === WEB_PLATFORM || platform === undefined ? WEB_BUDGETS : DESKTOP_BUDGETS;
}
