/**
 * Recalculate: rate the active sheet and write its status, DOT and explanation cells in place, keeping an
 * exact copy of those cells for Undo and appending the run to the rating history.
 */
import { buildRulesSheet } from '../scorecard/rulesSheet';
import { cellAddress } from '../workbook/grid';
import type { CellRange } from '../workbook/grid';
import type { RatingOutcome } from '../app/host';
import { ratingOutcome } from '../app/outcome';
import { rangeAddress } from './addresses';
import { compactHistory, HISTORY_HEADERS, historyRecords, historyRow, readHistory } from '../scorecard/history';
import type { HistoryRecord } from '../scorecard/history';
import type { SheetInfo, WorkbookProbe } from './workbookProbe';
import type { Warning } from '../scorecard/types';
import { queueMark } from './ownedMarks';
import { ownedInfo, ownedTarget, queueOwnedSheet, readAndRate, refuseProtectedStructure, report } from './shared';
import type { OperationOptions } from './shared';
import { ADDIN_SHEETS } from '../scorecard/sheetNames';
import { SETTING_KEYS } from './settingKeys';
import { planCellRuns, queueCellWrites, toExcelValue } from './writeCells';
import { payloadSize, WriteBatch } from './writeBatch';

/** What the hidden undo copy covers, kept in the workbook's add-in settings. */
export interface UndoRecord {
  version: 1;
  at: string;
  sheetId: string;
  sheet: string;
  /** A1 areas of the rated sheet the run wrote: the undo sheet holds a copy of each at the same address. */
  areas: string[];
  cells: number;
  /** 1-based rows the run appended to the history sheet. */
  history: { first: number; last: number } | null;
}

/**
 * The history is compacted (see compactHistory) before a run is appended once it would pass this many rows,
 * or three runs' worth for very large sheets, so red flags can read it in one piece.
 */
export const MAX_HISTORY_ROWS = 20_000;

/**
 * Recalculate: rates the active sheet and writes status, DOT and explanation cells in place. Before
 * writing, the cells about to change are copied (values and every format) to the hidden undo sheet, in the
 * same round trip; the run's statuses are appended to the history; the Rules sheet is added when missing.
 */
