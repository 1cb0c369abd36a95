/**
 * Puts a rating into an opened package: the owned cells of each rated sheet, then the tool's own sheets.
 * Returns what could not be written, and where the tool's sheets went when a sheet of the user's holds
 * their name.
 */
import type { Warning, WorkbookRating } from '../scorecard/types';
import type { SheetContent } from '../workbook/grid';
import type { WorkbookPackage } from './workbookPackage';

export function applyRatingToPackage(pkg: WorkbookPackage, rating: WorkbookRating, sheets: readonly SheetContent[]): Warning[] {
  const warnings: Warning[] = [];
  for (const s of rating.sheets) warnings.push(...pkg.writeCells(s.sheet, s.writes, s.columns.explanation));
  for (const content of sheets) {
    const put = pkg.putOwnedSheet(content);
    if (put.warning) warnings.push(put.warning);
  }
  return warnings;
}
