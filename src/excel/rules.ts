/** The Rules panel's two operations: read the 'Scorecard rules' sheet, and rewrite it from the panel. */
import type { RatingRules } from '../engine/rules';
import type { RulesView } from '../taskpane/host';
import { rulesSheetFor, rulesView } from '../taskpane/rulesView';
import type { CellValue } from '../workbook/grid';
import { AddinError } from './errors';
import type { OperationOptions } from './shared';
import { ADDIN_SHEETS } from '../scorecard/sheetNames';
import { queueSheetContent } from './writeCells';
import { WriteBatch } from './writeBatch';

/** Reads the Rules sheet (two round trips: whether it exists, then its cells). */
export async function readRules(ctx: Excel.RequestContext): Promise<RulesView> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(ADDIN_SHEETS.rules);
  ws.load('name');
  await ctx.sync();
  if (ws.isNullObject) return rulesView(undefined);
  const range = ws.getUsedRangeOrNullObject(true);
  range.load('values,rowIndex,columnIndex');
  await ctx.sync();
  if (range.isNullObject) return rulesView({ name: ws.name, values: [] });
  // Placed at their real rows and columns, so the problems name the cells a person sees.
  const values: CellValue[][] = [
    ...Array.from({ length: range.rowIndex }, () => []),
    ...range.values.map((row) => [...new Array<CellValue>(range.columnIndex).fill(null), ...row.map((v): CellValue => (v === '' ? null : (v as CellValue)))]),
  ];
  return rulesView({ name: ws.name, values });
}

/**
 * Rewrites the Rules sheet from the panel: one round trip to find the sheet and the table names in use,
 * one to write. Rules that would not read back are refused before anything is written.
 */
export async function saveRules(ctx: Excel.RequestContext, rules: RatingRules, options: OperationOptions = {}): Promise<void> {
  const { content, problems } = rulesSheetFor(rules);
  if (problems.length) throw new AddinError(`These rules cannot be saved: ${problems.join('; ')}. Nothing was changed.`);
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/id,items/name,items/position,items/visibility');
  wb.protection.load('protected');
  wb.tables.load('items/name,items/worksheet/name');
  await ctx.sync();
  const existing = sheets.items.find((s) => s.name.toLowerCase() === ADDIN_SHEETS.rules.toLowerCase());
  if (wb.protection.protected) {
    throw new AddinError('The workbook structure is protected, so the add-in cannot rewrite its Rules sheet: unprotect it (Review > Protect Workbook) and save again. Nothing was changed.');
  }
  const tableNames = new Set(wb.tables.items.filter((t) => t.worksheet.name.toLowerCase() !== ADDIN_SHEETS.rules.toLowerCase()).map((t) => t.name.toLowerCase()));
  const batch = new WriteBatch(ctx, options.writeBudget);
  await queueSheetContent(batch, ctx, content, {
    existing: existing ? { id: existing.id, name: existing.name, position: existing.position, visible: existing.visibility === 'Visible' } : undefined,
    tableNames,
  });
  await batch.flush();
}
