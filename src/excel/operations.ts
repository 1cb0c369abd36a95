/**
 * The add-in's operations, one Excel.run each: read in two round trips, rate with the same rateWorkbook the
 * command line uses, write in one (more only when a payload would be too large). Each checks protection and
 * the rules before it writes, so a refusal leaves the workbook as it was.
 */
export { recalculate, MAX_HISTORY_ROWS } from './recalculate';
export type { UndoRecord } from './recalculate';
export { undoLastRecalculation } from './undo';
export { buildRedFlags, buildSummary } from './rebuildSheets';
export { addFlag, listFlags } from './flags';
export { selectRow } from './selectRow';
export type { OperationOptions } from './shared';
