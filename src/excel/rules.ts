/** The Rules panel's two operations: read the 'Scorecard rules' sheet, and rewrite it from the panel. */
import type { RatingRules } from '../engine/rules';
import type { RulesView, SavedRulesOutcome } from '../app/host';
import { savedRulesOutcome } from '../app/outcome';
import { rulesView, savableRulesSheet } from '../app/rulesView';
import { tableNamesOutside } from '../workbook/sheetName';
import { AddinError } from './errors';
import { placedValues } from './gridBlocks';
import type { OperationOptions } from './shared';
import { planOwnedSheetNames } from '../scorecard/ownedIdentity';
import { findOwnedSheet } from './ownedSheetLookup';
import { queueSheetContent } from './writeCells';
import { WriteBatch } from './writeBatch';

/** Reads the add-in's Rules sheet, found by its mark (two round trips; three when it was renamed). */
export async function readRules(ctx: Excel.RequestContext): Promise<RulesView> {
  const found = await findOwnedSheet(ctx, 'rules', (ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('values,rowIndex,columnIndex');
    return range;
  });
  if (!found.sheet || !found.read) return rulesView(undefined);
  const range = found.read;
  return rulesView({ name: found.sheet.name, values: range.isNullObject ? [] : placedValues(range) });
}

/**
 * Rewrites the Rules sheet from the panel: one round trip for the sheets, the table names in use and the
 * protection, one for the marks, one to write. Rules that would not read back are refused before anything
 * is written. The add-in's Rules sheet is rebuilt under its own name; a user's sheet of that name is kept.
 */
export async function saveRules(ctx: Excel.RequestContext, rules: RatingRules, options: OperationOptions = {}): Promise<SavedRulesOutcome> {
  const content = savableRulesSheet(rules);
  const wb = ctx.workbook;
  const found = await findOwnedSheet(ctx, 'rules', () => null, () => {
    wb.protection.load('protected');
    wb.tables.load('items/name,items/worksheet/name');
  });
  if (wb.protection.protected) {
    throw new AddinError('The workbook structure is protected, so the add-in cannot rewrite its Rules sheet: unprotect it (Review > Protect Workbook) and save again. Nothing was changed.');
  }
  const { names, warnings } = planOwnedSheetNames(found.sheets, ['rules']);
  const tables = wb.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
  const tableNames = tableNamesOutside(tables, found.sheet?.name);
  const batch = new WriteBatch(ctx, options.writeBudget);
  await queueSheetContent(batch, ctx, { ...content, name: names.rules }, { existing: found.sheet, tableNames });
  await batch.flush();
  return savedRulesOutcome(warnings);
}
