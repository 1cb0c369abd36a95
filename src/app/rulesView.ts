/**
 * The Rules panel's view of a workbook's Rules sheet, and the check made before saving: pure, so the Excel
 * host and the workbench read and save the sheet the same way as the command line.
 */
import { defaultRules } from '../engine/rules';
import type { RatingRules } from '../engine/rules';
import { buildRulesSheet, readRulesSheet } from '../scorecard/rulesSheet';
import type { CellValue, SheetContent, SheetGrid } from '../workbook/grid';
import type { RulesView } from './host';

/** The defaults with what the sheet sets on top (what rateWorkbook uses before the workbook's own key). */
export function rulesView(grid: SheetGrid | undefined): RulesView {
  const rules = defaultRules();
  if (!grid) return { rules, saved: false, problems: [] };
  const { rules: saved, errors } = readRulesSheet(grid);
  return {
    rules: { ...rules, ...saved, symbols: { ...rules.symbols, ...saved.symbols }, dotSymbols: { ...rules.dotSymbols, ...saved.dotSymbols } },
    saved: true,
    problems: errors,
  };
}

/** A sheet's content as the grid a host would read back from it. */
export function contentGrid(content: SheetContent): SheetGrid {
  return { name: content.name, values: content.rows.map((row) => row.map((c): CellValue => c?.value ?? null)) };
}

/**
 * The Rules sheet these rules make, or what is wrong with them. The sheet is read back exactly as the next
 * Recalculate will read it, so nothing is saved that would stop the next run.
 */
export function rulesSheetFor(rules: RatingRules): { content: SheetContent; problems: string[] } {
  const content = buildRulesSheet(rules);
  return { content, problems: readRulesSheet(contentGrid(content)).errors };
}

/** The Rules sheet to save, or an error listing what would not read back: checked before anything is written. */
export function savableRulesSheet(rules: RatingRules): SheetContent {
  const { content, problems } = rulesSheetFor(rules);
  if (problems.length) throw new Error(`These rules cannot be saved: ${problems.join('; ')}. Nothing was changed.`);
  return content;
}
