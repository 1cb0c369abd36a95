/**
 * The Excel JavaScript API version the add-in needs, checked before any call so an old Excel gets a clear
 * message instead of a failed batch.
 *
 * ExcelApi 1.9 is the lowest set with everything the adapter relies on:
 *  - Worksheet.getRanges: one format call per status over many cells (a multi-area range);
 *  - Application.suspendScreenUpdatingUntilNextSync: no repaint while the ratings are written;
 *  - Range.copyFrom: the undo backup is a copy of the touched cells inside Excel, exact for values,
 *    formulas and every format, with nothing sent over the wire;
 *  - Range.getSpecialCellsOrNullObject: finds formula cells without reading every formula.
 * 1.9 is in Microsoft 365 (Windows, Mac), Excel on the web and Excel 2021 and later; Excel 2016 and 2019
 * bought outright stop below it. The manifest's Requirements name the same version.
 */
export const EXCEL_API = { set: 'ExcelApi', version: '1.9' } as const;

/**
 * An API above EXCEL_API that the add-in uses only where Excel has it: each is asked of isSetSupported before
 * its members are called. `members` are the office-js members it brings (Class.member): the requirement-set
 * test (test/excel/apiSets.test.ts) lets a member above EXCEL_API through only when it is listed here.
 */
export interface OptionalApi {
  set: 'ExcelApi';
  version: string;
  members: readonly string[];
}

/** Worksheet merged areas arrived in 1.13; without them merges are not carried down. */
export const MERGED_AREAS_API: OptionalApi = { set: 'ExcelApi', version: '1.13', members: ['Range.getMergedAreasOrNullObject'] };

/** Every optional API, by the name the add-in's code knows it by. */
export const OPTIONAL_APIS: Readonly<Record<string, OptionalApi>> = { MERGED_AREAS_API };

export type IsSetSupported = (set: string, version: string) => boolean;

/** The message for an Excel that is too old, or null when it will do. */
export function requirementProblem(isSetSupported: IsSetSupported): string | null {
  if (isSetSupported(EXCEL_API.set, EXCEL_API.version)) return null;
  return (
    `This version of Excel is too old for the Scorecard add-in: it needs the Excel JavaScript API ${EXCEL_API.version} ` +
    '(Microsoft 365, Excel on the web, or Excel 2021 or later). Nothing was changed.'
  );
}
