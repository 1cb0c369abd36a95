/**
 * The rules a rating uses: the workbook's own Rules sheet (found by its mark, whatever it is called now),
 * under what the caller sets (the command line's --rule). One function for every host, so a bad rules cell
 * stops the run with the same message in Excel, the workbench and the command line, before anything is rated.
 */
import type { RatingRules } from '../engine/rules';
import { ownedSheet } from '../scorecard/ownedIdentity';
import { readRulesSheet } from '../scorecard/rulesSheet';
import { ScorecardError } from '../scorecard/types';
import type { SheetGrid } from '../workbook/grid';

/** How many of a sheet's problems a message lists: the rest are counted, so the message stays one line. */
const SHOWN = 3;

/**
 * The settings a Rules sheet holds; a cell that cannot be used throws, so nobody rates with a rule they did
 * not set. Undefined when there is no sheet.
 */
export function savedRules(grid: SheetGrid | undefined): Partial<RatingRules> | undefined {
  if (!grid) return undefined;
  const { rules, errors } = readRulesSheet(grid);
  if (errors.length) {
    const count = errors.length === 1 ? 'a problem' : `${errors.length} problems`;
    const more = errors.length > SHOWN ? '; …' : '';
    // Each problem names its cell ('Scorecard rules'!B5), so the error itself names no place.
    throw new ScorecardError(
      `the '${grid.name}' sheet has ${count}, so nothing was rated: ${errors.slice(0, SHOWN).join('; ')}${more}. ` +
        'Correct the sheet, or save the rules again from the Rules panel, and rate again',
    );
  }
  return rules;
}

/** The workbook's saved rules with `over` on top: `workbookRules(grids, { tolerance: 0.05 })`. */
export function workbookRules(grids: readonly SheetGrid[], over: Partial<RatingRules> = {}): Partial<RatingRules> {
  return { ...savedRules(ownedSheet(grids, 'rules')), ...over };
}
