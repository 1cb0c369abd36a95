/**
 * Puts a rating into an opened package: the owned cells of each rated sheet, then the tool's own sheets.
 * Returns what could not be written, and where the tool's sheets went when a sheet of the user's holds
 * their name.
 */
import type { Warning, WorkbookRating } from '../scorecard/types';
import type { SheetContent } from '../workbook/grid';
import { OWNED_SHEETS } from '../workbook/grid';
import type { WorkbookPackage } from './workbookPackage';

/** The kind each of the tool's sheets is marked with, by the name it is built under. */
const KIND_BY_NAME: Record<string, string> = {
  [OWNED_SHEETS.summary]: 'summary',
  [OWNED_SHEETS.redFlags]: 'red-flags',
  [OWNED_SHEETS.rules]: 'rules',
  [OWNED_SHEETS.history]: 'history',
};

export function applyRatingToPackage(pkg: WorkbookPackage, rating: WorkbookRating, sheets: readonly SheetContent[]): Warning[] {
  const warnings: Warning[] = [];
  for (const s of rating.sheets) warnings.push(...pkg.writeCells(s.sheet, s.writes, s.columns.explanation));
  for (const content of sheets) {
    const kind = KIND_BY_NAME[content.name] ?? content.name.toLowerCase().replace(/\s+/g, '-');
    const put = pkg.putOwnedSheet({ kind, content });
    if (put.warning) warnings.push(put.warning);
  }
  return warnings;
}
