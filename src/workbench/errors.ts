/** Turns what the reader and the engine throw into one message that says what to do, for the workbench. */
import { ScorecardError } from '../scorecard/types';

function where(e: ScorecardError): string {
  return [e.where.sheet ? `sheet "${e.where.sheet}"` : '', e.where.cell ? `cell ${e.where.cell}` : ''].filter(Boolean).join(', ');
}

/** Why an opened file cannot be used at all, and what to open instead. */
export function openError(fileName: string, e: unknown): Error {
  const reason = e instanceof Error ? e.message : String(e);
  return new Error(`"${fileName}" cannot be opened: ${reason}. Choose the scorecard workbook saved from Excel as .xlsx (File > Save As > Excel Workbook).`);
}

/** Why a workbook could not be rated: the sheet and cell, the reason, and that the fix is in Excel. */
export function ratingError(e: unknown): Error {
  if (e instanceof ScorecardError) {
    const at = where(e);
    return new Error(`${at ? `${at}: ` : ''}${e.message}. Correct the workbook in Excel, save it, and open it here again.`);
  }
  return e instanceof Error ? e : new Error(String(e));
}
