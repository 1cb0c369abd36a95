/** Reviewers' flags: added to the Flags sheet, linked to the measure's row, and read back. */
import { checkedFlag, flaggedRow } from '../app/flagging';
import type { FlagInput, FlagsOutcome, ManualFlagView } from '../app/host';
import { flagsOutcome } from '../app/outcome';
import type { Warning } from '../scorecard/types';
import { AddinError } from './errors';
import { placedValues } from './gridBlocks';
import { emptyFlagsSheet, flagCells, FLAGS_HEADER_ROW, flagsHeaderRow, flagView, newManualFlag, readFlags } from '../scorecard/manualFlags';
import { ownedInfo, queueOwnedSheet, readAndRate, refuseProtectedStructure } from './shared';
import type { OperationOptions } from './shared';
import { findOwnedSheet } from './ownedSheetLookup';
import { queueContentRows } from './writeCells';
import { WriteBatch } from './writeBatch';

/** Adds a reviewer's flag to the Flags sheet (made on first use), linked to the measure's row. */
export async function addFlag(ctx: Excel.RequestContext, input: FlagInput, options: OperationOptions = {}): Promise<FlagsOutcome> {
  const { ref, comment, by } = checkedFlag(input);
  const { probe, read, rating } = await readAndRate(ctx, options, { full: ['flags'] }, false);
  const row = flaggedRow(rating, ref);
  const flagsInfo = ownedInfo(probe, 'flags');
  const grid = read.full.get('flags');
  if (grid && grid.values.length && flagsHeaderRow(grid) < 0) {
    throw new AddinError(`The add-in's Flags sheet "${flagsInfo?.name}" has lost its header row (Ref and Comment): put it back and flag again.`);
  }
  if (!flagsInfo) refuseProtectedStructure(probe, 'add the Flags sheet');
  const flag = newManualFlag(row, { comment, by }, options.now ?? (() => new Date()), true);
  const batch = new WriteBatch(ctx, options.writeBudget);
  let ws: Excel.Worksheet;
  let next: number;
  let warnings: Warning[] = [];
  if (!flagsInfo || !grid || !grid.values.length) {
    ({ ws, warnings } = await queueOwnedSheet(batch, ctx, probe, emptyFlagsSheet()));
    next = FLAGS_HEADER_ROW + 1;
  } else {
    ws = ctx.workbook.worksheets.getItem(flagsInfo.id);
    next = grid.values.length;
  }
  await queueContentRows(batch, ws, [flagCells(flag)], next);
  await batch.flush();
  return flagsOutcome([...(grid ? readFlags(grid) : []), flag].map(flagView), warnings);
}

/** The reviewers' flags in the add-in's Flags sheet, found by its mark. */
export async function listFlags(ctx: Excel.RequestContext): Promise<ManualFlagView[]> {
  const found = await findOwnedSheet(ctx, 'flags', (ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('values,rowIndex,columnIndex');
    return range;
  });
  if (!found.sheet || !found.read || found.read.isNullObject) return [];
  return readFlags({ name: found.sheet.name, values: placedValues(found.read) }).map(flagView);
}
