/**
 * The command line's way in: the package repaired where Excel reads what ExcelJS misreads (packageFixes.ts),
 * then read by the ExcelJS adapter. Kept apart from the adapter, which the workbench bundles for the
 * browser, so that the repair's zip library stays out of the pages.
 */
import type { Workbook } from 'exceljs';
import type { SheetGrid } from '../workbook/grid';
import { readWorkbook } from './exceljsGrid';
import { withPackageFixes } from './packageFixes';

export async function readWorkbookFile(data: Buffer): Promise<{ workbook: Workbook; grids: SheetGrid[] }> {
  let repaired = data;
  try {
    repaired = await withPackageFixes(data);
  } catch {
    // Not a zip, or a broken one: the adapter says what is wrong with it in words a person can act on.
  }
  return readWorkbook(repaired);
}
