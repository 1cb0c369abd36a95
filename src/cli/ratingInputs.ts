/**
 * What a rating needs from the workbook besides its cells: the sheet to rate (found as Excel finds it,
 * whatever the case) and the rules (the workbook's own Scorecard rules sheet under the command line's).
 * Both refuse before any rating, so a protected sheet or a bad rules cell never leaves a partial result.
 */
import type { RatingRules } from '../engine/rules';
import { readRulesSheet } from '../scorecard/rulesSheet';
import { ownedSheet, userSheets } from '../scorecard/ownedIdentity';
import type { SheetGrid } from '../workbook/grid';
import { InputError } from './cliErrors';

function findGrid(grids: SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name === name) ?? grids.find((g) => g.name.toLowerCase() === name.toLowerCase());
}


/**
 * Refuses a protected scorecard: the sheet asked for, or every user sheet when none is asked for and all are
 * protected. A protected sheet among writable ones is left to the rating itself. Returns the sheet's name as
 * the workbook spells it.
 */
export function chooseSheet(grids: SheetGrid[], sheet: string | undefined): string | undefined {
  if (sheet !== undefined) {
    const grid = findGrid(grids, sheet);
    if (!grid) {
      const names = grids.map((g) => `"${g.name}"`).join(', ');
      throw new InputError(`there is no sheet "${sheet}" (sheets: ${names})`, {});
    }
    if (grid.protected) throw new InputError('the sheet is protected: unprotect it in Excel to rate it', { sheet: grid.name });
    return grid.name;
  }
  const users = userSheets(grids);
  if (users.length > 0 && users.every((g) => g.protected)) {
    throw new InputError('the sheet is protected: unprotect it in Excel to rate it', { sheet: users[0].name });
  }
  return undefined;
}

/** The workbook's own Scorecard rules sheet, overridden by the command line. A bad cell stops the run. */
export function workbookRules(grids: SheetGrid[], flags: Partial<RatingRules>): Partial<RatingRules> {
  // Found by its mark, whatever it is called now.
  const sheet = ownedSheet(grids, 'rules');
  if (!sheet) return { ...flags };
  const { rules, errors } = readRulesSheet(sheet);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new InputError(`${errors[0]}${more}`, {});
  }
  return { ...rules, ...flags };
}
