/** Reviewers' flags: added to the Flags sheet, linked to the measure's row, and read back. */
import type { FlagInput, ManualFlagView } from '../taskpane/host';
import { AddinError } from './errors';
import { emptyFlagsSheet, flagCells, FLAGS_HEADER_ROW, flagsHeaderRow, flagView, newManualFlag, readFlags, sameRef } from '../scorecard/manualFlags';
import { findSheet, readAndRate, refuseProtectedStructure } from './shared';
import type { OperationOptions } from './shared';
import { ADDIN_SHEETS } from '../scorecard/sheetNames';
import { queueContentRows, queueSheetContent } from './writeCells';
import { WriteBatch } from './writeBatch';



/** Adds a reviewer's flag to the Flags sheet (made on first use), linked to the measure's row. */
export async function addFlag(ctx: Excel.RequestContext, input: FlagInput, options: OperationOptions = {}): Promise<ManualFlagView[]> {
  const ref = input.ref.trim();
  const comment = input.comment.trim();
  if (!ref) throw new AddinError('Give the ref of the measure to flag.');
  if (!comment) throw new AddinError('Say why the measure is flagged: the comment is what the clinic will read.');
  const { probe, read, rating } = await readAndRate(ctx, options, { full: [ADDIN_SHEETS.flags] }, false);
  const row = rating.sheets.flatMap((s) => s.rows).find((r) => sameRef(r.measure.ref, ref));
  if (!row) throw new AddinError(`No measure with ref "${ref}" on ${rating.sheets.map((s) => `"${s.sheet}"`).join(', ')}.`);
  const flagsInfo = findSheet(probe, ADDIN_SHEETS.flags);
  const grid = flagsInfo ? read.full.get(flagsInfo.name) : undefined;
  if (grid && grid.values.length && flagsHeaderRow(grid) < 0) {
    throw new AddinError(`The sheet "${flagsInfo?.name}" is not the add-in's Flags sheet (it has no Ref and Comment header): rename it and flag again.`);
  }
  if (!flagsInfo) refuseProtectedStructure(probe, 'add the Flags sheet');
  const flag = newManualFlag(row, { comment, by: input.by }, options.now ?? (() => new Date()), true);
  const batch = new WriteBatch(ctx, options.writeBudget);
  let ws: Excel.Worksheet;
  let next: number;
  if (!flagsInfo || !grid || !grid.values.length) {
    ws = await queueSheetContent(batch, ctx, emptyFlagsSheet(), { existing: flagsInfo });
    next = FLAGS_HEADER_ROW + 1;
  } else {
    ws = ctx.workbook.worksheets.getItem(flagsInfo.id);
    next = grid.values.length;
  }
  await queueContentRows(batch, ws, [flagCells(flag)], next);
  await batch.flush();
  return [...(grid ? readFlags(grid) : []), flag].map(flagView);
}

/** The reviewers' flags in the Flags sheet. */
export async function listFlags(ctx: Excel.RequestContext): Promise<ManualFlagView[]> {
  const sheets = ctx.workbook.worksheets;
  const flags = sheets.getItemOrNullObject(ADDIN_SHEETS.flags);
  flags.load('name');
  await ctx.sync();
  if (flags.isNullObject) return [];
  const range = flags.getUsedRangeOrNullObject(true);
  range.load('values,rowIndex');
  await ctx.sync();
  if (range.isNullObject) return [];
  const values = [...Array.from({ length: range.rowIndex }, () => []), ...range.values.map((r) => r.map((v) => (v === '' ? null : v)))];
  return readFlags({ name: flags.name, values }).map(flagView);
}