export async function recalculate(ctx: Excel.RequestContext, options: OperationOptions = {}): Promise<RatingOutcome> {
  const { probe, read, rating, targets } = await readAndRate(ctx, options, { sizeOnly: ['history'] }, true);
  const target = targets[0];
  refuseProtectedStructure(probe, 'keep its undo copy and rating history');
  const rated = rating.sheets[0];
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();

  const historyInfo = ownedInfo(probe, 'history');
  const historySize = read.sizes.get('history') ?? null;
  const records = historyRecords(rating, at);
  let rewrite: HistoryRecord[] | null = null;
  if (historyInfo && historySize && historySize.rows + records.length > Math.max(MAX_HISTORY_ROWS, 3 * records.length)) {
    // Rare: one more round trip to read the whole history, then it is written back compacted.
    const range = ctx.workbook.worksheets.getItem(historyInfo.id).getUsedRange(true);
    range.load('values');
    await ctx.sync();
    rewrite = compactHistory(readHistory({ name: historyInfo.name, values: range.values }));
  }

  report(options, 'writing', 1, 1);
  const batch = new WriteBatch(ctx, options.writeBudget);
  const sheets = ctx.workbook.worksheets;
  const ws = sheets.getItem(target.info.id);
  const merges: CellRange[] = target.merges ?? [];
  const { runs, written } = planCellRuns(rated.writes, merges);

  // 0. Fail before changing anything if the sheet went away since it was read (it is found by id, so a
  //    rename is harmless); a stale undo record must not outlive the copy it describes.
  await batch.reserve(200);
  ws.load('name');
  if (probe.settings.undo !== null) ctx.workbook.settings.getItem(SETTING_KEYS.undo).delete();

  // 1. The undo copy, before anything changes: same addresses on a fresh hidden sheet.
  const undo = ownedTarget(probe, 'undo');
  if (undo.existing) sheets.getItem(undo.existing.id).delete();
  const undoWs = sheets.add(undo.name);
  queueMark(undoWs, 'undo');
  // In its old place, so that rating twice leaves the tabs as they were.
  if (undo.existing) undoWs.position = undo.existing.position;
  undoWs.visibility = 'Hidden';
  const sheetWarnings: Warning[] = [...undo.warnings];
  const areas = runs.map(rangeAddress);
  for (const a of areas) {
    await batch.reserve(payloadSize(a) * 2);
    undoWs.getRange(a).copyFrom(ws.getRange(a), 'All');
  }
  const nextHistoryRow = historySize ? historySize.top + historySize.rows : 0;
  const historyNeedsSheet = !historyInfo || rewrite !== null || nextHistoryRow === 0;
  const firstHistoryRow = historyNeedsSheet ? 1 + (rewrite?.length ?? 0) : nextHistoryRow;
  const record: UndoRecord = {
    version: 1,
    at,
    sheetId: target.info.id,
    sheet: target.info.name,
    areas,
    cells: written.length,
    history: records.length ? { first: firstHistoryRow + 1, last: firstHistoryRow + records.length } : null,
  };
  await batch.reserve(payloadSize(record));
  ctx.workbook.settings.add(SETTING_KEYS.undo, JSON.stringify(record));

  // 2. The ratings.
  const result = await queueCellWrites(batch, ws, rated.writes, merges);

  // 3. The history: appended, so Undo can take exactly this run's rows back.
  sheetWarnings.push(...(await queueHistory(batch, ctx, historyNeedsSheet ? null : (historyInfo as SheetInfo), firstHistoryRow, records, rewrite ?? [], probe)));

  // 4. Rules travel with the workbook: written once, then read back on every run.
  if (!ownedInfo(probe, 'rules')) sheetWarnings.push(...(await queueOwnedSheet(batch, ctx, probe, buildRulesSheet(rating.rules))).warnings);
  ctx.workbook.settings.add(SETTING_KEYS.lastSheet, target.info.id);
  await batch.flush();

  // A cell inside a merged area is left alone: writing it would clear the merge's other cells.
  const skipped = result.skipped.map((w) => ({ message: `inside a merged area, so its ${w.kind} was not written`, where: { sheet: rated.sheet, cell: cellAddress(w.row, w.col) } }));
  return ratingOutcome(rating, { cellsWritten: result.written.length, warnings: [...sheetWarnings, ...skipped] });
}

/**
 * Appends the run's records to the history sheet at 0-based row `row`: to the sheet as it is (`append`),
 * or to a fresh one (replacing the add-in's history sheet, if any) holding the header and `kept` records.
 * Returns what the user should hear about where a fresh sheet went.
 */
async function queueHistory(
  batch: WriteBatch,
  ctx: Excel.RequestContext,
  append: SheetInfo | null,
  row: number,
  records: readonly HistoryRecord[],
  kept: readonly HistoryRecord[],
  probe: WorkbookProbe,
): Promise<Warning[]> {
  let ws: Excel.Worksheet;
  let warnings: Warning[] = [];
  if (append) ws = ctx.workbook.worksheets.getItem(append.id);
  else {
    const header = HISTORY_HEADERS.map((h) => ({ value: h, style: { bold: true } }));
    const rows = [header, ...kept.map((r) => historyRow(r).map((value) => ({ value })))];
    ({ ws, warnings } = await queueOwnedSheet(batch, ctx, probe, { name: ADDIN_SHEETS.history, ownedKind: 'history', hidden: true, rows }));
  }
  if (!records.length) return warnings;
  const values = records.map((r) => historyRow(r).map((v) => toExcelValue(v)));
  await batch.reserve(payloadSize(values));
  ws.getRangeByIndexes(row, 0, values.length, HISTORY_HEADERS.length).values = values;
  return warnings;
}
