/** Build summary and Red flags: rate without touching the scorecard, then rebuild an owned sheet. */
import { buildSummarySheet } from '../scorecard/ownedSheets';
import { redFlagsSheetOf } from '../scorecard/redFlagsSheet';
import type { RatingOutcome, RedFlagsOutcome } from '../app/host';
import { ratingOutcome, redFlagsOutcome } from '../app/outcome';
import { HISTORY_FLAG_COLUMNS, readHistory, redFlagsWithHistory } from '../scorecard/history';
import { queueOwnedSheet, readAndRate, refuseProtectedStructure, report } from './shared';
import type { OperationOptions } from './shared';
import { WriteBatch } from './writeBatch';

/** Build summary: rates without writing into the scorecard and rebuilds the Summary sheet. */
export async function buildSummary(ctx: Excel.RequestContext, options: OperationOptions = {}): Promise<RatingOutcome> {
  const { probe, rating } = await readAndRate(ctx, options, {}, false);
  refuseProtectedStructure(probe, 'rebuild the Summary sheet');
  report(options, 'writing', 1, 1);
  const batch = new WriteBatch(ctx, options.writeBudget);
  const { warnings } = await queueOwnedSheet(batch, ctx, probe, buildSummarySheet(rating.summary, rating.rules), { activate: true });
  await batch.flush();
  return ratingOutcome(rating, { cellsWritten: 0, warnings });
}

/** Red flags: rates, reads the history and rebuilds the Red flags sheet. The Flags sheet is left alone. */
export async function buildRedFlags(ctx: Excel.RequestContext, options: OperationOptions = {}): Promise<RedFlagsOutcome> {
  const { probe, read, rating } = await readAndRate(ctx, options, { full: [{ kind: 'history', columns: HISTORY_FLAG_COLUMNS }] }, false);
  refuseProtectedStructure(probe, 'rebuild the Red flags sheet');
  const historyGrid = read.full.get('history');
  const { flags, fromHistory } = redFlagsWithHistory(rating, historyGrid ? readHistory(historyGrid) : []);
  report(options, 'writing', 1, 1);
  const batch = new WriteBatch(ctx, options.writeBudget);
  const { warnings } = await queueOwnedSheet(batch, ctx, probe, redFlagsSheetOf(rating, flags), { activate: true });
  await batch.flush();
  return redFlagsOutcome(rating, flags, fromHistory, warnings);
}
