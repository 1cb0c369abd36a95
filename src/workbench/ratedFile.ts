/** What the rated download is called, and whether it must stay a macro-enabled file to open in Excel. */
import type { WorkbookPackage } from '../xlsx/workbookPackage';

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** True when the package's workbook part is macro-enabled: Excel refuses such a file named .xlsx. */
export function isMacroEnabled(pkg: WorkbookPackage): boolean {
  return (pkg.text('[Content_Types].xml') ?? '').includes(MACRO_MAIN);
}

/**
 * The rated file's name: "scorecard.xlsx" → "scorecard (rated).xlsx". A workbook with macros keeps them
 * (the patcher copies them as they are), so it stays an .xlsm.
 */
export function ratedFileName(fileName: string, macroEnabled = false): string {
  const base = fileName.replace(/\.xls[xm]$/i, '') || 'scorecard';
  return `${base} (rated).${macroEnabled ? 'xlsm' : 'xlsx'}`;
}
